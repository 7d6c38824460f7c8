/**
 * An intent as one read-only SQL statement over the model (docs/ask.md, "Shape of the
 * answer"): dimension columns, then one column per metric (with `_previous`, `_delta` and
 * `_change_pct` in a comparison), KPIs as ratios of sums, literal dates and escaped texts.
 */
import { nameKeySql } from './catalog.ts';
import {
  ADDITIVE_METRICS,
  TABLES,
  type Aggregate,
  type Dimension,
  type DimensionSql,
  type Metric,
} from './lexicon.ts';
import type { Filter, Intent, RankOrder } from './intent.ts';
import type { Period } from './periods.ts';

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const between = (period: Period): string =>
  `date between date '${period.start}' and date '${period.end}'`;

const sum: Aggregate = (column) => `sum(${column})`;
const sumWhere =
  (condition: string): Aggregate =>
  (column) =>
    `sum(${column}) filter (where ${condition})`;

export function buildSql(intent: Intent): string {
  const table =
    intent.source === 'ads'
      ? intent.adLevel
        ? TABLES.ads_by_ad
        : TABLES.ads
      : TABLES[intent.source];
  const dimensions = withContext(
    intent.dimensions.map((dimension) => dimension.sql[intent.source]!),
  );
  const where = [
    ...periodConditions(intent),
    ...intent.filters.map((filter) => filterCondition(filter, intent)),
  ];
  const groupBy = dimensions.flatMap((dimension) =>
    dimension.group ? [dimension.group, dimension.select] : [dimension.select],
  );
  const selectDimensions = dimensions.map((dimension) =>
    dimension.select === dimension.name
      ? dimension.name
      : `${dimension.select} as ${dimension.name}`,
  );
  const orderBy = ordering(intent);
  const limit = intent.rank?.limit;

  if (intent.comparison) {
    const current = sumWhere(between(intent.period!));
    const previous = sumWhere(between(intent.comparison.period));
    const inner = [
      ...selectDimensions,
      ...intent.metrics.flatMap((metric) => [
        `${metricSql(metric, intent, current)} as ${metric.id}`,
        `${metricSql(metric, intent, previous)} as ${metric.id}_previous`,
      ]),
    ];
    const outer = [
      ...dimensions.map((dimension) => dimension.name),
      ...intent.metrics.flatMap((metric) => [
        metric.id,
        `${metric.id}_previous`,
        `${metric.id} - ${metric.id}_previous as ${metric.id}_delta`,
        `100 * (${metric.id} - ${metric.id}_previous) / nullif(${metric.id}_previous, 0) as ${metric.id}_change_pct`,
      ]),
    ];
    return [
      `select ${outer.join(', ')}`,
      'from (',
      `  select ${inner.join(', ')}`,
      `  from ${table}`,
      `  where ${where.join(' and ')}`,
      ...(groupBy.length ? [`  group by ${groupBy.join(', ')}`] : []),
      ')',
      ...(outerConditions(intent).length ? [`where ${outerConditions(intent).join(' and ')}`] : []),
      ...(orderBy ? [`order by ${orderBy}`] : []),
      ...(limit !== undefined ? [`limit ${limit}`] : []),
    ].join('\n');
  }

  const select = [
    ...selectDimensions,
    ...intent.metrics.map(
      (metric) => `${metricSql(metric, intent, sum)} as ${columnOf(metric, intent)}`,
    ),
    // A group's share of the total, for the metrics that add up.
    ...(intent.share
      ? intent.metrics
          .filter((metric) => ADDITIVE_METRICS.has(metric.id))
          .map(
            (metric) =>
              `${metricSql(metric, intent, sum)} / sum(${metricSql(metric, intent, sum)}) over () as ${metric.id}_share`,
          )
      : []),
  ];
  const per = intent.rank?.per?.sql[intent.source];
  const qualify =
    per && limit !== undefined
      ? `qualify row_number() over (partition by ${per.group ?? per.select} order by ${rankExpression(intent)}) <= ${limit}`
      : undefined;
  return [
    `select ${select.join(', ')}`,
    `from ${table}`,
    ...(where.length ? [`where ${where.join(' and ')}`] : []),
    ...(groupBy.length ? [`group by ${groupBy.join(', ')}`] : []),
    ...(havingConditions(intent).length
      ? [`having ${havingConditions(intent).join(' and ')}`]
      : []),
    ...(qualify ? [qualify] : []),
    ...(orderBy ? [`order by ${qualify ? `${per!.name}, ${orderBy}` : orderBy}`] : []),
    ...(limit !== undefined && !qualify ? [`limit ${limit}`] : []),
  ].join('\n');
}

/** The ranked metric's expression and direction, for a window's order. */
function rankExpression(intent: Intent): string {
  const { metric, order } = intent.rank!;
  return `${metricSql(metric, intent, sum)} ${direction(order, metric)} nulls last`;
}

