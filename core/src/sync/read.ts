/**
 * One stream of one connection, synced: its window, split in chunks; each chunk read (with
 * retries), staged and committed, its cursor saved right after the commit; the run recorded.
 */
import { randomUUID } from 'node:crypto';
import { rowsToBatch, type ColumnarBatch, type Warehouse } from '../engine/index.ts';
import {
  BugError,
  type Connector,
  type ConnectorContext,
  type StreamDefinition,
} from '../spec/index.ts';
import type { MetadataStore } from './metadata.ts';
import { describeFailure } from './records.ts';
import { withRetry, type RetryPolicy } from './retry.ts';
import type { SyncEvent, SyncOptions, SyncRunRecord, SyncWindow } from './types.ts';
import { computeWindow, splitWindow, todayIn } from './window.ts';
import { ensureRawTable, rawSchema, StreamWriter } from './write.ts';

export interface StreamRun {
  host: string;
  meta: MetadataStore;
  warehouse: Warehouse;
  connector: Connector;
  connection: string;
  stream: StreamDefinition;
  /** Secret values to redact. */
  hidden: string[];
  signal: AbortSignal;
  now(): Date;
  sleep(ms: number): Promise<void>;
  policy: RetryPolicy;
  chunkDays: number;
  options: SyncOptions;
}

type Prepared = { context: ConnectorContext<unknown, unknown>; timeZone: string };

/** Syncs the stream and returns its run record (failures are recorded, not thrown). */
export async function readStream(
  run: StreamRun,
  prepared: Prepared | undefined,
  setupError: unknown,
): Promise<SyncRunRecord> {
  const { meta, stream, connection } = run;
  const started = performance.now();
  const emit = (event: SyncEvent) => run.options.onEvent?.(event);
  let window: SyncWindow | undefined;
  if (prepared && stream.cursor && stream.writeMode !== 'replace') {
    window = computeWindow({
      cursor: stream.cursor,
      lastCursor: meta.cursor(connection, stream.name).cursor,
      today: todayIn(prepared.timeZone, run.now()),
      since: run.options.since,
      fullRefresh: run.options.fullRefresh,
    });
  }
  const record: SyncRunRecord = {
    id: randomUUID(),
    connection,
    plugin: run.connector.id,
    stream: stream.name,
    ...(window ? { windowStart: window.start, windowEnd: window.end } : {}),
    rows: 0,
    durationMs: 0,
    status: 'running',
    startedAt: run.now().toISOString(),
  };
  meta.startRun(record, run.host);
  emit({ type: 'stream-started', connection, stream: stream.name, ...(window ? { window } : {}) });
  let chunk: SyncWindow | undefined;
  try {
    if (!prepared) throw setupError;
    const table = await ensureRawTable(run.warehouse, rawSchema(run.connector.id), stream);
    for (chunk of window ? splitWindow(window, run.chunkDays) : [undefined]) {
      const current = chunk;
      record.rows += await withRetry(
        run.policy,
        {
          sleep: run.sleep,
          signal: run.signal,
          onRetry: ({ attempt, delayMs, error }) =>
            emit({
              type: 'stream-retrying',
              connection,
              stream: stream.name,
              attempt,
              delayMs,
              errorKind: error.kind,
              message: describeFailure(error, failureContext(run, current, false)).message,
            }),
        },
        () => readChunk(run, prepared.context, table, current, record.rows, started),
      );
      if (current)
        meta.saveCursor(connection, stream.name, { cursor: current.end }, run.now().toISOString());
      meta.updateRun({ ...record, durationMs: performance.now() - started });
    }
    record.status = 'succeeded';
  } catch (error) {
    const failure = describeFailure(
      error,
      failureContext(run, chunk ?? window, run.signal.aborted),
    );
    record.status = failure.kind === 'aborted' ? 'interrupted' : 'failed';
    record.errorKind = failure.kind;
    record.errorMessage = failure.message;
    emit({
      type: 'stream-failed',
      connection,
      stream: stream.name,
      errorKind: failure.kind,
      message: failure.message,
      ...(failure.hint ? { hint: failure.hint } : {}),
    });
  }
  record.durationMs = performance.now() - started;
  record.finishedAt = run.now().toISOString();
  meta.updateRun(record);
  if (record.status === 'succeeded')
    emit({
      type: 'stream-finished',
      connection,
      stream: stream.name,
      rows: record.rows,
      durationMs: record.durationMs,
    });
  return record;
}

