import type { ReportView } from '@baton/server';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import { preferences } from '#lib/preferences.svelte.ts';
import Reader from '../../src/routes/read/[id]/Reader.svelte';
import { reportQuery, valuesOf } from '../../src/routes/read/[id]/report-query.ts';
import '#lib/shell/early.ts';
import { json, stubFetch } from './fetch-stub.ts';

function view(locale: 'en' | 'fr'): ReportView {
  return {
    id: 'weekly-cmo',
    title: 'Weekly CMO report',
    locale,
    inputs: [
      {
        name: 'period',
        type: 'date_range',
        label: 'Period',
        default: 'last_7_days',
        value: { start: '2026-11-20', end: '2026-11-26' },
      },
    ],
    params: {},
    html: `<header class="report-header"><h1>${locale === 'fr' ? 'Rapport' : 'Report'}</h1></header><figure class="output chart"><svg role="img"><rect width="10" height="10"/></svg></figure>`,
    css: '.baton-report h1 { color: rgb(1, 2, 3); }',
    runId: 'run-1',
    failed: 0,
    durationMs: 12,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  preferences.setLocale('en');
});

test('renders the returned html and css, and links the export with the same query', async () => {
  const { calls } = stubFetch({
    'GET /api/notebooks/weekly-cmo/report': ({ url }) =>
      json(view(new URL(url, 'http://x').searchParams.get('locale') === 'fr' ? 'fr' : 'en')),
  });
  render(Reader, {
    id: 'weekly-cmo',
    values: { period: '2026-01-01..2026-01-31' },
    onvalueschange: () => {},
  });
  const report = await screen.findByTestId('report');
  expect(report.classList.contains('baton-report')).toBe(true);
  expect(report.querySelector('h1')?.textContent).toBe('Report');
  expect(report.querySelector('svg')).not.toBeNull();
  expect(document.body.querySelector('style')?.textContent).toContain('rgb(1, 2, 3)');

  expect(calls[0]!.url).toBe(
    '/api/notebooks/weekly-cmo/report?period=2026-01-01..2026-01-31&locale=en',
  );
  expect(screen.getByTestId('download-html').getAttribute('href')).toBe(
    '/api/notebooks/weekly-cmo/export.html?period=2026-01-01..2026-01-31&locale=en',
  );
  expect(screen.getByTestId('open-editor').getAttribute('href')).toBe('/notebooks/weekly-cmo');
  expect(screen.getByTestId<HTMLSelectElement>('input-period-preset').value).toBe('custom');

  // Changing the interface language fetches the report again, in that language.
  preferences.setLocale('fr');
  await waitFor(() => expect(report.querySelector('h1')?.textContent).toBe('Rapport'));
  expect(calls.at(-1)!.url).toContain('locale=fr');
  expect(screen.getByTestId('download-html').textContent).toContain('Télécharger');
});

test('an input change is reported for the URL', async () => {
  stubFetch({ 'GET /api/notebooks/weekly-cmo/report': () => json(view('en')) });
  const onvalueschange = vi.fn();
  render(Reader, { id: 'weekly-cmo', values: {}, onvalueschange });
  await screen.findByTestId('report');
  await fireEvent.change(screen.getByTestId('input-period-preset'), {
    target: { value: 'last_28_days' },
  });
  expect(onvalueschange).toHaveBeenCalledWith({ period: 'last_28_days' });
});

test("a refusal shows the server's message and hint, and retries", async () => {
  let fail = true;
  stubFetch({
    'GET /api/notebooks/weekly-cmo/report': () =>
      fail
        ? json(
            {
              error: {
                kind: 'input',
                message: 'period: not a date range.',
                hint: 'Use last_7_days or start..end.',
              },
            },
            400,
          )
        : json(view('en')),
  });
  render(Reader, { id: 'weekly-cmo', values: { period: 'nope' }, onvalueschange: () => {} });
  expect(screen.getByTestId('report-loading')).toBeTruthy();
  const error = await screen.findByTestId('report-error');
  expect(error.textContent).toContain('period: not a date range.');
  expect(error.textContent).toContain('Use last_7_days or start..end.');
  fail = false;
  await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await screen.findByTestId('report');
});

test('the URL query and the request query', () => {
  expect(valuesOf(new URLSearchParams('period=last_7_days&locale=fr&platform=meta'))).toEqual({
    period: 'last_7_days',
    platform: 'meta',
  });
  expect(reportQuery({ channels: 'search,social' }, 'en')).toBe(
    'channels=search%2Csocial&locale=en',
  );
});

test('takes over the report request app.html started early, for the same URL only', async () => {
  const { calls } = stubFetch({
    'GET /api/notebooks/weekly-cmo/report': () => json(view('en')),
  });
  const early = view('en');
  early.html = '<h1>From the early request</h1>';
  window.__batonEarly = {
    url: '/api/notebooks/weekly-cmo/report?period=last_7_days&locale=en',
    response: Promise.resolve(json(early)),
  };
  render(Reader, { id: 'weekly-cmo', values: { period: 'last_7_days' }, onvalueschange: () => {} });
  const report = await screen.findByTestId('report');
  expect(report.textContent).toContain('From the early request');
  expect(calls).toEqual([]);
  expect(window.__batonEarly).toBeUndefined();
});

test('an early request for another URL is dropped, not used', async () => {
  const { calls } = stubFetch({
    'GET /api/notebooks/weekly-cmo/report': () => json(view('en')),
  });
  window.__batonEarly = {
    url: '/api/notebooks/weekly-cmo/report?locale=fr',
    response: Promise.resolve(json(view('fr'))),
  };
  render(Reader, { id: 'weekly-cmo', values: {}, onvalueschange: () => {} });
  await screen.findByTestId('report');
  expect(calls).toHaveLength(1);
  expect(window.__batonEarly).toBeUndefined();
});

test('says how fresh the data is: the last sync when known, else when the report came', async () => {
  const synced = new Date(Date.now() - 3 * 3_600_000).toISOString();
  stubFetch({
    'GET /api/notebooks/weekly-cmo/report': () => json({ ...view('en'), dataAsOf: synced }),
  });
  render(Reader, { id: 'weekly-cmo', values: {}, onvalueschange: () => {} });
  const updated = await screen.findByTestId('report-updated');
  expect(updated.textContent).toMatch(/Data synced .*3 hours ago/);
});
