/**
 * From a question to an intent: the metrics, dimensions, filters, period, comparison, ranking
 * and threshold it asks for, or the reason the engine cannot answer it. Recognizers run in a
 * fixed order and consume their words; a word nobody reads makes the engine refuse.
 */
import {
  COUNTRIES,
  DEVICES,
  DIMENSIONS,
  FILLERS,
  METRICS,
  OBJECTIVES,
  PLATFORMS,
  SOURCE_WORDS,
  STATUSES,
  TIME_ADVERBS,
  type Dimension,
  type Metric,
  type Source,
  type ValueFilter,
} from './lexicon.ts';
import {
  comparedPeriod,
  findComparison,
  findPeriods,
  type Comparison,
  type Period,
} from './periods.ts';
import { Scanner, type Found } from './scanner.ts';
import { COUNT, countValue, decimalValue, readQuestion, type Language } from './text.ts';
import { nameKey, type Catalog } from './catalog.ts';
import { BLOCKERS, type Blocker } from './blockers.ts';

export type Filter =
  | { kind: 'equals'; column: ValueFilter['column']; values: string[] }
  | { kind: 'contains'; target: 'campaign' | 'ad' | 'query' | 'page'; text: string };

export type RankOrder = 'best' | 'worst' | 'highest' | 'lowest';
export type Operator = '>' | '<' | '>=' | '<=' | '=';

export interface Intent {
  language: Language;
  source: Source;
  /** Reads `ad_daily` (grouped or filtered by ad group or ad). */
  adLevel: boolean;
  metrics: Metric[];
  dimensions: Dimension[];
  filters: Filter[];
  period?: Period;
  comparison?: { kind: Comparison; period: Period };
  /** `per`: a top N within each group of that dimension ("top 3 campaigns per platform"). */
  rank?: { order: RankOrder; metric: Metric; limit?: number; per?: Dimension };
  threshold?: { metric: Metric; operator: Operator; value: number };
  /** "share of spend by platform": each group's share of the total, per additive metric. */
  share?: boolean;
  /** "average daily spend": totals divided by the days (weeks, months) of the period. */
  average?: 'day' | 'week' | 'month';
}

/** What the engine understood before it gave up, for the refusal's words. */
export interface Understood {
  language: Language;
  metrics: Metric[];
  dimensions: Dimension[];
  period?: Period;
}

export type Refusal =
  | { kind: 'blocked'; blocker: Blocker; text: string }
  | { kind: 'unknown-words'; words: string[] }
  | { kind: 'no-metric' }
  | { kind: 'no-source'; metrics: Metric[]; dimensions: Dimension[] }
  | { kind: 'comparison-without-period' }
  | { kind: 'comparison-by-time' }
  | { kind: 'future'; period: Period }
  | { kind: 'empty' };

export type Parsed = { intent: Intent } | { refusal: Refusal; understood: Understood };

interface Located<T> {
  value: T;
  index: number;
  end: number;
}

const CAMPAIGN_NOUN = '(?:campaigns?|campagnes?|camps?)';
/** A platform's name between a filter word and its noun ("active Meta campaigns"). */
const PLATFORM_WORD = `(?:${PLATFORMS.flatMap((platform) => platform.words).join('|')})`;
/** Words that make a question GA4's, so "direct" or "email" name its channel groups. */
const WEB_CONTEXT =
  'channel groups?|groupes? de canaux|traffic sources?|sources?|mediums?|ga4|google analytics|website|site|web|traffic|trafic';
/** Words that join two periods compared ("March vs February"). */
const COMPARATOR_WORDS =
  'vs|versus|compared (?:to|with)|against|par rapport (?:a|au|aux)|comparee?s? (?:a|au|avec)|contre|face a';
const TREND_WORDS =
  'change[sd]?|changing|evolution|evolue|variations?|growth|grew|progression|trend|trends|tendance|tendances';

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
  filters.push(...takeValueFilters(scanner, COUNTRIES, (word) => word));
  filters.push(...takeValueFilters(scanner, DEVICES, (word) => word));
  filters.push(...takeNameFilters(scanner, quoted));
  filters.push(...takeValueFilters(scanner, PLATFORMS, (word) => word));

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

