/**
 * `check` cells: read the checked table grouped by series and day, score every series with the
 * causal detectors, and turn the flagged points into a ranked table of alerts (money at stake,
 * co-moving anomalies of one cause grouped) and a chart of the top alert's series.
 */
import type { ColumnInfo, QueryOptions, QueryResult, SqlValue } from '../engine/types.ts';
import { BatonError } from '../errors.ts';
import type { CheckSpec } from '../notebook/specs.ts';
import { eventDays, marketsOf, type KnownEvent, type RetailMarket } from './cell-events.ts';
import { explainChange, type DrilldownTable } from './drilldown.ts';
import { groupPoints, type FlaggedPoint } from './group.ts';
import { scoreRatioSeries, scoreSeries, type DetectOptions, type SeriesScores } from './index.ts';
import {
  impactOf,
  isRatio,
  quotedColumn,
  quotedTable,
  resolveMetric,
  type MetricDefinition,
} from './metrics.ts';

/** What a check reads through: a run's session or the warehouse (both check the SQL). */
export interface CheckSource {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
}

export interface CheckOptions {
  /** Judge the data up to this day (`YYYY-MM-DD`), inclusive; default: all of it. */
  today?: string;
  /** Report only flagged points on or after this day; default: every flagged point. */
  since?: string;
  /** Add an `explanation` to the top alerts (root-cause drill-down over the model tables). */
  explain?: boolean;
  /**
   * Known events (scored, never flagged, kept out of the baseline): the retail calendar of
   * `cell-events.ts` unless `retail` is false, plus the user's own dates.
   */
  events?: { retail?: boolean; markets?: readonly RetailMarket[]; extra?: KnownEvent[] };
  /**
   * Conversions keep arriving for days after a click (platforms attribute them late): the last
   * `maturityDays` days of a metric built on conversions or their value are scored but not
   * reported, since a low count there is mostly not yet counted (default 3).
   */
  maturityDays?: number;
  /** How many alerts (groups) get an explanation (default 3). */
  explainTop?: number;
  /** Key columns the series share with their parent for grouping (default: all but the last). */
  parentLength?: number;
  signal?: AbortSignal;
}

/** One flagged point of a check, with the money at stake. */
export interface CheckAlert {
  /** Values of the `by` columns. */
  key: string[];
  date: string;
  value: number;
  expected: number;
  lower: number;
  upper: number;
  score: number;
  direction: 'up' | 'down';
  impact: number;
  /** 1 = the group with the most money at stake. */
  group: number;
  explanation?: string;
}

export interface CheckRun {
  /** The alerts as a table the grid and the report show, ranked by group then impact. */
  result: QueryResult;
  /** Vega-Lite: the top alert's series, its expected band and the flagged points (none: no alert). */
  chart?: Record<string, unknown>;
  alerts: CheckAlert[];
  /** How many series were scored. */
  seriesCount: number;
}

/** See `DetectOptions.scaleFloor`: marketing series swing by at least this much once uncapped. */
const MARKETING_SCALE_FLOOR = 0.05;
/** The rows one query can return; a check reads every series of every day. */
const MAX_ROWS = 20_000_000;
/** Optional sums a metric's money weight may need. */
const CONTEXT_COLUMNS = ['spend', 'conversions', 'clicks', 'impressions'] as const;

interface Series {
  key: string[];
  numerator: Float64Array;
  denominator: Float64Array | undefined;
  context: Record<(typeof CONTEXT_COLUMNS)[number], Float64Array>;
  /**
   * Days on which a campaign inside the series launched, or the day after one the team paused or
   * ended stopped: the series' level changes by decision there.
   */
  changes: Set<number>;
  /** The accounts' own currency when the series has one (its market's calendar applies). */
  currency: string | null;
}

/** `by` columns at or below the campaign: their series hold no campaign changes of their own. */
const CAMPAIGN_KEYS = new Set([
  'campaign_id',
  'campaign_name',
  'ad_group_id',
  'ad_group_name',
  'ad_id',
  'ad_name',
]);

/**
 * The check's read: one row per series and day with the metric's sums, the context sums, and
 * for an aggregate over campaigns (a platform) the campaigns launched that day and those the
 * team paused or ended (status no longer active) whose last day it is. Built from quoted,
 * validated names only; `$today` bounds the rows, the last days included.
 */
