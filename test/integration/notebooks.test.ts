import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotebook, validateNotebook } from '@baton/core/notebook';
import { renderReportHtml } from '@baton/core/report';
import { NotebookRunner } from '@baton/core/run';
import { openWorkspace } from '@baton/core/store';
import type { Warehouse } from '@baton/core/engine';
import { buildTestDemo } from './demo-workspace.ts';

const NOTEBOOKS = path.resolve(import.meta.dirname, '../../notebooks');
const files = (await readdir(NOTEBOOKS)).filter((file) => file.endsWith('.md')).sort();

let dir: string;
let warehouse: Warehouse;

beforeAll(async () => {
  dir = await buildTestDemo();
  ({ warehouse } = await openWorkspace(dir));
});

afterAll(async () => {
  await warehouse?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('example notebooks on the demo workspace', () => {
  it('include a weekly CMO report and a channel-mix notebook', () => {
    expect(files).toEqual(expect.arrayContaining(['weekly-cmo.md', 'channel-mix.md']));
  });

  it.each(files)('%s validates, runs green and renders to HTML', async (file) => {
    const { notebook, diagnostics } = parseNotebook(
      await readFile(path.join(NOTEBOOKS, file), 'utf8'),
    );
    expect(
      [...diagnostics, ...validateNotebook(notebook)].filter((d) => d.severity === 'error'),
    ).toEqual([]);

    const run = await new NotebookRunner(warehouse, {
      now: () => new Date('2026-11-27T08:00:00Z'),
    }).run(notebook);
    const problems = [...run.outcomes].filter(([, outcome]) => outcome.status !== 'finished');
    expect(problems).toEqual([]);
    for (const cell of notebook.cells) {
      const outcome = run.outcomes.get(cell.id);
      if (outcome?.status === 'finished' && cell.kind === 'sql')
        expect(outcome.result.totalRows, cell.id).toBeGreaterThan(0);
    }

    const html = await renderReportHtml({
      notebook,
      run,
      locale: 'fr',
      currency: 'EUR',
      generatedAt: new Date('2026-11-27T08:00:00Z'),
    });
    const charts = notebook.cells.filter((cell) => cell.kind === 'chart').length;
    expect(html.match(/<svg[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(charts);
    expect(html).toContain(notebook.frontMatter.title);
    expect(html).not.toMatch(/<script[\s>]/);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('weekly CMO report compares against the previous period of the same length', async () => {
    const { notebook } = parseNotebook(
      await readFile(path.join(NOTEBOOKS, 'weekly-cmo.md'), 'utf8'),
    );
    const run = await new NotebookRunner(warehouse).run(notebook, {
      inputs: { period: '2026-11-01..2026-11-14' },
    });
    const periods = run.outcomes.get('periods');
    expect(
      periods?.status === 'finished' && periods.result.data.map((column) => column[0]),
    ).toEqual(['2026-11-01', '2026-11-14', '2026-10-18', '2026-10-31']);
    const byPlatform = run.outcomes.get('by_platform');
    expect(byPlatform?.status === 'finished' && byPlatform.result.data[0]).toEqual(
      expect.arrayContaining(['google_ads', 'meta', 'tiktok', 'linkedin']),
    );
  });
});
