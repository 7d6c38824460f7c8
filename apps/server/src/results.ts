import { BatonError } from '@baton/core';
import type { QueryResult } from '@baton/core/engine';
import type { NotebookRunner } from '@baton/core/run';
import type { CellView, PageRequest, ResultPage } from './api-types.ts';
import type { RunRecord } from './runs.ts';

/** Rows one page may carry at most. */
export const MAX_PAGE_ROWS = 500;

/**
 * A cell of a run as the editor shows it: its status, and for a finished cell the first page of
 * its result (and its chart spec).
 *
 * @example cellView(record, 'daily', 10_000).page?.rows.length // <= 500
 */
export function cellView(record: RunRecord, cellId: string, cap: number): CellView {
  const cell = cellOf(record, cellId);
  const view: CellView = {
    cellId,
    kind: cell.kind,
    status: record.cells[cellId] ?? 'queued',
    ...(cell.name !== undefined ? { name: cell.name } : {}),
  };
  const outcome = record.outcomes.get(cellId);
  if (!outcome) return view;
  if (outcome.status === 'blocked')
    return { ...view, status: 'blocked', blockedBy: outcome.blockedBy };
  if (outcome.status === 'failed') {
    return { ...view, status: 'failed', error: outcome.error, durationMs: outcome.durationMs };
  }
  return {
    ...view,
    status: 'finished',
    cached: outcome.cached,
    durationMs: outcome.durationMs,
    page: toPage(outcome.result, { offset: 0, limit: MAX_PAGE_ROWS }, cap),
    ...(outcome.chart ? { chart: jsonSafe(outcome.chart) as Record<string, unknown> } : {}),
    ...(outcome.ask ? { ask: outcome.ask } : {}),
    ...(outcome.summary ? { summary: outcome.summary } : {}),
  };
}

/**
 * A page of a finished cell's full result, sorted over every row in DuckDB; `offset + limit`
 * never passes the cap.
 */
export async function readCellPage(
  record: RunRecord,
  cellId: string,
  request: PageRequest,
  { runner, cap }: { runner: NotebookRunner; cap: number },
): Promise<ResultPage> {
  cellOf(record, cellId);
  const outcome = record.outcomes.get(cellId);
  if (outcome?.status !== 'finished') {
    const status = outcome?.status ?? record.cells[cellId] ?? 'queued';
    throw new BatonError(
      'not-found',
      `Cell "${cellId}" of run ${record.runId} has no result (it is ${status}).`,
      'Wait for the cell to finish (its cell-finished event), or fix it and run again.',
    );
  }
  const offset = Math.min(request.offset, cap);
  const limit = Math.max(0, Math.min(request.limit, MAX_PAGE_ROWS, cap - offset));
  if (!outcome.key) return toPage(outcome.result, { ...request, offset, limit }, cap);
  const result =
    limit === 0
      ? { ...outcome.result, data: outcome.result.columns.map(() => []), rowCount: 0 }
      : await runner.readResult(outcome.key, {
          offset,
          limit,
          ...(request.sort ? { sort: request.sort } : {}),
        });
  return {
    columns: result.columns,
    rows: rowMajor(result, 0, result.rowCount),
    offset,
    totalRows: result.totalRows,
    cap,
    ...(request.sort ? { sort: request.sort } : {}),
  };
}

/** The run's cell of that id, or a `not-found` error that says which ids there are. */
function cellOf(record: RunRecord, cellId: string): RunRecord['parsed']['cells'][number] {
  const cell = record.parsed.cells.find((candidate) => candidate.id === cellId);
  if (!cell) {
    throw new BatonError(
      'not-found',
      `Run ${record.runId} has no cell "${cellId}".`,
      'Use a cell id from the run-started event (a cell name, or the id of an unnamed cell).',
    );
  }
  return cell;
}

/** A page from the rows already in memory (a result's first rows), unsorted. */
function toPage(result: QueryResult, request: PageRequest, cap: number): ResultPage {
  const end = Math.min(result.rowCount, request.offset + request.limit);
  return {
    columns: result.columns,
    rows: rowMajor(result, request.offset, end),
    offset: request.offset,
    totalRows: result.totalRows,
    cap,
  };
}

function rowMajor(result: QueryResult, from: number, to: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let row = from; row < to; row++) {
    rows.push(result.data.map((column) => jsonSafe(column[row])));
  }
  return rows;
}

/**
 * A value JSON can carry: bigints as numbers when exact, else as strings; dates as ISO text.
 *
 * @example jsonSafe(2n ** 60n) // '1152921504606846976'
 */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
