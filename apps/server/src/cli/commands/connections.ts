import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Connector } from '@baton/core/spec';
import { configFields, type SyncEvent, type SyncRunRecord } from '@baton/core/sync';
import {
  dateOption,
  stringOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
} from '../args.ts';
import { withSyncHost } from '../host.ts';
import { ask } from '../prompt.ts';
import { formatTable } from '../output.ts';
import { workspaceDir } from '../workspace.ts';

export const connectCommand: Command = {
  name: 'connect',
  summary: 'Add a connection to a platform, then test it',
  usage: `baton connect <plugin> [--workspace DIR] [--name NAME] [--config FILE]

  --name     the connection's name (default: the plugin id)
  --config   a JSON or YAML file with the plugin's settings; missing fields are asked for on a
             terminal (secrets without echo)`,
  options: { ...workspaceOption, name: { type: 'string' }, config: { type: 'string' } },
  async run(args, io) {
    const [plugin, ...extra] = args.positionals;
    if (!plugin || extra.length > 0) {
      throw new UsageError('Name the plugin to connect.', 'Example: baton connect files');
    }
    const configFile = stringOption(args, 'config');
    const given = configFile ? await readConfigFile(path.resolve(io.cwd, configFile)) : {};
    return withSyncHost(
      workspaceDir(args, io),
      async (host) => {
        const connector = host.connectors().find((candidate) => candidate.id === plugin);
        if (!connector) {
          const known = host
            .connectors()
            .map((candidate) => candidate.id)
            .join(', ');
          throw new UsageError(
            `There is no plugin "${plugin}".`,
            `Plugins in this workspace: ${known}.`,
          );
        }
        const config = await completeConfig(connector, given, io);
        const name = stringOption(args, 'name') ?? plugin;
        await host.addConnection({ name, plugin, config });
        const check = await host.check(name);
        if (check.ok) {
          io.stdout.write(
            `Connected ${name} (${connector.name}).${check.message ? ` ${check.message}` : ''}\nSync it with: baton sync --connection ${name}\n`,
          );
          return 0;
        }
        io.stderr.write(
          `The connection ${name} was saved, but its test failed (${check.kind}): ${check.reason}\n${check.hint}\n`,
        );
        return 1;
      },
      { create: true },
    );
  },
};

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Load new data from every connection (or one)',
  usage: `baton sync [--workspace DIR] [--connection NAME] [--full-refresh] [--since YYYY-MM-DD]

  --connection     sync only this connection
  --full-refresh   re-read everything from each stream's start, ignoring saved cursors
  --since          re-read from this date`,
  options: {
    ...workspaceOption,
    connection: { type: 'string', short: 'c' },
    'full-refresh': { type: 'boolean' },
    since: { type: 'string' },
  },
  async run(args, io) {
    const since = dateOption(args, 'since');
    const connection = stringOption(args, 'connection');
    return withSyncHost(workspaceDir(args, io), async (host) => {
      const progress = syncProgress(io);
      const records = await host.sync({
        ...(connection ? { connection } : {}),
        ...(since ? { since } : {}),
        fullRefresh: args.values['full-refresh'] === true,
        onEvent: progress,
      });
      io.stdout.write(syncSummary(records));
      return records.some((record) => record.status !== 'succeeded') ? 1 : 0;
    });
  },
};

export const connectionsCommand: Command = {
  name: 'connections',
  summary: 'List connections, their status and last sync',
  usage: `baton connections [--workspace DIR]`,
  options: { ...workspaceOption },
  async run(args, io) {
    return withSyncHost(workspaceDir(args, io), async (host) => {
      const connections = await host.listConnections();
      if (connections.length === 0) {
        io.stdout.write('No connections yet. Add one with: baton connect <plugin>\n');
        return 0;
      }
      io.stdout.write(
        formatTable(
          ['name', 'plugin', 'status', 'last successful sync', 'rows', 'last error'],
          connections.map((connection) => [
            connection.name,
            connection.plugin,
            connection.status,
            connection.lastSuccessAt
              ? `${connection.lastSuccessAt.slice(0, 16).replace('T', ' ')} UTC`
              : 'never',
            connection.rows.toLocaleString('en'),
            connection.lastErrorKind ?? '',
          ]),
          [false, false, false, false, true, false],
        ),
      );
      return 0;
    });
  },
};

