/**
 * The override strings the server takes for inputs (`last_7_days`, `2026-01-01..2026-01-31`).
 * Presets and their arithmetic come from core's `notebook/dates` module alone: the notebook
 * index would also bring the parser and its YAML dependency into the reader.
 */
import { isIsoDate, type DateRange } from '@baton/core/notebook/dates';

export {
  DATE_RANGE_PRESETS,
  isDateRangePreset,
  isIsoDate,
  presetRange,
  type DateRange,
  type DateRangePreset,
} from '@baton/core/notebook/dates';

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
