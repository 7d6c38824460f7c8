import type { QueryResult } from '../engine/types.ts';

/** A cell result kept between runs: the full result in a warehouse table, the capped rows in memory. */
export interface CachedResult {
  key: string;
  /** Trusted, fully qualified name of the table holding the full result. */
  table: string;
  result: QueryResult;
}

/**
 * Results by content key, least recently used first out. Evicting an entry hands its table to
 * `onEvict` so the runner can drop it from the warehouse.
 */
export class ResultCache {
  readonly #entries = new Map<string, CachedResult>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (entry: CachedResult) => Promise<void>,
  ) {}

  get(key: string): CachedResult | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** The entry without marking it as used. */
  peek(key: string): CachedResult | undefined {
    return this.#entries.get(key);
  }

  async set(entry: CachedResult): Promise<void> {
    this.#entries.delete(entry.key);
    this.#entries.set(entry.key, entry);
    while (this.#entries.size > this.capacity) {
      const [oldestKey, oldest] = this.#entries.entries().next().value!;
      this.#entries.delete(oldestKey);
      await this.onEvict(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
