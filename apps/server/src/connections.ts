import { BatonError } from '@baton/core';
import type { ConnectionSummary, SyncHost, SyncRunRecord } from '@baton/core/sync';
import type { ConnectionView } from './api-types.ts';

/** Run records read per connection to find each stream's latest run. */
const RECENT_RUNS = 500;

/**
 * The workspace's connections for the home page and the connections page: plugin, last sync and
 * each stream's latest run. Built from the host's summaries and run records: no config value,
 * so no secret, ever leaves.
 *
 * @example (await listConnections(host)).filter((connection) => connection.lastSync?.status === 'failed')
 */
export async function listConnections(host: SyncHost): Promise<ConnectionView[]> {
  const summaries = await host.listConnections();
  return Promise.all(
    summaries.map(async (summary) =>
      connectionView(summary, await host.runs({ connection: summary.name, limit: RECENT_RUNS })),
    ),
  );
}

/** The connection's summary, or `not-found` naming the connections there are. */
export async function findConnection(host: SyncHost, name: string): Promise<ConnectionSummary> {
  const summaries = await host.listConnections();
  const found = summaries.find((summary) => summary.name === name);
  if (!found) {
    const known = summaries.map((summary) => summary.name).join(', ') || 'none yet';
    throw new BatonError(
      'not-found',
      `There is no connection named "${name}" (connections: ${known}).`,
      'Pick one of the listed connections, or add one with `baton connect <plugin>`.',
    );
  }
  return found;
}

function connectionView(summary: ConnectionSummary, runs: SyncRunRecord[]): ConnectionView {
  // Runs come newest first: the first one seen per stream is its latest.
  const latest = new Map<string, SyncRunRecord>();
  for (const run of runs) if (!latest.has(run.stream)) latest.set(run.stream, run);
  const streams = [...latest.values()].sort((a, b) => a.stream.localeCompare(b.stream));
  const oldest = runs.at(-1);
  return {
    name: summary.name,
    plugin: summary.plugin,
    // The host does not tell when a connection was added: its first kept run is the nearest.
    createdAt: oldest?.startedAt ?? summary.lastSuccessAt ?? '',
    ...(streams.length > 0 ? { lastSync: lastSyncOf(streams) } : {}),
    streams: streams.map((run) => ({
      name: run.stream,
      status: run.status,
      rows: run.rows,
      ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    })),
  };
}

function lastSyncOf(streams: SyncRunRecord[]): NonNullable<ConnectionView['lastSync']> {
  const running = streams.some((run) => run.status === 'running');
  const failed = streams.find((run) => run.status === 'failed' || run.status === 'interrupted');
  const finishedAt = streams
    .map((run) => run.finishedAt)
    .filter((time) => time !== undefined)
    .sort()
    .at(-1);
  return {
    status: running ? 'running' : failed ? 'failed' : 'succeeded',
    rows: streams.reduce((total, run) => total + run.rows, 0),
    ...(finishedAt ? { finishedAt } : {}),
    ...(failed?.errorKind ? { errorKind: failed.errorKind } : {}),
    ...(failed?.errorMessage ? { errorMessage: failed.errorMessage } : {}),
    ...(failed ? { hint: hintFor(failed.errorKind) } : {}),
  };
}

function hintFor(kind: string | undefined): string {
  switch (kind) {
    case 'auth':
      return 'The credentials were refused: add the connection again with new ones (`baton connect <plugin> --name NAME`), then sync.';
    case 'config':
      return 'A setting of the connection is wrong: add it again with the right one (`baton connect <plugin> --name NAME`), then sync.';
    case 'rate-limit':
      return 'The platform limited the requests: sync again later.';
    default:
      return 'Check the connection (POST /api/connections/:name/check), then sync again.';
  }
}