function seriesQuery(
  spec: CheckSpec,
  table: string,
  columns: ReadonlySet<string>,
  metric: MetricDefinition,
  bounded: boolean,
): string {
  const time = quotedColumn(spec.time, columns, 'time');
  const keys = spec.by.map((column) => quotedColumn(column, columns, '`by`'));
  const sumOf = (column: string | undefined) =>
    column !== undefined && columns.has(column)
      ? `coalesce(sum(${quotedColumn(column, columns, 'metric')}), 0)::double`
      : '0::double';
  const day = `cast(${time} as date)`;
  const changes =
    columns.has('campaign_id') &&
    !spec.by.some((column) => CAMPAIGN_KEYS.has(column.toLowerCase()));
  const stopped = columns.has('campaign_status')
    ? `${day} = max(${day}) over campaign and "campaign_status" <> 'active'`
    : 'false';
  const select = [
    ...keys.map((key, index) => `coalesce(cast(${key} as varchar), '') as k${index}`),
    `${day} as t`,
    `sum(${quotedColumn(metric.numerator, columns, 'metric')})::double as n`,
    `${metric.denominator ? sumOf(metric.denominator) : '0::double'} as d`,
    ...CONTEXT_COLUMNS.map((column) => `${sumOf(column)} as ${column}`),
    changes ? 'count(*) filter (where __launch)::double' : '0::double',
    changes ? 'count(*) filter (where __stop)::double' : '0::double',
    ...(columns.has('native_currency')
      ? ['min("native_currency")', 'max("native_currency")']
      : ['null', 'null']),
  ];
  const rows = `select * from ${table} where ${time} is not null${bounded ? ` and ${day} <= cast($today as date)` : ''}`;
  const from = changes
    ? `(select *, ${day} = min(${day}) over campaign as __launch, ${stopped} as __stop
        from (${rows}) window campaign as (partition by "campaign_id"))`
    : `(${rows})`;
  return `select ${select.join(', ')} from ${from} group by all order by all`;
}

/**
 * Runs a check over `source`. The SQL is built from quoted, validated column names only.
 *
 * @example
 * const { result, chart } = await runCheck(session, { on: 'campaign_daily', time: 'date', metric: 'cpa', by: ['platform', 'campaign_name'], direction: 'up', sensitivity: 'normal' });
 */
