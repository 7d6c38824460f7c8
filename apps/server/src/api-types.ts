/**
 * The shapes the API answers with (see docs/api.md). The routes build these; the web app reads
 * them through Hono's typed client, or imports them by name for component props.
 */
import type { AlertSummary } from '@baton/core/checks';
import type { AskCellOutcome, CellError, RunEvent } from '@baton/core/run';
import type { CellKind, InputType, NotebookDiagnostic } from '@baton/core/notebook';
import type { StoredNotebook, StoredNotebookSummary } from '@baton/core/store';
import type { SyncEvent } from '@baton/core/sync';

export type { CellError, RunEvent, CellKind, InputType, NotebookDiagnostic, SyncEvent };

/** The notebook store's own shapes: what it keeps is what the API answers. */
export type NotebookSummary = StoredNotebookSummary;
export type NotebookFile = StoredNotebook;

export interface ReportInput {
  name: string;
  type: InputType;
  label: string;
  default?: unknown;
  options?: (string | number)[];
  /** The value as bound: `{ start, end }` for a date range, else the parameter's value. */
  value: unknown;
}

export interface ReportView {
  id: string;
  title: string;
  description?: string;
  /** ISO time of the workspace's latest successful sync: how fresh the numbers are. */
  dataAsOf?: string;
  locale: 'en' | 'fr';
  inputs: ReportInput[];
  params: Record<string, unknown>;
  /** The report body (header, cells, footer) from the HTML export's renderer; charts inline SVG. */
  html: string;
  /** The report's styles, scoped under `.baton-report`. */
  css: string;
  runId: string;
  failed: number;
  durationMs: number;
}

export type CellStatus = 'queued' | 'running' | 'finished' | 'failed' | 'blocked';

export interface RunState {
  runId: string;
  notebook: string;
  status: 'running' | 'finished' | 'cancelled';
  params: Record<string, unknown>;
  /** How many events the run has emitted so far. */
  events: number;
  cells: Record<string, CellStatus>;
}

export interface ResultColumn {
  name: string;
  /** DuckDB's type name, e.g. `VARCHAR`, `DECIMAL(18,2)`, `DATE`. */
  type: string;
}

export interface ResultPage {
  columns: ResultColumn[];
  /** Row-major values, JSON-safe (bigints beyond 2^53 as strings). */
  rows: unknown[][];
  offset: number;
  /** Rows of the cell's whole result. */
  totalRows: number;
  /** Rows the browser may page through at most (the warehouse's row cap). */
  cap: number;
  sort?: { column: string; order: 'asc' | 'desc' };
}

export interface PageRequest {
  offset: number;
  limit: number;
  sort?: { column: string; order: 'asc' | 'desc' };
}

export interface CellView {
  cellId: string;
  name?: string;
  kind: CellKind;
  status: CellStatus;
  error?: CellError;
  blockedBy?: string;
  cached?: boolean;
  durationMs?: number;
  /** The first rows (at most 500). */
  page?: ResultPage;
  /** For chart cells: the Vega-Lite spec with the data inlined. */
  chart?: Record<string, unknown>;
  /** For ask cells: the SQL that ran, pinned or the engine's draft to review and accept. */
  ask?: AskCellOutcome;
  /** For recommend cells with an AI model: its summary of the actions. */
  summary?: string[];
}

export interface SchemaTable {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: ResultColumn[];
}

export interface SchemaView {
  tables: SchemaTable[];
  /** Named cells of the notebook's last run, with their columns when known. */
  cells: { name: string; columns: ResultColumn[] }[];
  macros: string[];
}

export interface ConnectionView {
  name: string;
  plugin: string;
  createdAt: string;
  lastSync?: {
    status: 'succeeded' | 'failed' | 'running';
    finishedAt?: string;
    rows: number;
    errorKind?: string;
    errorMessage?: string;
    hint?: string;
  };
  streams: { name: string; status: string; rows: number; finishedAt?: string }[];
}

/** The last event of a sync's event stream: how it ended, stream by stream. */
export interface SyncFinishedEvent {
  type: 'sync-finished';
  syncId: string;
  connection: string;
  status: 'succeeded' | 'failed';
  /** Rows written over all streams. */
  rows: number;
  streams: {
    name: string;
    status: string;
    rows: number;
    errorKind?: string;
    errorMessage?: string;
  }[];
  /** Set when the sync could not start at all. */
  errorMessage?: string;
}

/** What `GET /api/connections/syncs/:syncId/events` streams. */
export type SyncStreamEvent = SyncEvent | SyncFinishedEvent;

/**
 * One anomaly alert of the home page: an alert group of the default checks (see
 * `AlertSummary`), its money at stake in `AlertsView.currency`.
 */
export interface AlertView extends Omit<AlertSummary, 'value' | 'expected'> {
  /** The lead's value and expected value on its day; null when undefined (CPA without conversions). */
  value: number | null;
  expected: number | null;
  /** The root cause, one sentence (`SPEND +704%: tiktok / ...: spend +808%`), top alerts only. */
  explanation?: string;
  /** The same root cause in parts, for the reader's language. */
  cause?: AlertCause;
}

/**
 * A root cause in parts: the metric's change over its days, the members that drove it (platform,
 * campaign, ad), and how the deepest one's sums moved. Changes are relative (0.45 = +45%); null
 * when the sum was zero before (new).
 */
export interface AlertCause {
  metric: string;
  change: number | null;
  where: string[];
  numerator: { column: string; change: number | null };
  denominator?: { column: string; change: number | null };
  /** The member moved the ratio mostly by taking a larger share, not by its own rate. */
  share: boolean;
}

/** What `GET /api/alerts` answers: the default checks over the last days of data. */
export interface AlertsView {
  /** The last day with data (the day the checks judge up to); null when there is no data. */
  today: string | null;
  /** The first day whose alerts are listed; null when there is no data. */
  since: string | null;
  /** The workspace's reporting currency, the unit of `impact`. */
  currency: string;
  /** Ranked by money at stake, the largest first. */
  alerts: AlertView[];
}
