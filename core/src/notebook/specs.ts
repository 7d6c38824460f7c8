/**
 * Typed specs of the YAML cell kinds (chart, check, recommend, ask), read from the cell body,
 * with diagnostics on the lines of the file where the problem is.
 */

import { isMap, isScalar, type Node } from 'yaml';
import { isIsoDate } from './dates.ts';
import { isPlainObject, parseYaml, toPlain } from './front-matter.ts';
import type { Cell, CellKind, NotebookDiagnostic } from './types.ts';

/** A Vega-Lite spec whose `data` names the cell (or table) whose rows it draws. */
export interface ChartSpec {
  data: string;
  mark?: unknown;
  encoding?: Record<string, unknown>;
  [key: string]: unknown;
}

export type CheckDirection = 'up' | 'down' | 'both';
export type CheckSensitivity = 'low' | 'normal' | 'high';

/** An anomaly check over a table with one row per series per `time`. */
export interface CheckSpec {
  /** The cell or model table to check. */
  on: string;
  /** Its time column. */
  time: string;
  /** A column, or an expression over columns (`spend / nullif(conversions, 0)`). */
  metric: string;
  /** Columns that split the rows into series (none: one series). */
  by: string[];
  /** Which moves count; default `both`. */
  direction: CheckDirection;
  /** Default `normal`. */
  sensitivity: CheckSensitivity;
  /** Ignore series whose money at stake is below this. */
  minImpact?: number;
  /** Add the root cause of the top alerts (drill-down by platform, campaign, ad). */
  explain?: boolean;
  /** The team's own dates (a launch, a TV flight), on top of the retail calendar. */
  events?: CheckEvent[];
}

/** A known event of a check: inclusive `YYYY-MM-DD` days. */
export interface CheckEvent {
  name: string;
  start: string;
  end: string;
  /** An expected peak: a fall is still flagged. Default false: moves either way expected. */
  peak?: boolean;
}

export type RecommendGoal = 'conversions' | 'revenue';

export interface RecommendSpec {
  /** Cells (checks, efficiency tables) the recommendations draw on; none: the model's defaults. */
  from: string[];
  goal: RecommendGoal;
  targetCpa?: number;
  targetRoas?: number;
  maxActions?: number;
}

export interface AskSpec {
  question: string;
  /** The accepted SQL, pinned so a published report never calls a model. */
  sql?: string;
}

export interface SqlSpec {
  sql: string;
}

export interface CellSpecs {
  sql: SqlSpec;
  ask: AskSpec;
  chart: ChartSpec;
  check: CheckSpec;
  recommend: RecommendSpec;
}

/** A spec and its warnings, or no spec and at least one error. Test with `'spec' in result`. */
export type CellSpecResult<K extends CellKind = CellKind> =
  { spec: CellSpecs[K]; diagnostics: NotebookDiagnostic[] } | { diagnostics: NotebookDiagnostic[] };

const KNOWN_KEYS: Record<Exclude<CellKind, 'sql' | 'chart'>, string[]> = {
  ask: ['question', 'sql'],
  check: [
    'on',
    'time',
    'metric',
    'by',
    'direction',
    'sensitivity',
    'min_impact',
    'explain',
    'events',
  ],
  recommend: ['from', 'goal', 'target_cpa', 'target_roas', 'max_actions'],
};

/**
 * Reads a cell's body into its typed spec.
 *
 * @example
 * const result = parseCellSpec(cell);
 * if ('spec' in result) draw(result.spec); else show(result.diagnostics);
 */
export function parseCellSpec<K extends CellKind>(cell: Cell & { kind: K }): CellSpecResult<K>;
export function parseCellSpec(cell: Cell): CellSpecResult {
  if (cell.kind === 'sql') return { spec: { sql: cell.body }, diagnostics: [] };
  const body = readBody(cell);
  if (!body.value) return { diagnostics: body.diagnostics };
  const reader = new SpecReader(cell, body.value, body.lineOf, body.diagnostics);
  const spec = reader.read();
  return spec && !body.diagnostics.some((d) => d.severity === 'error')
    ? { spec, diagnostics: body.diagnostics }
    : { diagnostics: body.diagnostics };
}

