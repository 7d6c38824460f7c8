/**
 * An `ask` cell in a real browser, over the demo workspace: type a question, run, review the
 * drafted SQL and its result, accept it, and find the SQL pinned in the saved notebook file; a
 * question the engine refuses offers questions it can answer, and one click asks one.
 *
 * Needs the web build (`pnpm test` builds it first). Screenshots go to test/artifacts/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCellSpec, parseNotebook } from '@baton/core/notebook';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { serveDemo, type ServedDemo } from '../support/served-demo.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const patience = { timeout: 20_000 };

let server: ServedDemo;
let browser: Browser;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await serveDemo({ name: 'Maison Lumière' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifacts}ask-${name}.png`, fullPage: true });

const cell = (page: Page, id: string) => page.locator(`[data-testid=cell][data-cell-id="${id}"]`);

/** Waits for a cell's status; a cell error shows in the failure message. */
async function waitForStatus(page: Page, id: string, status: string): Promise<void> {
  await expect
    .poll(async () => {
      const current = await cell(page, id).getAttribute('data-status');
      if (current !== 'error' || status === 'error') return current;
      return `error: ${await cell(page, id).textContent()}`;
    }, patience)
    .toBe(status);
}

/** Replaces the text of an ask cell's question field and presses Enter (which runs). */
async function ask(page: Page, id: string, question: string): Promise<void> {
  const field = cell(page, id).getByTestId('ask-question');
  await field.fill(question);
  await field.press('Enter');
}

describe('the ask cell', () => {
  it('drafts SQL for a question, and Accept pins it into the saved notebook', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
    });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    try {
      await page.goto(server.url);
      await page.getByTestId('new-notebook').click();
      await page.getByTestId('new-notebook-title').fill('Questions');
      await page.getByTestId('create-notebook').click();
      await page.waitForURL(/\/notebooks\/questions$/, patience);

      // An ask cell shows a question field, not YAML.
      await page.getByTestId('add-cell').first().click();
      await page.getByTestId('add-cell-ask').click();
      const question = cell(page, 'question_1');
      await question.getByTestId('ask-question').waitFor(patience);
      await ask(page, 'question_1', 'spend by platform last month');
      await waitForStatus(page, 'question_1', 'fresh');

      // The draft: what was understood, the engine, the SQL (highlighted), the result.
      const draft = question.getByTestId('ask-draft');
      await expect.poll(() => draft.textContent(), patience).toContain('Draft — not pinned');
      expect(await question.getByTestId('ask-engine').textContent()).toBe('the built-in engine');
      expect(await question.getByTestId('ask-understood').textContent()).toMatch(/March 2026/);
      await draft.locator('.monaco-editor').waitFor(patience);
      const sql = (await draft.getByTestId('ask-sql').locator('.view-lines').innerText())
        .replace(/\u00a0/g, ' ')
        .trim();
      expect(sql).toMatch(/^select platform/);
      expect(sql).toContain('campaign_daily');
      await expect
        .poll(() => question.getByTestId('results-grid').textContent(), patience)
        .toMatch(/google_ads|meta/);
      await shot(page, '1-draft');

      // Accept: the SQL is pinned in the cell, saved, and the result stays fresh.
      await question.getByTestId('ask-accept').click();
      await question.getByTestId('ask-pinned').waitFor(patience);
      expect(await question.getAttribute('data-status')).toBe('fresh');
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), patience)
        .toMatch(/Saved/);
      const file = await readFile(join(server.dir, 'notebooks', 'questions.md'), 'utf8');
      expect(file).toContain('question: spend by platform last month\nsql: |');
      const saved = parseNotebook(file).notebook.cells.find((c) => c.name === 'question_1')!;
      const spec = parseCellSpec(saved);
      expect(spec).toMatchObject({ spec: { question: 'spend by platform last month' } });
      const pinned = 'spec' in spec ? (spec.spec as { sql?: string }).sql : undefined;
      expect(pinned?.replace(/\s+/g, ' ').trim()).toBe(sql.replace(/\s+/g, ' '));
      await question.getByTestId('sql-editor').locator('.monaco-editor').waitFor(patience);
      await shot(page, '2-pinned');

      // The pinned SQL is edited in the SQL editor: the edit lands in `sql`, block style kept.
      await question.getByTestId('sql-editor').locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' limit 3');
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), patience)
        .toMatch(/Saved/);
      const edited = await readFile(join(server.dir, 'notebooks', 'questions.md'), 'utf8');
      expect(edited).toMatch(/\nsql: \|-?\n {2}select platform[^`]*, platform limit 3\n```/);

      // The pinned SQL runs as it is on the next run.
      await page.getByTestId('run-notebook').click();
      await waitForStatus(page, 'question_1', 'fresh');
      expect(await question.getByTestId('ask-draft').count()).toBe(0);

      // A question it cannot answer: why, and questions it can answer, one click away.
      await page.getByTestId('cell-add-below').first().click();
      await page.getByTestId('cell-add-below-ask').click();
      const refused = cell(page, 'question_2');
      await ask(page, 'question_2', 'what will the weather be tomorrow?');
      await waitForStatus(page, 'question_2', 'error');
      const refusal = refused.getByTestId('ask-refusal');
      await refusal.waitFor(patience);
      const suggestions = refusal.getByTestId('ask-suggestion');
      expect(await suggestions.count()).toBeGreaterThan(0);
      await shot(page, '3-refusal');
      const suggestion = (await suggestions.first().textContent())!.trim();
      await suggestions.first().click();
      await waitForStatus(page, 'question_2', 'fresh');
      expect(await refused.getByTestId('ask-question').inputValue()).toBe(suggestion);
      await refused.getByTestId('ask-draft').waitFor(patience);

      // Dark theme: the same cell, readable.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForTimeout(500);
      await shot(page, '4-dark');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
