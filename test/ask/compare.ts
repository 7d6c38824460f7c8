/**
 * Execution-result comparison for the `ask` question set: does the engine's result hold the same
 * answer as the reference SQL's? Column names are ignored (the engine may name a column
 * `cost_per_acquisition` where the reference says `cpa`) and the engine may add columns, but each
 * reference column must be matched by a distinct engine column with the same values, and the row
 * counts must be equal. Row order counts only when the reference query orders its rows.
 */
import type { QueryResult, SqlValue } from '@baton/core/engine';

/** The columns and rows of a result, as `warehouse.query` returns them. */
export type ResultTable = Pick<QueryResult, 'columns' | 'data' | 'rowCount'>;

export interface CompareOptions {
  /** Compare rows in order (the reference SQL's outer query has ORDER BY); else as multisets. */
  ordered: boolean;
}

export type Comparison = { type: 'result-matched' } | { type: 'result-differed'; reason: string };

const RELATIVE_TOLERANCE = 1e-6;
const ABSOLUTE_TOLERANCE = 1e-9;
/** Column matchings tried on unordered results before giving up (ties between equal columns). */
const MAX_MATCHINGS = 200;

/** A value reduced to what the comparison looks at: numbers, text, dates as `YYYY-MM-DD`, NULL. */
type Normal = null | number | string | boolean | Normal[];

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00:00(?:\.0+)?(?:Z|[+-]00(?::?00)?)?)?$/;

/** Numbers of every width as JS numbers, dates (and midnight timestamps) as `YYYY-MM-DD`. */
export function normalizeValue(value: SqlValue | undefined): Normal {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map((item) => normalizeValue(item));
  const date = MIDNIGHT.exec(value);
  return date ? date[1]! : value;
}

/** Equal within 1e-6 relative (1e-9 absolute near 0) for numbers; NULL equals NULL only. */
export function valuesEqual(expected: Normal, actual: Normal): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected) || Number.isNaN(actual))
      return Number.isNaN(expected) && Number.isNaN(actual);
    if (expected === actual) return true;
    const difference = Math.abs(expected - actual);
    if (difference <= ABSOLUTE_TOLERANCE) return true;
    return difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return (
      expected.length === actual.length &&
      expected.every((item, index) => valuesEqual(item, actual[index]!))
    );
  }
  return expected === actual;
}

/** A value as a mismatch message shows it. */
export function showValue(value: Normal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  return String(value);
}

/** A key that sorts values of different kinds apart: NULLs, then numbers, then the rest. */
function sortKey(value: Normal): string {
  if (value === null) return '0';
  if (typeof value === 'number') return '1';
  return `2${JSON.stringify(value)}`;
}

/** Column-wise: the same values in the same order, or the same multiset of values. */
function columnsAgree(expected: Normal[], actual: Normal[], ordered: boolean): boolean {
  if (ordered) return expected.every((value, row) => valuesEqual(value, actual[row]!));
  const left = [...expected].sort(compareNormals);
  const right = [...actual].sort(compareNormals);
  return left.every((value, row) => valuesEqual(value, right[row]!));
}

