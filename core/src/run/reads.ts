import type { Warehouse } from '../engine/index.ts';
import { BatonError } from '../errors.ts';
import { parseCellSpec } from '../notebook/index.ts';
import type { Cell } from '../notebook/types.ts';
import type { CellReads } from '../dag/graph.ts';

/**
 * What a cell reads: for SQL, the tables DuckDB's parser finds; for the other kinds, the cells
 * their spec names (`data:` of a chart, `on:` of a check, `from:` of a recommendation).
 */
export async function readsOf(
  cell: Cell,
  warehouse: Pick<Warehouse, 'inspect'>,
): Promise<CellReads> {
  if (cell.kind === 'sql') {
    const { tablesRead, parameters } = await warehouse.inspect(cell.body);
    return { tables: tablesRead, parameters };
  }
  const parsed = parseCellSpec(cell);
  if (!('spec' in parsed)) {
    const message = parsed.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('\n');
    throw new BatonError('invalid', message, 'Fix the cell and run again.');
  }
  const spec = parsed.spec as Record<string, unknown>;
  switch (cell.kind) {
    case 'chart':
      return { tables: [String(spec.data)], parameters: [] };
    case 'check':
      return { tables: [String(spec.on)], parameters: [] };
    case 'recommend':
      return { tables: toList(spec.from), parameters: [] };
    case 'ask':
      return typeof spec.sql === 'string'
        ? readsOf({ ...cell, kind: 'sql', body: spec.sql }, warehouse)
        : { tables: [], parameters: [] };
  }
}

function toList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
