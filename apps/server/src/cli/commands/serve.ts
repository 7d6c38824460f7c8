import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workspaceExists } from '@baton/core/store';
import { createApp } from '../../app.ts';
import { openWorkbench } from '../../workbench.ts';
import { startServer } from '../../main.ts';
import {
  integerOption,
  stringOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
  type ParsedArgs,
} from '../args.ts';
import { workspaceDir } from '../workspace.ts';
import { buildDemo } from './demo.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../../web/build', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the API and the web app for a workspace',
  usage: `baton serve [--workspace DIR] [--port N] [--host ADDRESS]

  --port   the port to listen on (default 4321; 0 picks a free one)
  --host   the address to listen on (default 127.0.0.1: this machine only)`,
  options: { ...workspaceOption, port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  async run(args, io) {
    const dir = workspaceDir(args, io);
    if (!workspaceExists(dir)) {
      throw new UsageError(
        `No workspace at ${dir}.`,
        'Build the demo with `baton demo`, or start with `baton start`, which builds it on first start.',
      );
    }
    return serve(dir, args, io);
  },
};

export const startCommand: Command = {
  name: 'start',
  summary: 'Start Baton on the demo workspace, building it on first start',
  usage: `baton start [--workspace DIR] [--port N] [--host ADDRESS]

Builds the demo workspace if the folder has none, then serves it (see baton serve).`,
  options: serveCommand.options,
  async run(args, io) {
    const dir = workspaceDir(args, io);
    if (!workspaceExists(dir)) {
      io.stderr.write(`No workspace at ${dir} yet: building the demo workspace.\n`);
      await buildDemo(
        dir,
        { seed: 42, end: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
        io,
      );
    }
    return serve(dir, args, io);
  },
};

async function serve(dir: string, args: ParsedArgs, io: CliIO): Promise<number> {
  const workbench = await openWorkbench(dir);
  try {
    const { config } = workbench;
    const app = createApp({
      workspace: { dir: workbench.dir, name: config.name },
      workbench,
      ...(existsSync(WEB_ROOT) ? { webRoot: WEB_ROOT } : {}),
    });
    const server = await startServer({
      app,
      port: integerOption(args, 'port') ?? 4321,
      host: stringOption(args, 'host') ?? '127.0.0.1',
    });
    io.stdout.write(`Baton is running on ${config.name}: ${server.url}\n(Ctrl+C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
  } finally {
    await workbench.close();
  }
  return 0;
}
