/**
 * The `baton` command line. Exit codes: 0 ok, 1 a cell or query failed, 2 a usage error, 3 a
 * question `baton ask` refuses.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatonError } from '@baton/core';
import { parseCommandArgs, UsageError, type CliIO, type Command } from './args.ts';
import { aiCommand } from './commands/ai.ts';
import { anomaliesCommand } from './commands/anomalies.ts';
import { askCommand } from './commands/ask.ts';
import { connectCommand, connectionsCommand, syncCommand } from './commands/connections.ts';
import { demoCommand } from './commands/demo.ts';
import { newConnectorCommand } from './commands/new-connector.ts';
import { queryCommand } from './commands/query.ts';
import { recommendCommand } from './commands/recommend.ts';
import { runCommand } from './commands/run.ts';
import { serveCommand, startCommand } from './commands/serve.ts';

export const commands: Command[] = [
  startCommand,
  demoCommand,
  queryCommand,
  runCommand,
  serveCommand,
  connectCommand,
  syncCommand,
  connectionsCommand,
  newConnectorCommand,
  anomaliesCommand,
  askCommand,
  aiCommand,
  recommendCommand,
];

const USAGE = `Usage: baton <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(14)} ${command.summary}`).join('\n')}

Every command takes --workspace DIR (default: $BATON_WORKSPACE, else ./workspace) and --help.
`;

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`baton: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout.write(`Usage: ${command.usage}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportError(error, command, io);
  }
}

function reportError(error: unknown, command: Command, io: CliIO): number {
  if (error instanceof BatonError) {
    io.stderr.write(
      `baton ${command.name}: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`,
    );
    return error instanceof UsageError || error.kind === 'usage' || error.kind === 'input' ? 2 : 1;
  }
  io.stderr.write(
    `baton ${command.name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Under `pnpm baton`, the script runs from the repository root; INIT_CWD is where the user was.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd,
  });
}
