import type { AlertsView, AlertView } from '@baton/server';
import { render, screen } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import AnomalyAlerts from '#lib/shell/AnomalyAlerts.svelte';
import { preferences } from '#lib/preferences.svelte.ts';
import { json, stubFetch } from './fetch-stub.ts';

const runaway: AlertView = {
  check: 'spend by campaign',
  metric: 'spend',
  direction: 'up',
  by: ['platform', 'account_name', 'campaign_name'],
  key: ['tiktok', 'Maison Lumière FR', 'TT_FR_Conversions_Serum_SparkAds'],
  series: 1,
  related: [
    { check: 'roas by campaign', level: 'campaign', metric: 'roas', direction: 'down' },
    { check: 'spend by platform', level: 'platform', metric: 'spend', direction: 'up' },
  ],
  first: '2026-03-26',
  last: '2026-03-29',
  value: 960,
  expected: 114.91,
  impact: 3293.4,
  explanation: 'SPEND +704%: tiktok / TT_FR_Conversions_Serum_SparkAds: spend +808%',
  cause: {
    metric: 'spend',
    change: 7.04,
    where: ['tiktok', 'TT_FR_Conversions_Serum_SparkAds'],
    numerator: { column: 'spend', change: 8.08 },
    share: false,
  },
};

const outage: AlertView = {
  check: 'cpa by campaign',
  metric: 'cpa',
  direction: 'up',
  by: ['platform', 'account_name', 'campaign_name'],
  key: ['meta', '', 'FR - Prospecting'],
  series: 4,
  related: [],
  first: '2026-03-28',
  last: '2026-03-28',
  value: null,
  expected: 19.99,
  impact: 1386,
};

function view(alerts: AlertView[], today: string | null = '2026-03-31'): AlertsView {
  return { today, since: today && '2026-03-25', currency: 'EUR', alerts };
}

afterEach(() => {
  vi.unstubAllGlobals();
  preferences.locale = 'en';
});

test('shows a skeleton while the checks run, then the alerts with their money at stake', async () => {
  let answer: (response: Response) => void = () => {};
  const { calls } = stubFetch({
    'GET /api/alerts': () => new Promise<Response>((resolve) => (answer = resolve)),
  });
  render(AnomalyAlerts);
  expect(screen.getByLabelText('Checking the last days for anomalies…').ariaBusy).toBe('true');
  expect(calls[0]!.url).toBe('/api/alerts?days=7');

  answer(json(view([runaway, outage])));
  const items = await screen.findAllByTestId('anomaly-alert');
  expect(screen.getByRole('list').tagName).toBe('UL');
  expect(items).toHaveLength(2);
  const first = items[0]!.textContent!;
  expect(first).toContain('Spend up');
  // One cause, one alert: its other moves are named, with their level.
  expect(first).toContain('Also: ROAS down (campaign), Spend up (platform)');
  expect(items[1]!.textContent).not.toContain('Also:');
  expect(first).toContain('tiktok / Maison Lumière FR / TT_FR_Conversions_Serum_SparkAds');
  expect(first).toMatch(/26\s*–\s*29 Mar 2026/);
  expect(first).toContain('€960 vs €115 expected');
  expect(first).toContain('€3,293 at stake');
  expect(first).toContain('Spend +704%: tiktok / TT_FR_Conversions_Serum_SparkAds: spend +808%');

  // Empty key parts dropped, the other series counted, one day, an undefined value.
  const second = items[1]!.textContent!;
  expect(second).toContain('CPA up');
  expect(second).toContain('meta / FR - Prospecting +3 more');
  expect(second).toContain('28 Mar 2026');
  expect(second).toContain('— vs €19.99 expected');
  expect(screen.getAllByTestId('anomaly-explanation')).toHaveLength(1);
});

test('shows five alerts at most and counts the others', async () => {
  const many = Array.from({ length: 7 }, (_, index) => ({
    ...runaway,
    impact: 1000 - index,
    key: ['tiktok', '', `Campaign ${index}`],
  }));
  stubFetch({ 'GET /api/alerts': () => json(view(many)) });
  render(AnomalyAlerts);
  expect(await screen.findAllByTestId('anomaly-alert')).toHaveLength(5);
  expect(screen.getByTestId('anomaly-alerts').textContent).toContain(
    '2 more alerts, with less at stake.',
  );
});

test('says when no anomaly was found, and when there is no data yet', async () => {
  stubFetch({ 'GET /api/alerts': () => json(view([])) });
  const quiet = render(AnomalyAlerts);
  expect((await screen.findByTestId('anomaly-empty')).textContent).toContain(
    'No anomaly in the 7 days to 31 Mar 2026.',
  );
  quiet.unmount();

  stubFetch({ 'GET /api/alerts': () => json(view([], null)) });
  render(AnomalyAlerts);
  expect((await screen.findByTestId('anomaly-empty')).textContent).toContain('sync a connection');
});

test('a failure shows the server message and hint', async () => {
  stubFetch({
    'GET /api/alerts': () =>
      json(
        {
          error: {
            kind: 'unavailable',
            message: 'This server was started without a workspace.',
            hint: 'Start it with `baton serve --workspace DIR`.',
          },
        },
        503,
      ),
  });
  render(AnomalyAlerts);
  const failure = await screen.findByRole('alert');
  expect(failure.textContent).toContain('The anomaly checks could not run.');
  expect(failure.textContent).toContain('This server was started without a workspace.');
  expect(failure.textContent).toContain('baton serve --workspace DIR');
});

test('speaks French with French numbers and dates', async () => {
  preferences.locale = 'fr';
  stubFetch({ 'GET /api/alerts': () => json(view([runaway])) });
  render(AnomalyAlerts);
  const [item] = await screen.findAllByTestId('anomaly-alert');
  const text = item!.textContent!.replace(/\s/g, ' ');
  expect(text).toContain('Dépenses en hausse');
  expect(text).toMatch(/26[–-]29 mars 2026/);
  expect(text).toContain('3 293 € en jeu');
  expect(text).toContain('960 € au lieu de 115 € attendu');
  // The root cause too, in French words and numbers.
  expect(text).toMatch(
    /Dépenses \+704 % : tiktok \/ TT_FR_Conversions_Serum_SparkAds : dépenses \+808 %/,
  );
});

test("words a ratio's cause with both sums, flat and new ones, and a larger share", async () => {
  const cpa: AlertView = {
    ...runaway,
    metric: 'cpa',
    cause: {
      metric: 'cpa',
      change: 0.45,
      where: ['meta', 'FR - Prospecting'],
      numerator: { column: 'spend', change: 0.8 },
      denominator: { column: 'conversions', change: 0.01 },
      share: true,
    },
  };
  const fresh: AlertView = {
    ...runaway,
    cause: { ...runaway.cause!, numerator: { column: 'spend', change: null } },
  };
  stubFetch({ 'GET /api/alerts': () => json(view([cpa, fresh])) });
  render(AnomalyAlerts);
  const items = await screen.findAllByTestId('anomaly-explanation');
  expect(items[0]!.textContent!.trim()).toBe(
    'CPA +45%: meta / FR - Prospecting: spend +80% with conversions flat (mostly a larger share)',
  );
  expect(items[1]!.textContent).toContain(': spend new');
});
