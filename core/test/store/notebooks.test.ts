import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatonError } from '../../src/errors.ts';
import { parseNotebook } from '../../src/notebook/index.ts';
import {
  NotebookConflictError,
  NotebookStore,
  notebookVersion,
} from '../../src/store/notebooks.ts';

let dir: string;
let store: NotebookStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-notebooks-'));
  store = new NotebookStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sample = `---
title: Spend
description: Spend by day
---

\`\`\`sql daily
select 1 as x
\`\`\`
`;

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof BatonError ? error.kind : String(error);
  }
}

describe('NotebookStore', () => {
  it('lists nothing when the folder does not exist yet', async () => {
    expect(await store.list()).toEqual([]);
  });

  it('creates from a title, then reads and lists with title, cells and version', async () => {
    const created = await store.create({ title: 'Rapport hebdo: Été 2026!', text: sample });
    expect(created.id).toBe('rapport-hebdo-ete-2026');
    expect(created.version).toBe(notebookVersion(sample));
    expect((await store.read(created.id)).text).toBe(sample);
    const [summary] = await store.list();
    expect(summary).toMatchObject({
      id: 'rapport-hebdo-ete-2026',
      title: 'Spend',
      description: 'Spend by day',
      cellCount: 1,
      problems: 0,
    });
  });

  it('gives a derived id a suffix when taken, and refuses a taken explicit id', async () => {
    await store.create({ title: 'Weekly' });
    expect((await store.create({ title: 'Weekly' })).id).toBe('weekly-2');
    expect(await kindOf(store.create({ title: 'x', id: 'weekly' }))).toBe('exists');
  });

  it('writes a starter front matter with the title and a period when no text is given', async () => {
    const created = await store.create({ title: 'Q1: "best" month' });
    expect(created.text).toContain('title:');
    expect(created.diagnostics).toEqual([]);
    expect(parseNotebook(created.text).notebook.frontMatter.inputs).toMatchObject([
      { name: 'period', type: 'date_range', default: 'last_28_days' },
    ]);
    expect((await store.list())[0]!.title).toBe('Q1: "best" month');
  });

  it('saves on the current version and refuses a stale one with the current file', async () => {
    const created = await store.create({ title: 'a', text: sample });
    const first = store.save('a', `${sample}\nfirst\n`, created.version);
    const second = store.save('a', `${sample}\nsecond\n`, created.version);
    const [won, lost] = await Promise.allSettled([first, second]);
    expect(won.status).toBe('fulfilled');
    expect(lost.status).toBe('rejected');
    const error = (lost as PromiseRejectedResult).reason as NotebookConflictError;
    expect(error.kind).toBe('conflict');
    expect(error.current.text).toBe(`${sample}\nfirst\n`);
    expect(await readFile(path.join(dir, 'notebooks', 'a.md'), 'utf8')).toBe(`${sample}\nfirst\n`);
  });

  it('sees a change made by another editor on disk', async () => {
    const created = await store.create({ title: 'a', text: sample });
    await writeFile(path.join(dir, 'notebooks', 'a.md'), `${sample}edited elsewhere\n`);
    expect(await kindOf(store.save('a', 'mine', created.version))).toBe('conflict');
  });

  it('saves text with parse errors and reports them', async () => {
    const created = await store.create({ title: 'a', text: sample });
    const broken = '---\ntitle: [unclosed\n---\n\n```sql x\nselect 1\n';
    const saved = await store.save('a', broken, created.version);
    expect(saved.text).toBe(broken);
    expect(saved.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect((await store.list())[0]!.problems).toBeGreaterThan(0);
  });

  it('leaves no temporary file behind', async () => {
    let file = await store.create({ title: 'a', text: sample });
    for (let index = 0; index < 5; index++) {
      file = await store.save('a', `${sample}${index}\n`, file.version);
    }
    expect(await readdir(path.join(dir, 'notebooks'))).toEqual(['a.md']);
  });

  it('renames, refusing a taken name, and deletes with an optional version check', async () => {
    const a = await store.create({ title: 'a', text: sample });
    await store.create({ title: 'b', text: sample });
    expect(await kindOf(store.rename('a', 'b'))).toBe('exists');
    const moved = await store.rename('a', 'c');
    expect(moved).toMatchObject({ id: 'c', version: a.version });
    expect(await kindOf(store.read('a'))).toBe('not-found');
    expect(await kindOf(store.remove('c', '0000000000000000'))).toBe('conflict');
    await store.remove('c', a.version);
    await store.remove('b');
    expect(await store.list()).toEqual([]);
  });

  it('refuses ids that could leave the folder', async () => {
    await mkdir(path.join(dir, 'notebooks'), { recursive: true });
    await writeFile(path.join(dir, 'secret.md'), 'secret');
    for (const id of [
      '../secret',
      '..',
      '/etc/passwd',
      'A',
      '.hidden',
      'a/b',
      'a\\b',
      '',
      'x'.repeat(65),
    ]) {
      expect(await kindOf(store.read(id))).toBe('usage');
      expect(await kindOf(store.create({ title: 't', id }))).toBe('usage');
    }
    expect(await kindOf(store.rename('x', '../secret'))).toBe('usage');
  });

  it('ignores files that are not notebooks', async () => {
    await mkdir(path.join(dir, 'notebooks'), { recursive: true });
    await writeFile(path.join(dir, 'notebooks', '.a.md.123.tmp'), 'x');
    await writeFile(path.join(dir, 'notebooks', 'Upper.md'), 'x');
    await writeFile(path.join(dir, 'notebooks', 'notes.txt'), 'x');
    expect(await store.list()).toEqual([]);
  });
});
