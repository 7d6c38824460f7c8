/**
 * Dates as UTC epoch days (integers), and the retail calendar that moves cosmetics demand:
 * weekdays, paydays, Black Friday, Christmas, the French sales (soldes), Mother's Day.
 */
import { ConfigError } from '@baton/core/spec';

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` to days since 1970-01-01. Throws on anything else. */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || isoDay(ms / MS_PER_DAY) !== text) {
    throw new ConfigError(
      `"${text}" is not a calendar date.`,
      'Pass the end date as YYYY-MM-DD, e.g. 2026-03-31.',
    );
  }
  return ms / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function utcDay(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The `n`-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = utcDay(year, month, 1);
    return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
  }
  const last = utcDay(year, month + 1, 1) - 1;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** Gregorian Easter Sunday (anonymous algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDay(year, month, dayOfMonth);
}

/** French Mother's Day: last Sunday of May, moved to the first Sunday of June on Pentecost. */
export function frenchMothersDay(year: number): number {
  const lastSunday = nthWeekday(year, 5, 6, -1);
  return lastSunday === easter(year) + 49 ? lastSunday + 7 : lastSunday;
}

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFriday(year: number): number {
  return nthWeekday(year, 11, 3, 4) + 1;
}

/** Soldes d'hiver: second Wednesday of January; soldes d'été: last Wednesday of June. */
export function soldesStart(year: number, season: 'hiver' | 'ete'): number {
  return season === 'hiver' ? nthWeekday(year, 1, 2, 2) : nthWeekday(year, 6, 2, -1);
}

export type Market = 'FR' | 'UK' | 'US' | 'CH' | 'B2B';

/** The reporting window: `days` consecutive days ending at `end` (included). */
export interface DemoCalendar {
  /** Epoch day of the first date. */
  start: number;
  days: number;
  /** ISO strings, one per day (shared by every batch, never re-formatted). */
  dates: string[];
  weekday: Uint8Array;
  month: Uint8Array; // 1..12
  dayOfMonth: Uint8Array;
  /** Day of year, 0-based, for the weather's annual cycle. */
  dayOfYear: Uint16Array;
  years: number[];
}

export function makeCalendar(end: string, days: number): DemoCalendar {
  const last = parseIsoDay(end);
  const start = last - days + 1;
  const calendar: DemoCalendar = {
    start,
    days,
    dates: new Array<string>(days),
    weekday: new Uint8Array(days),
    month: new Uint8Array(days),
    dayOfMonth: new Uint8Array(days),
    dayOfYear: new Uint16Array(days),
    years: [],
  };
  for (let t = 0; t < days; t++) {
    const date = new Date((start + t) * MS_PER_DAY);
    const year = date.getUTCFullYear();
    calendar.dates[t] = date.toISOString().slice(0, 10);
    calendar.weekday[t] = weekdayOf(start + t);
    calendar.month[t] = date.getUTCMonth() + 1;
    calendar.dayOfMonth[t] = date.getUTCDate();
    calendar.dayOfYear[t] = start + t - utcDay(year, 1, 1);
    if (!calendar.years.includes(year)) calendar.years.push(year);
  }
  return calendar;
}

/** A dated retail event inside (or overlapping) the window, as day indexes from `start`. */
export interface RetailEvent {
  kind: 'black_friday' | 'christmas' | 'soldes_hiver' | 'soldes_ete' | 'fete_des_meres' | 'summer';
  year: number;
  first: number;
  last: number;
}

export function retailEvents(calendar: DemoCalendar): RetailEvent[] {
  const events: RetailEvent[] = [];
  const add = (kind: RetailEvent['kind'], year: number, first: number, last: number) => {
    const from = first - calendar.start;
    const to = last - calendar.start;
    if (to >= 0 && from < calendar.days) events.push({ kind, year, first: from, last: to });
  };
  for (const year of [calendar.years[0]! - 1, ...calendar.years]) {
    add('soldes_hiver', year, soldesStart(year, 'hiver') - 3, soldesStart(year, 'hiver') + 27);
    add('fete_des_meres', year, frenchMothersDay(year) - 16, frenchMothersDay(year));
    add('summer', year, utcDay(year, 5, 25), utcDay(year, 8, 20));
    add('soldes_ete', year, soldesStart(year, 'ete') - 2, soldesStart(year, 'ete') + 27);
    add('black_friday', year, blackFriday(year) - 10, blackFriday(year) + 3);
    add('christmas', year, blackFriday(year) + 4, utcDay(year, 12, 23));
  }
  return events.sort((a, b) => a.first - b.first);
}

const CONSUMER_WEEK = [1.06, 1.03, 1.0, 0.98, 0.92, 0.88, 1.1];
const B2B_WEEK = [1.18, 1.2, 1.16, 1.12, 0.92, 0.4, 0.45];

/**
 * Per-day multipliers for one market: `demand` (how many people buy: weekdays, paydays,
 * peaks, growth) and `auction` (how expensive attention is: Q4 pressure, January lull).
 */
export function marketSeasonality(
  calendar: DemoCalendar,
  market: Market,
): { demand: Float64Array; auction: Float64Array } {
  const demand = new Float64Array(calendar.days);
  const auction = new Float64Array(calendar.days);
  const b2b = market === 'B2B';
  const peaks = new Map<number, number>(); // absolute day -> multiplier
  const put = (day: number, factor: number) => peaks.set(day, (peaks.get(day) ?? 1) * factor);
  for (const year of [calendar.years[0]! - 1, ...calendar.years]) {
    const bf = blackFriday(year);
    if (!b2b) {
      for (let d = -7; d < 0; d++) put(bf + d, 1.25 + 0.03 * (d + 7));
      put(bf, 2.6);
      put(bf + 1, 1.9);
      put(bf + 2, 1.7);
      put(bf + 3, 2.0); // Cyber Monday
      for (let d = 4; d < 10; d++) put(bf + d, 1.15);
      for (let day = bf + 10; day <= utcDay(year, 12, 20); day++) put(day, 1.45);
      put(utcDay(year, 12, 21), 1.2);
      put(utcDay(year, 12, 22), 1.1);
      put(utcDay(year, 12, 24), 0.75);
      put(utcDay(year, 12, 25), 0.5);
      if (market === 'UK') put(utcDay(year, 12, 26), 1.5); // Boxing Day sales
      if (market === 'FR' || market === 'CH') {
        for (const season of ['hiver', 'ete'] as const) {
          const first = soldesStart(year, season);
          for (let d = 0; d < 28; d++) put(first + d, 1.2 + 0.4 * Math.exp(-d / 6));
        }
        const mothers = frenchMothersDay(year);
        for (let d = -12; d < 0; d++) put(mothers + d, 1.1 + 0.5 * ((d + 12) / 12));
        put(mothers, 0.9);
      } else {
        const mothers = market === 'UK' ? easter(year) - 21 : nthWeekday(year, 5, 6, 2);
        for (let d = -10; d < 0; d++) put(mothers + d, 1.1 + 0.4 * ((d + 10) / 10));
      }
    }
  }
  for (let t = 0; t < calendar.days; t++) {
    const month = calendar.month[t]!;
    const dayOfMonth = calendar.dayOfMonth[t]!;
    const week = (b2b ? B2B_WEEK : CONSUMER_WEEK)[calendar.weekday[t]!]!;
    let factor = week * (0.85 + (0.3 * t) / calendar.days); // the brand grows over the two years
    if (!b2b && (dayOfMonth >= 27 || dayOfMonth <= 3)) factor *= 1.1; // paydays
    if (!b2b && dayOfMonth >= 17 && dayOfMonth <= 23) factor *= 0.95;
    if (month === 8) factor *= b2b ? 0.55 : 0.9;
    if (b2b && month === 12 && dayOfMonth >= 20) factor *= 0.4;
    if (!b2b && month === 1 && dayOfMonth < 8) factor *= 0.8;
    factor *= peaks.get(calendar.start + t) ?? 1;
    demand[t] = factor;

    let pressure = 1;
    if (month === 10) pressure = 1.05;
    if (month === 11) pressure = dayOfMonth < 15 ? 1.12 : 1.45;
    if (month === 12) pressure = dayOfMonth <= 20 ? 1.3 : 1.0;
    if (month === 1) pressure = 0.85;
    if (month === 2) pressure = 0.92;
    if (calendar.weekday[t]! >= 5) pressure *= 0.96;
    auction[t] = pressure;
  }
  return { demand, auction };
}
