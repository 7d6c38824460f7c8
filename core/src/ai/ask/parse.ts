/**
 * From a question to an intent: the metrics, dimensions, filters, period, comparison, ranking
 * and threshold it asks for, or the reason the engine cannot answer it. Recognizers run in a
 * fixed order and consume their words; a word nobody reads makes the engine refuse.
 */
import { BLOCKERS } from './blockers.ts';
import type { Catalog } from './catalog.ts';
import type { Filter, Intent, Located, Parsed, Understood } from './intent.ts';
import {
  COUNTRIES,
  DEVICES,
  DIMENSIONS,
  FILLERS,
  METRICS,
  PLATFORMS,
  type Dimension,
  type Metric,
  type Source,
} from './lexicon.ts';
import { comparedPeriod, findComparison, findPeriods } from './periods.ts';
import { averageOf, takeMetrics, takeRank, takeThreshold } from './recognize-measures.ts';
import { perGroup, singular, takeDimensions } from './recognize-dimensions.ts';
import {
  takeCatalogNames,
  takeNameFilters,
  takeObjectives,
  takeSourceHints,
  takeStatuses,
  takeValueFilters,
  takeWebValues,
  WEB_CONTEXT,
} from './recognize-filters.ts';
import { Scanner } from './scanner.ts';
import { readQuestion } from './text.ts';

export type { Filter, Intent, Operator, Parsed, RankOrder, Refusal, Understood } from './intent.ts';

/** Words that join two periods compared ("March vs February"). */
const COMPARATOR_WORDS =
  'vs|versus|compared (?:to|with)|against|par rapport (?:a|au|aux)|comparee?s? (?:a|au|avec)|contre|face a';
const TREND_WORDS =
  'change[sd]?|changing|evolution|evolue|evolve[sd]?|evolving|variations?|growth|grew|progression|trend|trends|tendance|tendances';

