import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppType, NotebookSummary, RunState, SchemaView } from '../src/app.ts';
import { openDemoWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace();
});
afterAll(() => workspace?.close());

/** The web app's typed client, answered by the app in-process. */
function client() {
  return hc<AppType>('http://baton.test', {
    fetch: (input: Request | string | URL, init?: RequestInit) =>
      workspace.app.request(input instanceof Request ? input : String(input), init),
  });
}

describe('typed client (hc<AppType>)', () => {
  it('reaches every resource with typed requests and answers', async () => {
    const api = client().api;
    const list = await api.notebooks.$get();
    const { notebooks } = await list.json();
    const first: NotebookSummary = notebooks[0]!;
    expect(first.id).toBeTruthy();

    const started = await api.runs.$post({ json: { notebook: 'weekly-cmo' } });
    expect(started.status).toBe(202);
    const { runId } = await started.json();
    await (await api.runs[':runId'].events.$get({ param: { runId } })).text();
    const state: RunState = await (await api.runs[':runId'].$get({ param: { runId } })).json();
    expect(state.status).toBe('finished');

    const page = await api.runs[':runId'].cells[':cellId'].rows.$get({
      param: { runId, cellId: 'totals' },
      query: { limit: '1' },
    });
    expect((await page.json()).rows).toHaveLength(1);

    const schema: SchemaView = await (await api.schema.$get({ query: {} })).json();
    expect(schema.macros).toContain('roas');

    const report = await api.notebooks[':id'].report.$get({
      param: { id: 'weekly-cmo' },
      query: {},
    });
    expect((await report.json()).html).toContain('<svg');

    const connections = await (await api.connections.$get()).json();
    expect(connections.connections.map((connection) => connection.name)).toEqual(['demo']);

    const health = await (await api.health.$get()).json();
    expect(health.workspace.reportingCurrency).toBe('EUR');
  });
});
