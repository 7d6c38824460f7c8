import type { Cell, Notebook } from '../notebook/types.ts';
import type { CellError } from '../run/types.ts';

/** What a cell reads, as found by DuckDB's parser (sql) or the cell's spec (chart, check...). */
export interface CellReads {
  /** Table names the cell reads, as written (lower-cased), qualified or not. */
  tables: string[];
  /** Named parameters the cell binds (`$period_start` → `period_start`). */
  parameters: string[];
}

export interface CellNode {
  cell: Cell;
  /** Ids of the cells this one reads. */
  upstream: string[];
  /** Warehouse tables and views this one reads (not cells). */
  external: string[];
  parameters: string[];
  /** Set when the cell cannot run: its reads cannot be resolved, or its name is taken. */
  error?: CellError;
}

export interface NotebookGraph {
  nodes: Map<string, CellNode>;
  /** Cell ids in an order where every cell comes after the cells it reads (file order otherwise). */
  order: string[];
}

export interface GraphContext {
  /** Finds what a cell reads; throws a BatonError for a cell that cannot be parsed. */
  readsOf(cell: Cell): Promise<CellReads>;
  /** Names of the warehouse's tables and views, lower-cased, both bare and schema-qualified. */
  catalog: ReadonlySet<string>;
}

/**
 * Builds the dependency graph of a notebook. Problems (an unknown name, a duplicate name, a
 * cycle, a cell that does not parse) become errors on the cells concerned, never exceptions.
 */
export async function buildGraph(
  notebook: Notebook,
  context: GraphContext,
): Promise<NotebookGraph> {
  const nodes = new Map<string, CellNode>();
  const idByName = new Map<string, string>();

  for (const cell of notebook.cells) {
    const node: CellNode = { cell, upstream: [], external: [], parameters: [] };
    nodes.set(cell.id, node);
    if (cell.name === undefined) continue;
    const name = cell.name.toLowerCase();
    const firstId = idByName.get(name);
    if (firstId !== undefined) {
      const first = nodes.get(firstId)!.cell;
      node.error = dependencyError(
        `The name "${cell.name}" is already used by the cell on line ${first.line}.`,
        'Give each cell a unique name.',
      );
    } else if (context.catalog.has(name)) {
      node.error = dependencyError(
        `The name "${cell.name}" is already a table of the workspace.`,
        `Rename the cell, so that reading "${cell.name}" stays unambiguous.`,
      );
    } else {
      idByName.set(name, cell.id);
    }
  }

  for (const node of nodes.values()) {
    if (node.error) continue;
    let reads: CellReads;
    try {
      reads = await context.readsOf(node.cell);
    } catch (error) {
      node.error = asCellError(error);
      continue;
    }
    node.parameters = reads.parameters;
    for (const table of reads.tables) {
      const name = table.toLowerCase();
      const cellId = idByName.get(name);
      if (cellId === node.cell.id) {
        node.error = dependencyError(
          `The cell "${table}" reads itself.`,
          'Read another cell or table.',
        );
      } else if (cellId !== undefined) {
        if (!node.upstream.includes(cellId)) node.upstream.push(cellId);
      } else if (context.catalog.has(name)) {
        if (!node.external.includes(name)) node.external.push(name);
      } else {
        node.error = dependencyError(
          `"${table}" is neither a cell of this notebook nor a table of the workspace.`,
          'Check the spelling, or name the cell you meant to read.',
        );
      }
    }
  }

  return { nodes, order: topologicalOrder(nodes) };
}

/**
 * Kahn's algorithm, taking ready cells in file order. When nothing is ready, the cells on a
 * cycle get an error and are placed, so the cells below them still come after them.
 */
function topologicalOrder(nodes: Map<string, CellNode>): string[] {
  const fileOrder = [...nodes.keys()];
  const placed = new Set<string>();
  const isReady = (id: string) => nodes.get(id)!.upstream.every((upstream) => placed.has(upstream));
  while (placed.size < nodes.size) {
    const next = fileOrder.find((id) => !placed.has(id) && isReady(id));
    if (next !== undefined) {
      placed.add(next);
      continue;
    }
    const onCycle = fileOrder.filter((id) => !placed.has(id) && reachesItself(id, nodes, placed));
    const names = onCycle.map((id) => nodes.get(id)!.cell.name ?? id);
    for (const id of onCycle) {
      nodes.get(id)!.error ??= dependencyError(
        `These cells read each other in a cycle: ${names.join(', ')}.`,
        'Break the cycle: a cell may only read cells that do not read it back.',
      );
      placed.add(id);
    }
  }
  return [...placed];
}

function reachesItself(start: string, nodes: Map<string, CellNode>, placed: Set<string>): boolean {
  const seen = new Set<string>();
  const stack = [...nodes.get(start)!.upstream];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === start) return true;
    if (seen.has(id) || placed.has(id)) continue;
    seen.add(id);
    stack.push(...nodes.get(id)!.upstream);
  }
  return false;
}

function dependencyError(message: string, hint: string): CellError {
  return { kind: 'dependency', message, hint };
}

/** Turns anything thrown into a CellError, keeping a BatonError's kind and hint. */
export function asCellError(error: unknown): CellError {
  if (error instanceof Error) {
    const { kind, hint } = error as Error & { kind?: unknown; hint?: unknown };
    return {
      kind: typeof kind === 'string' ? kind : 'query',
      message: error.message,
      ...(typeof hint === 'string' ? { hint } : {}),
    };
  }
  return { kind: 'query', message: String(error) };
}
