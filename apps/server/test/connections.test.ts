import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, defineConnector, type Connector } from '@baton/core/spec';
import { testAds } from '../../../core/test/sync/connector.ts';
import { startServer, type RunningServer } from '../src/main.ts';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';
import { parseSse } from './sse.ts';

const PLANTED = 'sk-live-PLANTED-secret-0123456789';

/** Like test-ads, but every read is refused, with the key in the message (the host redacts it). */
const refusingAds = defineConnector({
  ...testAds,
  id: 'refusing-ads',
  name: 'Refusing Ads',
  // eslint-disable-next-line require-yield -- fails before its first batch
  async *read(context) {
    throw new ConnectorError(
      'auth',
      `The key ${context.config.apiKey} was revoked.`,
      'Create a new key.',
    );
  },
});

let workspace: TestWorkspace;
let server: RunningServer;
beforeAll(async () => {
  workspace = await openDemoWorkspace({
    connectors: [testAds as unknown as Connector, refusingAds as unknown as Connector],
  });
  await workspace.workbench.sync.addConnection({
    name: 'acme',
    plugin: 'test-ads',
    config: { apiKey: PLANTED },
  });
  await workspace.workbench.sync.addConnection({
    name: 'refused',
    plugin: 'refusing-ads',
    config: { apiKey: `bad-${PLANTED}` },
  });
  await workspace.workbench.sync.addConnection({
    name: 'slow',
    plugin: 'test-ads',
    config: { apiKey: PLANTED, delayMs: 15 },
  });
  server = await startServer({ app: workspace.app, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await workspace?.close();
});

describe('connections API', () => {
  it('lists connections with plugin, last sync and streams, and never a secret', async () => {
    const response = await workspace.app.request('/api/connections');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(PLANTED);
    expect(text).not.toContain('PLANTED');
    const { connections } = JSON.parse(text);
    const demo = connections.find((connection: { name: string }) => connection.name === 'demo');
    expect(demo).toMatchObject({ plugin: 'demo', lastSync: { status: 'succeeded' } });
    expect(demo.lastSync.rows).toBeGreaterThan(1000);
    expect(demo.streams.map((stream: { name: string }) => stream.name)).toContain('ad_daily');
    expect(demo.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const acme = connections.find((connection: { name: string }) => connection.name === 'acme');
    expect(acme).toMatchObject({ plugin: 'test-ads', streams: [] });
    expect(acme.lastSync).toBeUndefined();
  });

  it('checks a connection, without the secret in a refusal', async () => {
    expect((await send(workspace.app, 'POST', '/api/connections/acme/check')).body).toEqual({
      ok: true,
    });
    const refused = await send(workspace.app, 'POST', '/api/connections/refused/check');
    expect(refused.body).toMatchObject({ ok: false, reason: 'The API key was refused.' });
    expect(JSON.stringify(refused.body)).not.toContain('PLANTED');
    expect((await send(workspace.app, 'POST', '/api/connections/nope/check')).status).toBe(404);
  });

  it('syncs a connection and streams its events over a real socket, ending with sync-finished', async () => {
    const started = await fetch(`${server.url}/api/connections/acme/syncs`, { method: 'POST' });
    expect(started.status).toBe(202);
    const { syncId } = (await started.json()) as { syncId: string };
    const stream = await fetch(`${server.url}/api/connections/syncs/${syncId}/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await stream.text());
    expect(events.map((event) => event.event)).toContain('stream-started');
    const last = events.at(-1)!;
    expect(last.event).toBe('sync-finished');
    expect(last.data).toMatchObject({ syncId, connection: 'acme', status: 'succeeded' });
    expect(last.data.rows).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('PLANTED');

    const { body } = await send(workspace.app, 'GET', '/api/connections');
    const acme = body.connections.find(
      (connection: { name: string }) => connection.name === 'acme',
    );
    expect(acme.lastSync).toMatchObject({ status: 'succeeded' });
    expect(acme.streams.length).toBeGreaterThan(0);
  });

  it('refuses a second sync of a connection while one is running, with 409', async () => {
    const first = await send(workspace.app, 'POST', '/api/connections/slow/syncs');
    expect(first.status).toBe(202);
    const second = await send(workspace.app, 'POST', '/api/connections/slow/syncs');
    expect(second.status).toBe(409);
    expect(second.body.error.kind).toBe('exists');
    const events = parseSse(
      await (
        await workspace.app.request(`/api/connections/syncs/${first.body.syncId}/events`)
      ).text(),
    );
    expect(events.at(-1)!.event).toBe('sync-finished');
  });

  it('records a failed sync so the home page can flag it', async () => {
    const started = await send(workspace.app, 'POST', '/api/connections/refused/syncs');
    const events = parseSse(
      await (
        await workspace.app.request(`/api/connections/syncs/${started.body.syncId}/events`)
      ).text(),
    );
    expect(events.at(-1)!.data).toMatchObject({ status: 'failed' });
    const { body } = await send(workspace.app, 'GET', '/api/connections');
    const refused = body.connections.find(
      (connection: { name: string }) => connection.name === 'refused',
    );
    expect(refused.lastSync.status).toBe('failed');
    expect(refused.lastSync.errorMessage).toBeTruthy();
    expect(JSON.stringify(body)).not.toContain('PLANTED');
  });

  it('answers 404 for an unknown sync or connection', async () => {
    expect((await send(workspace.app, 'GET', '/api/connections/syncs/nope/events')).status).toBe(
      404,
    );
    expect((await send(workspace.app, 'POST', '/api/connections/nope/syncs')).status).toBe(404);
  });
});