const AVERAGE =
  /(?<![\p{L}])(?:average|avg|on average|mean|en moyenne|moyenne|moyennes|moyen|moyens)(?![\p{L}])/u;

/**
 * "average daily spend", "dépenses moyennes par jour": a time breakdown asked with "average" is
 * a per-day (week, month) mean of totals, not a row per day. KPIs are ratios already.
 */
function averageOf(
  text: string,
  dimensions: Dimension[],
  metrics: Metric[],
): { dimension: Dimension; unit: 'day' | 'week' | 'month' } | undefined {
  const time = dimensions.filter((dimension) => dimension.time);
  if (time.length !== 1 || !AVERAGE.test(text)) return undefined;
  if (!metrics.every((metric) => ADDITIVE.has(metric.id))) return undefined;
  const dimension = time[0]!;
  return { dimension, unit: dimension.id as 'day' | 'week' | 'month' };
}

/** Metrics that are sums, so their mean per day is a total over a number of days. */
const ADDITIVE = new Set<Metric['id']>([
  'spend',
  'impressions',
  'clicks',
  'conversions',
  'conversion_value',
  'video_views',
  'sessions',
  'engaged_sessions',
  'new_users',
  'page_views',
  'transactions',
  'key_events',
  'revenue',
]);

function maskOf(scanner: Scanner): string {
  return [...scanner.text].map((char, index) => (scanner.isConsumed(index) ? '#' : char)).join('');
}

const ABOVE =
  'above|over|greater than|more than|higher than|bigger than|larger than|exceeding|exceeds|in excess of|at least|superieure?s? (?:ou egale?s? )?a|plus grande?s? que|plus eleve(?:e|s|es)? que|plus de|plus que|au dessus de|depassant|qui depassent|qui depasse|depasse|au moins|>=|>';
const BELOW =
  'below|under|less than|lower than|fewer than|smaller than|at most|inferieure?s? (?:ou egale?s? )?a|plus petite?s? que|plus faibles? que|plus bas(?:se|ses)? que|moins de|moins que|au dessous de|en dessous de|sous|au plus|<=|<';

function takeThreshold(
  scanner: Scanner,
  language: Language,
): Located<{ operator: Operator; value: number; percent: boolean }> | undefined {
  // "zero conversions", "no clicks", "sans conversion": the metric right after is 0.
  const [none] = scanner.take(
    `(?:with |had |having |avec |ont eu |a eu )?(?:zero|no|0|aucune?|sans|without|pas de|pas d)(?= (?:${METRIC_WORDS}))`,
  );
  if (none) {
    return {
      value: { operator: '=', value: 0, percent: false },
      index: none.index,
      end: none.end,
    };
  }
  const [found] = scanner.take(
    `(?:is |are |was |of |est |sont |a |avec un |avec une )?(${ABOVE}|${BELOW}) (\\d{1,3}(?:,\\d{3})+|\\d+(?:[.,]\\d+)?)(?: ?(%|percent|pour ?cent|pourcents?|k))?`,
  );
  if (!found) return undefined;
  const word = found.groups[0]!;
  const atLeast = /^(?:at least|au moins|>=)$|ou egale?s? a$/.test(word);
  const atMost = /^(?:at most|au plus|<=)$|ou egale?s? a$/.test(word);
  const above = new RegExp(`^(?:${ABOVE})$`).test(word);
  const unit = found.groups[2];
  const value = decimalValue(found.groups[1]!, language) * (unit === 'k' ? 1000 : 1);
  const operator = above ? (atLeast ? '>=' : '>') : atMost ? '<=' : '<';
  return {
    value: { operator, value, percent: unit !== undefined && unit !== 'k' },
    index: found.index,
    end: found.end,
  };
}

/** Every metric word, for recognizers that look ahead to a metric. */
const METRIC_WORDS = METRICS.flatMap((metric) => metric.words).join('|');

const BEST_WORDS =
  'best performing|top performing|top|best|meilleure?s?|plus performante?s?|premiere?s?|mieux';