function readBody(cell: Cell) {
  const label = cellLabel(cell);
  const parsed = parseYaml(cell.body, cell.bodyLine, label, cell.id);
  const diagnostics = parsed.diagnostics;
  const root = parsed.document.contents as Node | null;
  const plain = toPlain(parsed.document);
  const lineOf = (key: string): number => {
    const pair = isMap(root)
      ? root.items.find((item) => isScalar(item.key) && item.key.value === key)
      : undefined;
    const range = (pair?.key as Node | undefined)?.range;
    return range ? parsed.lineAt(range[0]) : cell.bodyLine;
  };
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, lineOf };
  if (!isPlainObject(plain)) {
    const empty = cell.body.trim() === '';
    diagnostics.push({
      severity: 'error',
      line: empty ? cell.line : cell.bodyLine,
      cellId: cell.id,
      message: empty
        ? `${capitalize(label)} is empty: write its settings as YAML, e.g. ${example(cell.kind)}.`
        : `The body of ${label} must be YAML \`key: value\` lines, e.g. ${example(cell.kind)}.`,
    });
    return { diagnostics, lineOf };
  }
  return { value: plain, diagnostics, lineOf };
}

export function cellLabel(cell: Cell): string {
  const kind = cell.kind === 'sql' ? 'SQL' : cell.kind;
  return cell.name === undefined
    ? `the ${kind} cell on line ${cell.line}`
    : `${kind} cell "${cell.name}"`;
}

function example(kind: CellKind): string {
  const examples: Record<CellKind, string> = {
    sql: 'select 1',
    chart: '`data: daily` and `mark: line`',
    check: '`on: daily`, `time: date`, `metric: cpa`',
    recommend: '`goal: conversions`',
    ask: '`question: Which campaigns had the best ROAS?`',
  };
  return examples[kind];
}

class SpecReader {
  constructor(
    private readonly cell: Cell,
    private readonly value: Record<string, unknown>,
    private readonly lineOf: (key: string) => number,
    private readonly diagnostics: NotebookDiagnostic[],
  ) {}

  read(): CellSpecs[CellKind] | undefined {
    if (this.cell.kind !== 'chart' && this.cell.kind !== 'sql')
      this.unknownKeys(KNOWN_KEYS[this.cell.kind]);
    switch (this.cell.kind) {
      case 'chart':
        return this.chart();
      case 'check':
        return this.check();
      case 'recommend':
        return this.recommend();
      default:
        return this.ask();
    }
  }

  private problem(
    key: string | undefined,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) {
    const line = key === undefined ? this.cell.bodyLine : this.lineOf(key);
    this.diagnostics.push({
      severity,
      line,
      cellId: this.cell.id,
      message: `${capitalize(cellLabel(this.cell))}: ${message}`,
    });
  }

  private unknownKeys(known: string[]) {
    for (const key of Object.keys(this.value)) {
      if (!known.includes(key))
        this.problem(
          key,
          `unknown key "${key}" (ignored); known keys are ${known.join(', ')}.`,
          'warning',
        );
    }
  }

