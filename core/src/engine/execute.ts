/**
 * Running statements with a time limit and a row cap. DuckDB has no statement timeout, so a timer
 * calls `connection.interrupt()`, which stops the query and leaves the connection usable.
 */
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import { BatonError } from '../errors.ts';
import { QueryCancelledError, QueryTimeoutError } from './errors.ts';
import type { QueryResult, SqlValue } from './types.ts';
import { converterFor } from './values.ts';

export interface Limits {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `work` on `connection`, interrupting it after `timeoutMs` or when `signal` aborts.
 * Errors other than the interruption go through `mapError`.
 */
export async function interruptible<T>(
  connection: DuckDBConnection,
  { timeoutMs, signal }: Limits,
  work: () => Promise<T>,
  mapError: (error: unknown) => BatonError,
): Promise<T> {
  if (signal?.aborted) throw new QueryCancelledError({ cause: signal.reason });
  let stopped: 'timeout' | 'cancelled' | undefined;
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stopped) return;
    stopped = reason;
    connection.interrupt();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancelled');
  signal?.addEventListener('abort', onAbort, { once: true });
  const interruption = (cause?: unknown) =>
    stopped === 'timeout'
      ? new QueryTimeoutError(timeoutMs, { cause })
      : new QueryCancelledError({ cause: cause ?? signal?.reason });
  try {
    const result = await work();
    // An interrupted stream can end early without an error: never return its partial rows.
    if (stopped) throw interruption();
    return result;
  } catch (error) {
    if (error instanceof QueryTimeoutError || error instanceof QueryCancelledError) throw error;
    if (stopped) throw interruption(error);
    throw mapError(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Streams a result, keeping the first `rowCap` rows (columnar, converted) and counting the rest. */
export async function readCapped(result: DuckDBResult, rowCap: number): Promise<QueryResult> {
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const converters = types.map(converterFor);
  const data: SqlValue[][] = names.map(() => []);
  let totalRows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const keep = Math.min(chunk.rowCount, rowCap - Math.min(totalRows, rowCap));
    for (let column = 0; column < names.length && keep > 0; column++) {
      const vector = chunk.getColumnVector(column);
      const convert = converters[column]!;
      const out = data[column]!;
      for (let row = 0; row < keep; row++) out.push(convert(vector.getItem(row)));
    }
    totalRows += chunk.rowCount;
  }
  const rowCount = Math.min(totalRows, rowCap);
  return {
    columns: names.map((name, index) => ({ name, type: types[index]!.toString() })),
    data,
    rowCount,
    totalRows,
    truncated: totalRows > rowCount,
  };
}
