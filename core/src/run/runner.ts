import { createHash, randomUUID } from 'node:crypto';
import { asCellError, buildGraph, type CellNode, type CellReads } from '../dag/graph.ts';
import type { QueryResult, SqlParams, SqlValue } from '../engine/types.ts';
import { quoteIdentifier, type Warehouse, type WarehouseSession } from '../engine/index.ts';
import { BatonError } from '../errors.ts';
import { runCheck } from '../checks/cell.ts';
import { calendarEvents, type WorkspaceCalendar } from '../checks/cell-events.ts';
import { parseCellSpec, resolveInputs } from '../notebook/index.ts';
import type { CheckSpec, RecommendSpec } from '../notebook/index.ts';
import type { Cell, Notebook } from '../notebook/types.ts';
import { ResultCache, type CachedResult } from './cache.ts';
import { readsOf } from './reads.ts';
import { Slots } from './slots.ts';
import { tempTableOf } from './temp-table.ts';
import { askSql } from './ask-cell.ts';
import { runRecommendCell } from './recommend-cell.ts';
import type { AiLanguageModel } from '../ai/model/index.ts';
import type { Logger } from '../spec/index.ts';
import type { CellError, CellOutcome, CellRunInfo, NotebookRunResult, RunEvent } from './types.ts';

export interface RunOptions {
  /** Input overrides as the user typed them (`period=last_7_days`); the rest take their defaults. */
  inputs?: Record<string, string>;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Each cell's outcome as soon as it is known (the events carry no result rows). */
  onOutcome?: (cellId: string, outcome: CellOutcome) => void;
  /** The id the events carry (default: a new UUID), so a caller can name the run before it starts. */
  runId?: string;
  /**
   * Answer `ask` cells that have no pinned SQL yet with the engine's draft, for review in the
   * editor (default false: a published report runs pinned SQL only).
   */
  draftAsk?: boolean;
}

/** A page of a cached result: `sort.column` must be one of the result's columns. */
export interface ResultPageRequest {
  offset: number;
  limit: number;
  sort?: { column: string; order: 'asc' | 'desc' };
}

export interface RunnerOptions {
  /** The clock that `last_28_days` and friends are relative to. */
  now?: () => Date;
  /** How many cell results to keep between runs (default 500). */
  cacheEntries?: number;
  /** Rows of each result that leave the engine (default: the warehouse's cap). */
  rowCap?: number;
  /**
   * Runs at once (default: the warehouse's connections minus 2). Each run pins a connection and
   * also borrows others briefly; were every connection pinned, those borrows would wait forever.
   */
  concurrentRuns?: number;
  /** The workspace's calendar for check cells (markets, the team's own dates). */
  calendar?: WorkspaceCalendar;
  /** The model that drafts `ask` cells' SQL and summarizes `recommend` cells (none: built-in). */
  model?: AiLanguageModel;
  /** Where a model's dropped sentences and failures are said (default: the console). */
  logger?: Pick<Logger, 'warn'>;
}

/** Thrown when the caller's input values cannot be bound; nothing has run. */
export class InputError extends BatonError {
  constructor(message: string, hint?: string) {
    super('input', message, hint);
  }
}

/**
 * Runs notebooks against one warehouse: cells in dependency order, each named cell's full result
 * kept as a table that later cells read by name, and results cached by content so an unchanged
 * cell never runs twice.
 */
export class NotebookRunner {
  readonly #cache: ResultCache;
  readonly #now: () => Date;
  /** What a cell body reads depends on its text only: parse each body once. */
  readonly #reads = new Map<string, Promise<CellReads>>();
  readonly #slots: Slots;
  /** Results being computed, by cache key, so a concurrent run waits instead of racing. */
  readonly #inFlight = new Map<string, Promise<CachedResult>>();

