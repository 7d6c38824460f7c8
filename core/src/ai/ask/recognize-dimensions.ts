/** Recognizers of how a question breaks its answer down: which dimensions are asked for. */
import type { Located } from './intent.ts';
import { DIMENSIONS, TIME_ADVERBS, type Dimension } from './lexicon.ts';
import type { Scanner } from './scanner.ts';
import { COUNT, countValue } from './text.ts';

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
export function takeDimensions(
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

/**
 * "top 3 campaigns per platform": the dimension after "per" (not the ranked one) partitions a
 * top N, which then applies within each of its groups.
 */
export function perGroup(grouped: Located<Dimension>[], text: string): Dimension | undefined {
  const others = grouped.filter((dimension) => !dimension.value.time).slice(1);
  return others.find((dimension) =>
    /(?:^|\s)(?:per|for each|in each|within each|pour chaque|dans chaque|par)\s*$/.test(
      text.slice(0, dimension.index),
    ),
  )?.value;
}

/** "which campaign had the best ROAS" asks for one; "which campaigns" for a ranking. */
export function singular(grouped: Located<Dimension>[], text: string): boolean {
  const noun = grouped.find((dimension) => !dimension.value.time) ?? grouped[0];
  if (!noun) return false;
  const word = text.slice(noun.index, noun.end);
  // "mois" and "pays" are both singular and plural: the article before tells.
  if (/^(?:mois|pays)$/.test(word))
    return /\b(?:quel|le|which|the)\s*$/.test(text.slice(0, noun.index));
  return noun.value.singular.some((pattern) => new RegExp(`^(?:${pattern})$`).test(word));
}
