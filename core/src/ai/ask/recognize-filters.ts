/**
 * Recognizers of what a question keeps: platforms, objectives, statuses, names (quoted, after
 * "containing", or found in the workspace's campaign names), GA4 values, countries, devices,
 * and the words that say which source a question is about.
 */
import { nameKey, type Catalog } from './catalog.ts';
import type { Filter, Located } from './intent.ts';
import {
  FILLERS,
  OBJECTIVES,
  PLATFORMS,
  SOURCE_WORDS,
  STATUSES,
  type Dimension,
  type Source,
  type ValueFilter,
} from './lexicon.ts';
import type { Found, Scanner } from './scanner.ts';

export const CAMPAIGN_NOUN = '(?:campaigns?|campagnes?|camps?)';
/** A platform's name between a filter word and its noun ("active Meta campaigns"). */
export const PLATFORM_WORD = `(?:${PLATFORMS.flatMap((platform) => platform.words).join('|')})`;
/** Words that make a question GA4's, so "direct" or "email" name its channel groups. */
export const WEB_CONTEXT =
  'channel groups?|groupes? de canaux|traffic sources?|sources?|mediums?|ga4|google analytics|website|site|web|traffic|trafic';

export function takeSourceHints(scanner: Scanner): Set<Source> {
  const hints = new Set<Source>();
  for (const [source, words] of Object.entries(SOURCE_WORDS) as [Source, string[]][]) {
    if (scanner.take(words.join('|')).length > 0) hints.add(source);
  }
  return hints;
}

export function takeNameFilters(scanner: Scanner, quoted: string[]): Located<Filter>[] {
  const filters: Located<Filter>[] = [];
  const lead =
    '(?:whose names? (?:contains?|includes?)|with names? containing|names? (?:containing|contains?|including|includes?|like)|(?:named|called) like|named|called|like|containing|contains?|that contains?|which contains?|including|includes?|dont le nom contient|dont les noms contiennent|contenant|qui contiennent|qui contient|nommee?s?|appelee?s?|intitulee?s?|avec)';
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
    `(?:whose names? (?:contains?|includes?)|with names? containing|(?:named|called) like|named|called|containing|that contains?|which contains?|dont le nom contient|dont les noms contiennent|contenant|qui contiennent|qui contient|nommee?s?|appelee?s?|intitulee?s?) ${phrase}`,
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

export function takeValueFilters(
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

export function takeWebValues(scanner: Scanner, catalog: Catalog): Located<Filter>[] {
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

export function takeObjectives(scanner: Scanner): Located<Filter>[] {
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

export function takeStatuses(scanner: Scanner): Located<Filter>[] {
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

/** Unread words that are part of a campaign's name ("brand", "black friday"): a name filter. */
export function takeCatalogNames(
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
