/**
 * The metrics a check or a drill-down understands: a column summed per series and day, or a
 * known KPI. Ratio KPIs are ratios of sums (CPA = sum(spend) / sum(conversions)), never averages
 * of daily ratios, so a day with three conversions weighs what it should.
 */
import { quoteIdentifier } from '../engine/index.ts';
import { BatonError } from '../errors.ts';

/** How a metric's move is turned into money (see `impactOf`). */
export type MoneyWeight =
  | 'money' // spend, revenue: the difference is money
  | 'cost-per-conversion' // conversions: the difference x the series' average CPA
  | 'cost-per-click' // clicks
  | 'cost-per-impression' // impressions
  | 'excess-cost' // CPA, CPC: (value - expected) x the day's denominator
  | 'lost-revenue' // ROAS: (expected - value) x the day's spend
  | 'clicks-lost' // CTR: difference x impressions x average CPC
  | 'conversions-lost' // CVR: difference x clicks x average CPA
  | 'repeat-spend' // frequency: the day's spend on impressions beyond the expected frequency
  | 'none'; // any other column: the difference as is

export interface MetricDefinition {
  /** Lower-case name as written in the cell (`cpa`, `spend`, a column). */
  name: string;
  /** The summed numerator column. */
  numerator: string;
  /** The summed denominator column, for ratios. */
  denominator?: string;
  /** Multiplies the ratio for display (none today; CTR stays a fraction). */
  weight: MoneyWeight;
  /**
   * The counted events behind a ratio whose sides are amounts (ROAS: revenue / spend rests on
   * the conversions); its noise follows them. None: the sides are read as counts.
   */
  counts?: 'conversions';
}

const SUMS: Record<string, { column: string[]; weight: MoneyWeight }> = {
  spend: { column: ['spend'], weight: 'money' },
  revenue: { column: ['revenue', 'conversion_value'], weight: 'money' },
  conversion_value: { column: ['conversion_value'], weight: 'money' },
  conversions: { column: ['conversions'], weight: 'cost-per-conversion' },
  clicks: { column: ['clicks'], weight: 'cost-per-click' },
  impressions: { column: ['impressions'], weight: 'cost-per-impression' },
};

const RATIOS: Record<
  string,
  { numerator: string; denominator: string; weight: MoneyWeight; counts?: 'conversions' }
> = {
  cpa: { numerator: 'spend', denominator: 'conversions', weight: 'excess-cost' },
  roas: {
    numerator: 'conversion_value',
    denominator: 'spend',
    weight: 'lost-revenue',
    counts: 'conversions',
  },
  ctr: { numerator: 'clicks', denominator: 'impressions', weight: 'clicks-lost' },
  cvr: { numerator: 'conversions', denominator: 'clicks', weight: 'conversions-lost' },
  cpc: { numerator: 'spend', denominator: 'clicks', weight: 'excess-cost' },
  // Impressions per person reached, per ad and day (reach does not add up across days).
  frequency: { numerator: 'impressions', denominator: 'reach', weight: 'repeat-spend' },
};

/** KPIs a source may also hold as a column that must not be summed. */
const NON_ADDITIVE = new Set(['frequency']);

/** True for the ratio KPIs (scored with `scoreRatioSeries`). */
export function isRatio(metric: MetricDefinition): boolean {
  return metric.denominator !== undefined;
}

/**
 * Resolves a cell's `metric` against the source's columns (lower-cased names). A column of the
 * source wins over a KPI of the same name; an expression is refused, never spliced into SQL.
 *
 * @example resolveMetric('cpa', new Set(['date', 'spend', 'conversions'])) // spend / conversions
 */
export function resolveMetric(metric: string, columns: ReadonlySet<string>): MetricDefinition {
  const name = metric.trim().toLowerCase();
  const ratio = RATIOS[name];
  // A frequency column is a per-row ratio: summed over days or ads it means nothing.
  if (ratio && (!columns.has(name) || NON_ADDITIVE.has(name))) {
    const missing = [ratio.numerator, ratio.denominator].filter((column) => !columns.has(column));
    if (missing.length > 0) throw missingColumns(name, missing, columns);
    const { counts, ...sides } = ratio;
    // Without a conversions column, ROAS's noise falls back to its sides read as counts.
    return { name, ...sides, ...(counts && columns.has(counts) ? { counts } : {}) };
  }
  const sum = SUMS[name];
  if (sum && !columns.has(name)) {
    const column = sum.column.find((candidate) => columns.has(candidate));
    if (!column) throw missingColumns(name, sum.column.slice(0, 1), columns);
    return { name, numerator: column, weight: sum.weight };
  }
  if (columns.has(name)) return { name, numerator: name, weight: SUMS[name]?.weight ?? 'none' };
  throw new BatonError(
    'invalid',
    `The metric "${metric}" is neither a column of the checked table nor a known KPI.`,
    `Use a column (${[...columns].join(', ')}) or one of ${[...Object.keys(SUMS), ...Object.keys(RATIOS)].join(', ')}; for another expression, compute it as a column in a sql cell and check that cell.`,
  );
}

