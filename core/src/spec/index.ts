/**
 * The connector contract, version 1: the only part of core a plugin may import (besides
 * `@baton/core/testing` in its tests). Types only, plus the error classes a plugin throws and the
 * `defineConnector` identity helper. A later v2 keeps v1 plugins working through an adapter in
 * the host, the way the AI SDK versions its provider spec.
 *
 * @example
 * import { defineConnector, z } from '@baton/core/spec';
 *
 * export default defineConnector({
 *   specificationVersion: 'v1',
 *   id: 'acme-ads',
 *   name: 'Acme Ads',
 *   version: '0.1.0',
 *   docsUrl: 'https://example.com/acme-ads',
 *   config: z.object({
 *     apiKey: z.string().min(1).meta({ label: 'API key', secret: true }),
 *     baseUrl: z.url().default('https://api.acme.example').meta({ label: 'API base URL' }),
 *   }),
 *   async check(context) {
 *     const response = await context.fetch(`${context.config.baseUrl}/me`);
 *     return response.ok ? { ok: true } : { ok: false, kind: 'auth', reason: 'The API key was refused.', hint: 'Create a new key.' };
 *   },
 *   streams: [{ name: 'campaign_daily', columns: [...], primaryKey: ['date', 'campaign_id'], cursor: { field: 'date', lookbackDays: 7 }, writeMode: 'replace-window' }],
 *   async *read(context, stream, request) {
 *     yield { type: 'record-batch', rows: [...] };
 *     yield { type: 'state-checkpoint', state: { page: 2 } };
 *   },
 * });
 */
import type { z } from 'zod';

/**
 * Zod, as the host uses it: plugins declare their config with this one, so the host reads the
 * same `.meta()` registry and version.
 */
export { z } from 'zod';

export type SpecificationVersion = 'v1';

/** A DuckDB type name: `VARCHAR`, `DATE`, `BIGINT`, `DOUBLE`, `DECIMAL(18,2)`, `BOOLEAN`, `TIMESTAMP`, `JSON`. */
export type ColumnType = string;

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  /** Default true. */
  nullable?: boolean;
  description?: string;
}

/**
 * How the host writes a stream's rows into `raw_<plugin>.<stream>`, in one transaction:
 * - `replace-window`: delete the rows whose cursor field falls in the synced window, insert the
 *   fresh rows (ad platforms restate recent days; rows can disappear).
 * - `merge`: upsert by primary key.
 * - `append`: insert only.
 * - `replace`: the stream is small and re-read whole every time (accounts, campaigns).
 */
export type WriteMode = 'replace-window' | 'merge' | 'append' | 'replace';

export interface StreamCursor {
  /** The DATE column the window applies to. */
  field: string;
  /** Days re-read before the last cursor, for attribution restatement (0 = none). */
  lookbackDays: number;
  /** Where a first sync starts: days before today (default 90). */
  initialDays?: number;
  /**
   * Days read and committed per transaction (default 14): an interrupted sync resumes after the
   * last committed chunk. A source that is cheap to re-read whole (the demo) can take more.
   */
  chunkDays?: number;
}

export interface StreamDefinition {
  /** snake_case; the table is `raw_<plugin>.<name>`. Model streams use the model's names (`campaign_daily`, `ad_daily`...). */
  name: string;
  description?: string;
  columns: ColumnDefinition[];
  primaryKey: string[];
  /** Without a cursor the stream is read whole each sync. */
  cursor?: StreamCursor;
  writeMode: WriteMode;
}

/** The date window (inclusive, `YYYY-MM-DD` in the account's time zone) the host asks for. */
export interface ReadRequest {
  window?: { start: string; end: string };
  /** The state of the last checkpoint of an interrupted read of this window, if any. */
  state?: unknown;
  /** True when the user asked for a full refresh. */
  fullRefresh: boolean;
}

export type Row = Record<string, string | number | bigint | boolean | null | Date>;

/** What `read` yields. */
export type ReadMessage =
  | { type: 'record-batch'; rows: Row[] }
  /** Everything yielded before this is safe to keep; a resumed read receives `state` back. */
  | { type: 'state-checkpoint'; state: unknown }
  | { type: 'progress'; done: number; total?: number; unit?: 'pages' | 'days' | 'rows' }
  | { type: 'log'; level: 'debug' | 'info'; message: string }
  | { type: 'warning'; message: string };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** What the host gives a plugin. Every effect comes through here, so tests pass fakes. */