  constructor(
    private readonly warehouse: Warehouse,
    private readonly options: RunnerOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#slots = new Slots(options.concurrentRuns ?? warehouse.options.connections - 2);
    this.#cache = new ResultCache(options.cacheEntries ?? 500, (entry) =>
      warehouse.execute(`DROP TABLE IF EXISTS ${entry.table}`),
    );
  }

  async run(notebook: Notebook, options: RunOptions = {}): Promise<NotebookRunResult> {
    const started = performance.now();
    const runId = options.runId ?? randomUUID();
    const params = this.#bindInputs(notebook, options.inputs ?? {});
    const releaseSlot = await this.#slots.acquire();
    try {
      return await this.#run(notebook, options, { runId, started, params });
    } finally {
      releaseSlot();
    }
  }

  async #run(
    notebook: Notebook,
    options: RunOptions,
    {
      runId,
      started,
      params,
    }: { runId: string; started: number; params: Record<string, SqlValue> },
  ): Promise<NotebookRunResult> {
    const emit = options.onEvent ?? (() => {});
    // A pinned connection: named cells become temp views that later cells of this run read.
    // Releasing it closes it, so no view reaches another notebook.
    const session = await this.warehouse.session();
    const state: RunState = {
      params,
      keys: new Map(),
      outcomes: new Map(),
      session,
      signal: options.signal,
      dataVersions: new Map(),
      today: this.#now().toISOString().slice(0, 10),
      draftAsk: options.draftAsk === true,
    };
    const { keys, outcomes } = state;
    try {
      const graph = await buildGraph(notebook, {
        catalog: await this.#catalog(),
        readsOf: (cell) => this.#readsOf(cell),
      });
      emit({
        type: 'run-started',
        runId,
        cells: graph.order.map((id) => info(graph.nodes.get(id)!.cell)),
        params,
      });

      for (const id of graph.order) {
        const node = graph.nodes.get(id)!;
        const cellInfo = info(node.cell);
        const blocker = node.upstream.find(
          (upstream) => outcomes.get(upstream)?.status !== 'finished',
        );
        if (blocker !== undefined && !node.error) {
          const blockedBy = graph.nodes.get(blocker)!.cell.name ?? blocker;
          outcomes.set(id, { status: 'blocked', blockedBy });
          options.onOutcome?.(id, { status: 'blocked', blockedBy });
          emit({ type: 'cell-blocked', blockedBy, ...cellInfo });
          continue;
        }
        emit({ type: 'cell-started', ...cellInfo });
        const cellStarted = performance.now();
        let outcome: CellOutcome;
        try {
          if (options.signal?.aborted) throw new BatonError('cancelled', 'The run was cancelled.');
          if (node.error) throw Object.assign(new Error(node.error.message), node.error);
          outcome = await this.#runCell(node, state);
          const cached = keys.has(id) ? this.#cache.get(keys.get(id)!) : undefined;
          if (node.cell.name !== undefined && cached) {
            await session.execute(
              `CREATE OR REPLACE TEMP VIEW "${node.cell.name}" AS FROM ${cached.table}`,
            );
          }
        } catch (error) {
          outcome = {
            status: 'failed',
            error: asCellError(error),
            durationMs: performance.now() - cellStarted,
          };
        }
        outcomes.set(id, outcome);
        options.onOutcome?.(id, outcome);
        if (outcome.status === 'finished') {
          const { cached, durationMs, result } = outcome;
          emit({
            type: 'cell-finished',
            cached,
            durationMs,
            rowCount: result.rowCount,
            totalRows: result.totalRows,
            ...cellInfo,
          });
        } else if (outcome.status === 'failed') {
          emit({
            type: 'cell-failed',
            error: outcome.error,
            durationMs: outcome.durationMs,
            ...cellInfo,
          });
        }
      }
    } finally {
      session.release();
    }

    const durationMs = performance.now() - started;
    const count = (status: CellOutcome['status']) =>
      [...outcomes.values()].filter((o) => o.status === status).length;
    const cached = [...outcomes.values()].filter((o) => o.status === 'finished' && o.cached).length;
    emit({
      type: 'run-finished',
      runId,
      durationMs,
      failed: count('failed'),
      blocked: count('blocked'),
      cached,
    });
    return { runId, params, outcomes, durationMs };
  }

  /**
   * A page of a cell's full result, sorted in DuckDB over every row, from the cache table named by
   * its outcome's `key`. An `expired` error when the cache has dropped it since.
   *
   * @example await runner.readResult(outcome.key, { offset: 0, limit: 100, sort: { column: 'spend', order: 'desc' } })
   */
  async readResult(key: string, page: ResultPageRequest): Promise<QueryResult> {
    const entry = this.#cache.get(key);
    if (!entry) throw expired();
    let orderBy: string | undefined;
    if (page.sort) {
      const { column, order } = page.sort;
      if (!entry.result.columns.some((known) => known.name === column)) {
        const names = entry.result.columns.map((known) => known.name).join(', ');
        throw new BatonError(
          'usage',
          `The result has no column "${column}" to sort by (columns: ${names}).`,
          'Sort by one of the listed columns.',
        );
      }
      // Row order of the table breaks ties, so pages of one sort never overlap.
      orderBy = `${quoteIdentifier(column)} ${order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, rowid`;
    }
    try {
      return await this.warehouse.read(entry.table, {
        offset: page.offset,
        rowCap: page.limit,
        ...(orderBy ? { orderBy } : {}),
      });
    } catch (error) {
      if (!this.#cache.peek(key)) throw expired();
      throw error;
    }
  }

  #bindInputs(notebook: Notebook, overrides: Record<string, string>): Record<string, SqlValue> {
    const { params, diagnostics } = resolveInputs(notebook.frontMatter, overrides, this.#now());
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) {
      throw new InputError(
        errors.map((error) => error.message).join('\n'),
        'Fix the input values and run again.',
      );
    }
    return params as Record<string, SqlValue>;
  }

  /** The data version of what a cell reads; cells reading the same tables share one look-up. */
  #dataVersion(tables: string[], known: Map<string, Promise<string>>): Promise<string> {
    if (tables.length === 0) return Promise.resolve('');
    const key = [...tables].sort().join('\n');
    if (!known.has(key)) known.set(key, this.warehouse.dataVersion(tables));
    return known.get(key)!;
  }

  #readsOf(cell: Cell): Promise<CellReads> {
    const key = `${cell.kind}\n${cell.body}`;
    let reads = this.#reads.get(key);
    if (!reads) {
      reads = readsOf(cell, this.warehouse);
      // A body that does not parse may parse later against another catalog: keep successes only.
      reads.catch(() => this.#reads.delete(key));
      if (this.#reads.size >= 1000) this.#reads.clear();
      this.#reads.set(key, reads);
    }
    return reads;
  }

  /** Tables and views user SQL may read, bare and qualified; cell names must not shadow them. */
  async #catalog(): Promise<Set<string>> {
    const { data } = await this.warehouse.query(
      `select table_schema, table_name from information_schema.tables
       where table_catalog not in ('temp', 'baton_cells') and table_schema <> '_baton'`,
      { rowCap: 1_000_000 },
    );
    const names = new Set<string>();
    const [schemas = [], tables = []] = data;
    tables.forEach((table, row) => {
      const name = String(table).toLowerCase();
      const schema = String(schemas[row]).toLowerCase();
      if (schema === 'main') names.add(name);
      names.add(`${schema}.${name}`);
    });
    return names;
  }

  async #runCell(node: CellNode, context: RunState): Promise<CellOutcome> {
    const { cell } = node;
    const started = performance.now();
    if (cell.kind === 'chart') {
      const source =
        node.upstream[0] === undefined ? undefined : context.outcomes.get(node.upstream[0]);
      if (source?.status !== 'finished') {
        throw new BatonError(
          'invalid',
          'A chart draws the result of a cell: its `data` must name a cell of this notebook.',
          'Add a sql cell that selects the rows to draw, and name it in `data`.',
        );
      }
      const parsed = parseCellSpec(cell);
      if (!('spec' in parsed)) throw invalidSpec(parsed.diagnostics);
      const { data: _data, ...spec } = parsed.spec as Record<string, unknown>;
      const chart = { ...spec, data: { values: rowObjects(source.result) } };
      return {
        status: 'finished',
        result: source.result,
        chart,
        cached: source.cached,
        durationMs: performance.now() - started,
        ...(source.key !== undefined ? { key: source.key } : {}),
      };
    }

    if (cell.kind === 'check') return this.#runCheck(node, context, started);
    if (cell.kind === 'recommend') return this.#runRecommend(node, context, started);

    const cellParams = bindParams(node, context.params);
    // An ask cell runs its pinned SQL, or in the editor the engine's draft of it.
    const asked =
      cell.kind === 'ask'
        ? await askSql(cell, {
            warehouse: this.warehouse,
            today: context.today,
            draft: context.draftAsk,
            ...(this.options.model ? { model: this.options.model } : {}),
          })
        : undefined;
    const ask = asked?.outcome;
    const body = ask?.sql ?? cell.body;
    const reads = asked?.tablesRead ?? node.external;
    const dataVersion = await this.#dataVersion(reads, context.dataVersions);
    const key = contentKey(
      { ...cell, body },
      cellParams,
      node.upstream.map((id) => context.keys.get(id)!),
      dataVersion,
      context.today,
    );
    context.keys.set(cell.id, key);

    const hit =
      this.#cache.get(key) ??
      (this.#inFlight.has(key) ? await this.#materializing(key) : undefined);
    if (hit)
      return {
        status: 'finished',
        result: hit.result,
        cached: true,
        durationMs: performance.now() - started,
        key,
        ...(ask ? { ask } : {}),
      };

    const table = `baton_cells."c_${key}"`;
    const materialized = (async () => {
      const result = await context.session.materialize(body, table, {
        params: cellParams,
        signal: context.signal,
        ...(this.options.rowCap ? { rowCap: this.options.rowCap } : {}),
      });
      const entry: CachedResult = { key, table, result };
      await this.#cache.set(entry);
      return entry;
    })();
    this.#inFlight.set(key, materialized);
    try {
      const { result } = await materialized;
      return {
        status: 'finished',
        result,
        cached: false,
        durationMs: performance.now() - started,
        key,
        ...(ask ? { ask } : {}),
      };
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /**
   * A check cell is computed on every run, not cached: scoring is cheap next to reading its rows,
   * and its answer depends on the day (`today` bounds it). A named check's alerts become a temp
   * table of the run, which later cells read by its name.
   */
  async #runCheck(node: CellNode, context: RunState, started: number): Promise<CellOutcome> {
    const parsed = parseCellSpec(node.cell);
    if (!('spec' in parsed)) throw invalidSpec(parsed.diagnostics);
    const spec = parsed.spec as CheckSpec;
    const { result, chart } = await runCheck(context.session, spec, {
      today: context.today,
      events: calendarEvents(this.options.calendar),
      explain: spec.explain === true,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (node.cell.name !== undefined) await tempTableOf(context.session, node.cell.name, result);
    // Cells reading it are cached on what it found, not on its text alone.
    context.keys.set(node.cell.id, resultKey(result));
    return {
      status: 'finished',
      result,
      ...(chart ? { chart } : {}),
      cached: false,
      durationMs: performance.now() - started,
    };
  }

  /**
   * A recommend cell is computed on every run, like a check (its answer depends on the day);
   * a named one's actions become a temp table of the run.
   */
  async #runRecommend(node: CellNode, context: RunState, started: number): Promise<CellOutcome> {
    const parsed = parseCellSpec(node.cell);
    if (!('spec' in parsed)) throw invalidSpec(parsed.diagnostics);
    const { result, summary } = await runRecommendCell(
      context.session,
      parsed.spec as RecommendSpec,
      {
        today: context.today,
        events: calendarEvents(this.options.calendar),
        ...(this.options.model ? { model: this.options.model } : {}),
        logger: this.options.logger ?? console,
      },
    );
    if (node.cell.name !== undefined) await tempTableOf(context.session, node.cell.name, result);
    context.keys.set(node.cell.id, resultKey(result));
    return {
      status: 'finished',
      result,
      cached: false,
      durationMs: performance.now() - started,
      ...(summary.length > 0 ? { summary } : {}),
    };
  }

  /**
   * The result another run is computing for this key, once it is there. Two runs writing one
   * cache table at once would collide in DuckDB's catalog; a failed or cancelled computation
   * gives undefined, and the caller computes it itself.
   */
  async #materializing(key: string): Promise<CachedResult | undefined> {
    const pending = this.#inFlight.get(key);
    if (!pending) return undefined;
    return pending.catch(() => undefined);
  }
}

