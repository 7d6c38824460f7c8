/**
 * One open notebook in the editor: its text (the source of truth), autosave, the current run
 * and its results. Components read its state and call its methods; the logic they rely on
 * lives in the plain modules next to it (document, autosave, run-status, completion).
 */
import type {
  CellView,
  NotebookFile,
  PageRequest,
  ResultColumn,
  ResultPage,
  RunEvent,
  SchemaView,
} from '@baton/server';
import {
  parseNotebook,
  validateNotebook,
  type Cell,
  type Notebook,
  type NotebookDiagnostic,
} from '@baton/core/notebook';
import { Autosaver, type AutosaveSnapshot, type SaveOutcome } from './autosave.ts';
import { ApiError, conflictCurrent, editorClient, type EditorClient } from './client.ts';
import * as doc from './document.ts';
import { setSql } from '../cells/ask-yaml.ts';
import { freeEvidenceName } from '../cells/recommend-actions.ts';
import {
  cellSignature,
  displayStatuses,
  initialRunStatus,
  inputsKeyOf,
  runStatusReducer,
  signaturesOf,
  type CellDisplayStatus,
  type RunAction,
  type RunStatusState,
} from './run-status.ts';
import { setCompletionSources } from './monaco.ts';

export type LoadState =
  | { type: 'load-pending' }
  | { type: 'load-succeeded' }
  | { type: 'load-failed'; message: string; hint?: string };

export interface Problem {
  message: string;
  hint?: string;
}

/** The result area of a cell: its view, or why there is none. */
export type ResultState =
  | { type: 'result-loading' }
  | { type: 'result-ready'; view: CellView; runId: string }
  | { type: 'result-failed'; problem: Problem };

export interface DeletedCell {
  label: string;
  before: string;
  after: string;
  cell: Cell;
  previousId?: string;
}

const EVENT_TYPES = [
  'run-started',
  'cell-started',
  'cell-finished',
  'cell-failed',
  'cell-blocked',
  'run-finished',
] as const;

function problemOf(error: unknown): Problem {
  if (error instanceof ApiError)
    return { message: error.problem.message, hint: error.problem.hint };
  return { message: error instanceof Error ? error.message : String(error) };
}

let nextKey = 1;

export class EditorSession {
  readonly id: string;
  load: LoadState = $state({ type: 'load-pending' });
  text = $state('');
  save: AutosaveSnapshot = $state({ status: 'saved', version: '', failures: 0 });
  run: RunStatusState = $state(initialRunStatus);
  runProblem: Problem | undefined = $state();
  results: Record<string, ResultState> = $state.raw({});
  inputValues: Record<string, string> = $state({});
  schema: SchemaView = $state({ tables: [], cells: [], macros: [] });
  currency = $state('EUR');
  deleted: DeletedCell | undefined = $state();
  /** The copy made by "Keep both", to link to. */
  copy: { id: string; title: string } | undefined = $state();
  keepBothProblem: Problem | undefined = $state();
  keepingBoth = $state(false);

  private readonly parsed = $derived(parseNotebook(this.text));
  readonly notebook: Notebook = $derived(this.parsed.notebook);
  /** Problems of the text as it is now (structure, then meaning), by line. */
  readonly diagnostics: NotebookDiagnostic[] = $derived(
    [...this.parsed.diagnostics, ...validateNotebook(this.parsed.notebook)].sort(
      (a, b) => a.line - b.line,
    ),
  );
  readonly inputsKey: string = $derived(inputsKeyOf(this.inputValues));
  readonly statuses: Record<string, CellDisplayStatus> = $derived(
    displayStatuses(this.run, this.notebook.cells, this.inputsKey),
  );
  /** Finished cell views by cell name, for prose values. */
  readonly viewsByName: Map<string, CellView> = $derived(
    new Map(
      Object.values(this.results).flatMap((result) =>
        result.type === 'result-ready' && result.view.name ? [[result.view.name, result.view]] : [],
      ),
    ),
  );

