/**
 * The events of one long task (a notebook run, a sync), kept so that a client that connects late
 * or reconnects replays them, then follows the live ones until the log is closed.
 *
 * @example
 * const log = new EventLog<RunEvent>();
 * log.push(event); // ... and after the last one:
 * log.close();
 * for await (const { index, event } of log.follow(0)) send(index, event);
 */
export class EventLog<E> {
  readonly #events: E[] = [];
  /** Woken on each new event and on close. */
  readonly #waiters = new Set<() => void>();
  #closed = false;

  get length(): number {
    return this.#events.length;
  }

  get closed(): boolean {
    return this.#closed;
  }

  push(event: E): void {
    if (this.#closed) throw new Error('An event arrived after the log was closed.');
    this.#events.push(event);
    this.#wake();
  }

  /** No event follows: followers end after the last one. */
  close(): void {
    this.#closed = true;
    this.#wake();
  }

  /** The events from index `from`: those so far, then live ones, until close (or `signal`). */
  async *follow(from = 0, signal?: AbortSignal): AsyncGenerator<{ index: number; event: E }> {
    let index = Math.max(0, from);
    for (;;) {
      while (index < this.#events.length) {
        yield { index, event: this.#events[index]! };
        index++;
      }
      if (this.#closed || signal?.aborted) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.#waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  #wake(): void {
    for (const wake of [...this.#waiters]) wake();
  }
}
