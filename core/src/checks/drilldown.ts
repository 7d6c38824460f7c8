/**
 * Root-cause drill-down: splits the change of an aggregate metric between two periods into the
 * contributions of its members, level by level (platform, then campaign within the top
 * platform, then ad within the top campaign), so "CPA +45%" becomes "CPA +45%: meta /
 * FR - Prospecting: spend +80% with conversions flat".
 *
 * Sums (spend, conversions...) are additive: a member contributes its own change. Ratios (CPA,
 * ROAS, CTR...) use a shift-share decomposition over per-day values: with R = N / D, w the
 * member's share of D and r its own ratio, member i contributes
 *   (n1 - R0 d1) / D1 - (n0 - R0 d0) / D0
 * which sums exactly to R1 - R0, and splits into a rate effect w1 (r1 - r0) (its own ratio
 * moved) and a mix effect (r0 - R0)(w1 - w0) (it took a larger or smaller share of D).
 */
import type { QueryOptions, QueryResult, SqlParams } from '../engine/types.ts';
import { BatonError } from '../errors.ts';
import { isRatio, quotedColumn, resolveMetric, type MetricDefinition } from './metrics.ts';

export type DrilldownTable = 'campaign_daily' | 'ad_daily';

/** Inclusive `YYYY-MM-DD` days. */
export interface DateRange {
  start: string;
  end: string;
}

export interface ExplainRequest {
  table: DrilldownTable;
  /** A KPI (`cpa`, `roas`, `ctr`, `cvr`, `cpc`) or a summed column (`spend`, `conversions`...). */
  metric: string;
  /** The period that moved. */
  current: DateRange;
  /** The period it is compared with; values are per day, so the lengths may differ. */
  baseline: DateRange;
  /** Equality filters on the table's columns (`{ platform: 'meta' }`), values bound, never spliced. */
  filters?: Record<string, string>;
}

export type DrilldownLevel = 'platform' | 'campaign' | 'ad';

export interface Contribution {
  level: DrilldownLevel;
  /** The member's name (platform, campaign name, ad name). */
  member: string;
  /** Per-day metric value in each period (NaN: undefined, e.g. CPA without conversions). */
  current: number;
  baseline: number;
  /** Its part of the aggregate's change, in the metric's unit; the level's parts sum to it. */
  contribution: number;
  /** Ratios only: the part due to its own ratio moving, and to its share of the denominator. */
  rate?: number;
  mix?: number;
  /** Per-day numerator and denominator change, relative (0.8 = +80%; NaN without a baseline). */
  numeratorChange: number;
  denominatorChange?: number;
}

export interface Explanation {
  metric: string;
  /** The summed columns behind it: `spend`, and `conversions` for a CPA. */
  numerator: string;
  denominator?: string;
  /** Per-day aggregate value in each period. */
  current: number;
  baseline: number;
  /** Relative change (0.45 = +45%). */
  change: number;
  /** Every level's members ranked by how much they drove the change (in its direction first). */
  contributions: Contribution[];
  /** The top member of each level, from platform down. */
  path: Contribution[];
  /** One line: "CPA +45%: meta / FR - Prospecting: spend +80% with conversions flat". */
  summary: string;
}

export interface DrilldownSource {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
}

const LEVELS: { level: DrilldownLevel; column: string; table?: DrilldownTable }[] = [
  { level: 'platform', column: 'platform' },
  { level: 'campaign', column: 'campaign_name' },
  { level: 'ad', column: 'ad_name', table: 'ad_daily' },
];

interface Totals {
  member: string;
  n1: number;
  d1: number;
  n0: number;
  d0: number;
}

/**
 * Explains the change of `metric` between two periods by platform, campaign and ad.
 *
 * @example
 * const { summary } = await explainChange(warehouse, { table: 'campaign_daily', metric: 'cpa', current: { start: '2026-03-25', end: '2026-03-31' }, baseline: { start: '2026-02-25', end: '2026-03-24' } });
 */