  /** What a chart may draw: named cells with their columns (last results, else the schema's). */
  readonly chartSources: { name: string; columns: ResultColumn[] }[] = $derived.by(() => {
    const columns = new Map(this.schema.cells.map((cell) => [cell.name, cell.columns]));
    for (const view of this.viewsByName.values()) {
      if (view.page && view.name) columns.set(view.name, view.page.columns);
    }
    return this.notebook.cells.flatMap((cell) =>
      cell.name && cell.kind !== 'chart'
        ? [{ name: cell.name, columns: columns.get(cell.name) ?? [] }]
        : [],
    );
  });

  /** Stable keys of cells across id changes (an unnamed cell's id follows its body). */
  private keys = new Map<string, string>();
  private autosaver: Autosaver | undefined;
  private events: EventSource | undefined;
  private readonly client: EditorClient;
  private deleteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(id: string, client: EditorClient = editorClient()) {
    this.id = id;
    this.client = client;
  }

  keyOf(cellId: string): string {
    let key = this.keys.get(cellId);
    if (!key) this.keys.set(cellId, (key = `k${nextKey++}`));
    return key;
  }

  async open(): Promise<void> {
    this.load = { type: 'load-pending' };
    try {
      const file = await this.client.getNotebook(this.id);
      this.startAutosave(file);
      this.load = { type: 'load-succeeded' };
    } catch (error) {
      const problem = problemOf(error);
      this.load = { type: 'load-failed', ...problem };
      return;
    }
    void this.loadCurrency();
    void this.refreshSchema();
  }

  private startAutosave(file: NotebookFile): void {
    this.autosaver?.dispose();
    this.text = file.text;
    this.autosaver = new Autosaver({
      text: file.text,
      version: file.version,
      effects: {
        save: (text, baseVersion) => this.saveRequest(text, baseVersion),
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      onchange: (snapshot) => (this.save = snapshot),
    });
    this.save = this.autosaver.state;
  }

  private async saveRequest(text: string, baseVersion: string): Promise<SaveOutcome> {
    try {
      return {
        type: 'save-succeeded',
        file: await this.client.saveNotebook(this.id, text, baseVersion),
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const current = conflictCurrent(error) ?? (await this.client.getNotebook(this.id));
        return { type: 'save-conflicted', current };
      }
      return { type: 'save-failed', message: problemOf(error).message };
    }
  }

  private async loadCurrency(): Promise<void> {
    try {
      const response = await fetch('/api/health');
      const health = (await response.json()) as { workspace?: { reportingCurrency?: string } };
      if (health.workspace?.reportingCurrency) this.currency = health.workspace.reportingCurrency;
    } catch {
      // The currency only changes how money is shown; EUR is a fine fallback.
    }
  }

  async refreshSchema(): Promise<void> {
    try {
      this.schema = await this.client.getSchema(this.id);
    } catch {
      // Completion works without the schema (cell names, keywords); the next run retries.
    }
    this.updateCompletion();
  }

  updateCompletion(): void {
    setCompletionSources({
      schema: $state.snapshot(this.schema) as SchemaView,
      cellNames: this.notebook.cells.flatMap((cell) => cell.name ?? []),
    });
  }

  get dirty(): boolean {
    return this.autosaver?.dirty ?? false;
  }

  /** Replaces the text (every edit ends here): autosave and completion follow. */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.autosaver?.edit(text);
  }

  saveNow(): Promise<void> {
    return this.autosaver?.flush() ?? Promise.resolve();
  }

  /** Runs an edit of the text; an edit that cannot apply reports its problem instead. */
  private apply(edit: (text: string) => string): Problem | undefined {
    try {
      this.setText(edit(this.text));
      return undefined;
    } catch (error) {
      return problemOf(error);
    }
  }

  /** Moves keys, run state and results from a cell's old id to its new one. */
  private carry(from: string, to: string): void {
    if (from === to) return;
    const key = this.keys.get(from);
    if (key) this.keys.set(to, key);
    const result = this.results[from];
    if (result) this.results = { ...this.results, [to]: result };
    const cell = this.run.cells[from];
    if (cell) this.run = { ...this.run, cells: { ...this.run.cells, [to]: cell } };
  }

  addBlock(kind: doc.AddKind, after?: string): { cellId?: string; blockIndex?: number } {
    const added = doc.addBlock(this.text, kind, after);
    this.setText(added.text);
    this.updateCompletion();
    return added;
  }

