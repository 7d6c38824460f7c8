/**
 * d3 number and time locale definitions for Vega, derived from Intl so that chart axes agree
 * with the tables and prose of the same report.
 */
import type { Locale } from 'vega';
import { INTL_LOCALES } from './format.ts';
import type { ReportLocale } from './messages.ts';

/**
 * Labels of a time axis at each tick granularity: `3 Nov`, then `Nov` and `2026` at month and
 * year boundaries. Within a quarter a month boundary reads `1 Nov`, so days stay days.
 */
export function temporalAxisFormat(spanDays: number | undefined): Record<string, string> {
  const short = spanDays !== undefined && spanDays <= 92;
  return {
    year: '%Y',
    quarter: '%b',
    month: short ? '%-d %b' : '%b',
    week: '%-d %b',
    date: '%-d %b',
    hours: '%H:%M',
    minutes: '%H:%M',
    seconds: ':%S',
    milliseconds: '.%L',
  };
}

const PATTERNS: Record<ReportLocale, { dateTime: string; date: string; time: string }> = {
  en: { dateTime: '%a %-d %b %Y %X', date: '%d/%m/%Y', time: '%H:%M:%S' },
  fr: { dateTime: '%A %-d %B %Y à %X', date: '%d/%m/%Y', time: '%H:%M:%S' },
};

function names(intlLocale: string, option: Intl.DateTimeFormatOptions, dates: Date[]): string[] {
  const format = new Intl.DateTimeFormat(intlLocale, { ...option, timeZone: 'UTC' });
  return dates.map((date) => format.format(date));
}

/** What stands before and after the number: `['€', '']` in en, `['', ' €']` in fr. */
function affixes(parts: Intl.NumberFormatPart[]): [string, string] {
  const numeric = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign']);
  const first = parts.findIndex((part) => numeric.has(part.type));
  const last = parts.findLastIndex((part) => numeric.has(part.type));
  const text = (slice: Intl.NumberFormatPart[]) => slice.map((part) => part.value).join('');
  return [text(parts.slice(0, first)), text(parts.slice(last + 1))];
}

export function chartLocale(locale: ReportLocale, currency: string): Locale {
  const intlLocale = INTL_LOCALES[locale];
  const numberParts = new Intl.NumberFormat(intlLocale).formatToParts(12345.6);
  const part = (type: string, fallback: string) =>
    numberParts.find((p) => p.type === type)?.value ?? fallback;
  const currencyParts = new Intl.NumberFormat(intlLocale, {
    style: 'currency',
    currency,
  }).formatToParts(1.5);
  const percentParts = new Intl.NumberFormat(intlLocale, { style: 'percent' }).formatToParts(0.5);
  const week = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2023, 0, day + 1))); // a Sunday first
  const year = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2023, month, 1)));
  return {
    number: {
      decimal: part('decimal', '.'),
      thousands: part('group', ','),
      grouping: [3],
      currency: affixes(currencyParts),
      percent: affixes(percentParts)[1],
    },
    // Intl gives 7 day and 12 month names; the tuple types cannot see that.
    time: {
      ...PATTERNS[locale],
      periods: ['AM', 'PM'],
      days: names(intlLocale, { weekday: 'long' }, week),
      shortDays: names(intlLocale, { weekday: 'short' }, week),
      months: names(intlLocale, { month: 'long' }, year),
      shortMonths: names(intlLocale, { month: 'short' }, year),
    } as Locale['time'],
  };
}
