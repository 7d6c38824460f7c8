import { randomUUID } from 'node:crypto';
import { BatonError } from '@baton/core';
import type { SyncHost, SyncRunRecord } from '@baton/core/sync';
import type { SyncFinishedEvent, SyncStreamEvent } from './api-types.ts';
import { EventLog } from './event-log.ts';

interface SyncRecord {
  syncId: string;
  connection: string;
  /** Closed after `sync-finished`. */
  events: EventLog<SyncStreamEvent>;
}

/**
 * Starts syncs on the workspace's sync host, one at a time per connection, and keeps the last
 * `capacity` of them in memory so their events can be followed (and replayed) over SSE.
 *
 * @example
 * const syncs = new SyncManager(host);
 * const { syncId } = syncs.start('demo');
 * for await (const { event } of syncs.events(syncId)) console.log(event.type);
 */
export class SyncManager {
  readonly #syncs = new Map<string, SyncRecord>();
  readonly #pending = new Set<Promise<unknown>>();

  constructor(
    private readonly host: SyncHost,
    private readonly capacity = 50,
  ) {}

  /** Starts syncing one connection; an `exists` error while a sync of it is still going. */
  start(connection: string): { syncId: string } {
    const running = [...this.#syncs.values()].find(
      (record) => record.connection === connection && !record.events.closed,
    );
    if (running) {
      throw new BatonError(
        'exists',
        `Connection "${connection}" is already syncing (sync ${running.syncId}).`,
        `Follow it at /api/connections/syncs/${running.syncId}/events, or wait for it to finish.`,
      );
    }
    const record: SyncRecord = {
      syncId: randomUUID(),
      connection,
      events: new EventLog(),
    };
    this.#keep(record);
    const work = this.host.sync({ connection, onEvent: (event) => record.events.push(event) }).then(
      (records) => this.#finish(record, records),
      (error: unknown) => this.#finish(record, [], error),
    );
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
    return { syncId: record.syncId };
  }

  /** The sync's events from index `from`: those so far, then live ones, up to `sync-finished`. */
  events(
    syncId: string,
    from = 0,
    signal?: AbortSignal,
  ): AsyncGenerator<{ index: number; event: SyncStreamEvent }> {
    return this.#get(syncId).events.follow(from, signal);
  }

  /** Throws `not-found` for a sync that is unknown or no longer kept. */
  assertKnown(syncId: string): void {
    this.#get(syncId);
  }

  /** Waits for the syncs still going (on shutdown). */
  async settle(): Promise<void> {
    await Promise.all(this.#pending);
  }

  #get(syncId: string): SyncRecord {
    const record = this.#syncs.get(syncId);
    if (!record) {
      throw new BatonError(
        'not-found',
        `There is no sync ${syncId} (syncs are kept in memory, the last ${this.capacity} only).`,
        'Start a sync with POST /api/connections/:name/syncs.',
      );
    }
    return record;
  }

  #finish(record: SyncRecord, records: SyncRunRecord[], error?: unknown): void {
    const failed = error !== undefined || records.some((run) => run.status !== 'succeeded');
    const finished: SyncFinishedEvent = {
      type: 'sync-finished',
      syncId: record.syncId,
      connection: record.connection,
      status: failed ? 'failed' : 'succeeded',
      rows: records.reduce((total, run) => total + run.rows, 0),
      streams: records.map((run) => ({
        name: run.stream,
        status: run.status,
        rows: run.rows,
        ...(run.errorKind ? { errorKind: run.errorKind } : {}),
        ...(run.errorMessage ? { errorMessage: run.errorMessage } : {}),
      })),
      ...(error !== undefined
        ? { errorMessage: error instanceof Error ? error.message : String(error) }
        : {}),
    };
    record.events.push(finished);
    record.events.close();
  }

  #keep(record: SyncRecord): void {
    this.#syncs.set(record.syncId, record);
    for (const [syncId, old] of this.#syncs) {
      if (this.#syncs.size <= this.capacity) break;
      if (old.events.closed) this.#syncs.delete(syncId);
    }
  }
}
