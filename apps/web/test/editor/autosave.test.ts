import type { NotebookFile } from '@baton/server';
import { describe, expect, test } from 'vitest';
import { Autosaver, retryDelay, type SaveOutcome } from '#lib/editor/autosave.ts';

/** Timers a test advances by hand. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout: (callback: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await settle();
      }
      now = until;
    },
    get pending() {
      return timers.size;
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const file = (text: string, version: string): NotebookFile => ({
  id: 'weekly',
  text,
  version,
  updatedAt: '2026-11-27T00:00:00Z',
  diagnostics: [],
});

function setup(answers: ((text: string, base: string) => SaveOutcome)[]) {
  const timers = fakeTimers();
  const calls: { text: string; base: string }[] = [];
  const statuses: string[] = [];
  let version = 1;
  const saver = new Autosaver({
    text: 'v0',
    version: 'base',
    delayMs: 800,
    effects: {
      save: async (text, base) => {
        calls.push({ text, base });
        const answer = answers.shift();
        return answer
          ? answer(text, base)
          : { type: 'save-succeeded', file: file(text, `v${version++}`) };
      },
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    },
    onchange: (snapshot) => statuses.push(snapshot.status),
  });
  return { saver, timers, calls, statuses };
}

describe('autosave', () => {
  test('saves once, 800 ms after the last edit', async () => {
    const { saver, timers, calls } = setup([]);
    saver.edit('a');
    await timers.advance(500);
    saver.edit('ab');
    await timers.advance(500);
    expect(calls).toHaveLength(0);
    expect(saver.state.status).toBe('unsaved');
    await timers.advance(300);
    expect(calls).toEqual([{ text: 'ab', base: 'base' }]);
    expect(saver.state).toMatchObject({ status: 'saved', version: 'v1' });
    expect(saver.dirty).toBe(false);
  });

  test('each save is based on the last confirmed version', async () => {
    const { saver, timers, calls } = setup([]);
    saver.edit('a');
    await timers.advance(800);
    saver.edit('b');
    await timers.advance(800);
    expect(calls.map((call) => call.base)).toEqual(['base', 'v1']);
  });

  test('an edit during a save is saved after it', async () => {
    let release: (outcome: SaveOutcome) => void = () => {};
    const timers = fakeTimers();
    const calls: string[] = [];
    const saver = new Autosaver({
      text: '',
      version: 'base',
      effects: {
        save: (text) => {
          calls.push(text);
          return calls.length === 1
            ? new Promise((resolve) => (release = resolve))
            : Promise.resolve({ type: 'save-succeeded', file: file(text, 'v2') });
        },
        setTimeout: timers.setTimeout,
        clearTimeout: timers.clearTimeout,
      },
    });
    saver.edit('first');
    await timers.advance(800);
    expect(saver.state.status).toBe('saving');
    saver.edit('second');
    release({ type: 'save-succeeded', file: file('first', 'v1') });
    await settle();
    expect(saver.state.status).toBe('unsaved');
    await timers.advance(800);
    expect(calls).toEqual(['first', 'second']);
    expect(saver.state).toMatchObject({ status: 'saved', version: 'v2' });
  });

  test('flush saves at once', async () => {
    const { saver, timers, calls } = setup([]);
    saver.edit('now');
    await saver.flush();
    expect(calls).toEqual([{ text: 'now', base: 'base' }]);
    expect(timers.pending).toBe(0);
    await saver.flush();
    expect(calls).toHaveLength(1);
  });

  test('a failed save is retried with backoff, keeping the text', async () => {
    const failed = (): SaveOutcome => ({ type: 'save-failed', message: 'offline' });
    const { saver, timers, calls } = setup([failed, failed]);
    saver.edit('mine');
    await timers.advance(800);
    expect(saver.state).toMatchObject({ status: 'retrying', failures: 1, error: 'offline' });
    await timers.advance(999);
    expect(calls).toHaveLength(1);
    await timers.advance(1);
    expect(calls).toHaveLength(2);
    expect(saver.state).toMatchObject({ status: 'retrying', failures: 2 });
    await timers.advance(2000);
    expect(calls).toHaveLength(3);
    expect(saver.state).toMatchObject({ status: 'saved', failures: 0 });
    expect(saver.text).toBe('mine');
  });

  test('a thrown save counts as a failure', async () => {
    const { saver, timers } = setup([
      () => {
        throw new Error('boom');
      },
    ]);
    saver.edit('x');
    await timers.advance(800);
    expect(saver.state).toMatchObject({ status: 'retrying', error: 'boom' });
  });

  test('backoff doubles up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  test('412 stops saving in the conflict state; my text stays; reset loads theirs', async () => {
    const theirs = file('theirs', 'v9');
    const { saver, timers, calls } = setup([() => ({ type: 'save-conflicted', current: theirs })]);
    saver.edit('mine');
    await timers.advance(800);
    expect(saver.state.status).toBe('conflict');
    expect(saver.state.conflict).toEqual(theirs);
    saver.edit('mine, more');
    await timers.advance(10_000);
    expect(calls).toHaveLength(1);
    expect(saver.text).toBe('mine, more');
    saver.reset(theirs);
    expect(saver.state).toMatchObject({ status: 'saved', version: 'v9' });
    expect(saver.text).toBe('theirs');
    saver.edit('theirs, edited');
    await timers.advance(800);
    expect(calls[1]).toEqual({ text: 'theirs, edited', base: 'v9' });
  });

  test('editing back to the saved text is saved state again', () => {
    const { saver } = setup([]);
    saver.edit('a');
    expect(saver.state.status).toBe('unsaved');
    saver.edit('v0');
    expect(saver.state.status).toBe('saved');
  });
});
