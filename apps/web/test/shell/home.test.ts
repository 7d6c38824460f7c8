import type { AlertsView, ConnectionView, NotebookSummary } from '@baton/server';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import Home from '#lib/shell/Home.svelte';
import { json, stubFetch } from './fetch-stub.ts';

const notebooks: NotebookSummary[] = [
  {
    id: 'weekly-cmo',
    title: 'Weekly CMO report',
    description: 'Spend, conversions, CPA and ROAS by platform.',
    version: 'abc123',
    updatedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    cellCount: 7,
    problems: 0,
  },
  {
    id: 'channel-mix',
    title: 'Channel mix',
    version: 'def456',
    updatedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    cellCount: 4,
    problems: 2,
  },
];

const connections: ConnectionView[] = [
  {
    name: 'demo',
    plugin: 'demo',
    createdAt: '2026-11-01T10:00:00Z',
    lastSync: { status: 'succeeded', finishedAt: '2026-11-27T02:00:00Z', rows: 12345 },
    streams: [],
  },
  {
    name: 'meta',
    plugin: 'meta-ads',
    createdAt: '2026-11-01T10:00:00Z',
    lastSync: {
      status: 'failed',
      finishedAt: '2026-11-27T01:00:00Z',
      rows: 0,
      errorKind: 'auth',
      errorMessage: 'The access token expired.',
      hint: 'Run `baton connect meta` again.',
    },
    streams: [],
  },
];

