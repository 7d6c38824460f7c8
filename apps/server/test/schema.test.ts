import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace();
});
afterAll(() => workspace?.close());

describe('schema API', () => {
  it('lists the tables and views user SQL may read, with columns and DuckDB types', async () => {
    const { status, body } = await send(workspace.app, 'GET', '/api/schema');
    expect(status).toBe(200);
    const campaignDaily = body.tables.find(
      (table: { schema: string; name: string }) =>
        table.schema === 'main' && table.name === 'campaign_daily',
    );
    expect(campaignDaily.kind).toBe('view');
    const columns = campaignDaily.columns.map((column: { name: string }) => column.name);
    expect(columns).toEqual(expect.arrayContaining(['date', 'platform', 'spend', 'conversions']));
    expect(
      campaignDaily.columns.find((column: { name: string }) => column.name === 'date').type,
    ).toBe('DATE');
    expect(body.tables.some((table: { schema: string }) => table.schema === '_baton')).toBe(false);
    expect(body.tables.some((table: { name: string }) => table.name.startsWith('c_'))).toBe(false);
    expect(body.macros).toEqual(expect.arrayContaining(['cpa', 'roas', 'ctr']));
    expect(body.cells).toEqual([]);
  });

  it('lists the named cells of the notebook, with columns once it has run', async () => {
    const before = await send(workspace.app, 'GET', '/api/schema?notebook=weekly-cmo');
    const totalsBefore = before.body.cells.find((cell: { name: string }) => cell.name === 'totals');
    expect(totalsBefore).toEqual({ name: 'totals', columns: [] });

    const started = await send(workspace.app, 'POST', '/api/runs', { notebook: 'weekly-cmo' });
    await (await workspace.app.request(`/api/runs/${started.body.runId}/events`)).text();

    const after = await send(workspace.app, 'GET', '/api/schema?notebook=weekly-cmo');
    const names = after.body.cells.map((cell: { name: string }) => cell.name);
    expect(names).toEqual(expect.arrayContaining(['periods', 'by_platform_period', 'totals']));
    const totals = after.body.cells.find((cell: { name: string }) => cell.name === 'totals');
    expect(totals.columns.map((column: { name: string }) => column.name)).toContain('spend');
    expect(totals.columns[0].type).toBeTruthy();
  });

  it('refuses a notebook id that is not one', async () => {
    const { status, body } = await send(workspace.app, 'GET', '/api/schema?notebook=..%2Fx');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/"notebook"/);
    expect((await send(workspace.app, 'GET', '/api/schema?notebook=missing')).status).toBe(404);
  });
});
