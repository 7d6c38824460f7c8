import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@baton/core/run';
import { startServer, type RunningServer } from '../src/main.ts';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';
import { parseSse } from './sse.ts';

let workspace: TestWorkspace;
let server: RunningServer;
beforeAll(async () => {
  workspace = await openDemoWorkspace();
  server = await startServer({ app: workspace.app, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await workspace?.close();
});

const bigText = `---
title: Big
---

\`\`\`sql numbers
select range as n, range % 7 as bucket from range(20000)
\`\`\`
`;

async function startRun(body: unknown): Promise<string> {
  const response = await send(workspace.app, 'POST', '/api/runs', body);
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response.body.runId as string;
}

async function eventsOf(runId: string, lastEventId?: string) {
  const response = await workspace.app.request(`/api/runs/${runId}/events`, {
    headers: lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId },
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse<RunEvent>(await response.text());
}

describe('runs API', () => {
  it('runs a saved notebook: events from run-started to run-finished, with the run id the client got', async () => {
    const runId = await startRun({ notebook: 'weekly-cmo' });
    const events = await eventsOf(runId);
    expect(events[0]!.event).toBe('run-started');
    expect(events[0]!.data).toMatchObject({ type: 'run-started', runId });
    expect(events.at(-1)!.data).toMatchObject({ type: 'run-finished', runId, failed: 0 });
    expect(events.map((event) => Number(event.id))).toEqual(events.map((_, index) => index));
    expect(events.every((event) => event.event === event.data.type)).toBe(true);

    const state = await send(workspace.app, 'GET', `/api/runs/${runId}`);
    expect(state.body).toMatchObject({ runId, notebook: 'weekly-cmo', status: 'finished' });
    expect(state.body.events).toBe(events.length);
    expect(Object.values(state.body.cells).every((status) => status === 'finished')).toBe(true);
    expect(state.body.params.period_start).toBe('2026-03-25');

    const totals = await send(workspace.app, 'GET', `/api/runs/${runId}/cells/totals`);
    expect(totals.body).toMatchObject({
      cellId: 'totals',
      name: 'totals',
      kind: 'sql',
      status: 'finished',
    });
    expect(totals.body.page.rows).toHaveLength(1);
    expect(totals.body.page.columns.map((column: { name: string }) => column.name)).toContain(
      'spend',
    );
    expect(typeof totals.body.page.rows[0][0]).toBe('number');
  });

  it('replays from Last-Event-ID', async () => {
    const runId = await startRun({ notebook: 'weekly-cmo' });
    const all = await eventsOf(runId);
    const rest = await eventsOf(runId, '1');
    expect(rest.map((event) => event.id)).toEqual(all.slice(2).map((event) => event.id));
  });

  it('runs the unsaved text, pages and sorts over the full result, within the cap', async () => {
    const runId = await startRun({ notebook: 'scratch', text: bigText });
    await eventsOf(runId);
    const view = await send(workspace.app, 'GET', `/api/runs/${runId}/cells/numbers`);
    expect(view.body.page.rows).toHaveLength(500);
    expect(view.body.page).toMatchObject({ totalRows: 20000, cap: 10000, offset: 0 });

    const page = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?offset=500&limit=3`,
    );
    expect(page.body.rows).toEqual([
      [500, 500 % 7],
      [501, 501 % 7],
      [502, 502 % 7],
    ]);

    // Sorted in DuckDB over all 20 000 rows, not over the 10 000 kept in memory.
    const sorted = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?limit=2&sort=n&order=desc`,
    );
    expect(sorted.body.rows).toEqual([
      [19999, 19999 % 7],
      [19998, 19998 % 7],
    ]);
    expect(sorted.body.sort).toEqual({ column: 'n', order: 'desc' });

    const byBucket = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?limit=500&offset=500&sort=bucket`,
    );
    expect(byBucket.body.rows.every((row: number[]) => row[1] === 0)).toBe(true);

    const nearCap = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?offset=9900&limit=500`,
    );
    expect(nearCap.body.rows).toHaveLength(100);
    const pastCap = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?offset=15000&limit=10`,
    );
    expect(pastCap.body.rows).toEqual([]);

    const tooMany = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?limit=501`,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/"limit"/);
    const badColumn = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?sort=nope`,
    );
    expect(badColumn.status).toBe(400);
    expect(badColumn.body.error.message).toMatch(/no column "nope"/);
    const injected = await send(
      workspace.app,
      'GET',
      `/api/runs/${runId}/cells/numbers/rows?sort=${encodeURIComponent('n; drop table x')}`,
    );
    expect(injected.status).toBe(400);
  });

  it('runs several notebooks at once, every cell finishing', async () => {
    const runIds = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        startRun({ notebook: index % 2 === 0 ? 'channel-mix' : 'weekly-cmo' }),
      ),
    );
    for (const runId of runIds) {
      const events = await eventsOf(runId);
      expect(events.at(-1)!.data).toMatchObject({ type: 'run-finished', failed: 0, blocked: 0 });
    }
  });

  it('answers 400 with the input error, and starts nothing', async () => {
    const response = await send(workspace.app, 'POST', '/api/runs', {
      notebook: 'weekly-cmo',
      inputs: { period: 'the_other_day' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe('input');
    expect(response.body.error.message).toMatch(/period/);
  });

  it('answers 404 for an unknown run, cell or notebook', async () => {
    expect((await send(workspace.app, 'GET', '/api/runs/nope')).status).toBe(404);
    expect((await send(workspace.app, 'GET', '/api/runs/nope/events')).status).toBe(404);
    expect((await send(workspace.app, 'POST', '/api/runs', { notebook: 'missing' })).status).toBe(
      404,
    );
    const runId = await startRun({ notebook: 'weekly-cmo' });
    await eventsOf(runId);
    expect((await send(workspace.app, 'GET', `/api/runs/${runId}/cells/nope`)).status).toBe(404);
  });

  it('cancels a long run', async () => {
    const slow = `---\ntitle: Slow\n---\n\n\`\`\`sql slow\nselect count(*) as n from range(200000) a, range(200000) b where a.range + b.range = 7\n\`\`\`\n`;
    const runId = await startRun({ notebook: 'slow', text: slow });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cancelled = await send(workspace.app, 'POST', `/api/runs/${runId}/cancel`);
    expect(cancelled.status).toBe(202);
    expect(cancelled.body.status).toBe('cancelled');
    const events = await eventsOf(runId);
    expect(events.at(-1)!.event).toBe('run-finished');
    const cell = await send(workspace.app, 'GET', `/api/runs/${runId}/cells/slow`);
    expect(cell.body.status).toBe('failed');
    expect(cell.body.error.kind).toBe('cancelled');
  });

  it('streams live events over a real socket, and resumes with Last-Event-ID', async () => {
    const response = await fetch(`${server.url}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notebook: 'channel-mix' }),
    });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    const stream = await fetch(`${server.url}/api/runs/${runId}/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse<RunEvent>(await stream.text());
    expect(events[0]!.data).toMatchObject({ type: 'run-started', runId });
    expect(events.at(-1)!.event).toBe('run-finished');

    const resumed = await fetch(`${server.url}/api/runs/${runId}/events`, {
      headers: { 'Last-Event-ID': String(events.length - 2) },
    });
    expect(parseSse<RunEvent>(await resumed.text()).map((event) => event.event)).toEqual([
      'run-finished',
    ]);
  });
});
