/**
 * One time series read from CSV text, scored, and written back with two columns: what
 * `baton anomalies score` does, without the file system (the CLI reads and writes the files).
 */
import { BatonError } from '../errors.ts';
import { scoreSeries, type Sensitivity } from './detector.ts';

/** Bad CSV input: names the line or the column, and says what to change. */
export class SeriesInputError extends BatonError {
  constructor(message: string, hint?: string) {
    super('input', message, hint);
  }
}

export interface CsvTable {
  header: string[];
  /** The header record's text as written. */
  headerRaw: string;
  /** Fields of each record after the header. */
  rows: string[][];
  /** The record's text as written (without its line break), to write it back unchanged. */
  raw: string[];
  /** 1-based line of the file where each record starts. */
  lines: number[];
  /** The line break the file uses. */
  newline: '\n' | '\r\n';
}

/** RFC 4180 CSV: quoted fields (with "" for a quote, line breaks inside), LF or CRLF. */
export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const raw: string[] = [];
  const lines: number[] = [];
  let line = 1;
  let position = 0;
  const length = text.length;
  while (position < length) {
    const start = position;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let end: number;
    for (;;) {
      if (position < length && text[position] === '"') {
        const quoteLine = line;
        position++;
        for (;;) {
          if (position >= length) {
            throw new SeriesInputError(
              `Line ${quoteLine}: a quoted field is never closed.`,
              'Close the quote, or write a quote inside a quoted field as "".',
            );
          }
          const char = text[position]!;
          if (char === '"') {
            if (text[position + 1] === '"') {
              field += '"';
              position += 2;
              continue;
            }
            position++;
            break;
          }
          if (char === '\n') line++;
          field += char;
          position++;
        }
      }
      // Unquoted part (or what follows a closing quote) up to the next comma or line break.
      while (position < length) {
        const char = text[position]!;
        if (char === ',' || char === '\n' || char === '\r') break;
        field += char;
        position++;
      }
      fields.push(field);
      field = '';
      if (position >= length) {
        end = length;
        break;
      }
      const char = text[position]!;
      if (char === ',') {
        position++;
        continue;
      }
      end = position;
      position += char === '\r' && text[position + 1] === '\n' ? 2 : 1;
      line++;
      break;
    }
    const record = text.slice(start, end);
    if (record.trim() === '') continue; // blank lines
    records.push(fields);
    raw.push(record);
    lines.push(startLine);
  }
  if (records.length === 0) {
    throw new SeriesInputError(
      'The CSV file is empty.',
      'Give a header row, then one row per point.',
    );
  }
  const header = records[0]!.map((name) => name.trim());
  return {
    header,
    headerRaw: raw[0]!,
    rows: records.slice(1),
    raw: raw.slice(1),
    lines: lines.slice(1),
    newline: /\r\n/.test(text.slice(0, 100_000)) ? '\r\n' : '\n',
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Milliseconds since the epoch for an ISO date or date-time (a space instead of the T, no zone
 * = UTC), or the number itself for a plain number (an index, or epoch seconds).
 */
export function parseTime(text: string): number {
  const value = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  let iso = value.replace(/^(\d{4}-\d{2}-\d{2})[ T]/, '$1T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso)) iso += 'Z';
  return Date.parse(iso);
}

export interface Cycles {
  /** Points per seasonal cycle (1: none). */
  period: number;
  /** Points per longer cycle on top (0: none). */
  longPeriod: number;
}

/**
 * Seasonal cycles for a median time step: a week (7) for daily data; for sub-daily data a day
 * (24 for hourly, 288 for 5-minute data) and a week on top (168 for hourly); none otherwise.
 */
export function inferCycles(medianStep: number, timesAreDates: boolean): Cycles {
  const none = { period: 1, longPeriod: 0 };
  if (!timesAreDates || !(medianStep > 0)) return none;
  if (Math.abs(medianStep - DAY) <= HOUR) return { period: 7, longPeriod: 0 };
  if (medianStep < DAY) {
    const perDay = DAY / medianStep;
    const rounded = Math.round(perDay);
    if (rounded >= 2 && rounded <= 1440 && Math.abs(perDay - rounded) < 0.01 * perDay) {
      return { period: rounded, longPeriod: rounded * 7 };
    }
  }
  return none;
}

export interface ScoreCsvOptions {
  timeColumn?: string;
  valueColumn?: string;
  sensitivity?: Sensitivity;
}

export interface ScoredCsv {
  /** The input with `anomaly_score` and `is_anomaly` appended to every row. */
  text: string;
  period: number;
  longPeriod: number;
  rows: number;
  flagged: number;
}

/**
 * Scores the value column of a CSV time series. Rows are placed on a regular grid of the
 * median time step (missing steps are missing points, not neighbours), in time order; each
 * row gets the score of its own point, which depends on earlier points only.
 */
export function scoreCsv(text: string, options: ScoreCsvOptions = {}): ScoredCsv {
  const timeColumn = options.timeColumn ?? 'timestamp';
  const valueColumn = options.valueColumn ?? 'value';
  const table = parseCsv(text);
  const present = table.header.map((name) => `"${name}"`).join(', ');
  const timeIndex = table.header.indexOf(timeColumn);
  const valueIndex = table.header.indexOf(valueColumn);
  for (const [index, name, option] of [
    [timeIndex, timeColumn, '--time-column'],
    [valueIndex, valueColumn, '--value-column'],
  ] as const) {
    if (index < 0) {
      throw new SeriesInputError(
        `The CSV has no column "${name}"; its columns are ${present}.`,
        `Name the column with ${option}.`,
      );
    }
  }
  const count = table.rows.length;
  const times = new Float64Array(count);
  const values = new Float64Array(count);
  let timesAreDates = true;
  for (let row = 0; row < count; row++) {
    const fields = table.rows[row]!;
    const line = table.lines[row]!;
    const timeText = fields[timeIndex] ?? '';
    const time = parseTime(timeText);
    if (Number.isNaN(time)) {
      throw new SeriesInputError(
        `Line ${line}: "${timeText}" in column "${timeColumn}" is not a date, a date-time or a number.`,
        'Write times as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC unless a zone is given).',
      );
    }
    if (/^-?\d+(\.\d+)?$/.test(timeText.trim())) timesAreDates = false;
    times[row] = time;
    const valueText = (fields[valueIndex] ?? '').trim();
    if (valueText === '' || /^(na|nan|null|none)$/i.test(valueText)) {
      values[row] = NaN;
      continue;
    }
    const value = Number(valueText);
    if (!Number.isFinite(value)) {
      throw new SeriesInputError(
        `Line ${line}: "${valueText}" in column "${valueColumn}" is not a number.`,
        'Write numbers with a dot for decimals and no thousands separator; leave a missing value empty.',
      );
    }
    values[row] = value;
  }

  // Time order (stable), then the grid of the median step.
  const order = Array.from({ length: count }, (_, row) => row);
  order.sort((a, b) => times[a]! - times[b]! || a - b);
  const steps: number[] = [];
  for (let k = 1; k < count; k++) {
    const step = times[order[k]!]! - times[order[k - 1]!]!;
    if (step > 0) steps.push(step);
  }
  steps.sort((a, b) => a - b);
  const medianStep = steps.length > 0 ? steps[steps.length >> 1]! : 0;
  const { period, longPeriod } = inferCycles(medianStep, timesAreDates);
  const slotOf = new Int32Array(count);
  let slots = 0;
  if (medianStep > 0 && count > 0) {
    const first = times[order[0]!]!;
    const last = times[order[count - 1]!]!;
    const span = Math.round((last - first) / medianStep) + 1;
    if (span <= 10 * count + 1000) {
      for (const row of order) slotOf[row] = Math.round((times[row]! - first) / medianStep);
      slots = span;
    }
  }
  if (slots === 0) {
    // No usable step (one row, or very irregular times): each row is one point, in time order.
    order.forEach((row, position) => (slotOf[row] = position));
    slots = count;
  }
  const series = new Float64Array(slots).fill(NaN);
  const filled = new Uint8Array(slots);
  for (const row of order) {
    const slot = slotOf[row]!;
    if (filled[slot]) continue; // a second row at the same time shares the first one's point
    filled[slot] = 1;
    series[slot] = values[row]!;
  }
  const scores = scoreSeries(series, {
    period,
    longPeriod,
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });

  const newline = table.newline;
  const parts: string[] = [`${table.headerRaw},anomaly_score,is_anomaly`];
  let flagged = 0;
  for (let row = 0; row < count; row++) {
    const slot = slotOf[row]!;
    const score = scores.score[slot]!;
    const flag = values[row] !== values[row] ? 0 : scores.flag[slot]!;
    flagged += flag;
    parts.push(`${table.raw[row]},${score === score ? round(score) : 0},${flag}`);
  }
  return { text: parts.join(newline) + newline, period, longPeriod, rows: count, flagged };
}

function round(score: number): string {
  return String(Math.round(score * 1e6) / 1e6);
}
