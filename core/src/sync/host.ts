/**
 * The sync host: runs connectors against a workspace. Connections, encrypted credentials, cursors
 * and run records live in `meta.sqlite` (metadata.ts); rows land in the analyst DuckDB's
 * `raw_<plugin>.<stream>` tables (write.ts), a window chunk per transaction with the cursor saved
 * right after each commit, so a killed sync resumes without duplicates or gaps.
 *
 * @example
 * const host = await SyncHost.open({ workspaceDir, warehouse, connectors: [acme] });
 * await host.addConnection({ name: 'acme-main', plugin: 'acme-ads', config: { apiKey } });
 * const records = await host.sync({ onEvent: (event) => console.log(event.type) });
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Warehouse } from '../engine/index.ts';
import { refreshModel } from '../model/index.ts';
import type {
  CheckResult,
  Connector,
  ConnectorContext,
  Logger,
  StreamDefinition,
} from '../spec/index.ts';
import { ConnectorError } from '../spec/index.ts';
import { readWorkspaceConfig, workspacePaths } from '../store/index.ts';
import { SyncError } from './errors.ts';
import { createHostFetch } from './fetch.ts';
import { createImportFiles } from './files.ts';
import { streamProblem } from './load.ts';
import { MetadataStore, type StoredConnection } from './metadata.ts';
import { stopsConnection } from './records.ts';
import { readStream, type StreamRun } from './read.ts';
import { DEFAULT_RETRY, realSleep, type RetryPolicy } from './retry.ts';
import * as secrets from './secrets.ts';
import { workspaceSecretKey } from './workspace-key.ts';
import type { ConnectionSummary, SyncOptions, SyncRunRecord } from './types.ts';
import { parseDay, todayIn } from './window.ts';

export interface SyncHostOptions {
  workspaceDir: string;
  warehouse: Warehouse;
  connectors: Connector[];
  /** Default: baton.json's reportingCurrency. */
  reportingCurrency?: string;
  /**
   * The key that encrypts secret config fields (AES-256-GCM). Default: env BATON_SECRET_KEY, else
   * the workspace's generated `secret.key` (mode 0600). Base64 of exactly 32 bytes is the key
   * itself (`openssl rand -base64 32`); anything else is a passphrase stretched with scrypt.
   */
  secretKey?: string;
  now?: () => Date;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Where connector logs go (secrets redacted). Default: nowhere. */
  logger?: Logger;
  /** Days per committed window chunk (default 14). */
  chunkDays?: number;
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout of the context's fetch (default 60 s). */
  fetchTimeoutMs?: number;
}

/** Hosts of this process that are open: their 'running' runs are not stale. */
const liveHosts = new Set<string>();

/** Stands in for the streams of a connection whose setup failed before any was known. */
const SETUP_STREAM: StreamDefinition = {
  name: 'setup',
  description: 'Connecting, discovering streams, reading the time zone.',
  columns: [],
  primaryKey: [],
  writeMode: 'append',
};

const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;
const SILENT: Logger = { debug() {}, info() {}, warn() {} };