export async function explainChange(
  source: DrilldownSource,
  request: ExplainRequest,
): Promise<Explanation> {
  if (request.table !== 'campaign_daily' && request.table !== 'ad_daily') {
    throw new BatonError(
      'invalid',
      `The drill-down reads campaign_daily or ad_daily, not "${String(request.table)}".`,
      'Pass table: campaign_daily (or ad_daily for the ad level).',
    );
  }
  const currentDays = dayCount(request.current);
  const baselineDays = dayCount(request.baseline);
  const columnsOf = async (table: DrilldownTable) =>
    new Set(
      (await source.query(`select * from ${table} limit 0`)).columns.map((column) =>
        column.name.toLowerCase(),
      ),
    );
  const columns = await columnsOf(request.table);
  // The ad level is a bonus: a warehouse without ad_daily (outside a workspace) stops at campaigns.
  const optionalColumns = (table: DrilldownTable) =>
    columnsOf(table).catch((error: unknown) => {
      if (error instanceof Error && /does not exist/.test(error.message)) return undefined;
      throw error;
    });
  const metric = resolveMetric(request.metric, columns);
  const filters = { ...(request.filters ?? {}) };

  const contributions: Contribution[] = [];
  const path: Contribution[] = [];
  let total: Totals | undefined;
  for (const { level, column, table = request.table } of LEVELS) {
    if (level === 'ad' && request.table !== 'ad_daily' && path.length < 2) break;
    const tableColumns = table === request.table ? columns : await optionalColumns(table);
    if (!tableColumns?.has(column)) break;
    const members = await memberTotals(source, table, tableColumns, metric, column, filters, {
      current: request.current,
      baseline: request.baseline,
      currentDays,
      baselineDays,
    });
    if (members.length === 0) break;
    const levelTotal = sumTotals(members);
    total ??= levelTotal;
    const ranked = members
      .map((member) => contributionOf(level, metric, member, levelTotal))
      .filter((contribution) => Number.isFinite(contribution.contribution));
    const aggregateChange = ranked.reduce((sum, member) => sum + member.contribution, 0);
    const sign = aggregateChange >= 0 ? 1 : -1;
    ranked.sort((a, b) => sign * (b.contribution - a.contribution));
    contributions.push(...ranked);
    const top = ranked[0];
    if (!top || top.contribution * sign <= 0) break;
    path.push(top);
    filters[column] = top.member;
  }

  const overall = total ?? { member: 'all', n1: 0, d1: 0, n0: 0, d0: 0 };
  const current = valueOf(metric, overall.n1, overall.d1);
  const baseline = valueOf(metric, overall.n0, overall.d0);
  const change = baseline !== 0 ? current / baseline - 1 : Number.NaN;
  return {
    metric: metric.name,
    numerator: metric.numerator,
    ...(metric.denominator !== undefined ? { denominator: metric.denominator } : {}),
    current,
    baseline,
    change,
    contributions,
    path,
    summary: summarize(metric, change, path),
  };
}

function dayCount({ start, end }: DateRange): number {
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  if (!Number.isFinite(days) || days < 1) {
    throw new BatonError(
      'invalid',
      `The period ${start}..${end} is not a range of days.`,
      'Give start and end as YYYY-MM-DD with start <= end.',
    );
  }
  return days;
}

async function memberTotals(
  source: DrilldownSource,
  table: DrilldownTable,
  columns: ReadonlySet<string>,
  metric: MetricDefinition,
  memberColumn: string,
  filters: Record<string, string>,
  periods: { current: DateRange; baseline: DateRange; currentDays: number; baselineDays: number },
): Promise<Totals[]> {
  const params: SqlParams = {
    current_start: periods.current.start,
    current_end: periods.current.end,
    baseline_start: periods.baseline.start,
    baseline_end: periods.baseline.end,
  };
  const where = Object.entries(filters).map(([column, value], index) => {
    params[`filter_${index}`] = value;
    return `cast(${quotedColumn(column, columns, 'filter')} as varchar) = $filter_${index}`;
  });
  const inPeriod = (period: 'current' | 'baseline') =>
    `"date" between cast($${period}_start as date) and cast($${period}_end as date)`;
  const sumIn = (column: string | undefined, period: 'current' | 'baseline') =>
    column === undefined
      ? '0::double'
      : `coalesce(sum(${quotedColumn(column, columns, 'metric')}) filter (where ${inPeriod(period)}), 0)::double`;
  const sql = `select coalesce(cast(${quotedColumn(memberColumn, columns, 'member')} as varchar), '') as member,
      ${sumIn(metric.numerator, 'current')} as n1, ${sumIn(metric.denominator, 'current')} as d1,
      ${sumIn(metric.numerator, 'baseline')} as n0, ${sumIn(metric.denominator, 'baseline')} as d0
    from ${table}
    where (${inPeriod('current')} or ${inPeriod('baseline')})${where.map((clause) => ` and ${clause}`).join('')}
    group by 1 order by 1`;
  const result = await source.query(sql, { params, rowCap: 100_000 });
  const [names = [], n1 = [], d1 = [], n0 = [], d0 = []] = result.data;
  return names.map((name, row) => ({
    member: String(name),
    n1: Number(n1[row]) / periods.currentDays,
    d1: Number(d1[row]) / periods.currentDays,
    n0: Number(n0[row]) / periods.baselineDays,
    d0: Number(d0[row]) / periods.baselineDays,
  }));
}

