/**
 * The parts of the conformance suite that need the host: a real `SyncHost` on a temp workspace,
 * so re-syncs and restatements are checked against the tables the host actually writes.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Warehouse } from '../engine/index.ts';
import type { Connector, ConnectorContext, ConnectorV1, StreamDefinition } from '../spec/index.ts';
import { openWorkspace } from '../store/index.ts';
import { SyncHost } from '../sync/index.ts';
import type { SyncRunRecord } from '../sync/types.ts';
import { rawSchema } from '../sync/write.ts';

export interface ConformanceWorkspace {
  warehouse: Warehouse;
  host: SyncHost;
  /** `raw_<plugin>.<stream>`, quoted. */
  table(stream: string): string;
  /** Syncs the conformance connection from `since`; fails the test on any failed stream. */
  sync(since: string): Promise<SyncRunRecord[]>;
  /** The rows of one query (no row cap). */
  rows(sql: string, params?: Record<string, string>): Promise<unknown[][]>;
  cleanup(): Promise<void>;
}

export const CONNECTION = 'conformance';

/** Context capabilities a test gives where the host has none (a key the host sets wins). */
export type HostContextExtras = () =>
  Partial<ConnectorContext<unknown>> | Promise<Partial<ConnectorContext<unknown>>>;

/**
 * The connector as the host will run it, with `extras` merged under the host's own context: a
 * capability the host does not offer yet (or a test's own) reaches the plugin, the host's
 * `fetch`, signal and clock stay.
 */
export function withContextExtras(connector: Connector, extras: HostContextExtras): Connector {
  const merge = async <Context extends object>(context: Context): Promise<Context> => {
    const added = await extras();
    const defined = Object.fromEntries(
      Object.entries(context).filter(([, value]) => value !== undefined),
    );
    return { ...added, ...defined } as Context;
  };
  return {
    ...connector,
    check: async (context) => connector.check(await merge(context)),
    ...(connector.discover
      ? { discover: async (context) => connector.discover!(await merge(context)) }
      : {}),
    async *read(context, stream, request) {
      yield* connector.read(await merge(context), stream, request);
    },
  };
}

export interface ConformanceWorkspaceOptions {
  /** The connection's config (input form). */
  config: unknown;
  /** The host's clock. */
  now: Date;
  /** Context capabilities the host's context lacks. */
  extras?: HostContextExtras;
  /** A folder copied into the workspace's `imports/` first (for connectors that read files). */
  imports?: string;
}

/** A temp workspace with the connector added as the `conformance` connection. */
export async function openConformanceWorkspace(
  connector: ConnectorV1<never, unknown>,
  { config, now, extras, imports }: ConformanceWorkspaceOptions,
): Promise<ConformanceWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-conformance-'));
  const { warehouse, paths } = await openWorkspace(dir, { create: true });
  if (imports) await cp(imports, paths.imports, { recursive: true });
  const host = await SyncHost.open({
    workspaceDir: dir,
    warehouse,
    connectors: [
      extras
        ? withContextExtras(connector as unknown as Connector, extras)
        : (connector as unknown as Connector),
    ],
    reportingCurrency: 'EUR',
    secretKey: Buffer.alloc(32, 1).toString('base64'),
    now: () => new Date(now),
    sleep: async () => {},
  });
  await host.addConnection({
    name: CONNECTION,
    plugin: connector.id,
    config: config as Record<string, unknown>,
  });
  const schema = rawSchema(connector.id);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return {
    warehouse,
    host,
    table: (stream) => `${quote(schema)}.${quote(stream)}`,
    async sync(since) {
      const records = await host.sync({ connection: CONNECTION, since });
      const failed = records.filter((record) => record.status !== 'succeeded');
      if (failed.length > 0) {
        throw new Error(
          `the sync failed: ${failed.map((record) => `${record.stream}: ${record.errorKind} ${record.errorMessage}`).join('; ')}`,
        );
      }
      return records;
    },
    async rows(sql, params) {
      const result = await warehouse.query(sql, {
        rowCap: 10_000_000,
        ...(params ? { params } : {}),
      });
      return Array.from({ length: result.rowCount }, (_, row) =>
        result.data.map((column) => column[row]),
      );
    },
    async cleanup() {
      await host.close();
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Row count and an order-free hash of a stream's table (or of its rows in a window). */
export async function tableFingerprint(
  workspace: ConformanceWorkspace,
  stream: StreamDefinition,
  window?: { start: string; end: string },
): Promise<string> {
  const where =
    window && stream.cursor
      ? ` where "${stream.cursor.field}" between $start::DATE and $end::DATE`
      : '';
  const [row] = await workspace.rows(
    `select count(*)::VARCHAR, coalesce(bit_xor(hash(t)), 0)::VARCHAR from ${workspace.table(stream.name)} t${where}`,
    where && window ? window : undefined,
  );
  return JSON.stringify(row);
}

/** Primary keys that appear more than once in a stream's table. */
export async function repeatedKeys(
  workspace: ConformanceWorkspace,
  stream: StreamDefinition,
): Promise<unknown[][]> {
  if (stream.primaryKey.length === 0) return [];
  const keys = stream.primaryKey.map((column) => `"${column.replaceAll('"', '""')}"`).join(', ');
  return workspace.rows(
    `select ${keys}, count(*) from ${workspace.table(stream.name)} group by all having count(*) > 1 limit 5`,
  );
}
