/** The sync host's public shapes: connection summaries, run records, events. */
import type { ConnectorErrorKind } from '../spec/index.ts';

export type ConnectionStatus = 'ok' | 'failing' | 'never-synced' | 'stopped';

/** What the host tells about a connection; never its secret fields. */
export interface ConnectionSummary {
  name: string;
  plugin: string;
  status: ConnectionStatus;
  lastSuccessAt?: string;
  /** Rows written by the latest run of each of its streams. */
  rows: number;
  lastErrorKind?: SyncErrorKind;
  lastErrorMessage?: string;
}

/** A connector error kind, or `aborted` (the caller's signal) or `secret-key`. */
export type SyncErrorKind = ConnectorErrorKind | 'aborted';

export type SyncRunStatus = 'succeeded' | 'failed' | 'running' | 'interrupted';

/** One stream of one connection, synced once. */
export interface SyncRunRecord {
  id: string;
  connection: string;
  plugin: string;
  stream: string;
  windowStart?: string;
  windowEnd?: string;
  rows: number;
  durationMs: number;
  status: SyncRunStatus;
  errorKind?: SyncErrorKind;
  errorMessage?: string;
  /** ISO timestamps. */
  startedAt: string;
  finishedAt?: string;
}

export type SyncWindow = { start: string; end: string };

export type SyncEvent =
  | { type: 'stream-started'; connection: string; stream: string; window?: SyncWindow }
  | {
      type: 'stream-progress';
      connection: string;
      stream: string;
      rows: number;
      pages: number;
      done?: number;
      total?: number;
      elapsedMs: number;
    }
  | {
      type: 'stream-retrying';
      connection: string;
      stream: string;
      attempt: number;
      delayMs: number;
      errorKind: SyncErrorKind;
      message: string;
    }
  | {
      type: 'stream-finished';
      connection: string;
      stream: string;
      rows: number;
      durationMs: number;
    }
  | {
      type: 'stream-failed';
      connection: string;
      stream: string;
      errorKind: SyncErrorKind;
      message: string;
      hint?: string;
    };

export interface SyncOptions {
  /** One connection; default every connection that is not stopped. */
  connection?: string;
  /** Ignore saved cursors: start `initialDays` before today. */
  fullRefresh?: boolean;
  /** `YYYY-MM-DD`: start here instead of the cursor. */
  since?: string;
  signal?: AbortSignal;
  onEvent?: (event: SyncEvent) => void;
}
