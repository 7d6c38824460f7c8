import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/engine/index.ts';
import { parseNotebook } from '../../src/notebook/index.ts';
import { NotebookRunner, type RunEvent } from '../../src/run/index.ts';

let dir: string;
let warehouse: Warehouse;
/** Counts the cell queries that really ran (materialize calls), through the warehouse's own door. */
let executed = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-run-'));
  const opened = await Warehouse.open({
    path: path.join(dir, 'w.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  await opened.execute(
    `create table sales (date date, platform varchar, spend decimal(18,2), conversions double)`,
  );
  await opened.ingest('sales', {
    columns: ['date', 'platform', 'spend', 'conversions'],
    data: [
      ['2026-11-01', '2026-11-01', '2026-11-02', '2026-11-02', '2026-11-03'],
      ['meta', 'google_ads', 'meta', 'google_ads', 'meta'],
      [100, 50, 120, 60, 80],
      [4, 5, 3, 6, 2],
    ],
  });
  await opened.execute(`create table other (x integer)`);
  await opened.ingest('other', { columns: ['x'], data: [[1, 2, 3]] });
  const session = opened.session.bind(opened);
  warehouse = Object.assign(opened, {
    session: async () => {
      const pinned = await session();
      const materialize = pinned.materialize.bind(pinned);
      return Object.assign(pinned, {
        materialize: (...args: Parameters<typeof materialize>) => (
          executed++,
          materialize(...args)
        ),
      });
    },
  });
});

afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

const NOTEBOOK = `---
title: Runner test
inputs:
  period: { type: date_range, default: { start: 2026-11-01, end: 2026-11-03 } }
  platform: { type: select, options: [all, meta, google_ads], default: all }
---

\`\`\`sql daily
select date, platform, sum(spend) as spend, sum(conversions) as conversions
from sales
where date between $period_start and $period_end
  and ($platform = 'all' or platform = $platform)
group by all order by all
\`\`\`

\`\`\`sql totals
select sum(spend) as spend, sum(conversions) as conversions from daily
\`\`\`

\`\`\`sql unrelated
select count(*) as n from other
\`\`\`

\`\`\`chart trend
data: daily
mark: line
encoding:
  x: { field: date, type: temporal }
  y: { field: spend, type: quantitative }
\`\`\`
`;

function notebook(source = NOTEBOOK) {
  return parseNotebook(source).notebook;
}