export interface ConnectorContext<Config, Credentials = undefined> {
  config: Config;
  credentials: Credentials;
  signal: AbortSignal;
  logger: Logger;
  now(): Date;
  /**
   * `fetch` with the host's policy: timeouts, retries of transient failures and 429s with capped
   * back-off honouring Retry-After, and abort on the context's signal.
   */
  fetch: typeof fetch;
  /**
   * The workspace's `imports/` folder, read by the host with DuckDB (`read_csv`, `read_parquet`,
   * `read_json_auto`), so a plugin gets DuckDB's type inference without touching DuckDB. Present
   * when the host offers it (the `files` plugin needs it).
   */
  files?: ImportFiles;
}

/** A file of the workspace's `imports/` folder. */
export interface ImportFile {
  /** Relative to `imports/`, `/`-separated, e.g. `meta/2026-03.csv`. */
  path: string;
  format: 'csv' | 'parquet' | 'json';
  bytes: number;
  modifiedAt: Date;
}

/** One import file as DuckDB reads it: inferred columns, then the rows in batches. */
export interface ImportFileData {
  /** In file order, each with the type DuckDB inferred (`BIGINT`, `DATE`, `DOUBLE`, `VARCHAR`...). */
  columns: ColumnDefinition[];
  /** Nested values (lists, structs) arrive as JSON text. */
  batches: AsyncIterable<Row[]>;
}

export interface ImportFiles {
  /** The readable files (`.csv`, `.tsv`, `.parquet`, `.json`, `.jsonl`, `.ndjson`), sorted by path. */
  list(): Promise<ImportFile[]>;
  /** Reads one file; throws a `ConfigError` naming the file when DuckDB cannot parse it. */
  read(path: string): Promise<ImportFileData>;
}

export type CheckResult =
  | { ok: true; message?: string }
  | { ok: false; kind: 'config' | 'auth' | 'network'; reason: string; hint: string };

/** Field metadata, set with zod's `.meta({...})` on each config field. */
export interface ConfigFieldMeta {
  label: string;
  description?: string;
  /** Stored encrypted, never logged, never returned by the API. */
  secret?: boolean;
  /** Fields of one alternative way to authenticate share a group. */
  authGroup?: string;
}

export interface ConnectorV1<Schema extends z.ZodType = z.ZodType, Credentials = undefined> {
  specificationVersion: 'v1';
  /** kebab-case, stable: it names the raw schema (`raw_<id with _>`). */
  id: string;
  name: string;
  version: string;
  docsUrl: string;
  config: Schema;
  /** Turns config into ready credentials (refresh a token, read a key file). */
  resolve?(
    config: z.output<Schema>,
    context: ConnectorContext<z.output<Schema>>,
  ): Promise<Credentials>;
  /** Tests the connection; returns expected failures, never throws them. */
  check(context: ConnectorContext<z.output<Schema>, Credentials>): Promise<CheckResult>;
  streams: StreamDefinition[];
  /** Account-dependent streams, added to `streams`. */
  discover?(context: ConnectorContext<z.output<Schema>, Credentials>): Promise<StreamDefinition[]>;
  read(
    context: ConnectorContext<z.output<Schema>, Credentials>,
    stream: StreamDefinition,
    request: ReadRequest,
  ): AsyncIterable<ReadMessage>;
  /** The IANA time zone "today" is computed in (default UTC). */
  timeZone?(context: ConnectorContext<z.output<Schema>, Credentials>): Promise<string> | string;
}

export type Connector = ConnectorV1;

/** An identity helper for type inference: `export default defineConnector({...})`. */
export function defineConnector<Schema extends z.ZodType, Credentials = undefined>(
  connector: ConnectorV1<Schema, Credentials>,
): ConnectorV1<Schema, Credentials> {
  return connector;
}

export {
  AuthError,
  BugError,
  ConfigError,
  ConnectorError,
  RateLimitError,
  TransientError,
  type ConnectorErrorKind,
} from './errors.ts';

/**
 * The columns and primary keys of the marketing model's raw streams (`campaign_daily`,
 * `ad_daily`...): a connector that yields a model stream declares these names and types, so its
 * rows land in the model views.
 */
export {
  RAW_STREAM_COLUMNS as MODEL_STREAM_COLUMNS,
  RAW_STREAM_PRIMARY_KEYS as MODEL_STREAM_PRIMARY_KEYS,
  type RawStream as ModelStreamName,
  type StreamColumn as ModelStreamColumn,
} from '../model/schema.ts';
