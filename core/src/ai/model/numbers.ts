/**
 * The number check of AI prose: every number a sentence writes must be one of the figures its
 * actions rest on. Usual formattings are accepted: `1,234.5`, `1 234,5`, `€61.70`, `12%` for 0.12
 * or 12, `1.2k`, and rounding to the precision shown (`€62` for 61.7).
 */
import type { Action } from '../types.ts';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const MONTHS: [number, string][] = [
  [1, 'january|jan|janvier|janv'],
  [2, 'february|feb|février|fevrier|févr|fevr'],
  [3, 'march|mar|mars'],
  [4, 'april|apr|avril|avr'],
  [5, 'may|mai'],
  [6, 'june|jun|juin'],
  [7, 'july|jul|juillet|juil'],
  [8, 'august|aug|août|aout'],
  [9, 'september|sept|sep'],
  [10, 'october|oct|octobre'],
  [11, 'november|nov|novembre'],
  [12, 'december|dec|décembre|decembre|déc'],
];
const MONTH = `(${MONTHS.flatMap(([, names]) => names.split('|')).join('|')})`;
const ORDINAL = '(?:st|nd|rd|th|er)?';
/** "14 March", "1-14 March 2026", "du 1er au 14 mars", "March 14, 2026", "March 2026". */
const WRITTEN_DATES = [
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(\\d{1,2})${ORDINAL}\\s*(?:-|–|—|to|au|à|and|et)\\s*)?(\\d{1,2})${ORDINAL}\\s+${MONTH}(?!\\p{L})(?:,?\\s+(\\d{4}))?`,
    'giu',
  ),
  new RegExp(
    `(?<![\\p{L}\\p{N}])${MONTH}\\s+(?:(\\d{1,2})${ORDINAL}\\s*(?:-|–|—|to|and)\\s*)?(\\d{1,2})${ORDINAL}(?![\\p{L}\\p{N}])(?:,?\\s+(\\d{4}))?`,
    'giu',
  ),
];
/**
 * A number as written: digit groups separated by `,` `.` `'` or a space before exactly three
 * digits, an optional decimal part, an optional `%`, `k`, `M` or `bn`. Not preceded by a letter
 * or a digit, so `Q3`, `H1` or `v2` are names, not numbers.
 */
