/**
 * Turns DuckDB's exceptions into the engine's errors: a permission error (a file outside the
 * imports folder) is a refusal, anything else a QueryError carrying DuckDB's message.
 */
import { BatonError } from '../errors.ts';
import { QueryError, QueryRefusedError } from './errors.ts';

const HINTS: Array<[prefix: string, hint: string]> = [
  ['Parser Error', 'Check the SQL syntax at the position shown.'],
  [
    'Catalog Error',
    'Check the table, view or function name; DuckDB suggests close matches when it has any.',
  ],
  [
    'Binder Error',
    'Check the column names and types; DuckDB suggests close matches when it has any.',
  ],
  [
    'Conversion Error',
    'A value could not be converted: use TRY_CAST, or filter out the rows that do not fit.',
  ],
  [
    'Invalid Input Error',
    'A value or argument is not valid for this function: check the arguments.',
  ],
  [
    'Out of Memory Error',
    'The query needs more memory than the workspace allows: filter or aggregate earlier.',
  ],
];

/** DuckDB's message without the (long) list of candidate function signatures. */
export function duckdbMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^Failed to extract statements: /, '')
    .replace(/\n\s*Candidate functions:[\s\S]*?(?=\n\nLINE|$)/, '')
    .trim();
}

/** Maps any failure of user SQL to a BatonError (engine errors pass through). */
export function userSqlError(error: unknown, importsDir: string): BatonError {
  if (error instanceof BatonError) return error;
  const message = duckdbMessage(error);
  const file = /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/.exec(message);
  if (file) {
    return new QueryRefusedError(
      `This cell reads "${file[1]}", which is outside the workspace's imports folder.`,
      `Copy the file into the imports folder (${importsDir}) and read it by its full path there, e.g. read_csv('${importsDir}/data.csv').`,
      { cause: error },
    );
  }
  if (message.startsWith('Permission Error')) {
    return new QueryRefusedError(
      `DuckDB refused this cell: ${message.replace(/^Permission Error:\s*/, '')}`,
      'Cells can only read: no settings, extensions or files outside the imports folder.',
      { cause: error },
    );
  }
  return new QueryError(message, HINTS.find(([prefix]) => message.startsWith(prefix))?.[1], {
    cause: error,
  });
}