const WORST_WORDS =
  'worst performing|least performing|underperforming|bottom|worst|poorest|pire|pires|moins performante?s?|moins bonne?s?|moins bons?';
const HIGHEST_WORDS =
  'highest|most|biggest|largest|greatest|maximum|max|top spending|plus (?:eleve|haut|grand|gros|fort|importante?)(?:e|s|es)?|le plus|la plus|les plus|plus de';
const LOWEST_WORDS =
  'lowest|least|smallest|fewest|minimum|min|(?:(?:le|la|les) )?plus (?:faible|bas|petit)(?:e|s|es)?|le moins|la moins|les moins|moins de';

function takeRank(
  scanner: Scanner,
): Located<{ order: RankOrder; limit?: number; sorted?: true }> | undefined {
  // "sorted from best to worst", "du plus élevé au plus bas": an order, no limit.
  const sorted: [RankOrder, string][] = [
    ['best', '(?:from )?best to worst|du meilleur au pire|des meilleures? aux pires'],
    ['worst', '(?:from )?worst to best|du pire au meilleur|des pires aux meilleure?s'],
    [
      'highest',
      '(?:from )?(?:highest|largest|biggest|most) to (?:lowest|smallest|least)|du plus (?:eleve|grand|haut) au plus (?:bas|petit|faible)',
    ],
    [
      'lowest',
      '(?:from )?(?:lowest|smallest|least) to (?:highest|largest|biggest|most)|du plus (?:bas|petit|faible) au plus (?:eleve|grand|haut)',
    ],
  ];
  for (const [order, words] of sorted) {
    const [found] = scanner.take(`(?:(?:sorted|ordered|ranked|triee?s?|classee?s?) )?(?:${words})`);
    if (found) return { value: { order, sorted: true }, index: found.index, end: found.end };
  }
  const orders: [RankOrder, string][] = [
    ['worst', WORST_WORDS],
    ['best', BEST_WORDS],
    // "le plus bas" before "le plus".
    ['lowest', LOWEST_WORDS],
    ['highest', HIGHEST_WORDS],
  ];
  for (const [order, words] of orders) {
    const [found] = scanner.take(
      `(?:(?:the|les|le|la) )?(?:${COUNT} )?(?:${words})(?: ${COUNT}(?! ?(?:days|jours|weeks|semaines|months|mois)))?`,
    );
    if (!found) continue;
    const count = found.groups[0] ?? found.groups[1];
    return {
      value: { order, ...(count ? { limit: countValue(count) } : {}) },
      index: found.index,
      end: found.end,
    };
  }
  // "the 5 campaigns with ...", "les 10 campagnes qui ...": a count before a grouping noun.
  return undefined;
}

function takeSourceHints(scanner: Scanner): Set<Source> {
  const hints = new Set<Source>();
  for (const [source, words] of Object.entries(SOURCE_WORDS) as [Source, string[]][]) {
    if (scanner.take(words.join('|')).length > 0) hints.add(source);
  }
  return hints;
}