describe('NotebookRunner', () => {
  it('runs cells in dependency order, streams events, and draws charts from a cell', async () => {
    const runner = new NotebookRunner(warehouse);
    const events: RunEvent[] = [];
    const run = await runner.run(notebook(), { onEvent: (event) => events.push(event) });
    const totals = run.outcomes.get('totals');
    expect(totals).toMatchObject({ status: 'finished', cached: false });
    if (totals?.status !== 'finished') throw new Error('unreachable');
    expect(totals.result.data).toEqual([[410], [20]]);
    const chart = run.outcomes.get('trend');
    expect(chart?.status === 'finished' && chart.chart).toMatchObject({
      mark: 'line',
      data: {
        values: expect.arrayContaining([
          { date: '2026-11-01', platform: 'meta', spend: 100, conversions: 4 },
        ]),
      },
    });
    expect(events.map((event) => event.type)).toEqual([
      'run-started',
      ...Array<string>(4)
        .fill('')
        .flatMap(() => ['cell-started', 'cell-finished']),
      'run-finished',
    ]);
    expect(run.params).toMatchObject({
      period_start: '2026-11-01',
      period_end: '2026-11-03',
      platform: 'all',
    });
  });

  it('runs no query when nothing changed, and only the dependants of a changed input', async () => {
    const runner = new NotebookRunner(warehouse);
    await runner.run(notebook());
    executed = 0;
    const again = await runner.run(notebook());
    expect(executed).toBe(0);
    expect(
      [...again.outcomes.values()].every(
        (outcome) => outcome.status === 'finished' && outcome.cached,
      ),
    ).toBe(true);

    const changed = await runner.run(notebook(), { inputs: { platform: 'meta' } });
    expect(executed).toBe(2); // daily and totals; unrelated stays cached
    expect(changed.outcomes.get('unrelated')).toMatchObject({ cached: true });
    const totals = changed.outcomes.get('totals');
    expect(totals?.status === 'finished' && totals.result.data).toEqual([[300], [9]]);
  });

  it('re-runs the cells that read a table whose data changed', async () => {
    const runner = new NotebookRunner(warehouse);
    await runner.run(notebook());
    await warehouse.ingest('other', { columns: ['x'], data: [[4]] });
    executed = 0;
    const run = await runner.run(notebook());
    expect(executed).toBe(1);
    expect(run.outcomes.get('unrelated')).toMatchObject({ cached: false, result: { data: [[4]] } });
  });

  it('does not serve a cached result from another day', async () => {
    let now = new Date('2026-11-27T08:00:00Z');
    const runner = new NotebookRunner(warehouse, { now: () => now });
    await runner.run(notebook());
    executed = 0;
    now = new Date('2026-11-28T08:00:00Z');
    await runner.run(notebook());
    expect(executed).toBe(3);
  });

  it('blocks only the dependants of a failing cell', async () => {
    const source = NOTEBOOK.replace(
      'sum(spend) as spend, sum(conversions) as conversions\nfrom sales',
      'sum(spend) as spend, sum(conversions) as conversions, sum(missing_column) as m\nfrom sales',
    );
    const events: RunEvent[] = [];
    const run = await new NotebookRunner(warehouse).run(notebook(source), {
      onEvent: (event) => events.push(event),
    });
    expect(run.outcomes.get('daily')).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('missing_column') },
    });
    expect(run.outcomes.get('totals')).toEqual({ status: 'blocked', blockedBy: 'daily' });
    expect(run.outcomes.get('trend')).toEqual({ status: 'blocked', blockedBy: 'daily' });
    expect(run.outcomes.get('unrelated')).toMatchObject({ status: 'finished' });
    expect(events.filter((event) => event.type === 'cell-blocked')).toHaveLength(2);
  });

  it('reports an unknown name and a refused statement on their cells; a check cell runs', async () => {
    const source = `---
title: Errors
---

\`\`\`sql typo
select * from sales_typo
\`\`\`

\`\`\`sql writes
delete from sales
\`\`\`

\`\`\`check spikes
on: sales
time: date
metric: spend
\`\`\`

\`\`\`sql fine
select count(*) as n from sales
\`\`\`
`;
    const run = await new NotebookRunner(warehouse).run(notebook(source));
    expect(run.outcomes.get('typo')).toMatchObject({
      status: 'failed',
      error: { kind: 'dependency', message: expect.stringContaining('sales_typo') },
    });
    expect(run.outcomes.get('writes')).toMatchObject({
      status: 'failed',
      error: { kind: 'refused' },
    });
    // Three days are too few to judge: the check runs and flags nothing.
    expect(run.outcomes.get('spikes')).toMatchObject({
      status: 'finished',
      cached: false,
      result: { rowCount: 0 },
    });
    expect(run.outcomes.get('fine')).toMatchObject({ status: 'finished' });
    const rows = await warehouse.query('select count(*) as n from sales');
    expect(rows.data[0]![0]).toBeGreaterThan(0);
  });

  it('refuses input values that cannot be bound, before running anything', async () => {
    await expect(
      new NotebookRunner(warehouse).run(notebook(), { inputs: { platform: 'tiktok' } }),
    ).rejects.toMatchObject({ kind: 'input' });
  });

  it('leaves no cell names behind for the next notebook on a pooled connection', async () => {
    const runner = new NotebookRunner(warehouse);
    await runner.run(notebook());
    const reader = `---\ntitle: Reader\n---\n\n\`\`\`sql r\nselect * from daily\n\`\`\`\n`;
    const run = await runner.run(notebook(reader));
    expect(run.outcomes.get('r')).toMatchObject({
      status: 'failed',
      error: { kind: 'dependency' },
    });
  });
});