export async function runCheck(
  source: CheckSource,
  spec: CheckSpec,
  options: CheckOptions = {},
): Promise<CheckRun> {
  const table = quotedTable(spec.on);
  const described = await source.query(`select * from ${table} limit 0`, {
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const columns = new Set(described.columns.map((column) => column.name.toLowerCase()));
  const metric = resolveMetric(spec.metric, columns);
  const sql = seriesQuery(spec, table, columns, metric, options.today !== undefined);
  const read = await source.query(sql, {
    rowCap: MAX_ROWS,
    ...(options.today ? { params: { today: options.today } } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (read.truncated) {
    throw new BatonError(
      'too-large',
      `The check reads ${read.totalRows} series-days, more than ${MAX_ROWS}.`,
      'Check a table with fewer series (group by fewer columns) or a shorter period.',
    );
  }

  const { dates, series } = toSeries(read, spec.by.length, metric);
  const since = options.since ? dates.findIndex((date) => date >= options.since!) : 0;
  const detect = detectorOptions(spec, dates, {
    ...options,
    events: {
      ...options.events,
      extra: [...(options.events?.extra ?? []), ...(spec.events ?? [])],
    },
  });
  // Days after the last judged one: conversions there are not all counted yet.
  const matureUntil = dates.length - (usesConversions(metric) ? (options.maturityDays ?? 3) : 0);
  const points: (FlaggedPoint & Omit<CheckAlert, 'group' | 'key'>)[] = [];
  for (const one of series) {
    const scores = scoreOne(one, metric, detect);
    const toDate = { spend: 0, conversions: 0, clicks: 0, impressions: 0 };
    for (let day = 0; day < dates.length; day++) {
      const numerator = one.numerator[day]!;
      if (
        scores.flag[day] === 1 &&
        since >= 0 &&
        day >= since &&
        day < matureUntil &&
        !Number.isNaN(numerator) &&
        directionAllowed(spec.direction, scores.sign[day]!)
      ) {
        const denominator = one.denominator?.[day] ?? Number.NaN;
        const value = one.denominator ? numerator / denominator : numerator;
        const expected = scores.expected[day]!;
        const impact = impactOf(metric, {
          value: Number.isFinite(value) ? value : expected,
          expected,
          numerator,
          denominator: one.denominator ? denominator : 0,
          spend: one.context.spend[day]!,
          spendToDate: toDate.spend,
          conversionsToDate: toDate.conversions,
          clicksToDate: toDate.clicks,
          impressionsToDate: toDate.impressions,
        });
        {
          points.push({
            key: one.key,
            day,
            sign: scores.sign[day]! >= 0 ? 1 : -1,
            impact,
            date: dates[day]!,
            value,
            expected,
            lower: scores.lower[day]!,
            upper: scores.upper[day]!,
            score: scores.score[day]!,
            direction: scores.sign[day]! >= 0 ? 'up' : 'down',
          });
        }
      }
      for (const column of CONTEXT_COLUMNS) {
        const amount = one.context[column][day]!;
        if (!Number.isNaN(amount)) toDate[column] += amount;
      }
    }
  }

  const groups = groupPoints(points, options.parentLength);
  // `min_impact` applies to an alert's total money at stake (all its days and series): a
  // three-day outage of 100 a day matters, one day 5% off on a small campaign does not.
  const totals = new Map<number, number>();
  points.forEach((point, index) =>
    totals.set(groups[index]!, (totals.get(groups[index]!) ?? 0) + point.impact),
  );
  const kept = [...totals.keys()]
    .filter((group) => spec.minImpact === undefined || totals.get(group)! >= spec.minImpact)
    .sort((a, b) => a - b);
  const renumbered = new Map(kept.map((group, index) => [group, index + 1]));
  const alerts: CheckAlert[] = points
    .map(({ day: _day, sign: _sign, ...point }, index) => ({
      ...point,
      group: renumbered.get(groups[index]!) ?? 0,
    }))
    .filter((alert) => alert.group > 0);
  // A group leads with its first move; the swing back after it (grouped with it) comes last.
  const opening = new Map<number, CheckAlert>();
  for (const alert of alerts) {
    const first = opening.get(alert.group);
    if (!first || alert.date < first.date) opening.set(alert.group, alert);
  }
  const rebound = (alert: CheckAlert) =>
    alert.direction === opening.get(alert.group)!.direction ? 0 : 1;
  alerts.sort(
    (a, b) =>
      a.group - b.group ||
      rebound(a) - rebound(b) ||
      b.impact - a.impact ||
      a.date.localeCompare(b.date),
  );

  if (options.explain) await explainAlerts(source, spec, metric, alerts, options);

  return {
    result: alertTable(spec, alerts, options.explain === true),
    ...(alerts[0] ? { chart: alertChart(spec, detect, metric, alerts, series, dates) } : {}),
    alerts,
    seriesCount: series.length,
  };
}

/**
 * The detector options of a check, but for each series' own: its known events follow the
 * market of its accounts (a US account has no French sales), computed once per market.
 */
function detectorOptions(
  spec: CheckSpec,
  dates: string[],
  options: CheckOptions,
): (one: Series) => DetectOptions {
  const calendars = new Map<string, DetectOptions>();
  return (one) => {
    const markets = marketsOf(one.currency, options.events?.markets);
    const id = markets.join();
    let detect = calendars.get(id);
    if (!detect) {
      const known = eventDays(dates, { ...options.events, markets });
      detect = {
        sensitivity: spec.sensitivity,
        direction: spec.direction,
        period: 7,
        yearPeriod: 364,
        scaleFloor: MARKETING_SCALE_FLOOR,
        events: known.any,
        peaks: known.peaks,
      };
      calendars.set(id, detect);
    }
    return detect;
  };
}

/**
 * Scores one series, its campaign changes as breaks; a ratio's noise follows its counted
 * events (ROAS: the conversions), or its sides read as counts.
 */
function scoreOne(
  one: Series,
  metric: MetricDefinition,
  detectFor: (one: Series) => DetectOptions,
): SeriesScores {
  const options = { ...detectFor(one), breaks: one.changes };
  if (!one.denominator) return scoreSeries(one.numerator, options);
  return scoreRatioSeries(one.numerator, one.denominator, {
    ...options,
    ...(metric.counts ? { counts: one.context[metric.counts] } : {}),
  });
}

const CONVERSION_COLUMNS = new Set(['conversions', 'conversion_value', 'revenue']);

function usesConversions(metric: MetricDefinition): boolean {
  return (
    CONVERSION_COLUMNS.has(metric.numerator) ||
    (metric.denominator !== undefined && CONVERSION_COLUMNS.has(metric.denominator))
  );
}

function directionAllowed(direction: CheckSpec['direction'], sign: number): boolean {
  return direction === 'both' || (direction === 'up' ? sign > 0 : sign < 0);
}

/** Rows sorted by key then day into one dense array per series over the calendar of all days. */
function toSeries(
  read: QueryResult,
  keyCount: number,
  metric: MetricDefinition,
): { dates: string[]; series: Series[] } {
  const column = (index: number) => read.data[index]!;
  const days = column(keyCount) as string[];
  const first = days.reduce((min, day) => (day < min ? day : min), days[0] ?? '');
  const last = days.reduce((max, day) => (day > max ? day : max), days[0] ?? '');
  const dates: string[] = [];
  if (first) {
    for (let day = Date.parse(first); day <= Date.parse(last); day += 86_400_000) {
      dates.push(new Date(day).toISOString().slice(0, 10));
    }
  }
  const dayIndex = new Map(dates.map((date, index) => [date, index]));
  const currencies = keyCount + 5 + CONTEXT_COLUMNS.length;
  // One currency on the row, or null (none, or accounts in several).
  const currencyOf = (row: number): string | null => {
    const [low, high] = [column(currencies)[row], column(currencies + 1)[row]];
    return typeof low === 'string' && low === high ? low : null;
  };
  const series: Series[] = [];
  let current: Series | undefined;
  let currentKey = '';
  const blank = () => new Float64Array(dates.length).fill(Number.NaN);
  for (let row = 0; row < read.rowCount; row++) {
    const key = Array.from({ length: keyCount }, (_, index) => String(column(index)[row]));
    const joined = JSON.stringify(key);
    if (!current || joined !== currentKey) {
      current = {
        key,
        numerator: blank(),
        denominator: isRatio(metric) ? blank() : undefined,
        context: { spend: blank(), conversions: blank(), clicks: blank(), impressions: blank() },
        changes: new Set(),
        currency: currencyOf(row),
      };
      currentKey = joined;
      series.push(current);
    }
    const day = dayIndex.get(days[row]!)!;
    current.numerator[day] = toNumber(column(keyCount + 1)[row]);
    if (current.denominator) current.denominator[day] = toNumber(column(keyCount + 2)[row]);
    CONTEXT_COLUMNS.forEach((name, index) => {
      current!.context[name][day] = toNumber(column(keyCount + 3 + index)[row]);
    });
    const changes = keyCount + 3 + CONTEXT_COLUMNS.length;
    if (toNumber(column(changes)[row]) > 0) current.changes.add(day);
    if (toNumber(column(changes + 1)[row]) > 0) current.changes.add(day + 1);
    if (current.currency !== currencyOf(row)) current.currency = null;
  }
  return { dates, series };
}

function toNumber(value: SqlValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return Number.NaN;
}

function alertTable(spec: CheckSpec, alerts: CheckAlert[], explain: boolean): QueryResult {
  const columns: ColumnInfo[] = [
    // Key values are read as text, whatever their type in the checked table.
    ...spec.by.map((name) => ({ name, type: 'VARCHAR' })),
    { name: 'date', type: 'DATE' },
    ...['value', 'expected', 'lower', 'upper', 'score'].map((name) => ({ name, type: 'DOUBLE' })),
    { name: 'direction', type: 'VARCHAR' },
    { name: 'impact', type: 'DOUBLE' },
    { name: 'group', type: 'INTEGER' },
    ...(explain ? [{ name: 'explanation', type: 'VARCHAR' }] : []),
  ];
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const rows: SqlValue[][] = alerts.map((alert) => [
    ...alert.key,
    alert.date,
    finite(alert.value),
    finite(alert.expected),
    finite(alert.lower),
    finite(alert.upper),
    finite(alert.score),
    alert.direction,
    Math.round(alert.impact * 100) / 100,
    alert.group,
    ...(explain ? [alert.explanation ?? null] : []),
  ]);
  return {
    columns,
    data: columns.map((_, index) => rows.map((row) => row[index]!)),
    rowCount: rows.length,
    totalRows: rows.length,
    truncated: false,
  };
}

/** The top alert's series: the expected band, the line, and the series' flagged points. */
function alertChart(
  spec: CheckSpec,
  detect: (one: Series) => DetectOptions,
  metric: MetricDefinition,
  alerts: CheckAlert[],
  series: Series[],
  dates: string[],
): Record<string, unknown> {
  const top = alerts[0]!;
  const joined = JSON.stringify(top.key);
  const one = series.find((candidate) => JSON.stringify(candidate.key) === joined)!;
  const scores = scoreOne(one, metric, detect);
  const flagged = new Set(
    alerts.filter((alert) => JSON.stringify(alert.key) === joined).map((alert) => alert.date),
  );
  const values: Record<string, SqlValue>[] = [];
  dates.forEach((date, day) => {
    const numerator = one.numerator[day]!;
    if (Number.isNaN(numerator)) return;
    const value = one.denominator ? numerator / one.denominator[day]! : numerator;
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    values.push({
      date,
      value: finite(value),
      expected: finite(scores.expected[day]!),
      lower: finite(scores.lower[day]!),
      upper: finite(scores.upper[day]!),
      flagged: flagged.has(date),
    });
  });
  const x = { field: 'date', type: 'temporal', title: spec.time };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${metric.name}: ${top.key.join(' / ') || 'all'}`,
    data: { values },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', title: metric.name },
          y2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'line', strokeDash: [4, 3] },
        encoding: { x, y: { field: 'expected', type: 'quantitative' } },
      },
      { mark: 'line', encoding: { x, y: { field: 'value', type: 'quantitative' } } },
      {
        transform: [{ filter: 'datum.flagged' }],
        mark: { type: 'point', filled: true, size: 60, color: '#d62728' },
        encoding: { x, y: { field: 'value', type: 'quantitative' } },
      },
    ],
  };
}

/** The drill-down tables: a check whose series key names model columns can be explained. */
const EXPLAINABLE: DrilldownTable[] = ['campaign_daily', 'ad_daily'];
const MODEL_KEY_COLUMNS = [
  'platform',
  'account_id',
  'account_name',
  'campaign_id',
  'campaign_name',
  'ad_id',
  'ad_name',
];

/** Explains the top row of the first `explainTop` groups against the 28 days before it. */
async function explainAlerts(
  source: CheckSource,
  spec: CheckSpec,
  metric: MetricDefinition,
  alerts: CheckAlert[],
  options: CheckOptions,
): Promise<void> {
  const table: DrilldownTable = EXPLAINABLE.includes(spec.on as DrilldownTable)
    ? (spec.on as DrilldownTable)
    : 'campaign_daily';
  const top = options.explainTop ?? 3;
  const seen = new Set<number>();
  for (const alert of alerts) {
    if (seen.has(alert.group)) continue;
    seen.add(alert.group);
    if (seen.size > top) break;
    const filters: Record<string, string> = {};
    spec.by.forEach((column, index) => {
      if (MODEL_KEY_COLUMNS.includes(column.toLowerCase())) {
        filters[column.toLowerCase()] = alert.key[index]!;
      }
    });
    const day = Date.parse(alert.date);
    const shift = (days: number) => new Date(day + days * 86_400_000).toISOString().slice(0, 10);
    try {
      const explanation = await explainChange(source, {
        table,
        metric: metric.name,
        current: { start: alert.date, end: alert.date },
        baseline: { start: shift(-28), end: shift(-1) },
        filters,
      });
      alert.explanation = explanation.summary;
    } catch (error) {
      // A check over a table the model tables cannot explain (its key is not theirs) still
      // shows its alerts; the cell says why there is no explanation. Other errors fail the cell.
      if (!(error instanceof BatonError)) throw error;
      alert.explanation = `No drill-down: ${error.message}`;
    }
  }
}
