/**
 * The workspace's app metadata, kept apart from the analyst DuckDB so no user SQL can reach it:
 * connections (secret fields encrypted), cursors and checkpoint state, and sync run records.
 * One SQLite file (`meta.sqlite`, Node's built-in `node:sqlite`) in WAL mode, so a CLI sync and a
 * running server can share it.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { ConnectionStatus, SyncErrorKind, SyncRunRecord, SyncRunStatus } from './types.ts';

export interface StoredConnection {
  name: string;
  plugin: string;
  /** JSON; secret fields hold `v1.` sealed strings. */
  config: string;
  status: ConnectionStatus;
  lastSuccessAt?: string;
  lastErrorKind?: SyncErrorKind;
  lastErrorMessage?: string;
}

export interface StoredCursor {
  /** The last day whose window chunk was committed. */
  cursor?: string;
  /** A checkpoint inside a chunk: its window and the connector's state. */
  pending?: { window: { start: string; end: string }; state: unknown };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS connections (
  name TEXT PRIMARY KEY, plugin TEXT NOT NULL, config TEXT NOT NULL, status TEXT NOT NULL,
  last_success_at TEXT, last_error_kind TEXT, last_error_message TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursors (
  connection TEXT NOT NULL, stream TEXT NOT NULL, cursor TEXT, pending TEXT, updated_at TEXT NOT NULL,
  PRIMARY KEY (connection, stream));
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, connection TEXT NOT NULL, plugin TEXT NOT NULL, stream TEXT NOT NULL,
  window_start TEXT, window_end TEXT, rows INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
  status TEXT NOT NULL, error_kind TEXT, error_message TEXT, started_at TEXT NOT NULL,
  finished_at TEXT, pid INTEGER NOT NULL, host TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS runs_by_connection ON runs (connection, started_at);
`;

type SqlRow = Record<string, SQLInputValue>;

export class MetadataStore {
  private constructor(private readonly db: DatabaseSync) {}

  static open(file: string): MetadataStore {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    db.exec(SCHEMA);
    return new MetadataStore(db);
  }

  /** Runs `work` in one IMMEDIATE transaction. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  setting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      SqlRow | undefined;
    return row ? String(row.value) : undefined;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  connections(): StoredConnection[] {
    const rows = this.db.prepare('SELECT * FROM connections ORDER BY name').all() as SqlRow[];
    return rows.map(toConnection);
  }

  connection(name: string): StoredConnection | undefined {
    const row = this.db.prepare('SELECT * FROM connections WHERE name = ?').get(name) as
      SqlRow | undefined;
    return row ? toConnection(row) : undefined;
  }

  /** Adds or replaces a connection (an edit clears its errors and its stop). */
  saveConnection(connection: StoredConnection, now: string): void {
    this.db
      .prepare(
        `INSERT INTO connections VALUES ($name, $plugin, $config, $status, $lastSuccessAt, NULL, NULL, $now, $now)
         ON CONFLICT (name) DO UPDATE SET plugin = excluded.plugin, config = excluded.config,
           status = excluded.status, last_success_at = excluded.last_success_at,
           last_error_kind = NULL, last_error_message = NULL, updated_at = excluded.updated_at`,
      )
      .run({
        name: connection.name,
        plugin: connection.plugin,
        config: connection.config,
        status: connection.status,
        lastSuccessAt: connection.lastSuccessAt ?? null,
        now,
      });
  }

  removeCursors(connection: string): void {
    this.db.prepare('DELETE FROM cursors WHERE connection = ?').run(connection);
  }

  removeConnection(name: string): void {
    this.transaction(() => {
      for (const table of ['connections', 'cursors'])
        this.db
          .prepare(
            `DELETE FROM ${table} WHERE ${table === 'connections' ? 'name' : 'connection'} = ?`,
          )
          .run(name);
    });
  }

  setConnectionStatus(
    name: string,
    update: {
      status: ConnectionStatus;
      lastSuccessAt?: string;
      errorKind?: string;
      errorMessage?: string;
    },
    now: string,
  ): void {
    this.db
      .prepare(
        `UPDATE connections SET status = $status, last_success_at = coalesce($lastSuccessAt, last_success_at),
           last_error_kind = $errorKind, last_error_message = $errorMessage, updated_at = $now WHERE name = $name`,
      )
      .run({
        name,
        status: update.status,
        lastSuccessAt: update.lastSuccessAt ?? null,
        errorKind: update.errorKind ?? null,
        errorMessage: update.errorMessage ?? null,
        now,
      });
  }

  cursor(connection: string, stream: string): StoredCursor {
    const row = this.db
      .prepare('SELECT cursor, pending FROM cursors WHERE connection = ? AND stream = ?')
      .get(connection, stream) as SqlRow | undefined;
    if (!row) return {};
    return {
      ...(row.cursor === null ? {} : { cursor: String(row.cursor) }),
      ...(row.pending === null ? {} : { pending: JSON.parse(String(row.pending)) }),
    };
  }

  saveCursor(connection: string, stream: string, cursor: StoredCursor, now: string): void {
    this.db
      .prepare(
        `INSERT INTO cursors VALUES (?, ?, ?, ?, ?) ON CONFLICT (connection, stream) DO UPDATE SET
           cursor = excluded.cursor, pending = excluded.pending, updated_at = excluded.updated_at`,
      )
      .run(
        connection,
        stream,
        cursor.cursor ?? null,
        cursor.pending ? JSON.stringify(cursor.pending) : null,
        now,
      );
  }

  startRun(record: SyncRunRecord, host: string): void {
    this.db
      .prepare(
        `INSERT INTO runs VALUES ($id, $connection, $plugin, $stream, $windowStart, $windowEnd, 0, 0,
           'running', NULL, NULL, $startedAt, NULL, $pid, $host)`,
      )
      .run({
        id: record.id,
        connection: record.connection,
        plugin: record.plugin,
        stream: record.stream,
        windowStart: record.windowStart ?? null,
        windowEnd: record.windowEnd ?? null,
        startedAt: record.startedAt,
        pid: process.pid,
        host,
      });
  }

  updateRun(record: SyncRunRecord): void {
    this.db
      .prepare(
        `UPDATE runs SET rows = $rows, duration_ms = $durationMs, status = $status, error_kind = $errorKind,
           error_message = $errorMessage, finished_at = $finishedAt WHERE id = $id`,
      )
      .run({
        id: record.id,
        rows: record.rows,
        durationMs: Math.round(record.durationMs),
        status: record.status,
        errorKind: record.errorKind ?? null,
        errorMessage: record.errorMessage ?? null,
        finishedAt: record.finishedAt ?? null,
      });
  }

  /** Marks runs left `running` by a process that is gone (or by a host of this process that is closed). */
  markInterrupted(isLive: (pid: number, host: string) => boolean, now: string): number {
    const rows = this.db
      .prepare("SELECT id, pid, host FROM runs WHERE status = 'running'")
      .all() as SqlRow[];
    let count = 0;
    for (const row of rows) {
      if (isLive(Number(row.pid), String(row.host))) continue;
      this.db
        .prepare(
          `UPDATE runs SET status = 'interrupted', finished_at = ?,
             error_message = 'The sync process stopped before this stream finished.' WHERE id = ?`,
        )
        .run(now, String(row.id));
      count++;
    }
    return count;
  }

  runs(options: { connection?: string; limit?: number } = {}): SyncRunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runs WHERE ($connection IS NULL OR connection = $connection)
         ORDER BY started_at DESC, rowid DESC LIMIT $limit`,
      )
      .all({ connection: options.connection ?? null, limit: options.limit ?? 100 }) as SqlRow[];
    return rows.map(toRun);
  }

  /** Rows written by the latest run of each stream of a connection. */
  latestRows(connection: string): number {
    const row = this.db
      .prepare(
        `SELECT coalesce(sum(rows), 0) AS total FROM runs r WHERE connection = $connection AND status = 'succeeded'
           AND rowid = (SELECT max(rowid) FROM runs WHERE connection = r.connection AND stream = r.stream AND status = 'succeeded')`,
      )
      .get({ connection }) as SqlRow;
    return Number(row.total);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

function optional(value: SQLInputValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function toConnection(row: SqlRow): StoredConnection {
  return {
    name: String(row.name),
    plugin: String(row.plugin),
    config: String(row.config),
    status: String(row.status) as ConnectionStatus,
    lastSuccessAt: optional(row.last_success_at),
    lastErrorKind: optional(row.last_error_kind) as SyncErrorKind | undefined,
    lastErrorMessage: optional(row.last_error_message),
  };
}

function toRun(row: SqlRow): SyncRunRecord {
  const record: SyncRunRecord = {
    id: String(row.id),
    connection: String(row.connection),
    plugin: String(row.plugin),
    stream: String(row.stream),
    rows: Number(row.rows),
    durationMs: Number(row.duration_ms),
    status: String(row.status) as SyncRunStatus,
    startedAt: String(row.started_at),
  };
  const extras: Partial<SyncRunRecord> = {
    windowStart: optional(row.window_start),
    windowEnd: optional(row.window_end),
    errorKind: optional(row.error_kind) as SyncErrorKind | undefined,
    errorMessage: optional(row.error_message),
    finishedAt: optional(row.finished_at),
  };
  for (const [key, value] of Object.entries(extras))
    if (value !== undefined) Object.assign(record, { [key]: value });
  return record;
}
