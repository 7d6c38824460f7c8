import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace();
});
afterAll(() => workspace?.close());

describe('report API', () => {
  it('renders a notebook for the reader: body html with inline SVG charts, scoped css, inputs', async () => {
    const { status, body } = await send(
      workspace.app,
      'GET',
      '/api/notebooks/weekly-cmo/report?locale=en',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'weekly-cmo',
      title: 'Weekly CMO report',
      locale: 'en',
      failed: 0,
    });
    expect(body.html).toContain('<svg');
    expect(body.html).not.toMatch(/<(html|head|body)[\s>]/);
    expect(body.html).toMatch(/€[\d,]+\.\d\d/);
    expect(body.css).toContain('.baton-report h1');
    expect(body.css).not.toMatch(/(^|[},])\s*(html|body|h1|:root)\s*[{,]/m);
    expect(body.inputs).toEqual([
      {
        name: 'period',
        type: 'date_range',
        label: 'Period',
        default: 'last_7_days',
        value: { start: '2026-03-25', end: '2026-03-31', preset: 'last_7_days' },
      },
    ]);
    expect(body.params).toMatchObject({ period_start: '2026-03-25', period_end: '2026-03-31' });
    // How fresh the numbers are: the demo connection's last successful sync (on its pinned clock).
    expect(new Date(body.dataAsOf).toISOString()).toBe('2026-04-01T12:00:00.000Z');
    const state = await send(workspace.app, 'GET', `/api/runs/${body.runId}`);
    expect(state.body.status).toBe('finished');
  });

  it('formats in French with locale=fr, and binds the inputs of the query string', async () => {
    const { status, body } = await send(
      workspace.app,
      'GET',
      '/api/notebooks/weekly-cmo/report?locale=fr&period=2026-03-01..2026-03-31',
    );
    expect(status).toBe(200);
    expect(body.locale).toBe('fr');
    // `1 234,56 €`: narrow no-break space between thousands, comma decimals, euro sign after.
    expect(body.html).toMatch(/\d[\u202f\u00a0 ]\d{3},\d\d[\u202f\u00a0 ]€/);
    expect(body.inputs[0].value).toEqual({ start: '2026-03-01', end: '2026-03-31' });
  });

  it('answers a bad input value with 400 and the input named', async () => {
    const { status, body } = await send(
      workspace.app,
      'GET',
      '/api/notebooks/channel-mix/report?objective=world-peace',
    );
    expect(status).toBe(400);
    expect(body.error.kind).toBe('input');
    expect(body.error.message).toMatch(/objective/);
    const badLocale = await send(
      workspace.app,
      'GET',
      '/api/notebooks/channel-mix/report?locale=de',
    );
    expect(badLocale.status).toBe(400);
    expect(badLocale.body.error.message).toMatch(/"locale"/);
  });

  it('downloads the self-contained HTML file', async () => {
    const response = await workspace.app.request(
      '/api/notebooks/channel-mix/export.html?locale=fr',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="channel-mix.html"',
    );
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<svg');
  });

  it('takes a repeated query key as one multi-select value', async () => {
    const text = [
      '---',
      'title: Platforms',
      'inputs:',
      '  platforms: { type: multi_select, options: [meta, google_ads, tiktok], label: Platforms }',
      '---',
      '',
      '```sql picked',
      'select unnest($platforms) as platform',
      '```',
      '',
    ].join('\n');
    await send(workspace.app, 'POST', '/api/notebooks', {
      title: 'Platforms',
      id: 'platforms',
      text,
    });
    const { status, body } = await send(
      workspace.app,
      'GET',
      '/api/notebooks/platforms/report?platforms=meta&platforms=tiktok',
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.inputs[0]).toMatchObject({ name: 'platforms', value: ['meta', 'tiktok'] });
    expect(body.failed).toBe(0);
  });

  it('answers 404 for an unknown notebook', async () => {
    expect((await send(workspace.app, 'GET', '/api/notebooks/nope/report')).status).toBe(404);
    expect((await send(workspace.app, 'GET', '/api/notebooks/nope/export.html')).status).toBe(404);
  });
});
