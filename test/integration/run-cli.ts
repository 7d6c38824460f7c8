import { PassThrough } from 'node:stream';
import path from 'node:path';
import { main } from '../../apps/server/src/cli/main.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `answers` feed a fake terminal's stdin. */
export async function runCli(
  argv: string[],
  {
    workspace,
    cwd = ROOT,
    answers,
    env = {},
  }: { workspace?: string; cwd?: string; answers?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
  const stdin = answers ? Object.assign(new PassThrough(), { isTTY: true }) : undefined;
  if (stdin) {
    // One answer per question, typed a moment after its prompt shows, as a person would.
    let next = 0;
    stderr.on('data', (chunk: Buffer) => {
      if (!chunk.toString().endsWith(': ') || next >= answers!.length) return;
      const answer = answers![next++]!;
      setImmediate(() => stdin.write(`${answer}\n`));
    });
  }
  const code = await main(argv, {
    stdout,
    stderr,
    env: { ...env, ...(workspace ? { BATON_WORKSPACE: workspace } : {}) },
    cwd,
    ...(stdin ? { stdin } : {}),
  });
  return {
    code,
    stdout: Buffer.concat(chunks.stdout).toString(),
    stderr: Buffer.concat(chunks.stderr).toString(),
  };
}
