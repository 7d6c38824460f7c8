/**
 * A computed result as a temp table of a run's session, so later cells read it by name like
 * any cell's: a check cell's alerts (`select * from cpa_spikes where impact > 100`).
 */
import { quoteIdentifier, type WarehouseSession } from '../engine/index.ts';
import type { QueryResult, SqlParams } from '../engine/types.ts';

/** Rows per INSERT: a few thousand bound values at most. */
const ROWS_PER_INSERT = 200;

/**
 * Creates (or replaces) temp table `name` with `result`'s columns and rows, every value bound
 * as a parameter.
 *
 * @example await tempTableOf(session, 'cpa_spikes', run.result)
 */
export async function tempTableOf(
  session: WarehouseSession,
  name: string,
  result: QueryResult,
): Promise<void> {
  const table = quoteIdentifier(name);
  const columns = result.columns.map(
    (column) => `${quoteIdentifier(column.name)} ${safeType(column.type)}`,
  );
  await session.execute(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.join(', ')})`);
  for (let first = 0; first < result.rowCount; first += ROWS_PER_INSERT) {
    const last = Math.min(result.rowCount, first + ROWS_PER_INSERT);
    const params: SqlParams = {};
    const rows: string[] = [];
    for (let row = first; row < last; row++) {
      const values = result.data.map((column, index) => {
        const param = `v${row - first}_${index}`;
        params[param] = column[row] ?? null;
        return `$${param}`;
      });
      rows.push(`(${values.join(', ')})`);
    }
    await session.execute(`INSERT INTO ${table} VALUES ${rows.join(', ')}`, params);
  }
}

/** A column type as the DDL may say it: the few a computed result has, else text. */
function safeType(type: string): string {
  return /^(VARCHAR|DATE|DOUBLE|INTEGER|BIGINT|BOOLEAN|TIMESTAMP)$/.test(type) ? type : 'VARCHAR';
}
