/**
 * Running statements with a time limit and a row cap. DuckDB has no statement timeout, so a timer
 * calls `connection.interrupt()`, which stops the query and leaves the connection usable.
 */
import type { DuckDBConnection, DuckDBDataChunk, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { BatonError } from '../errors.ts';
import { QueryCancelledError, QueryTimeoutError } from './errors.ts';
import type { QueryResult, SqlValue } from './types.ts';
import { converterFor } from './values.ts';

export interface Limits {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `work` on `connection`, interrupting it after `timeoutMs` or when `signal` aborts.
 * Errors other than the interruption go through `mapError`.
 */
export async function interruptible<T>(
  connection: DuckDBConnection,
  { timeoutMs, signal }: Limits,
  work: () => Promise<T>,
  mapError: (error: unknown) => BatonError,
): Promise<T> {
  if (signal?.aborted) throw new QueryCancelledError({ cause: signal.reason });
  let stopped: 'timeout' | 'cancelled' | undefined;
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stopped) return;
    stopped = reason;
    connection.interrupt();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancelled');
  signal?.addEventListener('abort', onAbort, { once: true });
  const interruption = (cause?: unknown) =>
    stopped === 'timeout'
      ? new QueryTimeoutError(timeoutMs, { cause })
      : new QueryCancelledError({ cause: cause ?? signal?.reason });
  try {
    const result = await work();
    // An interrupted stream can end early without an error: never return its partial rows.
    if (stopped) throw interruption();
    return result;
  } catch (error) {
    if (error instanceof QueryTimeoutError || error instanceof QueryCancelledError) throw error;
    if (stopped) throw interruption(error);
    throw mapError(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Streams a result, keeping the first `rowCap` rows (columnar, converted) and counting the rest. */
export async function readCapped(result: DuckDBResult, rowCap: number): Promise<QueryResult> {
  const collector = new CappedCollector(result, rowCap);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    collector.add(chunk);
  }
  return collector.result();
}

/** Keeps the first `rowCap` rows of the chunks it is given, columnar and converted, and counts all. */
export class CappedCollector {
  readonly #names: string[];
  readonly #types: DuckDBType[];
  readonly #converters: ReturnType<typeof converterFor>[];
  readonly #data: SqlValue[][];
  #totalRows = 0;

  constructor(
    result: DuckDBResult,
    private readonly rowCap: number,
  ) {
    this.#names = result.deduplicatedColumnNames();
    this.#types = result.columnTypes();
    this.#converters = this.#types.map(converterFor);
    this.#data = this.#names.map(() => []);
  }

  add(chunk: DuckDBDataChunk): void {
    const keep = Math.min(chunk.rowCount, this.rowCap - Math.min(this.#totalRows, this.rowCap));
    for (let column = 0; column < this.#names.length && keep > 0; column++) {
      const vector = chunk.getColumnVector(column);
      const convert = this.#converters[column]!;
      const out = this.#data[column]!;
      for (let row = 0; row < keep; row++) out.push(convert(vector.getItem(row)));
    }
    this.#totalRows += chunk.rowCount;
  }

  result(): QueryResult {
    const rowCount = Math.min(this.#totalRows, this.rowCap);
    return {
      columns: this.#names.map((name, index) => ({ name, type: this.#types[index]!.toString() })),
      data: this.#data,
      rowCount,
      totalRows: this.#totalRows,
      truncated: this.#totalRows > rowCount,
    };
  }
}
