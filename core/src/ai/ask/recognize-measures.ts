/**
 * Recognizers of what is measured and how it is judged: metrics, a threshold ("CPA above 40",
 * "no conversions"), a ranking ("top 5", "les plus dépensières"), an average per day.
 */
import type { Located, Operator, RankOrder } from './intent.ts';
import { ADDITIVE_METRICS, METRICS, type Dimension, type Metric } from './lexicon.ts';
import type { Scanner } from './scanner.ts';
import { COUNT, countValue, decimalValue, type Language } from './text.ts';

const ABOVE =
  'above|over|greater than|more than|higher than|bigger than|larger than|exceeding|exceeds|in excess of|at least|superieure?s? (?:ou egale?s? )?a|plus grande?s? que|plus eleve(?:e|s|es)? que|plus de|plus que|au dessus de|depassant|qui depassent|qui depasse|depasse|au moins|>=|>';
const BELOW =
  'below|under|less than|lower than|fewer than|smaller than|at most|inferieure?s? (?:ou egale?s? )?a|plus petite?s? que|plus faibles? que|plus bas(?:se|ses)? que|moins de|moins que|au dessous de|en dessous de|sous|au plus|<=|<';

export function takeThreshold(
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
export const METRIC_WORDS = METRICS.flatMap((metric) => metric.words).join('|');

const BEST_WORDS =
  'best performing|top performing|top|best|meilleure?s?|plus performante?s?|premiere?s?|mieux';
const WORST_WORDS =
  'worst performing|least performing|underperforming|bottom|worst|poorest|pire|pires|moins performante?s?|moins bonne?s?|moins bons?';
const HIGHEST_WORDS =
  'highest|most|biggest|largest|greatest|maximum|max|top spending|plus (?:eleve|haut|grand|gros|fort|importante?)(?:e|s|es)?|le plus|la plus|les plus|plus de';
const LOWEST_WORDS =
  'lowest|least|smallest|fewest|minimum|min|(?:(?:le|la|les) )?plus (?:faible|bas|petit)(?:e|s|es)?|le moins|la moins|les moins|moins de';

export function takeRank(
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

export function takeMetrics(
  scanner: Scanner,
  which: (metric: Metric) => boolean,
): Located<Metric>[] {
  const found: Located<Metric>[] = [];
  for (const metric of METRICS.filter(which)) {
    for (const match of scanner.take(metric.words.join('|'))) {
      found.push({ value: metric, index: match.index, end: match.end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const AVERAGE =
  /(?<![\p{L}])(?:average|avg|on average|mean|en moyenne|moyenne|moyennes|moyen|moyens)(?![\p{L}])/u;

/**
 * "average daily spend", "dépenses moyennes par jour": a time breakdown asked with "average" is
 * a per-day (week, month) mean of totals, not a row per day. KPIs are ratios already.
 */
export function averageOf(
  text: string,
  dimensions: Dimension[],
  metrics: Metric[],
): { dimension: Dimension; unit: 'day' | 'week' | 'month' } | undefined {
  const time = dimensions.filter((dimension) => dimension.time);
  if (time.length !== 1 || !AVERAGE.test(text)) return undefined;
  if (!metrics.every((metric) => ADDITIVE_METRICS.has(metric.id))) return undefined;
  const dimension = time[0]!;
  return { dimension, unit: dimension.id as 'day' | 'week' | 'month' };
}
