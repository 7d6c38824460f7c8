import path from 'node:path';
import type { CliIO, ParsedArgs } from './args.ts';
import { stringOption } from './args.ts';

/** --workspace, else BATON_WORKSPACE, else ./workspace. */
export function workspaceDir(args: ParsedArgs, io: CliIO): string {
  return path.resolve(
    io.cwd,
    stringOption(args, 'workspace') ?? io.env.BATON_WORKSPACE ?? 'workspace',
  );
}
