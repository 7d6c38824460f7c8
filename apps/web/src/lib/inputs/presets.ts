/**
 * Date range presets and the override strings the server takes (`last_7_days`,
 * `2026-01-01..2026-01-31`), for the inputs bar. A copy of core's `notebook/dates.ts` list and
 * preset arithmetic: `@baton/core/notebook` exports only its index, which also re-exports the
 * parser and its YAML dependency, and the reader must not depend on tree-shaking to stay light.
 * A test keeps this copy equal to core's.
 */
export const DATE_RANGE_PRESETS = [
  'last_7_days',
  'last_28_days',
  'last_30_days',
  'last_90_days',
  'last_month',
  'month_to_date',
  'year_to_date',
  'last_year',
] as const;

export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

export interface DateRange {
  start: string;
  end: string;
}

const DAY = 86_400_000;

function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && formatDate(time) === value;
}

export function isDateRangePreset(value: unknown): value is DateRangePreset {
  return (DATE_RANGE_PRESETS as readonly unknown[]).includes(value);
}

/** The range a preset means on `today` (a UTC calendar date), as core computes it. */
export function presetRange(preset: DateRangePreset, today: Date): DateRange {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const day = Date.UTC(year, month, today.getUTCDate());
  const days = /^last_(\d+)_days$/.exec(preset);
  if (days) return { start: formatDate(day - Number(days[1]) * DAY), end: formatDate(day - DAY) };
  switch (preset) {
    case 'last_month':
      return {
        start: formatDate(Date.UTC(year, month - 1, 1)),
        end: formatDate(Date.UTC(year, month, 0)),
      };
    case 'month_to_date':
      return { start: formatDate(Date.UTC(year, month, 1)), end: formatDate(day) };
    case 'year_to_date':
      return { start: formatDate(Date.UTC(year, 0, 1)), end: formatDate(day) };
    default:
      return {
        start: formatDate(Date.UTC(year - 1, 0, 1)),
        end: formatDate(Date.UTC(year - 1, 11, 31)),
      };
  }
}

/** `2026-01-01..2026-01-31` as a range, or undefined when it is not two ISO dates. */
export function parseRangeOverride(value: string): DateRange | undefined {
  const [start, end, ...rest] = value.split('..').map((part) => part.trim());
  if (rest.length || !isIsoDate(start) || !isIsoDate(end)) return undefined;
  return { start, end };
}

/**
 * An input's default as an override string: `last_7_days` stays, `{ start, end }` becomes
 * `start..end`, an array becomes comma-joined; undefined when there is none.
 */
export function overrideOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object') {
    const { start, end } = value as { start?: unknown; end?: unknown };
    if (start !== undefined && end !== undefined) return `${String(start)}..${String(end)}`;
    return undefined;
  }
  return String(value);
}

/** Today's date in the browser's time zone, as a UTC midnight (the convention of `presetRange`). */
export function localToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