function failureContext(run: StreamRun, window: SyncWindow | undefined, aborted: boolean) {
  return {
    plugin: run.connector.id,
    connection: run.connection,
    stream: run.stream.name,
    ...(window ? { window } : {}),
    secrets: run.hidden,
    aborted,
  };
}

/**
 * Reads one chunk into a fresh stage and commits it. `replace-window` and `replace` commit once,
 * at the end (a partial window must never replace a whole one); `merge` and `append` also commit
 * at each checkpoint, saving the connector's state after the commit so a retry or a resumed
 * sync continues from there (both are idempotent on a re-read: merge by key, append skips known keys).
 */
async function readChunk(
  run: StreamRun,
  context: ConnectorContext<unknown, unknown>,
  table: string,
  window: SyncWindow | undefined,
  rowsBefore: number,
  started: number,
): Promise<number> {
  const { stream, connection, meta } = run;
  const pendingKey = window ?? { start: '', end: '' };
  const saved = meta.cursor(connection, stream.name);
  const pending = saved.pending;
  const resumeState =
    pending && pending.window.start === pendingKey.start && pending.window.end === pendingKey.end
      ? pending.state
      : undefined;
  const commitsAtCheckpoints = stream.writeMode === 'merge' || stream.writeMode === 'append';
  const names = stream.columns.map((column) => column.name);
  const known = new Set(names);
  const writer = await StreamWriter.open(run.warehouse, table, stream, connection);
  const messages = run.connector.read(context as never, stream, {
    ...(window ? { window } : {}),
    ...(resumeState !== undefined ? { state: resumeState } : {}),
    fullRefresh: run.options.fullRefresh ?? false,
  });
  const iterator = messages[Symbol.asyncIterator]();
  const state: { finished: boolean; checkpoint?: { state: unknown } } = { finished: false };
  let readError: unknown;
  let rows = 0;
  let pages = 0;
  let progress: { done?: number; total?: number } = {};
  const reportProgress = () =>
    run.options.onEvent?.({
      type: 'stream-progress',
      connection,
      stream: stream.name,
      rows: rowsBefore + rows,
      pages,
      ...progress,
      elapsedMs: performance.now() - started,
    });

  async function* batches(): AsyncGenerator<ColumnarBatch> {
    try {
      for (;;) {
        run.signal.throwIfAborted();
        const next = await iterator.next();
        if (next.done) {
          state.finished = true;
          return;
        }
        const message = next.value;
        if (message.type === 'record-batch') {
          const first = message.rows[0];
          if (first) {
            const extra = Object.keys(first).find((key) => !known.has(key));
            if (extra !== undefined)
              throw new BugError(
                `Stream ${stream.name} yielded a column "${extra}" it does not declare.`,
              );
          }
          rows += message.rows.length;
          pages++;
          yield rowsToBatch(message.rows, names);
          reportProgress();
        } else if (message.type === 'state-checkpoint') {
          if (commitsAtCheckpoints) {
            state.checkpoint = { state: message.state };
            return;
          }
        } else if (message.type === 'progress') {
          progress = {
            done: message.done,
            ...(message.total !== undefined ? { total: message.total } : {}),
          };
          reportProgress();
        } else if (message.type === 'log') {
          context.logger[message.level](message.message);
        } else if (message.type === 'warning') {
          context.logger.warn(message.message);
        }
      }
    } catch (error) {
      readError = error;
      throw error;
    }
  }

  try {
    while (!state.finished) {
      state.checkpoint = undefined;
      await writer.append(batches());
      const checkpoint = state.checkpoint as { state: unknown } | undefined;
      await writer.commit(window);
      if (checkpoint) {
        meta.saveCursor(
          connection,
          stream.name,
          {
            ...(saved.cursor ? { cursor: saved.cursor } : {}),
            pending: { window: pendingKey, state: checkpoint.state },
          },
          run.now().toISOString(),
        );
      }
    }
    return rows;
  } catch (error) {
    throw readError ?? error;
  } finally {
    if (!state.finished) await iterator.return?.().catch(() => {});
    await writer.close();
  }
}