  /**
   * Inserts a SQL cell running `sql` right below the cell `after`, named `evidence_<n>`: a
   * recommend cell's evidence query, so the rows behind an action's numbers are one run away.
   * It is an edit like any other (autosave, completion, delete and its undo).
   */
  addSqlCell(after: string, sql: string): { cellId: string } | { problem: Problem } {
    const name = freeEvidenceName(this.notebook.cells.map((cell) => cell.name));
    const problem = this.apply((text) =>
      doc.insert(text, { kind: 'sql', name, body: sql.trim() }, after),
    );
    if (problem) return { problem };
    this.updateCompletion();
    return { cellId: name };
  }

  move(cellId: string, delta: -1 | 1): void {
    this.apply((text) => doc.moveBy(text, cellId, delta));
  }

  duplicate(cellId: string): void {
    this.apply((text) => doc.duplicate(text, cellId).text);
    this.updateCompletion();
  }

  remove(cellId: string): void {
    const cells = this.notebook.cells;
    const index = cells.findIndex((cell) => cell.id === cellId);
    const cell = cells[index];
    if (!cell) return;
    const before = this.text;
    const problem = this.apply((text) => doc.remove(text, cellId));
    if (problem) return;
    this.deleted = {
      label: cell.name ?? cell.kind,
      before,
      after: this.text,
      cell,
      previousId: cells[index - 1]?.id,
    };
    clearTimeout(this.deleteTimer);
    this.deleteTimer = setTimeout(() => (this.deleted = undefined), 10_000);
    this.updateCompletion();
  }

  /** Brings the last deleted cell back, where it was, keeping edits made since. */
  undoDelete(): void {
    const deleted = this.deleted;
    if (!deleted) return;
    this.deleted = undefined;
    clearTimeout(this.deleteTimer);
    if (this.text === deleted.after) {
      this.setText(deleted.before);
      return;
    }
    this.apply((text) => {
      const notebook = doc.parse(text);
      const after = notebook.cells.some((cell) => cell.id === deleted.previousId)
        ? deleted.previousId
        : 'start';
      const name = notebook.cells.some((cell) => cell.name === deleted.cell.name)
        ? undefined
        : deleted.cell.name;
      return doc.insert(text, { ...deleted.cell, name }, after);
    });
  }

  rename(cellId: string, name: string): Problem | undefined {
    const problem = this.apply((text) => doc.rename(text, cellId, name));
    if (!problem) {
      const trimmed = name.trim();
      if (trimmed !== '') this.carry(cellId, trimmed);
      this.updateCompletion();
    }
    return problem;
  }

  setBody(cellId: string, body: string): void {
    const index = this.notebook.cells.findIndex((cell) => cell.id === cellId);
    if (this.apply((text) => doc.setBody(text, cellId, body))) return;
    const newId = this.notebook.cells[index]?.id;
    if (newId && newId !== cellId) this.carry(cellId, newId);
  }

  /**
   * Pins an ask cell's drafted SQL into its body (`sql:` as a block scalar, the question and
   * comments kept), through the same edit path as any other edit. The result on screen came from
   * exactly this SQL, so it stays fresh rather than turning stale.
   */
  acceptAsk(cellId: string, sql: string): Problem | undefined {
    const index = this.notebook.cells.findIndex((cell) => cell.id === cellId);
    const before = this.notebook.cells[index];
    if (!before) return { message: `The cell ${cellId} is no longer in the notebook.` };
    const ran = this.run.cells[cellId];
    const wasFresh = this.statuses[cellId] === 'fresh';
    const problem = this.apply((text) => doc.setBody(text, cellId, setSql(before.body, sql)));
    if (problem) return problem;
    const after = this.notebook.cells[index];
    if (!after) return undefined;
    if (after.id !== cellId) this.carry(cellId, after.id);
    if (wasFresh && ran) {
      this.run = {
        ...this.run,
        cells: { ...this.run.cells, [after.id]: { ...ran, signature: cellSignature(after) } },
      };
    }
    return undefined;
  }

  setProse(index: number, markdown: string): void {
    this.apply((text) => doc.setProse(text, index, markdown));
  }

