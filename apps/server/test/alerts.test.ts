import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKS, explainAlert, type AlertSummary } from '@baton/core/checks';
import type { Connector } from '@baton/core/spec';
import { openWorkspace } from '@baton/core/store';
import { testAds } from '../../../core/test/sync/connector.ts';
import { AlertsCache, readAlerts } from '../src/alerts.ts';
import type { AlertsView, AlertView } from '../src/api-types.ts';
import { createApp } from '../src/app.ts';
import { openWorkbench } from '../src/workbench.ts';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace({ connectors: [testAds as unknown as Connector] });
});
afterAll(() => workspace?.close());

describe('alerts API', () => {
  it('lists the last 7 days of alerts to the last data day, ranked by money at stake', async () => {
    const { status, body } = await send(workspace.app, 'GET', '/api/alerts');
    expect(status).toBe(200);
    const view = body as AlertsView;
    expect(view).toMatchObject({ today: '2026-03-31', since: '2026-03-25', currency: 'EUR' });
    expect(view.alerts.length).toBeGreaterThan(0);
    const impacts = view.alerts.map((alert) => alert.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    // The demo's runaway TikTok budget of the last days leads (its campaign or the platform:
    // both move by about as much).
    const [lead] = view.alerts as [AlertView];
    expect(lead).toMatchObject({
      metric: 'spend',
      direction: 'up',
      check: expect.stringMatching(/^spend by /),
    });
    expect(lead.key[0]).toBe('tiktok');
    expect(lead.key).toHaveLength(lead.by.length);
    // One cause, one alert: the campaign's and the platform's spend, and its ROAS, together.
    const checks = [lead.check, ...lead.related.map((move) => move.check)];
    expect(checks).toEqual(
      expect.arrayContaining(['spend by campaign', 'spend by platform', 'roas by campaign']),
    );
    expect(lead.by[0]).toBe('platform');
    expect(lead.first <= lead.last && lead.first >= '2026-03-25' && lead.last <= '2026-03-31').toBe(
      true,
    );
    expect(lead.value).toBeGreaterThan(lead.expected!);
    expect(lead.impact).toBeGreaterThan(1000);
    expect(lead.series).toBeGreaterThanOrEqual(1);
    // The top three carry their root cause; the others none.
    expect(lead.explanation).toMatch(/^SPEND \+\d+%: tiktok \//);
    // The same cause in parts, for the reader's language.
    expect(lead.cause).toMatchObject({
      metric: 'spend',
      where: expect.arrayContaining(['tiktok']),
      numerator: { column: 'spend' },
      share: false,
    });
    expect(lead.cause!.change).toBeGreaterThan(1);
    view.alerts.forEach((alert, index) => {
      expect(typeof alert.explanation === 'string').toBe(index < 3);
    });
  });

  it('widens to `days` days, and refuses days out of 1..90 naming the field', async () => {
    const wide = await send(workspace.app, 'GET', '/api/alerts?days=90');
    expect(wide.status).toBe(200);
    expect(wide.body).toMatchObject({ today: '2026-03-31', since: '2026-01-01' });
    // The Meta outage, the TikTok runaway, the Shopping budget cut, the serum CPA spike and the
    // tiring creative: one alert per cause.
    expect(wide.body.alerts.length).toBeGreaterThanOrEqual(5);
    for (const days of ['0', '91', '2.5', 'week']) {
      const refused = await send(workspace.app, 'GET', `/api/alerts?days=${days}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.kind).toBe('usage');
      expect(refused.body.error.message).toContain('"days"');
      expect(refused.body.error.hint).toBeTruthy();
    }
  });

  it('explains an ad-level alert on ad_daily, and gives no explanation where there is no drill-down', async () => {
    const { body } = await send(workspace.app, 'GET', '/api/alerts?days=90');
    const fatigue = (body as AlertsView).alerts.find((alert) => alert.check === 'frequency by ad');
    expect(fatigue, 'the demo plants a tiring creative').toBeDefined();
    const summary: AlertSummary = {
      ...fatigue!,
      value: fatigue!.value ?? Number.NaN,
      expected: fatigue!.expected ?? Number.NaN,
    };
    const explanation = await explainAlert(workspace.workbench.warehouse, summary);
    expect(explanation?.summary).toMatch(/^FREQUENCY [+-]\d+%/);
    expect(explanation?.path.map((member) => member.level)).toContain('ad');

    const unknownMetric = { ...summary, check: 'spend by campaign', metric: 'happiness' };
    expect(await explainAlert(workspace.workbench.warehouse, unknownMetric)).toBeUndefined();
    const traffic = DEFAULT_CHECKS.map((check) => ({
      ...check,
      spec: { ...check.spec, on: 'web_traffic_daily' },
    }));
    expect(await explainAlert(workspace.workbench.warehouse, summary, traffic)).toBeUndefined();
  });

  it('keeps the answer until a new successful sync, then judges the new data', async () => {
    const first = await readAlerts(workspace.workbench, 7);
    const [second, third] = await Promise.all([
      readAlerts(workspace.workbench, 7),
      readAlerts(workspace.workbench, 7),
    ]);
    expect(second).toBe(first);
    expect(third).toBe(first);

    const { sync } = workspace.workbench;
    await sync.addConnection({
      name: 'acme',
      plugin: 'test-ads',
      config: { apiKey: 'key-0123456789' },
    });
    const records = await sync.sync({ connection: 'acme' });
    expect(records.every((record) => record.status === 'succeeded')).toBe(true);
    const after = await readAlerts(workspace.workbench, 7);
    expect(after).not.toBe(first);
    // The test connector's rows run to the real clock's yesterday, past the demo's last day.
    expect(after.today! > '2026-03-31').toBe(true);
  });
});

describe('the alerts cache', () => {
  const view = (days: number): AlertsView => ({
    today: '2026-03-31',
    since: '2026-03-25',
    currency: 'EUR',
    alerts: [{ days } as unknown as AlertView],
  });

  it('shares one computation between concurrent requests, per days and version', async () => {
    let version = 'v1';
    const computed: number[] = [];
    const cache = new AlertsCache(
      async (days) => {
        computed.push(days);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return view(days);
      },
      async () => version,
    );
    const [a, b, c] = await Promise.all([cache.get(7), cache.get(7), cache.get(30)]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(computed).toEqual([7, 30]);
    version = 'v2';
    expect(await cache.get(7)).not.toBe(a);
    expect(computed).toEqual([7, 30, 7]);
  });

  it('forgets a failed computation, so the next request tries again', async () => {
    let calls = 0;
    const cache = new AlertsCache(
      async (days) => {
        calls += 1;
        if (calls === 1) throw new Error('warehouse busy');
        return view(days);
      },
      async () => 'v1',
    );
    await expect(cache.get(7)).rejects.toThrow('warehouse busy');
    expect((await cache.get(7)).alerts).toHaveLength(1);
    expect(calls).toBe(2);
  });
});

describe('alerts of a workspace without data', () => {
  it('answers no day and no alert', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-alerts-empty-'));
    const { warehouse } = await openWorkspace(dir, { create: true });
    await warehouse.close();
    const workbench = await openWorkbench(dir);
    try {
      const app = createApp({
        workspace: { dir, name: 'Empty' },
        workbench,
        webRoot: path.join(dir, 'no-web-build'),
      });
      const { status, body } = await send(app, 'GET', '/api/alerts');
      expect(status).toBe(200);
      expect(body).toEqual({ today: null, since: null, currency: 'EUR', alerts: [] });
    } finally {
      await workbench.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says a server without a workspace has no alerts, with what to do', async () => {
    const app = createApp({ workspace: { dir: '.', name: 'None' }, webRoot: 'no-web-build' });
    const { status, body } = await send(app, 'GET', '/api/alerts');
    expect(status).toBe(503);
    expect(body.error).toMatchObject({
      kind: 'unavailable',
      hint: expect.stringContaining('baton serve'),
    });
  });
});