function sumTotals(members: Totals[]): Totals {
  return members.reduce(
    (sum, member) => ({
      member: 'all',
      n1: sum.n1 + member.n1,
      d1: sum.d1 + member.d1,
      n0: sum.n0 + member.n0,
      d0: sum.d0 + member.d0,
    }),
    { member: 'all', n1: 0, d1: 0, n0: 0, d0: 0 },
  );
}

function valueOf(metric: MetricDefinition, numerator: number, denominator: number): number {
  if (!isRatio(metric)) return numerator;
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

function relative(current: number, baseline: number): number {
  return baseline !== 0 ? current / baseline - 1 : Number.NaN;
}

function contributionOf(
  level: DrilldownLevel,
  metric: MetricDefinition,
  member: Totals,
  total: Totals,
): Contribution {
  const base = {
    level,
    member: member.member,
    current: valueOf(metric, member.n1, member.d1),
    baseline: valueOf(metric, member.n0, member.d0),
    numeratorChange: relative(member.n1, member.n0),
  };
  if (!isRatio(metric)) return { ...base, contribution: member.n1 - member.n0 };
  const denominatorChange = relative(member.d1, member.d0);
  const overallBaseline = total.d0 > 0 ? total.n0 / total.d0 : Number.NaN;
  if (!(total.d1 > 0) || !Number.isFinite(overallBaseline)) {
    // No denominator in a period (CPA without any conversion): the ratio is undefined there,
    // so rank members by their numerator's move instead.
    return { ...base, denominatorChange, contribution: member.n1 - member.n0 };
  }
  const contribution =
    (member.n1 - overallBaseline * member.d1) / total.d1 -
    (member.n0 - overallBaseline * member.d0) / total.d0;
  const ownBaseline = member.d0 > 0 ? member.n0 / member.d0 : Number.NaN;
  const rate = Number.isFinite(ownBaseline) ? (member.n1 - ownBaseline * member.d1) / total.d1 : 0;
  return { ...base, denominatorChange, contribution, rate, mix: contribution - rate };
}

function percent(change: number): string {
  if (!Number.isFinite(change)) return 'new';
  if (Math.abs(change) < 0.05) return 'flat';
  const rounded = Math.round(change * 100);
  return `${rounded > 0 ? '+' : ''}${rounded}%`;
}

function summarize(metric: MetricDefinition, change: number, path: Contribution[]): string {
  const head = `${metric.name.toUpperCase()} ${percent(change)}`;
  const deepest = path.at(-1);
  if (!deepest) return `${head}: no member stands out`;
  const where = path.map((member) => member.member).join(' / ');
  const numerator = `${metric.numerator} ${percent(deepest.numeratorChange)}`;
  if (!isRatio(metric) || deepest.denominatorChange === undefined)
    return `${head}: ${where}: ${numerator}`;
  const denominator = `${metric.denominator} ${percent(deepest.denominatorChange)}`;
  const driver =
    deepest.mix !== undefined &&
    deepest.rate !== undefined &&
    Math.abs(deepest.mix) > Math.abs(deepest.rate)
      ? ' (mostly a larger share)'
      : '';
  return `${head}: ${where}: ${numerator} with ${denominator}${driver}`;
}
