import { randomUUID } from 'node:crypto';
import { BatonError } from '@baton/core';
import { resolveInputs, type Notebook } from '@baton/core/notebook';
import {
  InputError,
  type CellOutcome,
  type NotebookRunner,
  type NotebookRunResult,
  type RunEvent,
} from '@baton/core/run';
import type { CellStatus, RunState } from './api-types.ts';
import { EventLog } from './event-log.ts';

/** One run as the server keeps it: its events so far, and the outcome of each cell. */
export interface RunRecord {
  runId: string;
  /** The notebook's id. */
  notebook: string;
  /** The notebook as it ran (the saved file, or the editor's unsaved text). */
  parsed: Notebook;
  status: RunState['status'];
  params: Record<string, unknown>;
  events: EventLog<RunEvent>;
  cells: Record<string, CellStatus>;
  outcomes: Map<string, CellOutcome>;
  /** Settles when the run is over, with the runner's result (undefined if it failed outright). */
  done: Promise<NotebookRunResult | undefined>;
}

interface LiveRun extends RunRecord {
  controller: AbortController;
}

/**
 * Starts notebook runs on the shared runner and keeps the last `capacity` of them in memory, so
 * the events can be replayed to a client that connects late or reconnects.
 *
 * @example
 * const runs = new RunManager(runner);
 * const record = runs.start({ notebook: 'weekly-cmo', parsed, inputs: { period: 'last_7_days' } });
 * for await (const { event } of runs.events(record.runId)) console.log(event.type);
 */
export class RunManager {
  readonly #runs = new Map<string, LiveRun>();
  readonly #now: () => Date;
  private readonly capacity: number;

  constructor(
    private readonly runner: NotebookRunner,
    {
      now = () => new Date(),
      capacity = 50,
    }: {
      /** The runner's clock, to check input values before the run is queued. */
      now?: () => Date;
      capacity?: number;
    } = {},
  ) {
    this.#now = now;
    this.capacity = capacity;
  }

  /**
   * Starts a run (the runner may queue it behind others) and returns its record at once; input
   * values that cannot be bound are an InputError, and then nothing runs.
   */
  start({
    notebook,
    parsed,
    inputs = {},
    draftAsk = false,
  }: {
    notebook: string;
    parsed: Notebook;
    inputs?: Record<string, string>;
    /** Run the engine's draft of unpinned ask cells (the editor; never a published report). */
    draftAsk?: boolean;
  }): RunRecord {
    checkInputs(parsed, inputs, this.#now());
    const runId = randomUUID();
    const controller = new AbortController();
    const record: LiveRun = {
      runId,
      notebook,
      parsed,
      status: 'running',
      params: {},
      events: new EventLog(),
      cells: {},
      outcomes: new Map(),
      controller,
      done: Promise.resolve(undefined),
    };
    const running = this.runner.run(parsed, {
      runId,
      inputs,
      signal: controller.signal,
      onEvent: (event) => this.#record(record, event),
      onOutcome: (cellId, outcome) => record.outcomes.set(cellId, outcome),
      draftAsk,
    });
    record.done = running.then(
      (result) => result,
      (error: unknown) => {
        // The run broke: close its stream like any other run's, the details in the log.
        console.error(error);
        this.#finishAbruptly(record);
        return undefined;
      },
    );
    this.#keep(record);
    return record;
  }

  /** The run, or a `not-found` error when it is unknown or no longer kept. */
  get(runId: string): RunRecord {
    const record = this.#runs.get(runId);
    if (!record) {
      throw new BatonError(
        'not-found',
        `There is no run ${runId} (runs are kept in memory, the last ${this.capacity} only).`,
        'Run the notebook again.',
      );
    }
    return record;
  }

  /** The most recent run of a notebook still kept, if any. */
  latest(notebook: string): RunRecord | undefined {
    let latest: RunRecord | undefined;
    for (const record of this.#runs.values()) if (record.notebook === notebook) latest = record;
    return latest;
  }

  /** Asks the run to stop; cells not yet finished fail as cancelled. */
  cancel(runId: string): RunRecord {
    const record = this.#live(runId);
    if (record.status === 'running') {
      record.status = 'cancelled';
      record.controller.abort();
    }
    return record;
  }

  /** What `GET /api/runs/:runId` answers. */
  state(record: RunRecord): RunState {
    return {
      runId: record.runId,
      notebook: record.notebook,
      status: record.status,
      params: record.params,
      events: record.events.length,
      cells: { ...record.cells },
    };
  }

  /** The run's events from index `from`: those so far, then the live ones, up to `run-finished`. */
  events(
    runId: string,
    from = 0,
    signal?: AbortSignal,
  ): AsyncGenerator<{ index: number; event: RunEvent }> {
    return this.#live(runId).events.follow(from, signal);
  }

  #live(runId: string): LiveRun {
    this.get(runId);
    return this.#runs.get(runId)!;
  }

  /** Waits for every run still going (on shutdown). */
  async settle(): Promise<void> {
    for (const record of this.#runs.values()) record.controller.abort();
    await Promise.all([...this.#runs.values()].map((record) => record.done));
  }

  #record(record: LiveRun, event: RunEvent): void {
    switch (event.type) {
      case 'run-started':
        record.params = event.params;
        for (const cell of event.cells) record.cells[cell.cellId] = 'queued';
        break;
      case 'cell-started':
        record.cells[event.cellId] = 'running';
        break;
      case 'cell-finished':
        record.cells[event.cellId] = 'finished';
        break;
      case 'cell-failed':
        record.cells[event.cellId] = 'failed';
        break;
      case 'cell-blocked':
        record.cells[event.cellId] = 'blocked';
        break;
      case 'run-finished':
        if (record.status === 'running') record.status = 'finished';
        break;
    }
    record.events.push(event);
    if (event.type === 'run-finished') record.events.close();
  }

  #finishAbruptly(record: LiveRun): void {
    if (record.events.closed) return;
    const failed = Object.values(record.cells).filter((status) => status !== 'finished').length;
    this.#record(record, {
      type: 'run-finished',
      runId: record.runId,
      durationMs: 0,
      failed,
      blocked: 0,
      cached: 0,
    });
  }

  #keep(record: LiveRun): void {
    this.#runs.set(record.runId, record);
    for (const [runId, old] of this.#runs) {
      if (this.#runs.size <= this.capacity) break;
      // A run still going is not forgotten: its client is still reading it.
      if (old.status !== 'running') this.#runs.delete(runId);
    }
  }
}

/** The runner's own input check, made before the run waits for a slot. */
function checkInputs(notebook: Notebook, inputs: Record<string, string>, today: Date): void {
  const { diagnostics } = resolveInputs(notebook.frontMatter, inputs, today);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    throw new InputError(
      errors.map((error) => error.message).join('\n'),
      'Fix the input values and run again.',
    );
  }
}