async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(
      `Cannot read the config file ${file}.`,
      'Check the path given to --config.',
    );
  }
  try {
    const value: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(
      `${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  throw new UsageError(`${file} must hold an object of settings, e.g. { "apiKey": "..." }.`);
}

/** Asks for each required field the file left out; secrets without echo. */
async function completeConfig(
  connector: Connector,
  given: Record<string, unknown>,
  io: CliIO,
): Promise<Record<string, unknown>> {
  const config = { ...given };
  for (const field of configFields(connector.config)) {
    if (config[field.key] !== undefined || !field.required) continue;
    if (!io.stdin?.isTTY) {
      throw new UsageError(
        `The ${connector.name} connection needs "${field.key}" (${field.label}).`,
        'Put it in the file given to --config, or run baton connect on a terminal to be asked.',
      );
    }
    config[field.key] = await ask(
      `${field.label}${field.description ? ` (${field.description})` : ''}: `,
      { secret: field.secret },
      { ...io, stdin: io.stdin },
    );
  }
  return config;
}

/** A bar per stream on a terminal (rows, pages, elapsed, ETA where totals are known); plain lines otherwise. */
function syncProgress(io: CliIO): (event: SyncEvent) => void {
  const tty = Boolean(io.stderr.isTTY);
  const label = (event: { connection: string; stream: string }) =>
    `${event.connection}.${event.stream}`;
  let lastPlain = 0;
  return (event) => {
    switch (event.type) {
      case 'stream-started':
        if (!tty)
          io.stderr.write(
            `${label(event)}: started${event.window ? ` (${event.window.start} to ${event.window.end})` : ''}\n`,
          );
        break;
      case 'stream-progress': {
        const seconds = event.elapsedMs / 1000;
        const fraction = event.total ? Math.min(1, (event.done ?? 0) / event.total) : undefined;
        const eta =
          fraction && fraction > 0
            ? ` ETA ${Math.max(0, seconds / fraction - seconds).toFixed(0)} s`
            : '';
        const bar =
          fraction === undefined
            ? ''
            : `[${'#'.repeat(Math.round(20 * fraction)).padEnd(20, '.')}] `;
        const line = `${label(event)} ${bar}${event.rows.toLocaleString('en')} rows, ${event.pages} pages, ${seconds.toFixed(1)} s${eta}`;
        if (tty) io.stderr.write(`\r\x1b[2K${line}`);
        else if (performance.now() - lastPlain > 2000) {
          lastPlain = performance.now();
          io.stderr.write(`${line}\n`);
        }
        break;
      }
      case 'stream-retrying':
        io.stderr.write(
          `${tty ? '\r\x1b[2K' : ''}${label(event)}: ${event.errorKind} (${event.message}); retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)} s\n`,
        );
        break;
      case 'stream-finished':
        io.stderr.write(
          `${tty ? '\r\x1b[2K' : ''}${label(event)}: ${event.rows.toLocaleString('en')} rows in ${(event.durationMs / 1000).toFixed(1)} s\n`,
        );
        break;
      case 'stream-failed':
        io.stderr.write(
          `${tty ? '\r\x1b[2K' : ''}${label(event)}: failed (${event.errorKind}): ${event.message}${event.hint ? `\n  ${event.hint}` : ''}\n`,
        );
        break;
    }
  };
}

function syncSummary(records: SyncRunRecord[]): string {
  if (records.length === 0)
    return 'Nothing to sync. Add a connection with: baton connect <plugin>\n';
  return formatTable(
    ['connection', 'stream', 'window', 'rows', 'duration', 'status', 'error'],
    records.map((record) => [
      record.connection,
      record.stream,
      record.windowStart ? `${record.windowStart} to ${record.windowEnd}` : 'all',
      record.rows.toLocaleString('en'),
      `${(record.durationMs / 1000).toFixed(1)} s`,
      record.status,
      record.errorKind ? `${record.errorKind}: ${record.errorMessage ?? ''}` : '',
    ]),
    [false, false, false, true, true, false, false],
  );
}