function takeNameFilters(scanner: Scanner, quoted: string[]): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  const lead =
    '(?:whose names? (?:contains?|includes?)|with names? containing|names? (?:containing|contains?|including|includes?|like)|named|called|containing|contains?|that contains?|which contains?|including|includes?|dont le nom contient|dont les noms contiennent|contenant|qui contiennent|qui contient|nommee?s?|appelee?s?|intitulee?s?|avec)';
  // Quoted texts: "containing 'serum'", or a quoted text anywhere.
  for (const found of scanner.take(
    `(?:${lead} )?(quoted\\d+)(?: in (?:the|their|its) names?| dans (?:le|leur) nom)?`,
  )) {
    const text = quoted[Number(found.groups[0]!.slice(6))]!;
    filters.push({ value: nameFilter(scanner, found, text), index: found.index, end: found.end });
  }
  // "campaigns with brand in the name", "campagnes contenant noel".
  for (const found of scanner.take(
    `(?:with|avec) ([\\p{L}\\p{N}]+(?: [\\p{L}\\p{N}]+)?) (?:in (?:the|their|its) names?|dans (?:le|leur) nom)`,
  )) {
    filters.push({
      value: nameFilter(scanner, found, found.groups[0]!),
      index: found.index,
      end: found.end,
    });
  }
  const phrase = '([\\p{L}\\p{N}]+(?: [\\p{L}\\p{N}]+){0,2})';
  for (const found of scanner.take(
    `(?:whose names? (?:contains?|includes?)|with names? containing|named|called|containing|that contains?|which contains?|dont le nom contient|dont les noms contiennent|contenant|qui contiennent|qui contient|nommee?s?|appelee?s?|intitulee?s?) ${phrase}`,
  )) {
    // Stop the name at the first word another recognizer will read ("... serum last month").
    const words = found.groups[0]!.split(' ');
    let kept = words.length;
    let offset = found.text.length - found.groups[0]!.length;
    for (let index = 0; index < words.length; index++) {
      if (index > 0 && FILLERS.has(words[index]!)) {
        kept = index;
        break;
      }
      offset += words[index]!.length + 1;
    }
    const name = words.slice(0, kept).join(' ');
    filters.push({
      value: nameFilter(scanner, found, name),
      index: found.index,
      end: found.index + offset,
    });
  }
  return filters;
}

/** What a name filter applies to: the noun before it (ads, queries, pages), else campaigns. */
function nameFilter(scanner: Scanner, found: Found, text: string): Filter {
  const before = scanner.wordsBefore(found.index, 2).join(' ');
  const target = /\b(?:ads?|annonces?|publicites?|creatives?|creas?|pubs?)$/.test(before)
    ? 'ad'
    : /\b(?:quer(?:y|ies)|requetes?|keywords?|mots? cles?|search terms?)$/.test(before)
      ? 'query'
      : /\b(?:pages?|urls?)$/.test(before)
        ? 'page'
        : 'campaign';
  return { kind: 'contains', target, text: nameKey(text) };
}

function takeValueFilters(
  scanner: Scanner,
  options: ValueFilter[],
  pattern: (words: string) => string,
): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  for (const option of options) {
    for (const found of scanner.take(pattern(option.words.join('|')))) {
      filters.push({
        value: { kind: 'equals', column: option.column, values: [option.value] },
        index: found.index,
        end: found.end,
      });
    }
  }
  return filters;
}

function takeWebValues(scanner: Scanner, catalog: Catalog): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  for (const [column, values] of catalog.webValues()) {
    for (const value of values) {
      const key = nameKey(value);
      if (key.length < 3) continue;
      for (const found of scanner.take(`(?:from |de |du |via |en )?${key.replace(/ /g, ' ?')}`)) {
        filters.push({
          value: { kind: 'equals', column, values: [value] },
          index: found.index,
          end: found.end,
        });
      }
    }
  }
  return filters;
}

function takeObjectives(scanner: Scanner): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  for (const option of OBJECTIVES) {
    const words = option.words.join('|');
    // "sales campaigns", "campagnes de notoriété", "objective: leads", "objectif ventes".
    const patterns = [
      `(${words})(?= (?:#+ |${PLATFORM_WORD} )?(?:${CAMPAIGN_NOUN}|objective))`,
      `(?<=${CAMPAIGN_NOUN} (?:${PLATFORM_WORD} )?)(?:(?:de |d |a |with (?:an? )?|avec (?:un |l )?objectif |objectif |objective )?)(${words})`,
      `(?:objective|objectif|goal) (?:is |of |est |de |d )?(${words})`,
    ];
    for (const pattern of patterns) {
      for (const found of scanner.take(pattern)) {
        filters.push({
          value: { kind: 'equals', column: option.column, values: [option.value] },
          index: found.index,
          end: found.end,
        });
      }
    }
  }
  // Objectives that are never metrics read alone: "awareness", "notoriété".
  for (const found of scanner.take('awareness|brand awareness|notoriete')) {
    filters.push({
      value: { kind: 'equals', column: 'objective', values: ['awareness'] },
      index: found.index,
      end: found.end,
    });
  }
  return filters;
}

