/**
 * Locale-aware formatting of query values with Intl. 'en' uses British conventions
 * (`1–28 Nov 2026`), which read naturally next to a non-dollar currency; 'fr' uses French
 * ones (`1 234,56 €`, `27 nov. 2026`).
 */
import type { SqlValue } from '../engine/types.ts';
import { MESSAGES, type ReportLocale } from './messages.ts';

export const INTL_LOCALES: Record<ReportLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** How a value is shown: the template formats of notebook prose, plus `text` and `datetime`. */
export type ValueFormat =
  | { type: 'number'; digits: number }
  /** A fraction (0.034 is 3.4 %), or with `points` a value in percent (3.4 is 3.4 %). */
  | { type: 'percent'; digits: number; points?: boolean }
  | { type: 'currency'; digits?: number }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'text' };

export interface Formatter {
  locale: ReportLocale;
  format(value: SqlValue | undefined, format: ValueFormat): string;
  /** `1–28 Nov 2026`; falls back to the raw values when they are not dates. */
  dateRange(start: SqlValue | undefined, end: SqlValue | undefined): string;
  /** A moment, such as when the report was generated: `27 Nov 2026, 10:32`. */
  moment(date: Date): string;
}

interface CalendarDate {
  date: Date; // midnight UTC of that calendar day
  time: boolean; // whether the value carried a time of day worth showing
}

/** Reads DuckDB's DATE ('YYYY-MM-DD') and TIMESTAMP ISO strings as wall-clock values. */
export function toCalendarDate(value: SqlValue | undefined): CalendarDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    // A DATE bound as a Date is midnight UTC; anything else is a local moment: keep its wall clock.
    if (value.getTime() % 86_400_000 === 0) return { date: value, time: false };
    const wallClock = Date.UTC(
      value.getFullYear(),
      value.getMonth(),
      value.getDate(),
      value.getHours(),
      value.getMinutes(),
    );
    return { date: new Date(wallClock), time: true };
  }
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
  return Number.isNaN(date.getTime()) ? undefined : { date, time: match[4] !== undefined };
}

function numberOptions(format: ValueFormat, currency: string): Intl.NumberFormatOptions {
  switch (format.type) {
    case 'number':
      return { minimumFractionDigits: format.digits, maximumFractionDigits: format.digits };
    case 'percent':
      return {
        style: 'percent',
        minimumFractionDigits: format.digits,
        maximumFractionDigits: format.digits,
      };
    case 'currency': {
      const { digits } = format;
      const fraction =
        digits === undefined
          ? {}
          : { minimumFractionDigits: digits, maximumFractionDigits: digits };
      return { style: 'currency', currency, ...fraction };
    }
    default:
      return { maximumFractionDigits: 2 };
  }
}

/**
 * @example createFormatter({ locale: 'fr', currency: 'EUR' }).format(1234.56, { type: 'currency' }) // '1 234,56 €'
 */
export function createFormatter(options: {
  locale: ReportLocale;
  currency: string;
  timeZone?: string;
}): Formatter {
  const intlLocale = INTL_LOCALES[options.locale];
  const messages = MESSAGES[options.locale];
  const day = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
  const dateFormat = new Intl.DateTimeFormat(intlLocale, day);
  const dateTimeFormat = new Intl.DateTimeFormat(intlLocale, {
    ...day,
    hour: '2-digit',
    minute: '2-digit',
  });
  const momentFormat = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });

  const numberFormats = new Map<string, Intl.NumberFormat>();
  const formatNumber = (value: number, format: ValueFormat): string => {
    const settings = numberOptions(format, options.currency);
    const key = JSON.stringify(settings);
    let numberFormat = numberFormats.get(key);
    if (!numberFormat)
      numberFormats.set(key, (numberFormat = new Intl.NumberFormat(intlLocale, settings)));
    return numberFormat.format(format.type === 'percent' && format.points ? value / 100 : value);
  };

  const format = (value: SqlValue | undefined, valueFormat: ValueFormat): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? messages.yes : messages.no;
    if (Array.isArray(value)) return value.map((item) => format(item, valueFormat)).join(', ');
    if (typeof value === 'bigint') {
      const asNumber = Number(value);
      return Number.isSafeInteger(asNumber)
        ? formatNumber(asNumber, valueFormat)
        : value.toString();
    }
    if (typeof value === 'number') {
      return Number.isFinite(value) ? formatNumber(value, valueFormat) : String(value);
    }
    if (value instanceof Date || valueFormat.type === 'date' || valueFormat.type === 'datetime') {
      const calendar = toCalendarDate(value);
      if (calendar) {
        const withTime = valueFormat.type !== 'date' && calendar.time;
        return (withTime ? dateTimeFormat : dateFormat).format(calendar.date);
      }
    }
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && valueFormat.type !== 'text') {
      return formatNumber(Number(value), valueFormat); // HUGEINT or wide DECIMAL sent as text
    }
    return String(value);
  };

  return {
    locale: options.locale,
    format,
    dateRange(start, end) {
      const from = toCalendarDate(start);
      const to = toCalendarDate(end);
      if (from && to && from.date <= to.date) return dateFormat.formatRange(from.date, to.date);
      return `${format(start, { type: 'date' })} – ${format(end, { type: 'date' })}`;
    },
    moment: (date) => momentFormat.format(date),
  };
}
