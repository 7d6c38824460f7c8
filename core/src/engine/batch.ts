/**
 * Row objects (what connectors and APIs hand out) to a `ColumnarBatch` (what `ingest` takes).
 */
import type { ColumnarBatch, SqlValue } from './types.ts';

type Row = Readonly<Record<string, SqlValue | undefined>>;
type Extract = (rows: readonly Row[]) => SqlValue[][];

const extractors = new Map<string, Extract>();

/**
 * Transposes rows into columns. `columns` defaults to the first row's keys; a key missing from a
 * row (or `undefined`) becomes NULL, keys not listed are ignored.
 *
 * @example rowsToBatch([{ date: '2026-01-01', clicks: 3 }]) // { columns: ['date', 'clicks'], data: [['2026-01-01'], [3]] }
 */
export function rowsToBatch(
  rows: readonly Row[],
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
): ColumnarBatch {
  const signature = JSON.stringify(columns);
  let extract = extractors.get(signature);
  if (!extract) {
    extract = compileExtractor(columns);
    extractors.set(signature, extract);
  }
  return { columns: [...columns], data: extract(rows) };
}

/**
 * One loop with a literal property load per column. Why generated code: a loop reading
 * `row[key]` with a variable key makes V8's property lookup megamorphic across columns, which
 * measured about 3x slower on 1M 11-column rows (~650 ms against ~200 ms). The keys enter the
 * code only as JSON string literals, so no key can inject code.
 */
function compileExtractor(columns: readonly string[]): Extract {
  const declare = columns.map((_, index) => `const c${index} = new Array(n);`).join('\n');
  const copy = columns
    .map((key, index) => {
      const literal = JSON.stringify(key);
      // `constructor`, `toString`...: read own properties only, never Object.prototype's.
      const read =
        key in Object.prototype
          ? `Object.hasOwn(row, ${literal}) ? row[${literal}] : undefined`
          : `row[${literal}]`;
      return `v = ${read}; c${index}[i] = v === undefined ? null : v;`;
    })
    .join('\n');
  const body = `const n = rows.length;\n${declare}\nlet v;\nfor (let i = 0; i < n; i++) {\nconst row = rows[i];\n${copy}\n}\nreturn [${columns.map((_, index) => `c${index}`).join(', ')}];`;
  return new Function('rows', body) as Extract;
}
