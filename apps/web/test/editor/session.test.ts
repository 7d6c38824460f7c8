import type { CellView, NotebookFile, RunEvent } from '@baton/server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError, type EditorClient } from '#lib/editor/client.ts';
import { EditorSession } from '#lib/editor/session.svelte.ts';

const TEXT = '---\ntitle: Weekly\n---\n\n```sql daily\nselect 1 as spend\n```\n';

const file = (text: string, version: string): NotebookFile => ({
  id: 'weekly',
  text,
  version,
  updatedAt: '2026-11-27T00:00:00Z',
  diagnostics: [],
});

/** An EventSource the test feeds by hand. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  static readonly CLOSED = 2;
  readyState = 1;
  listeners = new Map<string, ((message: MessageEvent<string>) => void)[]>();
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(event: RunEvent) {
    for (const listener of this.listeners.get(event.type) ?? []) {
      listener(new MessageEvent(event.type, { data: JSON.stringify(event) }));
    }
  }
  close() {
    this.readyState = 2;
  }
}

function fakeClient(overrides: Partial<EditorClient> = {}) {
  const calls: { name: string; args: unknown[] }[] = [];
  const record =
    <T>(name: string, answer: (...args: never[]) => T) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return answer(...(args as never[]));
    };
  const client: EditorClient = {
    getNotebook: record('getNotebook', async () => file(TEXT, 'v1')),
    saveNotebook: record('saveNotebook', async (_id: string, text: string) => file(text, 'v2')),
    createNotebook: record('createNotebook', async () => ({
      ...file('', 'c1'),
      id: 'weekly-copy',
    })),
    startRun: record('startRun', async () => ({ runId: 'r1' })),
    cancelRun: record('cancelRun', async () => undefined),
    getCell: record('getCell', async (): Promise<CellView> => ({
      cellId: 'daily',
      name: 'daily',
      kind: 'sql',
      status: 'finished',
      page: {
        columns: [{ name: 'spend', type: 'INTEGER' }],
        rows: [[1]],
        offset: 0,
        totalRows: 1,
        cap: 100,
      },
    })),
    getRows: record('getRows', async () => {
      throw new Error('unused');
    }),
    getSchema: record('getSchema', async () => ({ tables: [], cells: [], macros: [] })),
    eventsUrl: (runId: string) => `/api/runs/${runId}/events`,
    ...overrides,
  };
  return { client, calls };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', async () => new Response('{}'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('editor session', () => {
  test('opens the notebook and autosaves edits after the debounce', async () => {
    const { client, calls } = fakeClient();
    const session = new EditorSession('weekly', client);
    await session.open();
    expect(session.load.type).toBe('load-succeeded');
    expect(session.notebook.cells.map((cell) => cell.id)).toEqual(['daily']);
    session.addBlock('chart', 'daily');
    expect(session.save.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(800);
    const save = calls.find((call) => call.name === 'saveNotebook')!;
    expect(save.args[0]).toBe('weekly');
    expect(save.args[1]).toContain('```chart chart_1\ndata: daily');
    expect(save.args[2]).toBe('v1');
    expect(session.save.status).toBe('saved');
  });

  test('a 412 opens the conflict; keep both saves my text as a copy, then loads theirs', async () => {
    const theirs = file(TEXT.replace('select 1', 'select 2'), 'v9');
    const { client, calls } = fakeClient({
      saveNotebook: async () => {
        throw new ApiError(412, { kind: 'conflict', message: 'changed' }, { current: theirs });
      },
    });
    const session = new EditorSession('weekly', client);
    await session.open();
    session.setTitle('Weekly mine');
    const mine = session.text;
    await session.saveNow();
    expect(session.save.status).toBe('conflict');
    expect(session.text).toBe(mine);
    await session.keepBoth();
    const create = calls.find((call) => call.name === 'createNotebook')!;
    // My text, retitled, so the list shows the copy apart from the original.
    expect(create.args).toEqual([
      'Weekly mine (copy)',
      mine.replace('title: Weekly mine', 'title: Weekly mine (copy)'),
    ]);
    expect(session.copy).toEqual({ id: 'weekly-copy', title: 'Weekly mine (copy)' });
    expect(session.text).toBe(theirs.text);
    expect(session.save).toMatchObject({ status: 'saved', version: 'v9' });
  });

  test('reload theirs drops my text', async () => {
    const theirs = file(TEXT.replace('Weekly', 'Theirs'), 'v9');
    const { client } = fakeClient({
      saveNotebook: async () => {
        throw new ApiError(412, { kind: 'conflict', message: 'changed' }, { current: theirs });
      },
    });
    const session = new EditorSession('weekly', client);
    await session.open();
    session.setTitle('Mine');
    await session.saveNow();
    session.reloadTheirs();
    expect(session.text).toBe(theirs.text);
    expect(session.save.status).toBe('saved');
  });

  test('a run sends the buffer and inputs, then follows events and loads results', async () => {
    const { client, calls } = fakeClient();
    const session = new EditorSession('weekly', client);
    await session.open();
    session.inputValues = { period: 'last_7_days' };
    await session.start();
    expect(calls.find((call) => call.name === 'startRun')!.args).toEqual([
      'weekly',
      TEXT,
      { period: 'last_7_days' },
    ]);
    const events = FakeEventSource.last!;
    expect(events.url).toBe('/api/runs/r1/events');
    const info = { cellId: 'daily', name: 'daily', kind: 'sql' as const };
    events.emit({ type: 'run-started', runId: 'r1', params: {}, cells: [info] });
    expect(session.statuses.daily).toBe('running');
    events.emit({
      type: 'cell-finished',
      ...info,
      cached: false,
      durationMs: 5,
      rowCount: 1,
      totalRows: 1,
    });
    events.emit({
      type: 'run-finished',
      runId: 'r1',
      durationMs: 9,
      failed: 0,
      blocked: 0,
      cached: 0,
    });
    await flush();
    expect(session.statuses.daily).toBe('fresh');
    expect(session.results.daily?.type).toBe('result-ready');
    expect(session.viewsByName.get('daily')?.page?.rows).toEqual([[1]]);
    expect(events.readyState).toBe(2);
    session.setBody('daily', 'select 3 as spend');
    expect(session.statuses.daily).toBe('stale');
  });

  test('delete then undo restores the text', async () => {
    const { client } = fakeClient();
    const session = new EditorSession('weekly', client);
    await session.open();
    session.remove('daily');
    expect(session.notebook.cells).toHaveLength(0);
    expect(session.deleted?.label).toBe('daily');
    session.undoDelete();
    expect(session.text).toBe(TEXT);
  });

  test('a rename that cannot apply reports why and changes nothing', async () => {
    const { client } = fakeClient();
    const session = new EditorSession('weekly', client);
    await session.open();
    expect(session.rename('daily', 'Bad Name')?.message).toMatch(/not a SQL identifier/);
    expect(session.text).toBe(TEXT);
    expect(session.rename('daily', 'by_day')).toBeUndefined();
    expect(session.notebook.cells[0]!.name).toBe('by_day');
  });

  test('a notebook that cannot be opened says why', async () => {
    const { client } = fakeClient({
      getNotebook: async () => {
        throw new ApiError(404, {
          kind: 'not-found',
          message: 'No notebook weekly.',
          hint: 'Check the id.',
        });
      },
    });
    const session = new EditorSession('weekly', client);
    await session.open();
    expect(session.load).toEqual({
      type: 'load-failed',
      message: 'No notebook weekly.',
      hint: 'Check the id.',
    });
  });
});