  setTitle(title: string): void {
    if (title.trim() === '' || title === this.notebook.frontMatter.title) return;
    this.apply((text) => doc.setTitle(text, title.trim()));
  }

  setInputs(values: Record<string, string>): void {
    this.inputValues = values;
    void this.start();
  }

  private dispatch(action: RunAction): void {
    this.run = runStatusReducer(this.run, action);
  }

  /** Runs the current text (saved or not) with the current inputs. */
  async start(): Promise<void> {
    if (this.run.running) await this.cancel();
    this.runProblem = undefined;
    const text = this.text;
    this.dispatch({
      type: 'run-requested',
      signatures: signaturesOf(doc.parse(text).cells),
      inputsKey: this.inputsKey,
    });
    let runId: string;
    try {
      ({ runId } = await this.client.startRun(this.id, text, $state.snapshot(this.inputValues)));
    } catch (error) {
      this.runProblem = problemOf(error);
      this.dispatch({ type: 'run-rejected' });
      return;
    }
    this.dispatch({ type: 'run-accepted', runId });
    this.listen(runId);
  }

  private listen(runId: string): void {
    this.events?.close();
    const source = new EventSource(this.client.eventsUrl(runId));
    this.events = source;
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        if (this.run.runId !== runId) return;
        const event = JSON.parse((message as MessageEvent<string>).data) as RunEvent;
        this.dispatch(event);
        if (
          event.type === 'cell-finished' ||
          event.type === 'cell-failed' ||
          event.type === 'cell-blocked'
        ) {
          void this.fetchResult(runId, event.cellId);
        }
        if (event.type === 'run-finished') {
          source.close();
          void this.refreshSchema();
        }
      });
    }
    source.onerror = () => {
      // The stream ends after run-finished; a stream that breaks earlier leaves the run unknown.
      if (
        source.readyState === EventSource.CLOSED &&
        this.run.runId === runId &&
        this.run.running
      ) {
        this.runProblem = { message: 'The connection to the run was lost.' };
        this.dispatch({ type: 'run-cancelled' });
      }
    };
  }

  private async fetchResult(runId: string, cellId: string): Promise<void> {
    if (this.results[cellId]?.type !== 'result-ready') {
      this.setResult(cellId, { type: 'result-loading' });
    }
    try {
      const view = await this.client.getCell(runId, cellId);
      if (this.run.runId === runId) this.setResult(cellId, { type: 'result-ready', view, runId });
    } catch (error) {
      this.setResult(cellId, { type: 'result-failed', problem: problemOf(error) });
    }
  }

  /** Results are replaced, never mutated: a view goes to components (and Vega) as is. */
  private setResult(cellId: string, result: ResultState): void {
    this.results = { ...this.results, [cellId]: result };
  }

  loadPage(runId: string, cellId: string, request: PageRequest): Promise<ResultPage> {
    return this.client.getRows(runId, cellId, request);
  }

  async cancel(): Promise<void> {
    const runId = this.run.runId;
    this.events?.close();
    this.events = undefined;
    this.dispatch({ type: 'run-cancelled' });
    if (runId) await this.client.cancelRun(runId).catch(() => undefined);
  }

  /** Conflict: drop my text, load the server's. */
  reloadTheirs(): void {
    const current = this.save.conflict;
    if (!current) return;
    this.autosaver?.reset(current);
    this.text = current.text;
  }

  /** Conflict: save my text as a new notebook, then load the server's here. */
  async keepBoth(): Promise<void> {
    const current = this.save.conflict;
    if (!current) return;
    const title = `${this.notebook.frontMatter.title || this.id} (copy)`;
    // The copy says it is one in its own front matter, so the notebook list tells them apart.
    const mine = doc.setTitle(this.text, title);
    this.keepingBoth = true;
    this.keepBothProblem = undefined;
    try {
      const file = await this.client.createNotebook(title, mine);
      this.copy = { id: file.id, title };
      this.autosaver?.reset(current);
      this.text = current.text;
    } catch (error) {
      this.keepBothProblem = problemOf(error);
    } finally {
      this.keepingBoth = false;
    }
  }

  dispose(): void {
    this.events?.close();
    this.autosaver?.dispose();
    clearTimeout(this.deleteTimer);
  }
}
