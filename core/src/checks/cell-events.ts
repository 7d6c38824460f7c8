/**
 * The calendar of known retail events check cells pass to the detectors: days kept out of the
 * baseline on which a move is expected. On a peak (Black Friday to Christmas, and per market
 * the sales (soldes) and Mother's Days of France, the UK and the US) only a fall below the usual
 * level is still flagged: spend halved in the middle of the sales is news. Christmas to New
 * Year, which has its troughs, and a user's own dates (`extra`) are never flagged.
 */

const DAY = 86_400_000;

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** The `nth` (1-based; -1 = last) `weekday` (0 = Sunday) of a month, as epoch ms. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  if (nth > 0) {
    const first = utc(year, month, 1);
    const offset = (weekday - new Date(first).getUTCDay() + 7) % 7;
    return first + (offset + 7 * (nth - 1)) * DAY;
  }
  const last = utc(year, month + 1, 0);
  const offset = (new Date(last).getUTCDay() - weekday + 7) % 7;
  return last - offset * DAY;
}

/** Easter Sunday (Gregorian, anonymous algorithm), as epoch ms. */
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
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** Markets whose own retail events the calendar knows. */
export type RetailMarket = 'FR' | 'UK' | 'US';

/**
 * Whose sales and Mother's Day count by default: France, the home market of the brands Baton
 * serves first, until the workspace says where it sells. A day on another market's event is not
 * skipped, since marking every market's events would blind the checks for weeks at a time.
 */
export const DEFAULT_MARKETS: readonly RetailMarket[] = ['FR'];

/** The markets whose retail events count for a series in `currency`; others get `fallback`. */
export function marketsOf(
  currency: string | null,
  fallback: readonly RetailMarket[] = DEFAULT_MARKETS,
): readonly RetailMarket[] {
  if (currency === 'GBP') return ['UK'];
  if (currency === 'USD') return ['US'];
  return fallback;
}

export interface KnownEvent {
  name: string;
  /** Inclusive `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** An expected peak: a fall below the usual level is still flagged. Default false. */
  peak?: boolean;
}

/** Indexes of the days on known events: peaks (a fall still flagged) and the others. */
export interface EventDays {
  peaks: Set<number>;
  /** Never flagged. */
  any: Set<number>;
}

/**
 * The retail events of one year: Black Friday to New Year everywhere, and the events of
 * `markets`. Windows start a little before the day (the run-up) and end a
 * few days after (the return to normal is as sharp as the rise).
 *
 * @example retailEvents(2025)[0] // { name: 'soldes d'hiver', start: '2025-01-05', end: '2025-02-10' }
 */
export function retailEvents(
  year: number,
  markets: readonly RetailMarket[] = DEFAULT_MARKETS,
): KnownEvent[] {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const span = (name: string, from: number, to: number): KnownEvent => ({
    name,
    start: iso(from),
    end: iso(to),
    peak: true,
  });
  const blackFriday = nthWeekday(year, 11, 4, 4) + DAY;
  const winterSales = nthWeekday(year, 1, 3, 2);
  const summerSales = nthWeekday(year, 6, 3, -1);
  const lastSundayOfMay = nthWeekday(year, 5, 0, -1);
  const frenchMothersDay =
    lastSundayOfMay === easter(year) + 49 * DAY ? lastSundayOfMay + 7 * DAY : lastSundayOfMay;
  const ukMothersDay = easter(year) - 21 * DAY;
  const usMothersDay = nthWeekday(year, 5, 0, 2);
  const byMarket: Record<RetailMarket, KnownEvent[]> = {
    FR: [
      span("soldes d'hiver", winterSales - 3 * DAY, winterSales + 30 * DAY),
      // Gift campaigns start more than two weeks ahead.
      span('fête des mères', frenchMothersDay - 16 * DAY, frenchMothersDay + 2 * DAY),
      span("soldes d'été", summerSales - 3 * DAY, summerSales + 30 * DAY),
    ],
    UK: [span("Mother's Day (UK)", ukMothersDay - 10 * DAY, ukMothersDay + DAY)],
    US: [span("Mother's Day (US)", usMothersDay - 10 * DAY, usMothersDay + DAY)],
  };
  return [
    ...markets.flatMap((market) => byMarket[market]),
    span('Black Friday to Christmas', blackFriday - 10 * DAY, utc(year, 12, 23)),
    { ...span('Christmas to New Year', utc(year, 12, 24), utc(year + 1, 1, 2)), peak: false },
  ];
}

/**
 * Indexes of `dates` that fall on a known event: the retail calendar unless `retail` is false,
 * plus the `extra` events (the user's own dates: a launch, a TV campaign). A day on a peak and
 * on another event is in `any`.
 *
 * @example eventDays(['2025-11-28', '2025-10-01']).peaks // Set { 0 }
 */
export function eventDays(
  dates: readonly string[],
  {
    retail = true,
    markets = DEFAULT_MARKETS,
    extra = [],
  }: { retail?: boolean; markets?: readonly RetailMarket[]; extra?: KnownEvent[] } = {},
): EventDays {
  const days: EventDays = { peaks: new Set(), any: new Set() };
  if (dates.length === 0) return days;
  const first = Number(dates[0]!.slice(0, 4));
  const last = Number(dates.at(-1)!.slice(0, 4));
  const events = [...extra];
  if (retail)
    for (let year = first - 1; year <= last; year++) events.push(...retailEvents(year, markets));
  dates.forEach((date, index) => {
    const on = events.filter((event) => date >= event.start && date <= event.end);
    if (on.length === 0) return;
    (on.every((event) => event.peak === true) ? days.peaks : days.any).add(index);
  });
  return days;
}

/**
 * A workspace's calendar (`baton.json` `calendar`): the markets whose retail events count by
 * default, and the team's own dates, for every check of the workspace.
 */
export interface WorkspaceCalendar {
  markets?: RetailMarket[];
  events?: KnownEvent[];
}

/** The checks' `events` option for a workspace's calendar. */
export function calendarEvents(calendar: WorkspaceCalendar | undefined): {
  markets?: readonly RetailMarket[];
  extra?: KnownEvent[];
} {
  return {
    ...(calendar?.markets ? { markets: calendar.markets } : {}),
    ...(calendar?.events ? { extra: calendar.events } : {}),
  };
}
