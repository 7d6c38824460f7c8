/**
 * A small pool of connections to one hardened instance. Settings are global and locked, so every
 * new connection is as hardened as the first. Connections are created lazily up to `size`;
 * callers wait in order when all are busy.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { BatonError } from '../errors.ts';

export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly busy = new Set<DuckDBConnection>();
  private readonly waiting: Array<{
    resolve: (connection: DuckDBConnection) => void;
    reject: (error: Error) => void;
  }> = [];
  private opening = 0;
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    first: DuckDBConnection,
    private readonly size: number,
  ) {
    this.idle.push(first);
  }

  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw closedError();
    const idle = this.idle.pop();
    if (idle) return this.lend(idle);
    if (this.busy.size + this.opening < this.size) {
      this.opening++;
      try {
        return this.lend(await this.instance.connect());
      } finally {
        this.opening--;
      }
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /**
   * Gives a connection back. `discard` closes it instead (a session's temp views and settings
   * must not leak into the next user); a fresh one is opened when needed.
   */
  release(connection: DuckDBConnection, { discard = false } = {}): void {
    if (!this.busy.delete(connection)) return;
    if (discard || this.closed) {
      connection.closeSync();
      if (this.waiting.length > 0 && !this.closed) void this.replace();
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(this.lend(connection));
    else this.idle.push(connection);
  }

  /** Runs `work` on a pooled connection and gives it back. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  /** Interrupts running work, waits (briefly) for it to stop, then closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    for (const connection of this.busy) connection.interrupt();
    const deadline = Date.now() + 5_000;
    while (this.busy.size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    for (const connection of [...this.idle.splice(0), ...this.busy]) connection.closeSync();
    this.busy.clear();
  }

  private lend(connection: DuckDBConnection): DuckDBConnection {
    this.busy.add(connection);
    return connection;
  }

  private async replace(): Promise<void> {
    this.opening++;
    try {
      const connection = await this.instance.connect();
      if (this.closed) return connection.closeSync();
      const next = this.waiting.shift();
      if (next) next.resolve(this.lend(connection));
      else this.idle.push(connection);
    } catch (error) {
      this.waiting.shift()?.reject(error as Error);
    } finally {
      this.opening--;
    }
  }
}

function closedError(): BatonError {
  return new BatonError(
    'closed',
    'The warehouse is closed.',
    'Open it again with Warehouse.open().',
  );
}
