import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BatonError } from '@baton/core';

/** A mistake in how a command was called: exit code 2, with the command's usage. */
export class UsageError extends BatonError {
  constructor(message: string, hint?: string) {
    super('usage', message, hint);
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code: 0 ok, 1 a cell or query failed. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Where a command writes; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** For questions on a terminal (`baton connect`); absent when there is nobody to ask. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const workspaceOption = {
  workspace: { type: 'string', short: 'w' },
} as const satisfies Command['options'];

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      (error as Error).message,
      `Run \`baton ${command.name} --help\` for its options.`,
    );
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Accepts one of `allowed`, or fails with a usage error naming them. */
export function choiceOption<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = stringOption(args, name) ?? fallback;
  if (!allowed.includes(value as T)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}".`);
  }
  return value as T;
}

export function integerOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number; got "${value}".`);
  return Number(value);
}

export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--${name} must be a date written YYYY-MM-DD; got "${value}".`);
  }
  return value;
}