/** What the cells of one run share. */
interface RunState {
  params: Record<string, SqlValue>;
  /** Cache key of each cell that ran or came from the cache, by cell id. */
  keys: Map<string, string>;
  outcomes: Map<string, CellOutcome>;
  session: WarehouseSession;
  signal: AbortSignal | undefined;
  dataVersions: Map<string, Promise<string>>;
  /** `YYYY-MM-DD` of the run's clock. */
  today: string;
  /** Unpinned ask cells run the engine's draft (the editor), or fail (a report). */
  draftAsk: boolean;
}

/** The inputs a cell uses, and only those (DuckDB refuses unused named parameters). */
function bindParams(node: CellNode, params: Record<string, SqlValue>): SqlParams {
  const bound: SqlParams = {};
  for (const name of node.parameters) {
    if (!(name in params)) {
      const declared =
        Object.keys(params)
          .map((param) => `$${param}`)
          .join(', ') || 'none';
      throw new BatonError(
        'invalid',
        `The cell uses $${name}, which is not an input of this notebook (inputs: ${declared}).`,
        `Declare "${name.replace(/_(start|end)$/, '')}" under inputs in the front matter, or fix the name.`,
      );
    }
    bound[name] = params[name]!;
  }
  return bound;
}

/**
 * A cell's cache key: its body, the values it binds, what it reads, the data it reads, and the
 * day, since `current_date` or `now()` in a cell must not serve yesterday's answer today.
 */
