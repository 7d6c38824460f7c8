/**
 * Per-cell run status from the run's events: a reducer over `RunEvent`s plus the editor's own
 * actions (a run requested, a cancel). Staleness is derived, not stored: a cell's result is
 * stale when its text, or the text of a cell it reads, or the inputs changed since it ran.
 */
import type { CellError, RunEvent } from '@baton/server';
import type { Cell } from '@baton/core/notebook';

/** What a cell shows (and its `data-status`). `queued` shows as running. */
export type CellDisplayStatus = 'idle' | 'running' | 'fresh' | 'stale' | 'error' | 'blocked';

export interface CellRunState {
  status: 'queued' | 'running' | 'finished' | 'failed' | 'blocked' | 'cancelled';
  /** The cell's signature (kind, name, body) in the text that ran. */
  signature: string;
  /** The inputs of the run that produced this state. */
  inputsKey: string;
  runId: string;
  error?: CellError;
  blockedBy?: string;
  cached?: boolean;
  durationMs?: number;
  rowCount?: number;
  totalRows?: number;
}

export interface RunStatusState {
  runId?: string;
  running: boolean;
  /** Signatures of the cells in the text the current run was started with. */
  pending: Record<string, string>;
  pendingInputsKey: string;
  cells: Record<string, CellRunState>;
  /** The run's summary once finished. */
  summary?: { durationMs: number; failed: number; blocked: number; cached: number };
}

export type RunAction =
  | { type: 'run-requested'; signatures: Record<string, string>; inputsKey: string }
  | { type: 'run-accepted'; runId: string }
  | { type: 'run-rejected' }
  | { type: 'run-cancelled' }
  | RunEvent;

export const initialRunStatus: RunStatusState = {
  running: false,
  pending: {},
  pendingInputsKey: '',
  cells: {},
};

/** What identifies a cell's text: its kind, name, attributes and body. */
export function cellSignature(cell: Cell): string {
  return JSON.stringify([cell.kind, cell.name ?? '', cell.attributes, cell.body]);
}

/** The signatures of every cell, by id. */
export function signaturesOf(cells: readonly Cell[]): Record<string, string> {
  return Object.fromEntries(cells.map((cell) => [cell.id, cellSignature(cell)]));
}

/** A stable key for input values, to tell whether they changed. */
export function inputsKeyOf(values: Record<string, string>): string {
  return JSON.stringify(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
}

function setCell(
  state: RunStatusState,
  cellId: string,
  patch: Partial<CellRunState> & Pick<CellRunState, 'status'>,
): RunStatusState {
  const base: CellRunState = {
    signature: state.pending[cellId] ?? state.cells[cellId]?.signature ?? '',
    inputsKey: state.pendingInputsKey,
    runId: state.runId ?? '',
    ...patch,
  };
  return { ...state, cells: { ...state.cells, [cellId]: base } };
}

export function runStatusReducer(state: RunStatusState, action: RunAction): RunStatusState {
  switch (action.type) {
    case 'run-requested':
      return {
        ...state,
        running: true,
        pending: action.signatures,
        pendingInputsKey: action.inputsKey,
        summary: undefined,
      };
    case 'run-accepted':
      return { ...state, runId: action.runId };
    case 'run-rejected':
      return { ...state, running: false };
    case 'run-started': {
      let next: RunStatusState = { ...state, runId: action.runId, running: true };
      for (const cell of action.cells) next = setCell(next, cell.cellId, { status: 'queued' });
      return next;
    }
    case 'cell-started':
      return setCell(state, action.cellId, { status: 'running' });
    case 'cell-finished':
      return setCell(state, action.cellId, {
        status: 'finished',
        cached: action.cached,
        durationMs: action.durationMs,
        rowCount: action.rowCount,
        totalRows: action.totalRows,
      });
    case 'cell-failed':
      return setCell(state, action.cellId, {
        status: 'failed',
        error: action.error,
        durationMs: action.durationMs,
      });
    case 'cell-blocked':
      return setCell(state, action.cellId, { status: 'blocked', blockedBy: action.blockedBy });
    case 'run-finished':
    case 'run-cancelled': {
      const cells = Object.fromEntries(
        Object.entries(state.cells).map(([id, cell]) => [
          id,
          cell.status === 'queued' || cell.status === 'running'
            ? { ...cell, status: 'cancelled' as const }
            : cell,
        ]),
      );
      const summary =
        action.type === 'run-finished'
          ? {
              durationMs: action.durationMs,
              failed: action.failed,
              blocked: action.blocked,
              cached: action.cached,
            }
          : state.summary;
      return { ...state, running: false, cells, summary };
    }
  }
}

/** Names a cell body reads, among the notebook's cell names (a word match, good enough here). */
export function readsOf(cell: Cell, names: ReadonlySet<string>): string[] {
  const words = new Set(cell.body.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
  return [...names].filter((name) => name !== cell.name && words.has(name));
}

/**
 * Each cell's displayed status: its run state, turned `stale` when the cell, a cell it reads
 * (transitively) or the inputs changed since its result; `idle` when it never ran.
 */
export function displayStatuses(
  state: RunStatusState,
  cells: readonly Cell[],
  inputsKey: string,
): Record<string, CellDisplayStatus> {
  const byName = new Map(cells.filter((cell) => cell.name).map((cell) => [cell.name!, cell]));
  const names = new Set(byName.keys());
  const changed = new Map<string, boolean>();
  const visiting = new Set<string>();
  const isChanged = (cell: Cell): boolean => {
    const known = changed.get(cell.id);
    if (known !== undefined) return known;
    if (visiting.has(cell.id)) return false;
    visiting.add(cell.id);
    const run = state.cells[cell.id];
    const result =
      !run ||
      run.signature !== cellSignature(cell) ||
      run.inputsKey !== inputsKey ||
      readsOf(cell, names).some((name) => isChanged(byName.get(name)!));
    visiting.delete(cell.id);
    changed.set(cell.id, result);
    return result;
  };
  const statuses: Record<string, CellDisplayStatus> = {};
  for (const cell of cells) {
    const run = state.cells[cell.id];
    if (!run || run.status === 'cancelled') statuses[cell.id] = run ? 'stale' : 'idle';
    else if (run.status === 'queued' || run.status === 'running') statuses[cell.id] = 'running';
    else if (isChanged(cell)) statuses[cell.id] = 'stale';
    else if (run.status === 'finished') statuses[cell.id] = 'fresh';
    else if (run.status === 'failed') statuses[cell.id] = 'error';
    else statuses[cell.id] = 'blocked';
  }
  return statuses;
}