export function parseQuestion(question: string, today: string, catalog: Catalog): Parsed {
  const { text, quoted, language } = readQuestion(question);
  const scanner = new Scanner(text);
  const understood: Understood = { language, metrics: [], dimensions: [] };
  if (!text) return { refusal: { kind: 'empty' }, understood };

  for (const blocker of BLOCKERS) {
    const match = blocker.pattern.exec(text);
    if (match) return { refusal: { kind: 'blocked', blocker, text: match[0] }, understood };
  }

  // Comparisons first ("vs last year" is not a period), then periods.
  const comparisonMatch = findComparison(text);
  if (comparisonMatch) {
    scanner.consume(comparisonMatch.index, comparisonMatch.index + comparisonMatch.length);
    // "How did spend change ... vs the previous month": the trend word says nothing more.
    scanner.take(TREND_WORDS);
  }
  const periods = findPeriods(maskOf(scanner), today, language);
  for (const found of periods) scanner.consume(found.index, found.index + found.length);
  let period = periods[0]?.period;
  let comparison: Intent['comparison'];
  if (periods.length >= 2 && !comparisonMatch) {
    // "March vs February": the second period is the comparison's.
    comparison = { kind: 'previous', period: periods[1]!.period };
    scanner.take(`${COMPARATOR_WORDS}|${TREND_WORDS}`);
  }
  if (periods.length >= 2 && comparisonMatch) period = periods[0]!.period;
  understood.period = period;
  if (comparisonMatch && !comparison) {
    // "WoW", "month over month" alone: the last whole week (month) against the one before.
    const compared = text.slice(
      comparisonMatch.index,
      comparisonMatch.index + comparisonMatch.length,
    );
    if (!period && /\b(?:wow|week over week|semaine sur semaine)\b/.test(compared)) {
      period = findPeriods('last week', today, 'en')[0]!.period;
    } else if (!period && /\b(?:mom|month over month|mois sur mois)\b/.test(compared)) {
      period = findPeriods('last month', today, 'en')[0]!.period;
    }
    understood.period = period;
    if (!period) return { refusal: { kind: 'comparison-without-period' }, understood };
    comparison = {
      kind: comparisonMatch.comparison,
      period: comparedPeriod(period, comparisonMatch.comparison),
    };
  }
  if (period && period.start > today) {
    return { refusal: { kind: 'future', period }, understood };
  }

  const threshold = takeThreshold(scanner, language);
  const rank = takeRank(scanner);
  const share =
    scanner.take(
      '(?:what |quelle )?(?:share|shares|part|parts|proportion|percentage|pourcentage|repartition en pourcentage)(?: of| de| des| du| d)?',
    ).length > 0;
  // Metrics only GA4 or Search Console have, before the source words inside them ("web conversions").
  const sourceMetrics = takeMetrics(scanner, (metric) => metric.sql.ads === undefined);
  const filters: Located<Filter>[] = [];
  // With a GA4 metric, "Paid Social", "email" or "google" are GA4's channel groups and sources.
  if (
    sourceMetrics.some((metric) => metric.value.sql.web !== undefined) ||
    scanner.has(WEB_CONTEXT)
  ) {
    filters.push(...takeWebValues(scanner, catalog));
  }
  filters.push(...takeObjectives(scanner));
  filters.push(...takeStatuses(scanner));
  const sourceHints = takeSourceHints(scanner);
  // Countries are Search Console's: "UK" in an ads question is the UK campaigns' name.
  if (
    sourceHints.has('search') ||
    sourceMetrics.some((metric) => metric.value.sql.search && !metric.value.sql.ads)
  ) {
    filters.push(...takeValueFilters(scanner, COUNTRIES, (word) => word));
  }
  filters.push(...takeValueFilters(scanner, DEVICES, (word) => word));
  filters.push(...takeNameFilters(scanner, quoted));
  filters.push(...takeValueFilters(scanner, PLATFORMS, (word) => word));
  // "Google Ads vs Meta", "Google par rapport à Meta": the platforms are compared side by side.
  if (
    filters.filter((filter) => filter.value.kind === 'equals' && filter.value.column === 'platform')
      .length > 1
  ) {
    scanner.take(COMPARATOR_WORDS);
  }

  const metrics = [
    ...sourceMetrics,
    ...takeMetrics(scanner, (metric) => metric.sql.ads !== undefined),
  ].sort((a, b) => a.index - b.index);
  understood.metrics = metrics.map((metric) => metric.value);
  // "leads" and "cost per lead" are the conversions of lead campaigns, not every purchase.
  const leadWords = metrics.some((metric) =>
    /\b(?:leads?|prospects?|cpl)\b/.test(text.slice(metric.index, metric.end)),
  );
  const objectiveNamed = filters.some(
    (filter) => filter.value.kind === 'equals' && filter.value.column === 'objective',
  );
  if (leadWords && !objectiveNamed) {
    filters.push({
      value: { kind: 'equals', column: 'objective', values: ['leads'] },
      index: -1,
      end: -1,
    });
  }
  const { grouped, mentioned, count } = takeDimensions(scanner, rank, threshold, filters);
  understood.dimensions = grouped.map((dimension) => dimension.value);

  filters.push(...takeCatalogNames(scanner, catalog, mentioned));
  scanner.take('[\\p{L}\\p{N}]+', (found) => FILLERS.has(found.text));
  const unknown = scanner.unread().flatMap((run) => run.words);
  if (unknown.length > 0) {
    return { refusal: { kind: 'unknown-words', words: unknown }, understood };
  }
  if (metrics.length === 0) return { refusal: { kind: 'no-metric' }, understood };

  const dimensions = grouped.map((dimension) => dimension.value);
  // Two platforms named: the answer compares them ("Google vs Meta").
  const platforms = filters.filter(
    (filter) => filter.value.kind === 'equals' && filter.value.column === 'platform',
  );
  if (platforms.length > 1 && !dimensions.some((dimension) => dimension.id === 'platform')) {
    dimensions.unshift(DIMENSIONS.find((dimension) => dimension.id === 'platform')!);
  }
  if (comparison && dimensions.some((dimension) => dimension.time)) {
    // "monthly evolution of ROAS" is a trend: the time breakdown answers it.
    if (comparisonMatch?.weak) comparison = undefined;
    else return { refusal: { kind: 'comparison-by-time' }, understood };
  }

  const metricValues = metrics.map((metric) => metric.value);
  const source = chooseSource(
    metricValues,
    dimensions,
    filters.map((filter) => filter.value),
    sourceHints,
  );
  if (!source) {
    return {
      refusal: { kind: 'no-source', metrics: metricValues, dimensions },
      understood,
    };
  }
  // "revenue per session": a ratio Baton has no KPI for, not two metrics.
  for (let index = 1; index < metrics.length; index++) {
    const between = text.slice(metrics[index - 1]!.end, metrics[index]!.index).trim();
    if (/^(?:per|par|for each|pour chaque|divided by|divise par|\/)$/.test(between)) {
      return {
        refusal: {
          kind: 'unknown-words',
          words: [text.slice(metrics[index - 1]!.index, metrics[index]!.end)],
        },
        understood,
      };
    }
  }
  const average = comparison ? undefined : averageOf(text, dimensions, metricValues);
  if (average) dimensions.splice(dimensions.indexOf(average.dimension), 1);
  const resolvedMetrics = metricValues.map((metric) => resolveMetric(metric, source));
  const intent: Intent = {
    language,
    source,
    adLevel:
      dimensions.some((dimension) => dimension.adLevel) ||
      filters.some((filter) => filter.value.kind === 'contains' && filter.value.target === 'ad'),
    metrics: unique(resolvedMetrics),
    dimensions: unique(dimensions),
    filters: mergeFilters(
      filters.map((filter) => filter.value),
      source,
    ),
    ...(period ? { period } : {}),
    ...(comparison ? { comparison } : {}),
    ...(average ? { average: average.unit } : {}),
  };
  if (rank) {
    const metric = metricNear(metrics, rank.end, 4) ?? metrics[0]!;
    // "sorted from best to worst" orders them all; "which campaign ... the best" asks for one.
    const limit =
      rank.value.limit ?? count ?? (!rank.value.sorted && singular(grouped, text) ? 1 : undefined);
    const per = limit !== undefined ? perGroup(grouped, text) : undefined;
    intent.rank = {
      order: rank.value.order,
      metric: resolveMetric(metric.value, source),
      ...(limit !== undefined ? { limit } : {}),
      ...(per ? { per } : {}),
    };
  } else if (count !== undefined) {
    intent.rank = { order: 'best', metric: intent.metrics[0]!, limit: count };
  }
  if (share) {
    if (intent.dimensions.length === 0) {
      return { refusal: { kind: 'unknown-words', words: ['share'] }, understood };
    }
    intent.share = true;
  }
  if (threshold) {
    // "more than 1000 in spend" names its metric after the number; "a CPA above 40" before.
    const metric =
      metrics.find(
        (candidate) =>
          candidate.index >= threshold.end &&
          /^ ?(?:(?:in|of|de|d|en|des|du) )?$/.test(text.slice(threshold.end, candidate.index)),
      ) ??
      metricNear(metrics, threshold.index, 5, 'before') ??
      metrics[0]!;
    const resolved = resolveMetric(metric.value, source);
    const value =
      resolved.fraction && (threshold.value.percent || threshold.value.value > 1)
        ? threshold.value.value / 100
        : threshold.value.value;
    intent.threshold = { metric: resolved, operator: threshold.value.operator, value };
  }
  return { intent };
}