function compareNormals(left: Normal, right: Normal): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = sortKey(left);
  const b = sortKey(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every assignment of reference columns to distinct compatible engine columns, lazily. */
function* matchings(
  candidates: number[][],
  taken = new Set<number>(),
  at = 0,
): Generator<number[]> {
  if (at === candidates.length) {
    yield [];
    return;
  }
  for (const column of candidates[at]!) {
    if (taken.has(column)) continue;
    taken.add(column);
    for (const rest of matchings(candidates, taken, at + 1)) yield [column, ...rest];
    taken.delete(column);
  }
}

/** The first reference row with no equal row left in the engine's rows, if any. */
function unmatchedRow(expected: Normal[][], actual: Normal[][]): number | undefined {
  const used = new Array<boolean>(actual.length).fill(false);
  // Exact keys first, so tolerance only decides between rows that differ by rounding.
  const exact = new Map<string, number[]>();
  actual.forEach((row, index) => {
    const key = JSON.stringify(row);
    exact.set(key, [...(exact.get(key) ?? []), index]);
  });
  const pending: number[] = [];
  expected.forEach((row, index) => {
    const same = exact.get(JSON.stringify(row))?.find((candidate) => !used[candidate]);
    if (same === undefined) pending.push(index);
    else used[same] = true;
  });
  for (const index of pending) {
    const row = expected[index]!;
    const found = actual.findIndex(
      (candidate, at) =>
        !used[at] && row.every((value, column) => valuesEqual(value, candidate[column]!)),
    );
    if (found < 0) return index;
    used[found] = true;
  }
  return undefined;
}

function columnName(table: ResultTable, index: number): string {
  return table.columns[index]?.name ?? `#${index + 1}`;
}

/** Why the closest engine column differs from a reference column: the first differing row. */
function describeColumnMiss(
  expected: ResultTable,
  actual: ResultTable,
  expectedColumns: Normal[][],
  actualColumns: Normal[][],
  index: number,
  ordered: boolean,
): string {
  const reference = expectedColumns[index]!;
  const name = columnName(expected, index);
  // The closest column: the same name if the engine kept it, else the one agreeing on most rows.
  let best = actual.columns.findIndex((column) => column.name === name);
  if (best < 0) {
    let bestScore = -1;
    actualColumns.forEach((values, candidate) => {
      const score = values.filter((value, row) => valuesEqual(reference[row]!, value)).length;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    });
  }
  const prefix = `no engine column has the values of reference column ${index + 1} (${name})`;
  if (best < 0) return prefix;
  const left = ordered ? reference : [...reference].sort(compareNormals);
  const right = ordered ? actualColumns[best]! : [...actualColumns[best]!].sort(compareNormals);
  const row = left.findIndex((value, at) => !valuesEqual(value, right[at]!));
  const where = ordered ? `row ${row + 1}` : `sorted value ${row + 1}`;
  return `${prefix}; closest is engine column ${best + 1} (${columnName(actual, best)}), which differs at ${where}: expected ${showValue(left[row]!)}, got ${showValue(right[row]!)}`;
}

/**
 * Compares an engine result with the reference result.
 *
 * @example compareResults(reference, engine, { ordered: hasOuterOrderBy(question.sql) })
 */
export function compareResults(
  expected: ResultTable,
  actual: ResultTable,
  { ordered }: CompareOptions,
): Comparison {
  if (expected.rowCount !== actual.rowCount) {
    return {
      type: 'result-differed',
      reason: `expected ${expected.rowCount} row(s), got ${actual.rowCount}`,
    };
  }
  if (actual.columns.length < expected.columns.length) {
    return {
      type: 'result-differed',
      reason: `expected at least ${expected.columns.length} column(s), got ${actual.columns.length}`,
    };
  }
  const expectedColumns = expected.data.map((values) => values.map(normalizeValue));
  const actualColumns = actual.data.map((values) => values.map(normalizeValue));
  const candidates = expectedColumns.map((reference) =>
    actualColumns.flatMap((values, index) =>
      columnsAgree(reference, values, ordered) ? [index] : [],
    ),
  );
  const lonely = candidates.findIndex((list) => list.length === 0);
  if (lonely >= 0) {
    return {
      type: 'result-differed',
      reason: describeColumnMiss(expected, actual, expectedColumns, actualColumns, lonely, ordered),
    };
  }
  let tried = 0;
  let firstMiss: string | undefined;
  for (const matching of matchings(candidates)) {
    // In order, columns that agree one by one make rows that agree: any matching will do.
    if (ordered) return { type: 'result-matched' };
    const rows = (columns: Normal[][]) =>
      Array.from({ length: expected.rowCount }, (_, row) => columns.map((values) => values[row]!));
    const expectedRows = rows(expectedColumns);
    const actualRows = rows(matching.map((index) => actualColumns[index]!));
    const missing = unmatchedRow(expectedRows, actualRows);
    if (missing === undefined) return { type: 'result-matched' };
    firstMiss ??= `reference row ${missing + 1} (${expectedRows[missing]!.map(showValue).join(', ')}) has no equal row in the engine's result`;
    if (++tried >= MAX_MATCHINGS) break;
  }
  return {
    type: 'result-differed',
    reason:
      firstMiss ??
      'no assignment of distinct engine columns matches the reference columns (two reference columns want the same engine column)',
  };
}

/**
 * Whether the outer query orders its rows: an ORDER BY outside parentheses, strings, quoted
 * names and comments (a window's `over (order by ...)` or a subquery's does not count).
 */
export function hasOuterOrderBy(sql: string): boolean {
  let depth = 0;
  let code = '';
  for (let at = 0; at < sql.length; at++) {
    const char = sql[at]!;
    if (char === "'" || char === '"') {
      const end = sql.indexOf(char, at + 1);
      at = end < 0 ? sql.length : end;
      code += ' ';
    } else if (char === '-' && sql[at + 1] === '-') {
      const end = sql.indexOf('\n', at);
      at = end < 0 ? sql.length : end;
      code += ' ';
    } else if (char === '/' && sql[at + 1] === '*') {
      const end = sql.indexOf('*/', at + 2);
      at = end < 0 ? sql.length : end + 1;
      code += ' ';
    } else if (char === '(') {
      depth++;
      code += ' ';
    } else if (char === ')') {
      depth--;
      code += ' ';
    } else {
      code += depth === 0 ? char : ' ';
    }
  }
  return /\border\s+by\b/i.test(code);
}