export class SyncHost {
  readonly #id = randomUUID();
  #key: Promise<Buffer> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: SyncHostOptions,
    private readonly meta: MetadataStore,
    private readonly dir: string,
    private readonly reportingCurrency: string,
  ) {
    liveHosts.add(this.#id);
  }

  static async open(options: SyncHostOptions): Promise<SyncHost> {
    const { dir } = workspacePaths(options.workspaceDir);
    await mkdir(dir, { recursive: true });
    const meta = MetadataStore.open(path.join(dir, 'meta.sqlite'));
    try {
      const currency =
        options.reportingCurrency ?? (await readWorkspaceConfig(dir)).reportingCurrency;
      const now = (options.now ?? (() => new Date()))().toISOString();
      meta.markInterrupted(
        (pid, host) => (pid === process.pid ? liveHosts.has(host) : isAlive(pid)),
        now,
      );
      return new SyncHost(options, meta, dir, currency);
    } catch (error) {
      meta.close();
      throw error;
    }
  }

  connectors(): Connector[] {
    return [...this.options.connectors];
  }

  /** Adds a connection, or replaces one of the same name (which clears its stop). */
  async addConnection(input: {
    name: string;
    plugin: string;
    config: Record<string, unknown>;
  }): Promise<ConnectionSummary> {
    if (!NAME.test(input.name)) {
      throw new SyncError(
        'usage',
        `"${input.name}" cannot name a connection.`,
        'Use letters, digits, - and _ (e.g. meta-main).',
      );
    }
    const connector = this.#connector(input.plugin);
    const fields = secrets.secretFields(connector.config);
    const parsed = connector.config.safeParse(input.config);
    if (!parsed.success) {
      const hidden = secrets.secretValues(input.config, fields);
      const problems = parsed.error.issues.map(
        (issue) =>
          `${issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'config'}: ${issue.message}`,
      );
      throw new SyncError(
        'config',
        secrets.redact(
          `The ${connector.name} config of "${input.name}" is invalid: ${problems.join('; ')}.`,
          hidden,
        ),
        `Fix the field and add the connection again (see ${connector.docsUrl}).`,
      );
    }
    const config = parsed.data as Record<string, unknown>;
    const key = await this.#secretKey(fields.some((field) => config[field] !== undefined));
    const previous = this.meta.connection(input.name);
    const stored: StoredConnection = {
      name: input.name,
      plugin: connector.id,
      config: JSON.stringify(key ? secrets.sealConfig(key, config, fields) : config),
      status: previous?.lastSuccessAt && previous.plugin === connector.id ? 'ok' : 'never-synced',
      ...(previous?.lastSuccessAt && previous.plugin === connector.id
        ? { lastSuccessAt: previous.lastSuccessAt }
        : {}),
    };
    this.meta.transaction(() => {
      // Another plugin's cursors under the same name would skip the new account's history.
      if (previous && previous.plugin !== connector.id) this.meta.removeCursors(input.name);
      this.meta.saveConnection(stored, this.#now());
    });
    return this.#summary(this.meta.connection(input.name)!);
  }

  /** Removes a connection and its cursors (its rows stay in the raw tables). */
  async removeConnection(name: string): Promise<void> {
    this.#stored(name);
    this.meta.removeConnection(name);
  }

  /** Tests a connection. Expected failures come back as `{ ok: false }`, never thrown. */
  async check(name: string): Promise<CheckResult> {
    const stored = this.#stored(name);
    const hidden: string[] = [];
    try {
      const { context, connector } = await this.#context(
        stored,
        new AbortController().signal,
        hidden,
      );
      const result = await connector.check(context as never);
      if (result.ok) return result;
      return {
        ...result,
        reason: secrets.redact(result.reason, hidden),
        hint: secrets.redact(result.hint, hidden),
      };
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'secret-key') throw error;
      const kind =
        error instanceof ConnectorError && (error.kind === 'auth' || error.kind === 'config')
          ? error.kind
          : 'network';
      return {
        ok: false,
        kind,
        reason: secrets.redact(error instanceof Error ? error.message : String(error), hidden),
        hint: secrets.redact(
          (error as { hint?: string }).hint ??
            'Check the connection settings and the network, then try again.',
          hidden,
        ),
      };
    }
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    return this.meta.connections().map((stored) => this.#summary(stored));
  }

  /**
   * Syncs one connection, or every connection that is not stopped, then refreshes the model.
   * Failures are recorded and returned, not thrown; an unknown or stopped connection named
   * explicitly is thrown.
   */
  sync(options: SyncOptions = {}): Promise<SyncRunRecord[]> {
    const run = this.#queue.then(() => this.#sync(options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async runs(options: { connection?: string; limit?: number } = {}): Promise<SyncRunRecord[]> {
    return this.meta.runs(options);
  }

  /** Closes the metadata store (the warehouse belongs to the caller). */
  async close(): Promise<void> {
    await this.#queue;
    liveHosts.delete(this.#id);
    this.meta.close();
  }

  async #sync(options: SyncOptions): Promise<SyncRunRecord[]> {
    if (options.since !== undefined) parseDay(options.since, 'since');
    let targets: StoredConnection[];
    if (options.connection !== undefined) {
      const stored = this.#stored(options.connection);
      if (stored.status === 'stopped') {
        throw new SyncError(
          'stopped',
          `Connection "${stored.name}" is stopped: ${stored.lastErrorMessage ?? 'its last sync failed'}`,
          `Reconnect or edit it (add the connection "${stored.name}" again), then sync.`,
        );
      }
      targets = [stored];
    } else {
      targets = [];
      for (const stored of this.meta.connections()) {
        if (stored.status === 'stopped') continue;
        if (this.options.connectors.some((connector) => connector.id === stored.plugin)) {
          targets.push(stored);
          continue;
        }
        // One missing plugin must not keep the other accounts from syncing.
        const message = `The ${stored.plugin} connector is not installed.`;
        this.meta.setConnectionStatus(
          stored.name,
          { status: 'failing', errorKind: 'config', errorMessage: message },
          this.#now(),
        );
      }
    }
    const records: SyncRunRecord[] = [];
    for (const stored of targets) {
      if (options.signal?.aborted) break;
      records.push(...(await this.#syncConnection(stored, options)));
    }
    if (records.some((record) => record.status === 'succeeded' || record.rows > 0)) {
      await refreshModel(this.options.warehouse, { reportingCurrency: this.reportingCurrency });
    }
    return records;
  }

  async #syncConnection(stored: StoredConnection, options: SyncOptions): Promise<SyncRunRecord[]> {
    const signal = options.signal ?? new AbortController().signal;
    const connector = this.#connector(stored.plugin);
    const records: SyncRunRecord[] = [];
    const hidden: string[] = [];
    let streams: StreamDefinition[] = connector.streams;
    let prepared: { context: ConnectorContext<unknown, unknown>; timeZone: string } | undefined;
    let setupError: unknown;
    try {
      const opened = await this.#context(stored, signal, hidden);
      const discovered = (await connector.discover?.(opened.context as never)) ?? [];
      for (const stream of discovered) {
        const problem = streamProblem(stream);
        if (problem)
          throw new Error(`discovered stream ${JSON.stringify(stream.name)}: ${problem}`);
      }
      streams = [...connector.streams, ...discovered];
      const timeZone = (await connector.timeZone?.(opened.context as never)) ?? 'UTC';
      todayIn(timeZone, this.#date()); // an invalid zone fails here, once
      prepared = { context: opened.context, timeZone };
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'secret-key') throw error;
      setupError = error;
    }
    // A connector whose streams all come from `discover` still records a failed discover.
    if (setupError !== undefined && streams.length === 0) streams = [SETUP_STREAM];
    let stopped = false;
    for (const stream of streams) {
      if (signal.aborted || stopped) break;
      const run: StreamRun = {
        host: this.#id,
        meta: this.meta,
        warehouse: this.options.warehouse,
        connector,
        connection: stored.name,
        stream,
        hidden,
        signal,
        now: () => this.#date(),
        sleep: this.options.sleep ?? ((ms) => realSleep(ms, signal)),
        policy: { ...DEFAULT_RETRY, ...this.options.retry },
        chunkDays: stream.cursor?.chunkDays ?? this.options.chunkDays ?? 14,
        options,
      };
      const record = await readStream(run, prepared, setupError);
      records.push(record);
      if (record.status === 'failed' && record.errorKind && stopsConnection(record.errorKind))
        stopped = true;
    }
    this.#updateStatus(stored.name, records);
    return records;
  }

  #updateStatus(name: string, records: SyncRunRecord[]): void {
    const failed = records.filter((record) => record.status === 'failed');
    const stop = failed.find((record) => record.errorKind && stopsConnection(record.errorKind));
    const last = stop ?? failed.at(-1);
    if (last) {
      this.meta.setConnectionStatus(
        name,
        {
          status: stop ? 'stopped' : 'failing',
          errorKind: last.errorKind,
          errorMessage: last.errorMessage,
        },
        this.#now(),
      );
    } else if (records.length > 0 && records.every((record) => record.status === 'succeeded')) {
      this.meta.setConnectionStatus(
        name,
        { status: 'ok', lastSuccessAt: this.#now() },
        this.#now(),
      );
    }
  }

  /** `hidden` receives the secret values first thing, so a failing `resolve` is redacted too. */
  async #context(stored: StoredConnection, signal: AbortSignal, hidden: string[]) {
    const connector = this.#connector(stored.plugin);
    const fields = secrets.secretFields(connector.config);
    const raw = JSON.parse(stored.config) as Record<string, unknown>;
    const sealed = Object.values(raw).some(
      (value) => (value as { $secret?: unknown } | null)?.$secret !== undefined,
    );
    const key = sealed ? await this.#secretKey(true) : undefined;
    const clear = key ? secrets.unsealConfig(key, raw) : raw;
    const secretValues = secrets.secretValues(clear, fields);
    hidden.push(...secretValues);
    const parsed = connector.config.safeParse(clear);
    if (!parsed.success) {
      throw new ConnectorError(
        'config',
        `The stored config of "${stored.name}" no longer fits ${connector.name} ${connector.version}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ')}`,
        `Add the connection "${stored.name}" again with the fields the connector now asks for.`,
      );
    }
    const log = this.options.logger ?? SILENT;
    const logger: Logger = {
      debug: (message) => log.debug(secrets.redact(message, secretValues)),
      info: (message) => log.info(secrets.redact(message, secretValues)),
      warn: (message) => log.warn(secrets.redact(message, secretValues)),
    };
    const context: ConnectorContext<unknown, unknown> = {
      config: parsed.data,
      credentials: undefined,
      signal,
      logger,
      now: () => this.#date(),
      files: createImportFiles(this.options.warehouse, this.options.warehouse.options.importsDir),
      fetch: createHostFetch({
        fetch: this.options.fetch ?? globalThis.fetch,
        sleep: this.options.sleep ?? ((ms) => realSleep(ms, signal)),
        signal,
        ...(this.options.fetchTimeoutMs ? { timeoutMs: this.options.fetchTimeoutMs } : {}),
      }),
    };
    if (connector.resolve)
      context.credentials = await connector.resolve(parsed.data, context as never);
    return { connector, context, secretValues };
  }

  /** The key, resolved once. `needed`: false lets a connection without secrets skip it. */
  async #secretKey(needed: boolean): Promise<Buffer | undefined> {
    if (!needed) return undefined;
    this.#key ??= workspaceSecretKey(
      this.meta,
      this.dir,
      this.options.secretKey ?? process.env.BATON_SECRET_KEY,
    );
    this.#key.catch(() => {
      this.#key = undefined;
    });
    return this.#key;
  }

  #summary(stored: StoredConnection): ConnectionSummary {
    const summary: ConnectionSummary = {
      name: stored.name,
      plugin: stored.plugin,
      status: stored.status,
      rows: this.meta.latestRows(stored.name),
    };
    if (stored.lastSuccessAt) summary.lastSuccessAt = stored.lastSuccessAt;
    if (stored.lastErrorKind) summary.lastErrorKind = stored.lastErrorKind;
    if (stored.lastErrorMessage) summary.lastErrorMessage = stored.lastErrorMessage;
    return summary;
  }

  #stored(name: string): StoredConnection {
    const stored = this.meta.connection(name);
    if (!stored) {
      const known = this.meta.connections().map((connection) => connection.name);
      throw new SyncError(
        'usage',
        `There is no connection named "${name}".`,
        known.length > 0
          ? `Known connections: ${known.join(', ')}.`
          : 'Add one first with `baton connect`.',
      );
    }
    return stored;
  }

  #connector(id: string): Connector {
    const connector = this.options.connectors.find((candidate) => candidate.id === id);
    if (!connector) {
      throw new SyncError(
        'usage',
        `No connector "${id}" is installed.`,
        `Installed connectors: ${this.options.connectors.map((known) => known.id).join(', ') || 'none'}.`,
      );
    }
    return connector;
  }

  #date(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  #now(): string {
    return this.#date().toISOString();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