function contentKey(
  cell: Cell,
  params: SqlParams,
  upstreamKeys: string[],
  dataVersion: string,
  today: string,
): string {
  const bound = Object.keys(params)
    .sort()
    .map((name) => [name, params[name]]);
  const material = JSON.stringify(
    [cell.kind, cell.body, bound, upstreamKeys, dataVersion, today],
    (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
  );
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

/** A key for a computed result: a hash of its columns and rows. */
function resultKey(result: QueryResult): string {
  const material = JSON.stringify([result.columns, result.data], (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

function rowObjects(result: QueryResult): Record<string, SqlValue>[] {
  const rows: Record<string, SqlValue>[] = [];
  for (let row = 0; row < result.rowCount; row++) {
    const record: Record<string, SqlValue> = {};
    result.columns.forEach((column, index) => (record[column.name] = result.data[index]![row]!));
    rows.push(record);
  }
  return rows;
}

function invalidSpec(diagnostics: { message: string; line: number }[]): CellError & Error {
  const message = diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('\n');
  return Object.assign(new Error(message), {
    kind: 'invalid',
    message,
    hint: 'Fix the cell and run again.',
  });
}

function expired(): BatonError {
  return new BatonError(
    'expired',
    'This result is no longer kept: newer results replaced it in the cache.',
    'Run the notebook again to page through it.',
  );
}

function info(cell: Cell): CellRunInfo {
  return {
    cellId: cell.id,
    kind: cell.kind,
    ...(cell.name !== undefined ? { name: cell.name } : {}),
  };
}