const alerts: AlertsView = {
  today: '2026-03-31',
  since: '2026-03-25',
  currency: 'EUR',
  alerts: [
    {
      check: 'spend by platform',
      metric: 'spend',
      direction: 'up',
      by: ['platform'],
      key: ['tiktok'],
      series: 1,
      related: [],
      first: '2026-03-26',
      last: '2026-03-29',
      value: 1052.19,
      expected: 208.85,
      impact: 3261,
      explanation: 'SPEND +385%: tiktok / TT_FR_Conversions_Serum_SparkAds: spend +808%',
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

test('lists the notebooks with open and read links, and flags problems and anomalies', async () => {
  stubFetch({
    'GET /api/notebooks': () => json({ notebooks }),
    'GET /api/connections': () => json({ connections }),
    'GET /api/alerts': () => json(alerts),
  });
  render(Home, { navigate: () => {} });
  const items = await screen.findAllByTestId('notebook-item');
  expect(items.map((item) => item.getAttribute('href'))).toEqual([
    '/notebooks/weekly-cmo',
    '/notebooks/channel-mix',
  ]);
  expect(items[0]!.textContent).toContain('Weekly CMO report');
  expect(items[0]!.textContent).toContain('Spend, conversions');
  expect(items[0]!.textContent).toContain('3 hours ago');
  expect(items[1]!.textContent).toContain('2 problems');
  expect(screen.getAllByTestId('notebook-read').map((link) => link.getAttribute('href'))).toEqual([
    '/read/weekly-cmo',
    '/read/channel-mix',
  ]);

  const attention = screen.getByTestId('needs-attention');
  await waitFor(() => expect(attention.textContent).toContain('Sync of meta failed'));
  expect(attention.textContent).toContain('The access token expired.');
  expect(attention.textContent).toContain('Channel mix: 2 problems');
  const [alert] = await screen.findAllByTestId('anomaly-alert');
  expect(attention.contains(alert!)).toBe(true);
  expect(alert!.textContent).toContain('Spend up');
  expect(alert!.textContent).toContain('€3,261 at stake');
  expect(screen.queryByTestId('anomaly-placeholder')).toBeNull();

  const panel = screen.getByTestId('connections');
  expect(panel.textContent).toContain('12,345 rows');
  expect(panel.textContent).toContain('Run `baton connect meta` again.');
});

test('empty states, and the failure of one list with the server hint', async () => {
  stubFetch({
    'GET /api/notebooks': () => json({ notebooks: [] }),
    'GET /api/connections': () =>
      json({ error: { kind: 'internal', message: 'Boom.', hint: 'See the log.' } }, 500),
    'GET /api/alerts': () => json({ ...alerts, alerts: [] }),
  });
  render(Home, { navigate: () => {} });
  expect((await screen.findByTestId('notebook-list-empty')).textContent).toContain(
    'No notebooks yet.',
  );
  await waitFor(() => expect(document.body.textContent).toContain('See the log.'));
  expect((await screen.findByTestId('anomaly-empty')).textContent).toContain(
    'No anomaly in the 7 days to 31 Mar 2026.',
  );
});

test('creates a notebook from its title and opens it', async () => {
  const { calls } = stubFetch({
    'GET /api/notebooks': () => json({ notebooks }),
    'GET /api/connections': () => json({ connections: [] }),
    'GET /api/alerts': () => json(alerts),
    'POST /api/notebooks': () =>
      json({ id: 'q4-review', text: '', version: 'x', updatedAt: '', diagnostics: [] }, 201),
  });
  const navigate = vi.fn();
  render(Home, { navigate });
  await screen.findAllByTestId('notebook-item');
  await fireEvent.click(screen.getByTestId('new-notebook'));
  await fireEvent.input(screen.getByTestId('new-notebook-title'), {
    target: { value: 'Q4 review' },
  });
  await fireEvent.click(screen.getByTestId('create-notebook'));
  await waitFor(() => expect(navigate).toHaveBeenCalledWith('/notebooks/q4-review'));
  expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ title: 'Q4 review' });
});

test('a refused create shows the server message in the dialog', async () => {
  stubFetch({
    'GET /api/notebooks': () => json({ notebooks }),
    'GET /api/connections': () => json({ connections: [] }),
    'GET /api/alerts': () => json(alerts),
    'POST /api/notebooks': () =>
      json(
        { error: { kind: 'exists', message: 'weekly-cmo exists.', hint: 'Pick another title.' } },
        409,
      ),
  });
  const navigate = vi.fn();
  render(Home, { navigate });
  await screen.findAllByTestId('notebook-item');
  await fireEvent.click(screen.getByTestId('new-notebook'));
  await fireEvent.input(screen.getByTestId('new-notebook-title'), {
    target: { value: 'Weekly CMO' },
  });
  await fireEvent.click(screen.getByTestId('create-notebook'));
  // jsdom does not open <dialog>: its content counts as hidden.
  expect((await screen.findByRole('alert', { hidden: true })).textContent).toContain(
    'Pick another title.',
  );
  expect(navigate).not.toHaveBeenCalled();
});

test('delete asks first, sends the version, then reloads the list', async () => {
  let listed = notebooks;
  const { calls } = stubFetch({
    'GET /api/notebooks': () => json({ notebooks: listed }),
    'GET /api/connections': () => json({ connections: [] }),
    'GET /api/alerts': () => json(alerts),
    'DELETE /api/notebooks/channel-mix': () => {
      listed = notebooks.slice(0, 1);
      return new Response(null, { status: 204 });
    },
  });
  render(Home, { navigate: () => {} });
  await screen.findAllByTestId('notebook-item');
  await fireEvent.click(screen.getAllByTestId('notebook-delete')[1]!);
  expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
  await fireEvent.click(screen.getByTestId('confirm-delete'));
  await waitFor(() => expect(screen.getAllByTestId('notebook-item')).toHaveLength(1));
  expect(calls.find((call) => call.method === 'DELETE')?.url).toBe(
    '/api/notebooks/channel-mix?version=def456',
  );
});

test('rename posts the new id', async () => {
  const { calls } = stubFetch({
    'GET /api/notebooks': () => json({ notebooks }),
    'GET /api/connections': () => json({ connections: [] }),
    'GET /api/alerts': () => json(alerts),
    'POST /api/notebooks/weekly-cmo/rename': () =>
      json({ id: 'cmo', text: '', version: 'y', updatedAt: '', diagnostics: [] }),
  });
  render(Home, { navigate: () => {} });
  await screen.findAllByTestId('notebook-item');
  await fireEvent.click(screen.getAllByTestId('notebook-rename')[0]!);
  await fireEvent.input(screen.getByTestId('rename-notebook-to'), { target: { value: 'cmo' } });
  await fireEvent.click(screen.getByTestId('confirm-rename'));
  await waitFor(() =>
    expect(calls.find((call) => call.url.endsWith('/rename'))?.body).toEqual({ to: 'cmo' }),
  );
});