function maskOf(scanner: Scanner): string {
  return [...scanner.text].map((char, index) => (scanner.isConsumed(index) ? '#' : char)).join('');
}

/** The table every part of the question exists in, preferring ads, unless a word says which. */
function chooseSource(
  metrics: Metric[],
  dimensions: Dimension[],
  filters: Filter[],
  hints: Set<Source>,
): Source | undefined {
  const candidates: Source[] = ['ads', 'web', 'search'];
  const possible = candidates.filter(
    (source) =>
      metrics.every((metric) => resolveMetric(metric, source).sql[source] !== undefined) &&
      dimensions.every((dimension) => dimension.sql[source] !== undefined) &&
      filters.every((filter) => filterSource(filter).includes(source)),
  );
  const hinted = possible.filter((source) => hints.has(source));
  if (hinted.length > 0) return hinted[0];
  // A hint that names a source the rest cannot come from ("organic spend"): no answer.
  if ([...hints].some((hint) => hint !== 'ads')) return undefined;
  return possible[0];
}

function filterSource(filter: Filter): Source[] {
  if (filter.kind === 'equals') {
    if (['channel_group', 'source', 'medium'].includes(filter.column)) return ['web'];
    if (['country', 'device'].includes(filter.column)) return ['search'];
    return ['ads'];
  }
  if (filter.target === 'query' || filter.target === 'page') return ['search'];
  return filter.target === 'ad' ? ['ads'] : ['ads', 'web'];
}

/** "revenue" on GA4 is GA4 revenue; ad clicks and Search Console clicks share a metric. */
function resolveMetric(metric: Metric, source: Source): Metric {
  if (metric.id === 'conversion_value' && source === 'web') {
    return METRICS.find((candidate) => candidate.id === 'revenue')!;
  }
  return metric;
}

function mergeFilters(filters: Filter[], source: Source): Filter[] {
  const merged: Filter[] = [];
  for (const filter of filters) {
    const same = merged.find(
      (other) =>
        other.kind === 'equals' && filter.kind === 'equals' && other.column === filter.column,
    );
    if (same?.kind === 'equals' && filter.kind === 'equals') {
      same.values = unique([...same.values, ...filter.values]);
    } else if (filter.kind === 'contains' && source === 'search' && filter.target === 'campaign') {
      merged.push({ ...filter, target: 'query' });
    } else {
      merged.push(filter.kind === 'equals' ? { ...filter, values: [...filter.values] } : filter);
    }
  }
  return merged;
}

function metricNear(
  metrics: Located<Metric>[],
  position: number,
  words: number,
  side: 'after' | 'before' = 'after',
): Located<Metric> | undefined {
  const reach = words * 8;
  if (side === 'after') {
    return metrics.find((metric) => metric.index >= position && metric.index - position <= reach);
  }
  return [...metrics]
    .reverse()
    .find((metric) => metric.end <= position && position - metric.end <= reach);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
