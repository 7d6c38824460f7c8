import { describe, expect, it } from 'vitest';
import { buildGraph, type CellReads } from '../../src/dag/graph.ts';
import type { Cell, Notebook } from '../../src/notebook/types.ts';

/** Cells whose reads are given directly: `reads` stands in for DuckDB's parser. */
function notebookOf(cells: Array<{ name?: string; reads?: string[]; parameters?: string[] }>) {
  const reads = new Map<string, CellReads>();
  const list: Cell[] = cells.map((spec, index) => {
    const id = spec.name ?? `_anon${index}`;
    reads.set(id, { tables: spec.reads ?? [], parameters: spec.parameters ?? [] });
    return {
      id,
      kind: 'sql',
      name: spec.name,
      attributes: {},
      body: `-- ${id}`,
      line: index * 5 + 3,
      bodyLine: index * 5 + 4,
    };
  });
  const notebook: Notebook = {
    frontMatter: { title: 'Test', inputs: [], raw: { title: 'Test' } },
    blocks: list.map((cell) => ({ type: 'cell', cell })),
    cells: list,
  };
  const context = {
    catalog: new Set(['campaign_daily', 'main.campaign_daily', 'raw_demo.ad_daily']),
    readsOf: async (cell: Cell) => reads.get(cell.id)!,
  };
  return { notebook, context };
}

describe('buildGraph', () => {
  it('orders cells after the cells they read, file order otherwise', async () => {
    const { notebook, context } = notebookOf([
      { name: 'report', reads: ['by_platform', 'totals'] },
      { name: 'totals', reads: ['daily'] },
      { name: 'by_platform', reads: ['daily'] },
      { name: 'daily', reads: ['campaign_daily'] },
    ]);
    const graph = await buildGraph(notebook, context);
    expect(graph.order).toEqual(['daily', 'totals', 'by_platform', 'report']);
    expect(graph.nodes.get('daily')!.external).toEqual(['campaign_daily']);
    expect(graph.nodes.get('report')!.upstream).toEqual(['by_platform', 'totals']);
    expect([...graph.nodes.values()].every((node) => node.error === undefined)).toBe(true);
  });

  it('reads qualified warehouse tables and keeps parameters', async () => {
    const { notebook, context } = notebookOf([
      { name: 'ads', reads: ['raw_demo.ad_daily'], parameters: ['period_start'] },
    ]);
    const node = (await buildGraph(notebook, context)).nodes.get('ads')!;
    expect(node.external).toEqual(['raw_demo.ad_daily']);
    expect(node.parameters).toEqual(['period_start']);
  });

  it('puts an error on a cell that reads an unknown name, not on the others', async () => {
    const { notebook, context } = notebookOf([
      { name: 'a', reads: ['campain_daily'] },
      { name: 'b', reads: ['campaign_daily'] },
    ]);
    const graph = await buildGraph(notebook, context);
    expect(graph.nodes.get('a')!.error).toMatchObject({
      kind: 'dependency',
      message: expect.stringContaining('"campain_daily" is neither a cell'),
    });
    expect(graph.nodes.get('b')!.error).toBeUndefined();
  });

  it('puts an error on a duplicate name, naming the line of the first', async () => {
    const { notebook, context } = notebookOf([{ name: 'a' }, { name: 'b' }]);
    notebook.cells[1]!.name = 'a';
    notebook.cells[1]!.id = 'a2';
    const graph = await buildGraph(notebook, {
      ...context,
      readsOf: async () => ({ tables: [], parameters: [] }),
    });
    expect(graph.nodes.get('a')!.error).toBeUndefined();
    expect(graph.nodes.get('a2')!.error?.message).toBe(
      'The name "a" is already used by the cell on line 3.',
    );
  });

  it('refuses a cell name that shadows a workspace table', async () => {
    const { notebook, context } = notebookOf([{ name: 'campaign_daily' }]);
    const graph = await buildGraph(notebook, context);
    expect(graph.nodes.get('campaign_daily')!.error?.message).toContain(
      'already a table of the workspace',
    );
  });

  it('marks the cells of a cycle, and orders the cells below them after them', async () => {
    const { notebook, context } = notebookOf([
      { name: 'below', reads: ['x'] },
      { name: 'x', reads: ['y'] },
      { name: 'y', reads: ['x'] },
      { name: 'free', reads: ['campaign_daily'] },
      { name: 'self', reads: ['self'] },
    ]);
    const graph = await buildGraph(notebook, context);
    expect(graph.nodes.get('x')!.error?.message).toBe(
      'These cells read each other in a cycle: x, y.',
    );
    expect(graph.nodes.get('y')!.error?.kind).toBe('dependency');
    expect(graph.nodes.get('self')!.error?.message).toBe('The cell "self" reads itself.');
    expect(graph.nodes.get('below')!.error).toBeUndefined();
    expect(graph.nodes.get('free')!.error).toBeUndefined();
    expect(graph.order.indexOf('below')).toBeGreaterThan(graph.order.indexOf('x'));
    expect(graph.order).toHaveLength(5);
  });

  it('turns a parse failure into an error on that cell', async () => {
    const { notebook, context } = notebookOf([{ name: 'a' }, { name: 'b' }]);
    const failing = {
      ...context,
      readsOf: async (cell: Cell) => {
        if (cell.id === 'a')
          throw Object.assign(new Error('Parser Error: syntax error at or near "form"'), {
            kind: 'query',
            hint: 'Fix the SQL.',
          });
        return { tables: [], parameters: [] };
      },
    };
    const graph = await buildGraph(notebook, failing);
    expect(graph.nodes.get('a')!.error).toEqual({
      kind: 'query',
      message: 'Parser Error: syntax error at or near "form"',
      hint: 'Fix the SQL.',
    });
    expect(graph.nodes.get('b')!.error).toBeUndefined();
  });
});