  private text(key: string, hint: string, required = true): string | undefined {
    const value = this.value[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (value === undefined && !required) return undefined;
    this.problem(
      value === undefined ? undefined : key,
      `${value === undefined ? 'needs' : 'set'} \`${key}: ${hint}\`.`,
    );
    return undefined;
  }

  private choice<T extends string>(
    key: string,
    choices: readonly T[],
    fallback?: T,
  ): T | undefined {
    const value = this.value[key] ?? fallback;
    if ((choices as readonly unknown[]).includes(value)) return value as T;
    this.problem(
      value === undefined ? undefined : key,
      `${value === undefined ? 'needs' : `${JSON.stringify(value)} is not a valid`} \`${key}\`: use ${choices.join(' | ')}.`,
    );
    return undefined;
  }

  private number(key: string, minimum: number): number | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum) return value;
    this.problem(
      key,
      `\`${key}\` must be a number of at least ${minimum} (got ${JSON.stringify(value)}).`,
    );
    return undefined;
  }

  private boolean(key: string): boolean | undefined {
    const value = this.value[key];
    if (value === undefined || value === null || typeof value === 'boolean')
      return value ?? undefined;
    this.problem(key, `\`${key}\` must be true or false (got ${JSON.stringify(value)}).`);
    return undefined;
  }

  private list(key: string): string[] | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      return value as string[];
    this.problem(key, `\`${key}\` must be a name or a list of names, e.g. \`${key}: [a, b]\`.`);
    return undefined;
  }

  private chart(): ChartSpec | undefined {
    const data = this.text('data', '<name of the cell to draw>');
    return data === undefined ? undefined : ({ ...this.value, data } as ChartSpec);
  }

  private check(): CheckSpec | undefined {
    const on = this.text('on', '<cell or table with one row per series per day>');
    const time = this.text('time', '<date column>');
    const metric = this.text('metric', '<column or expression>');
    const by = this.list('by');
    const direction = this.choice('direction', ['up', 'down', 'both'] as const, 'both');
    const sensitivity = this.choice('sensitivity', ['low', 'normal', 'high'] as const, 'normal');
    const minImpact = this.number('min_impact', 0);
    const explain = this.boolean('explain');
    const events = this.events();
    if (!on || !time || !metric || !by || !direction || !sensitivity || !events) return undefined;
    return {
      on,
      time,
      metric,
      by,
      direction,
      sensitivity,
      ...(minImpact !== undefined ? { minImpact } : {}),
      ...(explain ? { explain } : {}),
      ...(events.length > 0 ? { events } : {}),
    };
  }

  /**
   * `events`: a list of days (`2026-04-01`), ranges (`2026-03-10..2026-03-24`), either followed
   * by a name, or maps `{ name, start, end, peak }`.
   */
  private events(): CheckEvent[] | undefined {
    const value = this.value.events;
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    const events: CheckEvent[] = [];
    for (const [index, item] of items.entries()) {
      const event = readEvent(item);
      if (!event) {
        this.problem(
          'events',
          `\`events\` item ${index + 1} (${JSON.stringify(item)}) is not a known event: write a day \`2026-04-01\`, a range \`2026-03-10..2026-03-24 TV campaign\`, or \`{ name: TV campaign, start: 2026-03-10, end: 2026-03-24 }\`.`,
        );
        return undefined;
      }
      events.push(event);
    }
    return events;
  }

  private recommend(): RecommendSpec | undefined {
    const from = this.list('from');
    // Conversions unless said otherwise, as `baton recommend` does.
    const goal = this.choice('goal', ['conversions', 'revenue'] as const, 'conversions');
    const targetCpa = this.number('target_cpa', 0);
    const targetRoas = this.number('target_roas', 0);
    const maxActions = this.number('max_actions', 1);
    if (!from || !goal) return undefined;
    return {
      from,
      goal,
      ...(targetCpa !== undefined ? { targetCpa } : {}),
      ...(targetRoas !== undefined ? { targetRoas } : {}),
      ...(maxActions !== undefined ? { maxActions } : {}),
    };
  }

  private ask(): AskSpec | undefined {
    const question = this.text('question', '<what you want to know, in words>');
    const sql = this.text('sql', '<the accepted SQL>', false);
    if (!question) return undefined;
    return { question, ...(sql !== undefined ? { sql } : {}) };
  }
}

/** One `events` item, or undefined when it is not a day, a range or a `{ start, end }` map. */
export function readEvent(item: unknown): CheckEvent | undefined {
  if (typeof item === 'string') {
    const match = /^\s*(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?\s*(.*)$/.exec(item);
    if (!match) return undefined;
    const [, start, end = start, name] = match;
    return eventOf(name || `${start}${end === start ? '' : `..${end}`}`, start!, end!, false);
  }
  if (!isPlainObject(item)) return undefined;
  const { name, start, end = start, peak = false } = item;
  if (typeof start !== 'string' || typeof end !== 'string' || typeof peak !== 'boolean')
    return undefined;
  return eventOf(typeof name === 'string' ? name : start, start, end, peak);
}

function eventOf(name: string, start: string, end: string, peak: boolean): CheckEvent | undefined {
  if (!isIsoDate(start) || !isIsoDate(end) || end < start) return undefined;
  return { name, start, end, ...(peak ? { peak } : {}) };
}

export function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