/** Checks that `name` is a column of the source and returns it quoted. */
export function quotedColumn(name: string, columns: ReadonlySet<string>, role: string): string {
  const lower = name.trim().toLowerCase();
  if (!columns.has(lower)) {
    throw new BatonError(
      'invalid',
      `The ${role} column "${name}" is not a column of the checked table.`,
      `Use one of: ${[...columns].join(', ')}.`,
    );
  }
  return quoteIdentifier(lower);
}

/** Quotes a possibly qualified table name (`campaign_daily`, `raw_demo.campaign_daily`). */
export function quotedTable(name: string): string {
  const parts = name.trim().split('.');
  if (parts.some((part) => !/^[A-Za-z_][A-Za-z0-9_$]*$/.test(part)) || parts.length > 3) {
    throw new BatonError(
      'invalid',
      `"${name}" is not a table or cell name.`,
      'Name a cell of this notebook or a model table such as campaign_daily.',
    );
  }
  return parts.map((part) => quoteIdentifier(part.toLowerCase())).join('.');
}

/** Per-day context a point's money impact needs (sums of the series up to that day). */
export interface ImpactContext {
  value: number;
  expected: number;
  numerator: number;
  denominator: number;
  /** The day's spend. */
  spend: number;
  /** The series' cumulative spend, conversions, clicks, impressions before this day. */
  spendToDate: number;
  conversionsToDate: number;
  clicksToDate: number;
  impressionsToDate: number;
}

/**
 * Money at stake at one flagged point, always >= 0:
 * - spend, revenue: |value - expected|;
 * - conversions: |difference| x the series' average CPA so far; clicks: x average CPC;
 *   impressions: x average cost per impression;
 * - CPA and CPC: the excess (or saved) cost |value - expected| x the day's conversions (clicks);
 *   a day with spend and no conversion at all puts the whole day's spend at stake;
 * - ROAS: the revenue gap |value - expected| x the day's spend;
 * - CTR: |difference| x impressions = clicks gained or lost, x average CPC;
 * - CVR: |difference| x clicks = conversions gained or lost, x average CPA;
 * - frequency: the day's spend x (1 - expected / value): what repeated impressions cost;
 * - any other column: |value - expected| as is.
 */
export function impactOf(metric: MetricDefinition, context: ImpactContext): number {
  const gap = Math.abs(context.value - context.expected);
  const average = (money: number, count: number) => (count > 0 ? money / count : 0);
  const cpa = average(context.spendToDate, context.conversionsToDate);
  const cpc = average(context.spendToDate, context.clicksToDate);
  let impact: number;
  switch (metric.weight) {
    case 'money':
    case 'none':
      impact = gap;
      break;
    case 'cost-per-conversion':
      impact = gap * cpa;
      break;
    case 'cost-per-click':
      impact = gap * cpc;
      break;
    case 'cost-per-impression':
      impact = gap * average(context.spendToDate, context.impressionsToDate);
      break;
    case 'excess-cost':
      impact = context.denominator > 0 ? gap * context.denominator : Math.abs(context.numerator);
      break;
    case 'lost-revenue':
      impact = gap * context.denominator;
      break;
    case 'clicks-lost':
      impact = gap * context.denominator * cpc;
      break;
    case 'conversions-lost':
      impact = gap * context.denominator * cpa;
      break;
    case 'repeat-spend':
      impact = context.value > 0 ? (context.spend * gap) / context.value : 0;
      break;
  }
  return Number.isFinite(impact) ? impact : 0;
}

function missingColumns(metric: string, missing: string[], columns: ReadonlySet<string>) {
  return new BatonError(
    'invalid',
    `The metric "${metric}" needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which the checked table lacks.`,
    `Check a table with those columns (campaign_daily has them), or use one of: ${[...columns].join(', ')}.`,
  );
}
