/**
 * The date window a stream is read for, in the account's time zone: from the last cursor minus
 * the lookback (attribution restatement) up to today; `initialDays` before today on a first sync
 * or a full refresh; `since` when the user gives it. Long windows are read and committed in chunks
 * so an interrupted sync resumes after the last committed chunk.
 */
import type { StreamCursor } from '../spec/index.ts';
import { SyncError } from './errors.ts';
import type { SyncWindow } from './types.ts';

export const DEFAULT_INITIAL_DAYS = 90;

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date (`YYYY-MM-DD`) in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch (error) {
    throw new SyncError(
      'config',
      `"${timeZone}" is not a time zone.`,
      'The connector must give an IANA zone such as Europe/Paris.',
      { cause: error },
    );
  }
  const parts = Object.fromEntries(
    format.formatToParts(now).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

export function parseDay(value: string, what: string): string {
  if (
    !ISO_DAY.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new SyncError('usage', `${what} "${value}" is not a date.`, 'Give it as YYYY-MM-DD.');
  }
  return value;
}

export interface WindowInput {
  cursor: StreamCursor;
  /** The last committed day, if any. */
  lastCursor?: string;
  today: string;
  since?: string;
  fullRefresh?: boolean;
}

export function computeWindow(input: WindowInput): SyncWindow {
  const { cursor, today } = input;
  let start: string;
  if (input.since !== undefined) start = parseDay(input.since, 'since');
  else if (input.fullRefresh || input.lastCursor === undefined)
    start = addDays(today, -(cursor.initialDays ?? DEFAULT_INITIAL_DAYS));
  else start = addDays(input.lastCursor, -cursor.lookbackDays);
  return { start: start > today ? today : start, end: today };
}

/** Splits a window into consecutive chunks of at most `days` days. */
export function splitWindow(window: SyncWindow, days: number): SyncWindow[] {
  const chunks: SyncWindow[] = [];
  for (let start = window.start; start <= window.end; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    chunks.push({ start, end: end > window.end ? window.end : end });
  }
  return chunks;
}
