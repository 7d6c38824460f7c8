import type { ConnectionView } from '@baton/server';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, expect, test, vi } from 'vitest';
import ConnectionsPanel from '#lib/shell/ConnectionsPanel.svelte';
import { json, stubFetch } from './fetch-stub.ts';

/** An EventSource whose events the test sends. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly url: string;
  closed = false;
  onerror: (() => void) | null = null;
  #listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }

  close(): void {
    this.closed = true;
  }
}

const demo: ConnectionView = {
  name: 'demo',
  plugin: 'demo',
  createdAt: '2026-11-01T10:00:00Z',
  streams: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

test('sync shows live progress from the event stream, then reports the end', async () => {
  const { calls } = stubFetch({
    'POST /api/connections/demo/syncs': () => json({ syncId: 's-1' }, 202),
  });
  vi.stubGlobal('EventSource', FakeEventSource);
  const onsynced = vi.fn();
  render(ConnectionsPanel, { connections: [demo], onsynced });
  expect(screen.getByTestId('connection').textContent).toContain('Never synced');

  await fireEvent.click(screen.getByTestId('connection-sync'));
  await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/connections/syncs/s-1/events'));
  expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/connections/demo/syncs' });

  const source = FakeEventSource.last!;
  source.emit('stream-progress', { type: 'stream-progress', stream: 'ad_daily', rows: 1200 });
  expect((await screen.findByTestId('sync-progress')).textContent).toBe('ad_daily: 1,200 rows');
  source.emit('stream-failed', {
    type: 'stream-failed',
    stream: 'ga_sessions',
    message: 'Quota exceeded.',
    hint: 'Retry in an hour.',
  });
  source.emit('sync-finished', { type: 'sync-finished', status: 'failed', rows: 1200 });
  await waitFor(() => expect(onsynced).toHaveBeenCalled());
  expect(source.closed).toBe(true);
  const card = screen.getByTestId('connection');
  expect(card.textContent).toContain('ga_sessions: Quota exceeded.');
  expect(card.textContent).toContain('Retry in an hour.');
});

test('check says whether the credentials work, with the hint when not', async () => {
  stubFetch({
    'POST /api/connections/demo/check': () =>
      json({ ok: false, reason: 'Token revoked.', hint: 'Run `baton connect demo`.' }),
  });
  render(ConnectionsPanel, { connections: [demo], onsynced: () => {} });
  await fireEvent.click(screen.getByTestId('connection-check'));
  await waitFor(() =>
    expect(screen.getByTestId('connection').textContent).toContain('Token revoked.'),
  );
  expect(screen.getByTestId('connection').textContent).toContain('Run `baton connect demo`.');
});
