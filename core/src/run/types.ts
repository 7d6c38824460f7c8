/**
 * What a notebook run produces: a stream of events, and per cell an outcome. The CLI, the HTML
 * report and (later) the web app all consume these same types.
 */
import type { QueryResult } from '../engine/types.ts';
import type { CellKind } from '../notebook/types.ts';

/** Why a cell did not produce a result. */
export interface CellError {
  /** `query` (DuckDB error), `refused` (not one read-only statement), `timeout`, `dependency`
   *  (cycle, unknown or duplicate name), `invalid` (bad cell spec), `unanswerable` (an ask
   *  cell's question the engine refused), `unpinned` (an ask cell with no accepted SQL, in a
   *  report), `cancelled`. */
  kind: string;
  message: string;
  hint?: string;
}

export type CellOutcome =
  | {
      status: 'finished';
      /** Capped columnar result (`sql`, `ask`, `check`, `recommend`), or the data of a chart. */
      result: QueryResult;
      /** For `chart` cells: the Vega-Lite spec with the data inlined as `values`. */
      chart?: Record<string, unknown>;
      /** True when the result came from the cache and no query ran. */
      cached: boolean;
      durationMs: number;
      /**
       * The cache key of the full result (a chart's is its data cell's), for
       * `NotebookRunner.readResult` to page and sort it.
       */
      key?: string;
      /** For `ask` cells: the SQL that ran, and whether it is pinned or a draft to review. */
      ask?: AskCellOutcome;
      /** For `recommend` cells with a model: its summary (numbers checked against the evidence). */
      summary?: string[];
    }
  | { status: 'failed'; error: CellError; durationMs: number }
  | { status: 'blocked'; blockedBy: string };

export interface AskCellOutcome {
  sql: string;
  /** True when the SQL is the cell's own (`sql:`); false for the engine's draft. */
  pinned: boolean;
  /** For a draft: what the engine understood, and which engine wrote it. */
  understood?: string;
  engine?: string;
}

export interface CellRunInfo {
  cellId: string;
  name?: string;
  kind: CellKind;
}

export type RunEvent =
  | { type: 'run-started'; runId: string; cells: CellRunInfo[]; params: Record<string, unknown> }
  | ({ type: 'cell-started' } & CellRunInfo)
  | ({
      type: 'cell-finished';
      cached: boolean;
      durationMs: number;
      rowCount: number;
      totalRows: number;
    } & CellRunInfo)
  | ({ type: 'cell-failed'; error: CellError; durationMs: number } & CellRunInfo)
  | ({ type: 'cell-blocked'; blockedBy: string } & CellRunInfo)
  | {
      type: 'run-finished';
      runId: string;
      durationMs: number;
      failed: number;
      blocked: number;
      cached: number;
    };

export interface NotebookRunResult {
  runId: string;
  /** The bound parameter values (defaults merged with overrides). */
  params: Record<string, unknown>;
  outcomes: Map<string, CellOutcome>;
  durationMs: number;
}
