/**
 * The engine's errors. Each says what went wrong in the user's terms and what to change; DuckDB's
 * own message is kept as the `cause` (or, for `QueryError`, as the message itself).
 */
import { BatonError } from '../errors.ts';

/**
 * User SQL the engine will not run: not exactly one read-only statement, a function that changes
 * state, a file outside the workspace's imports folder.
 *
 * @example throw new QueryRefusedError('Only one read-only statement is allowed per cell; this cell has 2.', 'Split it into two cells.')
 */
export class QueryRefusedError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('refused', message, hint, options);
  }
}

/** The query ran past its time limit and was interrupted; the connection stays usable. */
export class QueryTimeoutError extends BatonError {
  constructor(
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(
      'timeout',
      `The query ran longer than ${formatDuration(timeoutMs)} and was stopped.`,
      'Filter or aggregate earlier (a narrower date range, fewer joins), or raise the time limit.',
      options,
    );
  }
}

/** The caller's AbortSignal fired while the query ran; the query was interrupted. */
export class QueryCancelledError extends BatonError {
  constructor(options?: ErrorOptions) {
    super('cancelled', 'The query was cancelled.', undefined, options);
  }
}

/** DuckDB refused or failed the statement (unknown column, bad cast, ...): its message, with a hint. */
export class QueryError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('query', message, hint, options);
  }
}

/** A batch could not be appended: unknown column, ragged arrays, a value DuckDB cannot convert. */
export class IngestError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('ingest', message, hint, options);
  }
}

function formatDuration(ms: number): string {
  return ms >= 1000
    ? `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s`
    : `${ms} ms`;
}

/** The warehouse could not be opened as configured (database inside imports/, file locked, ...). */
export class WarehouseOpenError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('config', message, hint, options);
  }
}
