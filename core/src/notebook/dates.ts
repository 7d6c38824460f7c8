/**
 * Date range presets and `YYYY-MM-DD` dates, as UTC calendar dates. `today` is the caller's
 * "today" read in UTC: pass a Date at UTC midnight of the workspace's local day.
 *
 * Semantics (all bounds inclusive):
 * - `last_N_days` (7, 28, 30, 90): the N days ending yesterday. Today is left out because its
 *   data is still arriving, which would make every comparison look like a drop.
 * - `last_month`: the previous calendar month. `last_year`: the previous calendar year.
 * - `month_to_date`, `year_to_date`: the 1st of this month (year) through today, so the range is
 *   never empty, on the 1st too.
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

/** Presets of a single `date` input. */
export const DATE_PRESETS = ['today', 'yesterday'] as const;

export interface DateRange {
  start: string;
  end: string;
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a UTC timestamp. */
export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && formatDate(time) === value;
}

export function isDateRangePreset(value: unknown): value is DateRangePreset {
  return (DATE_RANGE_PRESETS as readonly unknown[]).includes(value);
}

/** The range a preset means on `today` (UTC calendar date). */
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
    default: // last_year
      return {
        start: formatDate(Date.UTC(year - 1, 0, 1)),
        end: formatDate(Date.UTC(year - 1, 11, 31)),
      };
  }
}

/**
 * A date range as written in a default or an override: a preset, `{ start, end }`, or
 * `YYYY-MM-DD..YYYY-MM-DD`. Returns the range, or why the value is not one.
 */
export function readDateRange(value: unknown, today: Date): DateRange | { problem: string } {
  if (isDateRangePreset(value)) return presetRange(value, today);
  let start: unknown;
  let end: unknown;
  if (typeof value === 'string' && value.includes('..'))
    [start, end] = value.split('..').map((part) => part.trim());
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    ({ start, end } = value as { start?: unknown; end?: unknown });
  } else {
    return {
      problem: `${JSON.stringify(value)} is not a date range: use one of ${DATE_RANGE_PRESETS.join(', ')}, or explicit dates (start..end, e.g. 2026-01-01..2026-01-31).`,
    };
  }
  if (!isIsoDate(start) || !isIsoDate(end)) {
    return {
      problem: `Dates of a range must be written YYYY-MM-DD (got start ${JSON.stringify(start)}, end ${JSON.stringify(end)}).`,
    };
  }
  if (start > end)
    return { problem: `The range starts (${start}) after it ends (${end}): swap the dates.` };
  return { start, end };
}

/** A single date as written: `today`, `yesterday` or `YYYY-MM-DD`. */
export function readDate(value: unknown, today: Date): string | { problem: string } {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (value === 'today') return formatDate(day);
  if (value === 'yesterday') return formatDate(day - DAY);
  if (isIsoDate(value)) return value;
  return {
    problem: `${JSON.stringify(value)} is not a date: write YYYY-MM-DD, today or yesterday.`,
  };
}