/** Best first is descending for what is better high, ascending for costs and position. */
function direction(order: RankOrder, metric: Metric): 'asc' | 'desc' {
  const descending =
    order === 'highest' ||
    (order === 'best' && metric.better === 'high') ||
    (order === 'worst' && metric.better === 'low');
  return descending ? 'desc' : 'asc';
}

/**
 * Ads and ad groups come with their campaign's name first (their own names repeat: "Broad",
 * "Video 1"), unless the campaign is already a dimension.
 */
function withContext(dimensions: DimensionSql[]): DimensionSql[] {
  const shown = new Set(dimensions.map((dimension) => dimension.select));
  const out: DimensionSql[] = [];
  for (const dimension of dimensions) {
    if (dimension.context && !shown.has(dimension.context)) {
      out.push({ select: dimension.context, name: dimension.context });
      shown.add(dimension.context);
    }
    out.push(dimension);
  }
  return out;
}

function metricSql(metric: Metric, intent: Intent, aggregate: Aggregate): string {
  const sql = metric.sql[intent.source]!(aggregate);
  return intent.average ? `${sql} / ${unitsOf(intent)}` : sql;
}

/**
 * The days (weeks, months) an average divides by: those of the period, counted in full (a day
 * with no spend still counts), or, with no period, those the data has.
 */
function unitsOf(intent: Intent): string {
  const unit = intent.average!;
  if (!intent.period) return `count(distinct date_trunc('${unit}', date))`;
  const { start, end } = intent.period;
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  if (unit === 'day') return String(days);
  if (unit === 'week') return String(Math.round((days / 7) * 100) / 100);
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  return String((endYear - startYear) * 12 + endMonth - startMonth + 1);
}

/** The column of a metric: `spend`, or `spend_per_day` for an average. */
function columnOf(metric: Metric, intent: Intent): string {
  return intent.average ? `${metric.id}_per_${intent.average}` : metric.id;
}

function periodConditions(intent: Intent): string[] {
  if (!intent.period) return [];
  if (!intent.comparison) return [between(intent.period)];
  return [`(${between(intent.period)} or ${between(intent.comparison.period)})`];
}

function filterCondition(filter: Filter, intent: Intent): string {
  if (filter.kind === 'equals') {
    return filter.values.length === 1
      ? `${filter.column} = ${literal(filter.values[0]!)}`
      : `${filter.column} in (${filter.values.map(literal).join(', ')})`;
  }
  const column = {
    campaign: intent.source === 'web' ? 'campaign' : 'campaign_name',
    ad: 'ad_name',
    query: 'query',
    page: 'page',
  }[filter.target];
  const condition = `contains(${nameKeySql(column)}, ${literal(filter.text)})`;
  if (!filter.text.includes(' ')) return condition;
  // "black friday" also finds TT_FR_BlackFriday_2025.
  return `(${condition} or contains(replace(${nameKeySql(column)}, ' ', ''), ${literal(filter.text.replace(/ /g, ''))}))`;
}

/** The threshold, and for a top or bottom N, rows whose ranked metric is known (NULL is not a rank). */
function havingConditions(intent: Intent): string[] {
  const conditions: string[] = [];
  if (intent.threshold) {
    const { metric, operator, value } = intent.threshold;
    conditions.push(`${metricSql(metric, intent, sum)} ${operator} ${value}`);
  }
  if (intent.rank?.limit !== undefined && intent.dimensions.length > 0) {
    conditions.push(`${metricSql(intent.rank.metric, intent, sum)} is not null`);
  }
  return conditions;
}

/** The same conditions over a comparison's columns (the current period's values). */
function outerConditions(intent: Intent): string[] {
  const conditions: string[] = [];
  if (intent.threshold) {
    const { metric, operator, value } = intent.threshold;
    conditions.push(`${metric.id} ${operator} ${value}`);
  }
  if (intent.rank?.limit !== undefined && intent.dimensions.length > 0) {
    conditions.push(`${intent.rank.metric.id} is not null`);
  }
  return conditions;
}

/**
 * Time first (oldest first); otherwise the ranked metric, best first unless the question asks
 * for the worst, highest or lowest; otherwise the first metric, best first.
 */
function ordering(intent: Intent): string | undefined {
  const time = intent.dimensions.filter((dimension) => dimension.time);
  const others = intent.dimensions.filter((dimension) => !dimension.time);
  const name = (dimension: Dimension): string => dimension.sql[intent.source]!.name;
  if (time.length > 0 && !intent.rank) return [...time, ...others].map(name).join(', ');
  if (intent.dimensions.length === 0) return undefined;
  const metric = intent.rank?.metric ?? intent.metrics[0]!;
  const order = intent.rank?.order ?? 'best';
  return `${columnOf(metric, intent)} ${direction(order, metric)} nulls last, ${intent.dimensions.map(name).join(', ')}`;
}
