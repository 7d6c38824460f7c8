/**
 * How a result column is shown: its label and its value format, from its DuckDB type and, for
 * numbers, the common marketing names (spend, CPA, CTR...) so money reads as money.
 */
import type { ColumnInfo, SqlValue } from '../engine/types.ts';
import type { ValueFormat } from './format.ts';

const INTEGER_TYPES = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*|UHUGEINT)$/;
const FRACTIONAL_TYPES = /^(DOUBLE|FLOAT|REAL|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** Name words of money columns: `spend`, `total_cost`, `avg_cpc`, `conversion_value`. */
const MONEY_WORDS = new Set([
  'spend',
  'cost',
  'costs',
  'revenue',
  'cpa',
  'cpc',
  'cpm',
  'budget',
  'profit',
  'sales',
]);
const MONEY_NAMES = /(conversion|purchase|order)s?_value/;
/** Name words of ratios stored as fractions (0.034 is 3.4 %). */
const RATIO_WORDS = new Set(['ctr', 'cvr', 'rate', 'share', 'change', 'growth']);
/** Name words of percentages in points (`spend_change_pct` 9.5 is 9.5 %). */
const PERCENT_WORDS = new Set(['pct', 'percent']);
/** Relative changes: `spend_vs_previous` is +12 %, not money. */
const CHANGE_NAMES = /_vs_[a-z0-9]+$/;

export function isNumericType(type: string): boolean {
  const upper = type.toUpperCase();
  return INTEGER_TYPES.test(upper) || FRACTIONAL_TYPES.test(upper);
}

/** Marketing acronyms kept in capitals in labels. */
const ACRONYMS = new Set([
  'cpa',
  'cpc',
  'cpm',
  'ctr',
  'cvr',
  'roas',
  'roi',
  'aov',
  'ltv',
  'seo',
  'sea',
  'kpi',
  'id',
  'utm',
]);

/** `conversion_value` → `Conversion value`, `avg_cpa` → `Avg CPA`. */
export function humanize(name: string): string {
  const words = name.split(/_+/).filter(Boolean);
  const text = words
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The format of a column; `values` decide whether a DOUBLE column needs decimals. */
export function columnFormat(column: ColumnInfo, values: readonly SqlValue[]): ValueFormat {
  const type = column.type.toUpperCase();
  if (type === 'DATE') return { type: 'date' };
  if (type.startsWith('TIMESTAMP')) return { type: 'datetime' };
  if (!isNumericType(type)) return { type: 'text' };
  const words = column.name.toLowerCase().split(/[^a-z0-9]+/);
  const last = words[words.length - 1] ?? '';
  if (PERCENT_WORDS.has(last)) return { type: 'percent', digits: 1, points: true };
  // A ratio names what it divides last: `spend_share` is a share, not money.
  if (RATIO_WORDS.has(last) || CHANGE_NAMES.test(column.name.toLowerCase())) {
    return { type: 'percent', digits: 1 };
  }
  const money =
    words.some((word) => MONEY_WORDS.has(word)) || MONEY_NAMES.test(column.name.toLowerCase());
  if (money && last !== 'count') return { type: 'currency' };
  if (INTEGER_TYPES.test(type)) return { type: 'number', digits: 0 };
  const scale = /^DECIMAL\(\d+,\s*(\d+)\)$/.exec(type)?.[1];
  if (scale !== undefined) return { type: 'number', digits: Math.min(Number(scale), 2) };
  const whole = values.every((value) => typeof value !== 'number' || Number.isInteger(value));
  return { type: 'number', digits: whole ? 0 : 2 };
}