const NUMBER =
  /(?<![\p{L}\p{N}_])(\d{1,3}(?:(?:[,.'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s?(%|k|K|M|bn)(?!\p{L}))?/gu;
const SCALE: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, bn: 1e9 };

/** The figures of a set of actions a sentence may cite. */
export interface CitableFigures {
  /** Absolute values: evidence values, label numbers and years, the actions' impacts and confidences. */
  values: number[];
  /** ISO dates of the evidence (start and end). */
  dates: Set<string>;
  /** Names and ids whose digits are not numbers (`Summer 2026`). */
  names: string[];
}

export function citableFigures(actions: readonly Action[]): CitableFigures {
  const values: number[] = [];
  const dates = new Set<string>();
  const names = new Set<string>();
  for (const action of actions) {
    // Every figure of the action but its rank (impact, confidence, a shift's daily amount...),
    // and every name and id (`campaign_name`, `to.campaign_id`...), read whatever fields it has.
    collect(action, { values, names }, ['priority', 'evidence']);
    for (const evidence of action.evidence) {
      values.push(...Object.values(evidence.values));
      for (const token of numberTokens(evidence.label)) {
        values.push(...token.readings.map((reading) => reading.value));
      }
      for (const date of [evidence.start, evidence.end]) {
        dates.add(date);
        // "March 2026", "in 2026": the year alone.
        values.push(Number(date.slice(0, 4)));
      }
      for (const value of Object.values(evidence.filter)) if (value) names.add(value);
    }
  }
  return {
    values: values.filter((value) => Number.isFinite(value)).map(Math.abs),
    dates,
    // Longest first, so "Brand FR 2" is removed before "Brand FR".
    names: [...names].sort((a, b) => b.length - a.length),
  };
}

/** The numbers of `sentence`, as written, that none of the figures supports. */
export function unsupportedNumbers(sentence: string, figures: CitableFigures): string[] {
  let text = sentence;
  for (const name of figures.names) text = replaceAllInsensitive(text, name, ' ');
  const missing: string[] = [];
  text = text.replace(ISO_DATE, (date) => {
    if (!figures.dates.has(date)) missing.push(date);
    return ' ';
  });
  const [dayMonth, monthDay] = WRITTEN_DATES as [RegExp, RegExp];
  text = text.replace(
    dayMonth,
    (whole, first?: string, day?: string, month?: string, year?: string) =>
      writtenDate(whole, [first, day], month, year, figures, missing),
  );
  text = text.replace(
    monthDay,
    (whole, month?: string, first?: string, day?: string, year?: string) =>
      writtenDate(whole, [first, day], month, year, figures, missing),
  );
  for (const token of numberTokens(text)) {
    if (!token.readings.some((reading) => supported(reading, figures.values)))
      missing.push(token.text);
  }
  return missing;
}

/** Numbers of `value` (recursively) into `values`, strings of `*_name` and `*_id` fields into `names`. */
function collect(
  value: unknown,
  into: { values: number[]; names: Set<string> },
  skip: readonly string[] = [],
): void {
  if (typeof value === 'number') into.values.push(value);
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (skip.includes(key)) continue;
    if (typeof field === 'string' && (key.endsWith('_name') || key.endsWith('_id'))) {
      if (field) into.names.add(field);
    } else collect(field, into);
  }
}

/** A written date is cited when each of its days is an evidence date (`missing` gets it if not). */
function writtenDate(
  whole: string,
  days: (string | undefined)[],
  monthName: string | undefined,
  year: string | undefined,
  figures: CitableFigures,
  missing: string[],
): string {
  const name = (monthName ?? '').toLowerCase();
  const month = MONTHS.find(([, names]) => names.split('|').includes(name))?.[0];
  const cited = days
    .filter((day): day is string => day !== undefined)
    .every((day) =>
      [...figures.dates].some(
        (date) =>
          Number(date.slice(8, 10)) === Number(day) &&
          Number(date.slice(5, 7)) === month &&
          (year === undefined || date.startsWith(year)),
      ),
    );
  if (!cited) missing.push(whole.trim());
  return ' ';
}

interface Reading {
  value: number;
  /** Half a unit of the last digit shown, times the suffix's scale. */
  tolerance: number;
  percent: boolean;
}

interface NumberToken {
  text: string;
  readings: Reading[];
}

function numberTokens(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [whole, digits = '', suffix] = match;
    const scale = suffix && suffix !== '%' ? SCALE[suffix]! : 1;
    tokens.push({
      text: whole.trim(),
      readings: readings(digits).map(({ value, decimals }) => ({
        value: value * scale,
        tolerance: 0.5 * 10 ** -decimals * scale,
        percent: suffix === '%',
      })),
    });
  }
  return tokens;
}

/** The values `digits` can mean: `1,234` is 1234; `61,70` is 61.7; `1.234,5` is 1234.5. */
function readings(digits: string): { value: number; decimals: number }[] {
  const compact = digits.replace(/[\s'’]/gu, '');
  const commas = compact.split(',').length - 1;
  const dots = compact.split('.').length - 1;
  if (commas === 0 && dots === 0) return [{ value: Number(compact), decimals: 0 }];
  const decimal = (separator: string) => {
    const at = compact.lastIndexOf(separator);
    const whole = compact.slice(0, at).replace(/[.,]/g, '');
    const fraction = compact.slice(at + 1);
    return { value: Number(`${whole}.${fraction}`), decimals: fraction.length };
  };
  const grouped = () => ({ value: Number(compact.replace(/[.,]/g, '')), decimals: 0 });
  if (commas > 0 && dots > 0)
    return [decimal(compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.')];
  const separator = commas > 0 ? ',' : '.';
  if (commas + dots > 1) return [grouped()];
  // One separator before exactly three digits groups thousands (1,234 or 1.234 is 1234), except
  // after a zero (0,034 is a rate).
  const fractionDigits = compact.length - compact.lastIndexOf(separator) - 1;
  return fractionDigits === 3 && !/^0[.,]/.test(compact) ? [grouped()] : [decimal(separator)];
}

function supported(reading: Reading, values: readonly number[]): boolean {
  // A little slack for binary fractions (61.7 is not exactly 61.7).
  const slack = reading.tolerance + 1e-9 * Math.max(1, reading.value);
  return values.some(
    (value) =>
      Math.abs(reading.value - value) <= slack ||
      (reading.percent && Math.abs(reading.value - value * 100) <= slack),
  );
}

function replaceAllInsensitive(text: string, search: string, replacement: string): string {
  const escaped = search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(escaped, 'giu'), replacement);
}
