/**
 * Periods in a question ("last month", "les 30 derniers jours", "Q1 2026", "du 1er au 15 mars")
 * and the period a comparison is made with, as inclusive `YYYY-MM-DD` ranges counted from
 * `today` (docs/ask.md, "Periods").
 */
import { COUNT, countValue } from './text.ts';

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Period {
  start: string;
  end: string;
  /** Calendar-aligned periods compare with the previous calendar unit(s). */
  unit?: PeriodUnit;
  /** Units in the period (3 for "the last 3 months"). */
  count?: number;
  /** A period that runs to today (this month, year to date). */
  toDate?: boolean;
}

export type Comparison = 'previous' | 'last_year';

const DAY = 86_400_000;

function parseDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  return formatDay(parseDay(date) + days * DAY);
}
/** Shifts by whole months, the day clamped to the target month's length (31 March - 1 month = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const length = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(day, length));
  return formatDay(first.getTime());
}
function monthStart(year: number, month: number): string {
  return formatDay(Date.UTC(year, month - 1, 1));
}
function monthEnd(year: number, month: number): string {
  return formatDay(Date.UTC(year, month, 0));
}
function dayCount(period: Period): number {
  return Math.round((parseDay(period.end) - parseDay(period.start)) / DAY) + 1;
}
function ymd(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** Monday of the week of `date`. */
function weekStart(date: string): string {
  const weekday = (new Date(parseDay(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The period a comparison sets the question's period against. */
export function comparedPeriod(period: Period, comparison: Comparison): Period {
  if (comparison === 'last_year') {
    return { ...period, start: addMonths(period.start, -12), end: addMonths(period.end, -12) };
  }
  const count = period.count ?? 1;
  switch (period.unit) {
    case 'week':
      return {
        ...period,
        start: addDays(period.start, -7 * count),
        end: addDays(period.end, -7 * count),
      };
    case 'month':
    case 'quarter':
    case 'year': {
      const months = { month: 1, quarter: 3, year: 12 }[period.unit] * count;
      const start = addMonths(period.start, -months);
      // A whole unit ends the day before the period; a part of one ends on the same day a unit back.
      const end = period.toDate ? addMonths(period.end, -months) : addDays(period.start, -1);
      return { ...period, start, end };
    }
    default: {
      const days = dayCount(period);
      return { start: addDays(period.start, -days), end: addDays(period.start, -1) };
    }
  }
}

const MONTHS: [string, number][] = [
  ['january', 1],
  ['janvier', 1],
  ['february', 2],
  ['fevrier', 2],
  ['march', 3],
  ['mars', 3],
  ['april', 4],
  ['avril', 4],
  ['may', 5],
  ['mai', 5],
  ['june', 6],
  ['juin', 6],
  ['july', 7],
  ['juillet', 7],
  ['august', 8],
  ['aout', 8],
  ['september', 9],
  ['septembre', 9],
  ['october', 10],
  ['octobre', 10],
  ['november', 11],
  ['novembre', 11],
  ['december', 12],
  ['decembre', 12],
  ['janv', 1],
  ['jan', 1],
  ['feb', 2],
  ['fev', 2],
  ['mar', 3],
  ['apr', 4],
  ['avr', 4],
  ['jun', 6],
  ['jul', 7],
  ['juil', 7],
  ['aug', 8],
  ['sept', 9],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];
const MONTH = `(${MONTHS.map(([name]) => name).join('|')})`;
const monthNumber = (name: string): number => MONTHS.find(([word]) => word === name)![1];

const ORDINAL = '(?:st|nd|rd|th|er|eme|e)?';
/** Dates as typed: 2026-03-01, 01/03/2026, 1 March 2026, 1er mars, March 1st, 2026. */
const DATE_FORMS = [
  '(\\d{4})-(\\d{2})-(\\d{2})',
  '(\\d{1,2})/(\\d{1,2})/(\\d{4})',
  `(\\d{1,2})${ORDINAL} (?:of )?${MONTH}(?: (\\d{4}))?`,
  `${MONTH} (\\d{1,2})${ORDINAL}(?: (\\d{4}))?`,
];
const DATE = `(?:${DATE_FORMS.join('|')})`;

/** Reads one date match; a date without a year is the latest such date not after today. */
function readDate(text: string, today: string, language: 'en' | 'fr'): string | undefined {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (match) {
    // French writes day/month; English usually month/day, unless the first number is over 12.
    const [a, b] = [Number(match[1]), Number(match[2])];
    const dayFirst = language === 'fr' || a > 12;
    return valid(Number(match[3]), dayFirst ? b : a, dayFirst ? a : b);
  }
  match = new RegExp(`^(\\d{1,2})${ORDINAL} (?:of )?${MONTH}(?: (\\d{4}))?$`).exec(text);
  if (match) return dated(Number(match[1]), monthNumber(match[2]!), match[3], today);
  match = new RegExp(`^${MONTH} (\\d{1,2})${ORDINAL}(?: (\\d{4}))?$`).exec(text);
  if (match) return dated(Number(match[2]), monthNumber(match[1]!), match[3], today);
  return undefined;
}

function valid(year: number, month: number, day: number): string | undefined {
  const date = formatDay(Date.UTC(year, month - 1, day));
  return ymd(date)[1] === month && ymd(date)[2] === day ? date : undefined;
}

function dated(
  day: number,
  month: number,
  year: string | undefined,
  today: string,
): string | undefined {
  if (year) return valid(Number(year), month, day);
  const [thisYear] = ymd(today);
  const date = valid(thisYear, month, day);
  return date && date > today ? valid(thisYear - 1, month, day) : date;
}

export interface PeriodMatch {
  period: Period;
  index: number;
  length: number;
}

type Reader = (match: RegExpExecArray, today: string, language: 'en' | 'fr') => Period | undefined;

const LAST =
  '(?:the |over the |in the |during the |for the |within the )?(?:last|past|previous|preceding|prior|trailing)';
const FR_LAST_BEFORE =
  '(?:les |ces |sur les |au cours des |pendant les |durant les |lors des |dans les )?';

/** Recognizers in order: ranges before single dates, "last N days" before "last day". */
const READERS: [RegExp, Reader][] = [
  [
    new RegExp(
      `(?:between|from|entre(?: le)?|du|de|depuis le) (${DATE}) (?:and|to|through|thru|until|till|-|et(?: le)?|au|a|jusqu au|jusqu a) (${DATE})`,
    ),
    (match, today, language) =>
      range(match[1]!, match[match.length - 1 - DATE_GROUPS]!, today, language),
  ],
  [
    new RegExp(
      `(?:between|from|entre le|entre|du) (\\d{1,2})${ORDINAL} (?:and|to|through|-|et le|et|au) (\\d{1,2})${ORDINAL} (?:of )?${MONTH}(?: (\\d{4}))?`,
    ),
    (match, today) => {
      const month = monthNumber(match[3]!);
      const end = dated(Number(match[2]), month, match[4], today);
      const start = end && valid(ymd(end)[0], month, Number(match[1]));
      return start && end && start <= end ? { start, end } : undefined;
    },
  ],
  [
    new RegExp(
      `(?:between|from) ${MONTH} (\\d{1,2})${ORDINAL} (?:and|to|through|-) (\\d{1,2})${ORDINAL}(?: (\\d{4}))?`,
    ),
    (match, today) => {
      const month = monthNumber(match[1]!);
      const end = dated(Number(match[3]), month, match[4], today);
      const start = end && valid(ymd(end)[0], month, Number(match[2]));
      return start && end && start <= end ? { start, end } : undefined;
    },
  ],
  [
    new RegExp(
      `(?:since|depuis|a partir de|from) (?:the (?:start|beginning) of |le debut (?:de |du mois de |d ))?${MONTH}(?: (\\d{4}))?`,
    ),
    (match, today) => {
      // "since January": from the 1st of the latest such month that has begun, to today.
      const start = namedMonth(monthNumber(match[1]!), match[2], today, `in ${match[1]!}`)?.start;
      return start && start <= today ? { start, end: today } : undefined;
    },
  ],
  [
    new RegExp(`(?:since|depuis le|depuis|a partir du|a partir de|from) (${DATE})`),
    (match, today, language) => {
      const start = readDate(match[1]!, today, language);
      return start && start <= today ? { start, end: today } : undefined;
    },
  ],
  [
    new RegExp(
      `(?:${LAST}|sur les|les|ces|au cours des|pendant les|durant les|dans les) ${COUNT} (?:derniers |precedents |passes )?(days|jours|weeks|semaines|months|mois)(?: (?:dernier(?:e)?s|precedent(?:e)?s|passe(?:e)?s))?`,
    ),
    (match, today) => lastUnits(countValue(match[1]!), match[2]!, today),
  ],
  // Dashboards' shorthand: L7D, last 30d, past 14d.
  [
    /(?:l|(?:the )?(?:last|past) ?)(\d{1,3}) ?d/,
    (match, today) => lastUnits(Number(match[1]), 'days', today),
  ],
  [
    new RegExp(`${FR_LAST_BEFORE}(?:derniers|dernieres) ${COUNT} (jours|semaines|mois)`),
    (match, today) => lastUnits(countValue(match[1]!), match[2]!, today),
  ],
  [
    new RegExp(`${COUNT} (?:derniers|dernieres) (jours|semaines|mois)`),
    (match, today) => lastUnits(countValue(match[1]!), match[2]!, today),
  ],
  [
    new RegExp(`depuis ${COUNT} (jours|semaines|mois)`),
    (match, today) => lastUnits(countValue(match[1]!), match[2]!, today),
  ],
  [/\b(?:the )?day before yesterday|avant hier\b/, (_match, today) => day(addDays(today, -2))],
  [/\b(?:yesterday|hier)\b/, (_match, today) => day(addDays(today, -1))],
  [/\b(?:today|aujourd hui|ce jour)\b/, (_match, today) => day(today)],
  [
    new RegExp(
      `(?:${LAST} (?:calendar )?week|(?:la )?semaine (?:derniere|passee|precedente)|(?:la )?derniere semaine)`,
    ),
    (_match, today) => calendarWeeks(1, today),
  ],
  [
    /(?:this week|current week|week to date|wtd|since (?:the )?(?:start|beginning) of (?:the |this )?week|cette semaine|semaine en cours|depuis (?:le )?debut (?:de la )?semaine)/,
    (_match, today) => ({
      start: weekStart(today),
      end: today,
      unit: 'week',
      count: 1,
      toDate: true,
    }),
  ],
  [
    new RegExp(
      `(?:${LAST} (?:calendar )?month|(?:le )?mois (?:dernier|passe|precedent)|(?:le )?dernier mois)`,
    ),
    (_match, today) => calendarMonths(1, today),
  ],
  [
    /(?:this month|current month|month to date|mtd|since (?:the )?(?:start|beginning) of (?:the |this )?month|ce mois ci|ce mois|mois en cours|depuis (?:le )?debut (?:du )?mois)/,
    (_match, today) => toDate('month', today),
  ],
  [
    new RegExp(
      `(?:${LAST} quarter|(?:le )?trimestre (?:dernier|passe|precedent)|(?:le )?dernier trimestre)`,
    ),
    (_match, today) => calendarQuarter(today, -1),
  ],
  [
    /(?:this quarter|current quarter|quarter to date|qtd|since (?:the )?(?:start|beginning) of (?:the |this )?quarter|ce trimestre|trimestre en cours|depuis (?:le )?debut (?:du )?trimestre)/,
    (_match, today) => toDate('quarter', today),
  ],
  [
    /(?:this year|current year|year to date|so far this year|ytd|since (?:the )?(?:start|beginning) of (?:the |this )?year|cette annee|annee en cours|depuis (?:le )?debut (?:de )?(?:l )?annee|depuis janvier)/,
    (_match, today) => toDate('year', today),
  ],
  [
    new RegExp(
      `(?:${LAST} year|(?:l )?annee (?:derniere|passee|precedente)|(?:l )?an (?:dernier|passe))`,
    ),
    (_match, today) => {
      const year = ymd(today)[0] - 1;
      return { start: `${year}-01-01`, end: `${year}-12-31`, unit: 'year', count: 1 };
    },
  ],
  [
    /(?:\bq|\bt)([1-4])(?: (\d{4}))?\b/,
    (match, today) => namedQuarter(Number(match[1]), match[2], today),
  ],
  [
    /(?:\bh|\bs)([12])(?: (\d{4}))?\b/,
    (match, today) => namedHalf(Number(match[1]), match[2], today),
  ],
  [
    /(first|second|1st|2nd) half(?: of(?: the year)?)?(?: (\d{4}))?/,
    (match, today) => namedHalf(ordinal(match[1]!), match[2], today),
  ],
  [
    /(premier|1er|second|deuxieme|2e|2eme) semestre(?: (?:de |d )?(\d{4}))?/,
    (match, today) => namedHalf(ordinal(match[1]!), match[2], today),
  ],
  [
    /(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?(?: (\d{4}))?/,
    (match, today) => namedQuarter(ordinal(match[1]!), match[2], today),
  ],
  [
    /(premier|1er|deuxieme|second|2e|2eme|troisieme|3e|3eme|quatrieme|4e|4eme) trimestre(?: (?:de |d )?(\d{4}))?/,
    (match, today) => namedQuarter(ordinal(match[1]!), match[2], today),
  ],
  [
    new RegExp(`(?:on |le )?(${DATE})`),
    (match, today, language) => {
      const date = readDate(match[1]!, today, language);
      return date ? day(date) : undefined;
    },
  ],
  [
    new RegExp(
      `(?:in |en |for |pour |during |durant |au mois de |le mois de |mois de |mois d )?${MONTH}(?: (\\d{4}))?\\b`,
    ),
    (match, today) => namedMonth(monthNumber(match[1]!), match[2], today, match[0]),
  ],
  [
    /(?:in |en |for |pour |during |durant |of |de |sur )?(?:l annee |the year |annee )?\b(20\d{2})\b/,
    (match) => {
      const year = match[1]!;
      return { start: `${year}-01-01`, end: `${year}-12-31`, unit: 'year', count: 1 };
    },
  ],
];
/** Capture groups inside one `DATE`: the range reader reads its second date past them. */
const DATE_GROUPS = new RegExp(`${DATE}|`).exec('')!.length - 1;

function range(
  first: string,
  second: string,
  today: string,
  language: 'en' | 'fr',
): Period | undefined {
  const start = readDate(first, today, language);
  const end = readDate(second, today, language);
  return start && end && start <= end ? { start, end } : undefined;
}

function day(date: string): Period {
  return { start: date, end: date, unit: 'day', count: 1 };
}

function lastUnits(count: number, unit: string, today: string): Period | undefined {
  if (count < 1) return undefined;
  if (unit === 'days' || unit === 'jours') {
    return { start: addDays(today, -count), end: addDays(today, -1) };
  }
  if (unit === 'weeks' || unit === 'semaines') return calendarWeeks(count, today);
  return calendarMonths(count, today);
}

function calendarWeeks(count: number, today: string): Period {
  const thisWeek = weekStart(today);
  return { start: addDays(thisWeek, -7 * count), end: addDays(thisWeek, -1), unit: 'week', count };
}

function calendarMonths(count: number, today: string): Period {
  const [year, month] = ymd(today);
  return {
    start: addMonths(monthStart(year, month), -count),
    end: addDays(monthStart(year, month), -1),
    unit: 'month',
    count,
  };
}

function calendarQuarter(today: string, offset: number): Period {
  const [year, month] = ymd(today);
  const start = addMonths(monthStart(year, Math.floor((month - 1) / 3) * 3 + 1), 3 * offset);
  return { start, end: addDays(addMonths(start, 3), -1), unit: 'quarter', count: 1 };
}

function toDate(unit: 'month' | 'quarter' | 'year', today: string): Period {
  const [year, month] = ymd(today);
  const first = { month, quarter: Math.floor((month - 1) / 3) * 3 + 1, year: 1 }[unit];
  return { start: monthStart(year, first), end: today, unit, count: 1, toDate: true };
}

function namedMonth(
  month: number,
  year: string | undefined,
  today: string,
  text: string,
): Period | undefined {
  // "may" and abbreviations are months only with a year or a preposition ("in May").
  const bare = !year && !/^(?:in|en|for|pour|during|durant|au|le|mois) /.test(text);
  const name = text
    .trim()
    .split(' ')
    .at(year ? -2 : -1)!;
  if (
    bare &&
    (name === 'may' || name.length <= 4) &&
    name !== 'mai' &&
    name !== 'mars' &&
    name !== 'juin' &&
    name !== 'aout'
  ) {
    return undefined;
  }
  const [thisYear, thisMonth] = ymd(today);
  const chosen = year ? Number(year) : month <= thisMonth ? thisYear : thisYear - 1;
  return {
    start: monthStart(chosen, month),
    end: monthEnd(chosen, month),
    unit: 'month',
    count: 1,
  };
}

function namedQuarter(quarter: number, year: string | undefined, today: string): Period {
  const [thisYear, thisMonth] = ymd(today);
  const first = (quarter - 1) * 3 + 1;
  const chosen = year ? Number(year) : first <= thisMonth ? thisYear : thisYear - 1;
  return {
    start: monthStart(chosen, first),
    end: monthEnd(chosen, first + 2),
    unit: 'quarter',
    count: 1,
  };
}

function namedHalf(half: number, year: string | undefined, today: string): Period {
  const [thisYear, thisMonth] = ymd(today);
  const first = half === 1 ? 1 : 7;
  const chosen = year ? Number(year) : first <= thisMonth ? thisYear : thisYear - 1;
  return {
    start: monthStart(chosen, first),
    end: monthEnd(chosen, first + 5),
    unit: 'month',
    count: 6,
  };
}

function ordinal(word: string): number {
  if (/^(?:first|1st|premier|1er)$/.test(word)) return 1;
  if (/^(?:second|2nd|deuxieme|2e|2eme)$/.test(word)) return 2;
  if (/^(?:third|3rd|troisieme|3e|3eme)$/.test(word)) return 3;
  return 4;
}

/** Every period in the text, earliest first; overlapping matches go to the earlier reader. */
export function findPeriods(text: string, today: string, language: 'en' | 'fr'): PeriodMatch[] {
  const found: PeriodMatch[] = [];
  let rest = text;
  for (const [pattern, read] of READERS) {
    const global = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern.source})(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of rest.matchAll(global)) {
      const period = read(match as RegExpExecArray, today, language);
      if (!period) continue;
      found.push({ period, index: match.index, length: match[0].length });
      rest =
        rest.slice(0, match.index) +
        ' '.repeat(match[0].length) +
        rest.slice(match.index + match[0].length);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const COMPARATOR =
  '(?:vs|versus|compared (?:to|with)|comparing (?:it )?(?:to|with)|against|relative to|than|par rapport (?:a|au|aux)|comparee?s? (?:a|au|aux|avec)|contre|face (?:a|au)|en comparaison (?:de|avec)|and|et)';

/** Comparison phrases, read before periods so "vs last year" is not a period. */
const COMPARISONS: [RegExp, Comparison][] = [
  [
    new RegExp(
      `${COMPARATOR} (?:the |a |la |le |l )?(?:same period |same time |meme periode |la meme periode )(?:of |in |de |d )?(?:the )?(?:last year|previous year|prior year|l annee (?:derniere|precedente|passee)|l an (?:dernier|passe)|an dernier|annee derniere|n 1)`,
    ),
    'last_year',
  ],
  [
    /(?:the )?same period (?:of |in )?last year|(?:la )?meme periode (?:de |d )?(?:l )?an(?:nee)? (?:derniere|dernier|passee|precedente)/,
    'last_year',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:the |la |l )?(?:last year|previous year|prior year|year before|annee (?:derniere|precedente|passee|d avant)|an (?:dernier|passe)|n 1)`,
    ),
    'last_year',
  ],
  [
    /year over year|year on year|yoy|sur un an|en glissement annuel|d une annee sur l autre/,
    'last_year',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:the |la |le |les |l )?(?:previous|prior|preceding) (?:period|week|month|quarter|year|${COUNT} (?:days|weeks|months))`,
    ),
    'previous',
  ],
  [
    /(?:vs|versus|compared (?:to|with)|against) (?:the )?last (?:period|week|month|quarter)/,
    'previous',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:la |le |les |l )?(?:periode|semaine|mois|trimestre|annee|${COUNT} (?:jours|semaines|mois)) (?:precedente?s?|d avant|anterieure?s?|d avant)`,
    ),
    'previous',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:the )?(?:period|day|week|month|quarter|year|${COUNT} days) before`,
    ),
    'previous',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:la veille|le jour precedent|la journee precedente|l avant veille|(?:la |le |l )?(?:periode|semaine|mois|trimestre|annee) d avant)`,
    ),
    'previous',
  ],
  [
    new RegExp(
      `${COMPARATOR} (?:la |le |l )?(?:precedente|precedent) (?:periode|semaine|mois|trimestre)`,
    ),
    'previous',
  ],
  [
    /(?:the )?previous period|(?:la )?periode precedente|period over period|week over week|month over month|quarter over quarter|wow|mom|qoq/,
    'previous',
  ],
  [
    /change[sd]?|changing|evolution|evolue|evolues|evolve[sd]?|evolving|variations?|varie|growth|grown|grew|progression|progresse/,
    'previous',
  ],
];

export interface ComparisonMatch {
  comparison: Comparison;
  index: number;
  length: number;
  /** Read from a word like "change" or "évolution" alone, not from "vs ...". */
  weak: boolean;
}

export function findComparison(text: string): ComparisonMatch | undefined {
  for (const [pattern, comparison] of COMPARISONS) {
    const match = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${pattern.source})(?![\\p{L}\\p{N}])`,
      'u',
    ).exec(text);
    if (match) {
      const weak = pattern === COMPARISONS.at(-1)![0];
      return { comparison, index: match.index, length: match[0].length, weak };
    }
  }
  return undefined;
}
