import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExampleNotebooks } from '../src/examples.ts';
import { openDemoWorkspace, send, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace();
});
afterAll(() => workspace?.close());

const text = '---\ntitle: Scratch\n---\n\n```sql daily\nselect 1 as x\n```\n';

describe('notebooks API', () => {
  it('lists the seeded examples with titles and cell counts', async () => {
    const { status, body } = await send(workspace.app, 'GET', '/api/notebooks');
    expect(status).toBe(200);
    const ids = body.notebooks.map((notebook: { id: string }) => notebook.id).sort();
    expect(ids).toEqual(['channel-mix', 'next-actions', 'weekly-cmo']);
    const weekly = body.notebooks.find((notebook: { id: string }) => notebook.id === 'weekly-cmo');
    expect(weekly).toMatchObject({ title: 'Weekly CMO report', problems: 0 });
    expect(weekly.cellCount).toBeGreaterThan(3);
    expect(weekly.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('seeding again never replaces an edited notebook', async () => {
    const file = path.join(workspace.dir, 'notebooks', 'channel-mix.md');
    const edited = `${await readFile(file, 'utf8')}\nMy note.\n`;
    await writeFile(file, edited);
    expect(await seedExampleNotebooks(workspace.dir)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(edited);
  });

  it('creates, reads, saves, renames and deletes', async () => {
    const created = await send(workspace.app, 'POST', '/api/notebooks', {
      title: 'Scratch pad',
      text,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'scratch-pad', text, diagnostics: [] });

    const read = await send(workspace.app, 'GET', '/api/notebooks/scratch-pad');
    expect(read.body.version).toBe(created.body.version);

    const saved = await send(workspace.app, 'PUT', '/api/notebooks/scratch-pad', {
      text: `${text}\nMore.\n`,
      baseVersion: created.body.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).not.toBe(created.body.version);

    const renamed = await send(workspace.app, 'POST', '/api/notebooks/scratch-pad/rename', {
      to: 'scratch',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: 'scratch', version: saved.body.version });
    expect((await send(workspace.app, 'GET', '/api/notebooks/scratch-pad')).status).toBe(404);

    const taken = await send(workspace.app, 'POST', '/api/notebooks/scratch/rename', {
      to: 'weekly-cmo',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.kind).toBe('exists');

    const stale = await send(
      workspace.app,
      'DELETE',
      `/api/notebooks/scratch?version=${created.body.version}`,
    );
    expect(stale.status).toBe(412);
    const removed = await send(
      workspace.app,
      'DELETE',
      `/api/notebooks/scratch?version=${saved.body.version}`,
    );
    expect(removed.status).toBe(204);
    expect((await send(workspace.app, 'GET', '/api/notebooks/scratch')).status).toBe(404);
  });

  it('refuses a taken id with 409', async () => {
    const response = await send(workspace.app, 'POST', '/api/notebooks', {
      title: 'x',
      id: 'weekly-cmo',
    });
    expect(response.status).toBe(409);
    expect(response.body.error.kind).toBe('exists');
  });

  it('answers two saves on one base: the first wins, the second gets 412 with the current file', async () => {
    const created = await send(workspace.app, 'POST', '/api/notebooks', { title: 'Race', text });
    const url = `/api/notebooks/${created.body.id}`;
    const [first, second] = await Promise.all([
      send(workspace.app, 'PUT', url, {
        text: `${text}first\n`,
        baseVersion: created.body.version,
      }),
      send(workspace.app, 'PUT', url, {
        text: `${text}second\n`,
        baseVersion: created.body.version,
      }),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(412);
    expect(second.body.error.kind).toBe('conflict');
    expect(second.body.error.hint).toBeTruthy();
    expect(second.body.current).toMatchObject({
      text: `${text}first\n`,
      version: first.body.version,
    });
  });

  it('saves text that does not parse and returns its diagnostics', async () => {
    const created = await send(workspace.app, 'POST', '/api/notebooks', { title: 'Broken', text });
    const broken = '---\ntitle: [oops\n---\n\n```sql a\nselect 1\n';
    const saved = await send(workspace.app, 'PUT', `/api/notebooks/${created.body.id}`, {
      text: broken,
      baseVersion: created.body.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.text).toBe(broken);
    expect(saved.body.diagnostics.length).toBeGreaterThan(0);
    expect(saved.body.diagnostics[0]).toHaveProperty('line');
  });

  it('leaves no temporary file after saves', async () => {
    const names = await readdir(path.join(workspace.dir, 'notebooks'));
    expect(names.filter((name) => !name.endsWith('.md'))).toEqual([]);
  });

  it('refuses ids that try to leave the notebooks folder', async () => {
    for (const url of [
      '/api/notebooks/..%2Fbaton.json',
      '/api/notebooks/..%2F..%2Fetc%2Fpasswd',
      '/api/notebooks/%2Fetc%2Fpasswd',
      '/api/notebooks/Weekly-CMO',
      '/api/notebooks/.hidden',
    ]) {
      const response = await send(workspace.app, 'GET', url);
      expect(response.status, url).toBe(400);
      expect(response.body.error.kind).toBe('usage');
    }
    const created = await send(workspace.app, 'POST', '/api/notebooks', {
      title: 'x',
      id: '../escape',
    });
    expect(created.status).toBe(400);
    const renamed = await send(workspace.app, 'POST', '/api/notebooks/weekly-cmo/rename', {
      to: '/tmp/x',
    });
    expect(renamed.status).toBe(400);
  });

  it('explains a body that does not validate, naming the field', async () => {
    const response = await send(workspace.app, 'PUT', '/api/notebooks/weekly-cmo', { text: 42 });
    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe('usage');
    expect(response.body.error.message).toMatch(/"text"/);
    expect(response.body.error.message).toMatch(/"baseVersion"/);
    expect(response.body.error.hint).toBeTruthy();
  });

  it('refuses a body that is not JSON with a 400', async () => {
    const response = await workspace.app.request('/api/notebooks', {
      method: 'POST',
      body: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('usage');
    expect(body.error.message).toMatch(/JSON/i);
  });
});