function takeStatuses(scanner: Scanner): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  for (const option of STATUSES) {
    const words = option.words.join('|');
    const patterns = [
      `(?:currently |actuellement )?(${words})(?= (?:#+ |${PLATFORM_WORD} )?(?:${CAMPAIGN_NOUN}|ads?|annonces?))`,
      `(?<=${CAMPAIGN_NOUN} (?:${PLATFORM_WORD} )?)(?:that are |which are |qui sont |currently |actuellement |status |statut )*(${words})`,
      `(?:status|statut) (?:is |est |= )?(${words})`,
      `(?:among |parmi )(?:the |les )?(${words})(?: ones?)?`,
    ];
    for (const pattern of patterns) {
      for (const found of scanner.take(pattern)) {
        filters.push({
          value: { kind: 'equals', column: option.column, values: [option.value] },
          index: found.index,
          end: found.end,
        });
      }
    }
  }
  return filters;
}

function takeMetrics(scanner: Scanner, which: (metric: Metric) => boolean): Located<Metric>[] {
  const found: Located<Metric>[] = [];
  for (const metric of METRICS.filter(which)) {
    for (const match of scanner.take(metric.words.join('|'))) {
      found.push({ value: metric, index: match.index, end: match.end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const GROUP_WORDS =
  /^(?:by|per|par|each|every|chaque|which|what|quel|quelle|quels|quelles|across|among|compare|comparer|list|liste|top|bottom|best|worst|for each|pour chaque|broken down by|split by|ventile par|reparti par|repartition par|\d+)(?: (?:sont|are|were|etaient|is|was|est))?(?: (?:les|the|des|nos|our|mes|my))?$/;
const TIME_GROUP_WORDS =
  /^(?:by|per|par|each|every|chaque|which|what|quel|quelle|best|worst|top|meilleure?|pire)$/;

interface Noun {
  dimension: Dimension;
  index: number;
  end: number;
}

/**
 * Dimensions: grouped when asked for ("by campaign", "which campaigns", "the 5 campaigns",
 * "campaigns with a CPA above 40", "by source and medium"), merely mentioned otherwise ("spend
 * on sales campaigns" is a total). Filter words between ("each active Meta campaign") are
 * skipped when looking back. A count right before the noun is the ranking's size.
 */
function takeDimensions(
  scanner: Scanner,
  rank: Located<unknown> | undefined,
  threshold: Located<unknown> | undefined,
  filterSpans: { index: number; end: number }[],
): { grouped: Located<Dimension>[]; mentioned: Set<Dimension['id']>; count?: number } {
  const grouped: Located<Dimension>[] = [];
  const mentioned = new Set<Dimension['id']>();
  for (const [words, id] of Object.entries(TIME_ADVERBS)) {
    for (const found of scanner.take(words)) {
      const dimension = DIMENSIONS.find((candidate) => candidate.id === id)!;
      grouped.push({ value: dimension, index: found.index, end: found.end });
    }
  }
  // Longest nouns first: "campaign objective" before "campaign".
  const nounPatterns = DIMENSIONS.flatMap((dimension) =>
    [...dimension.singular, ...dimension.plural].map((pattern) => ({ dimension, pattern })),
  ).sort((a, b) => b.pattern.length - a.pattern.length);
  const nouns: Noun[] = [];
  for (const { dimension, pattern } of nounPatterns) {
    for (const found of scanner.take(pattern))
      nouns.push({ dimension, index: found.index, end: found.end });
  }
  nouns.sort((a, b) => a.index - b.index);
  let count: number | undefined;
  for (const noun of nouns) {
    mentioned.add(noun.dimension.id);
    const before = wordsBeforeSkipping(scanner, noun.index, filterSpans);
    const lead = [
      before.slice(-1).join(' '),
      before.slice(-2).join(' '),
      before.slice(-3).join(' '),
    ];
    const chained = grouped.some((other) =>
      /^\s*(?:and|et|&)?\s*$/.test(scanner.text.slice(other.end, noun.index)),
    );
    const asked =
      lead.some((words) => GROUP_WORDS.test(words)) ||
      chained ||
      noun.index === 0 ||
      (threshold !== undefined && !noun.dimension.time) ||
      (rank !== undefined && rank.end <= noun.index && noun.index - rank.end <= 12) ||
      // "campaigns with the highest CPA", "les campagnes les plus dépensières".
      (rank !== undefined &&
        !noun.dimension.time &&
        rank.index >= noun.end &&
        rank.index - noun.end <= 16);
    const timeAsked =
      !noun.dimension.time || lead.some((words) => TIME_GROUP_WORDS.test(words)) || chained;
    if (!asked || !timeAsked) continue;
    grouped.push({ value: noun.dimension, index: noun.index, end: noun.end });
    const number = before.at(-1);
    if (number && new RegExp(`^${COUNT}$`).test(number) && count === undefined) {
      count = countValue(number);
      const at = scanner.text.lastIndexOf(number, noun.index);
      if (at >= 0) scanner.consume(at, at + number.length);
    }
  }
  grouped.sort((a, b) => a.index - b.index);
  return { grouped, mentioned, ...(count !== undefined ? { count } : {}) };
}

/** Words before `index`, leaving out those read as filters (platforms, statuses, objectives). */
function wordsBeforeSkipping(
  scanner: Scanner,
  index: number,
  filterSpans: { index: number; end: number }[],
): string[] {
  let text = scanner.text.slice(0, index);
  for (const span of [...filterSpans].sort((a, b) => b.index - a.index)) {
    if (span.end <= index)
      text = text.slice(0, span.index) + ' '.repeat(span.end - span.index) + text.slice(span.end);
  }
  return text.trim().split(/\s+/).filter(Boolean).slice(-3);
}

/** Unread words that are part of a campaign's name ("brand", "black friday"): a name filter. */
function takeCatalogNames(
  scanner: Scanner,
  catalog: Catalog,
  mentioned: Set<Dimension['id']>,
): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  for (const run of scanner.unread()) {
    let start = 0;
    while (start < run.words.length) {
      let matched = 0;
      for (let end = run.words.length; end > start; end--) {
        const words = run.words.slice(start, end);
        if (words.every((word) => FILLERS.has(word))) continue;
        if (FILLERS.has(words[0]!) || FILLERS.has(words.at(-1)!)) continue;
        const phrase = words.join(' ');
        const target = mentioned.has('ad') && catalog.hasAdWords(phrase) ? 'ad' : 'campaign';
        if (target === 'campaign' && !catalog.hasCampaignWords(phrase)) continue;
        const offset = run.index + run.words.slice(0, start).join(' ').length + (start > 0 ? 1 : 0);
        scanner.consume(offset, offset + phrase.length);
        filters.push({
          value: { kind: 'contains', target, text: phrase },
          index: offset,
          end: offset + phrase.length,
        });
        matched = end - start;
        break;
      }
      start += Math.max(matched, 1);
    }
  }
  return filters;
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

/**
 * "top 3 campaigns per platform": the dimension after "per" (not the ranked one) partitions a
 * top N, which then applies within each of its groups.
 */
function perGroup(grouped: Located<Dimension>[], text: string): Dimension | undefined {
  const others = grouped.filter((dimension) => !dimension.value.time).slice(1);
  return others.find((dimension) =>
    /(?:^|\s)(?:per|for each|in each|within each|pour chaque|dans chaque|par)\s*$/.test(
      text.slice(0, dimension.index),
    ),
  )?.value;
}

/** "which campaign had the best ROAS" asks for one; "which campaigns" for a ranking. */
function singular(grouped: Located<Dimension>[], text: string): boolean {
  const noun = grouped.find((dimension) => !dimension.value.time) ?? grouped[0];
  if (!noun) return false;
  const word = text.slice(noun.index, noun.end);
  // "mois" and "pays" are both singular and plural: the article before tells.
  if (/^(?:mois|pays)$/.test(word))
    return /\b(?:quel|le|which|the)\s*$/.test(text.slice(0, noun.index));
  return noun.value.singular.some((pattern) => new RegExp(`^(?:${pattern})$`).test(word));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export { COUNT };
