/**
 * The analyst's path through the workbench in a real browser, over the demo workspace: create a
 * notebook, write SQL with completion, run it, chart it with the builder, change the period and
 * see the numbers move, read it as a report; the home page's anomaly alerts; and two tabs editing
 * one notebook meet the 412 path.
 *
 * Needs the web build (`pnpm test` builds it first). Screenshots go to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { serveDemo, type ServedDemo } from '../support/served-demo.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const laptop = { width: 1366, height: 768 };
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

/** A fresh English context and a page that collects uncaught errors. */
async function open(): Promise<{ context: BrowserContext; page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({ viewport: laptop, locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifacts}workbench-${name}.png`, fullPage: true });

/** The cell of that name, once the editor shows it. */
const cell = (page: Page, id: string) => page.locator(`[data-testid=cell][data-cell-id="${id}"]`);

/** Waits for a cell's status; a cell error shows in the failure message. */
async function waitForStatus(page: Page, id: string, status: string): Promise<void> {
  await expect
    .poll(async () => {
      const current = await cell(page, id).getAttribute('data-status');
      if (current !== 'error' || status === 'error') return current;
      return `error: ${await cell(page, id).getByTestId('cell-error').textContent()}`;
    }, patience)
    .toBe(status);
}

/** The text of the grid's visible rows (the header excluded). */
async function gridText(page: Page, id: string): Promise<string> {
  return cell(page, id)
    .getByTestId('results-grid')
    .locator('[role=row]')
    .allInnerTexts()
    .then((rows) => rows.slice(1).join('\n'));
}

describe('the notebook workbench', () => {
  it('builds a notebook from SQL to chart to report', async () => {
    const { context, page, pageErrors } = await open();
    try {
      await page.goto(server.url);
      await expect
        .poll(() => page.getByTestId('notebook-list').textContent(), patience)
        .toContain('Weekly CMO report');

      // Create a notebook: it opens in the editor.
      await page.getByTestId('new-notebook').click();
      await page.getByTestId('new-notebook-title').fill('Spend by platform');
      await page.getByTestId('create-notebook').click();
      await page.waitForURL(/\/notebooks\/spend-by-platform$/, patience);

      // A SQL cell: type, accept the completion of a model table, run with Ctrl+Enter.
      await page.getByTestId('add-cell').first().click();
      await page.getByTestId('add-cell-sql').click();
      const query = cell(page, 'query_1');
      await query.getByTestId('sql-editor').locator('.monaco-editor').waitFor(patience);
      await query.getByTestId('sql-editor').locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('select platform, sum(spend) as spend\nfrom campaign_da');
      const suggestions = page.locator('.suggest-widget.visible');
      await expect.poll(() => suggestions.textContent(), patience).toContain('campaign_daily');
      await shot(page, '1-completion');
      await page.keyboard.press('Enter');
      // Spaces, not newlines: Enter would accept the next completion.
      await page.keyboard.type(
        ' where date between $period_start and $period_end group by platform order by spend desc',
      );
      await page.keyboard.press('Escape');
      expect(await query.getByTestId('sql-editor').textContent()).toContain('campaign_daily');
      await page.keyboard.press('ControlOrMeta+Enter');
      await waitForStatus(page, 'query_1', 'fresh');
      await expect
        .poll(() => query.getByTestId('row-count').textContent(), patience)
        .toMatch(/\d+ rows?/);
      const before = await gridText(page, 'query_1');
      expect(before).toMatch(/google|meta|tiktok/i);
      await shot(page, '2-results');

      // A chart cell drawn with the builder.
      await page.getByTestId('add-cell').first().click();
      await page.getByTestId('add-cell-chart').click();
      const chart = cell(page, 'chart_1');
      const builder = chart.getByTestId('chart-builder');
      await builder.getByTestId('chart-data').selectOption('query_1');
      await builder.getByTestId('chart-mark').selectOption('bar');
      await builder.getByTestId('chart-x').selectOption('platform');
      await builder.getByTestId('chart-y').selectOption('spend');
      await page.getByTestId('run-notebook').click();
      await waitForStatus(page, 'chart_1', 'fresh');
      await chart.getByTestId('chart-view').locator('svg').first().waitFor(patience);
      await shot(page, '3-chart');

      // Another period: the numbers change.
      const preset = page.getByTestId('inputs-bar').getByTestId('input-period-preset');
      await preset.selectOption('last_7_days');
      await expect.poll(() => gridText(page, 'query_1'), patience).not.toBe(before);
      await waitForStatus(page, 'query_1', 'fresh');
      await shot(page, '4-period');

      // Everything is saved; the reader shows the report without the editor.
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), patience)
        .toMatch(/Saved/);
      await page.getByTestId('open-reader').click();
      await page.waitForURL(/\/read\/spend-by-platform/, patience);
      const report = page.getByTestId('report');
      await report.locator('svg').first().waitFor(patience);
      expect(await report.textContent()).toContain('Spend by platform');
      expect(await page.locator('.monaco-editor').count()).toBe(0);
      await shot(page, '5-reader');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists the anomaly alerts of the last days on the home page', async () => {
    const { context, page, pageErrors } = await open();
    try {
      await page.goto(server.url);
      const attention = page.getByTestId('needs-attention');
      const alerts = attention.getByTestId('anomaly-alert');
      await alerts.first().waitFor(patience);
      // The demo's runaway TikTok budget of the last days leads, with its money at stake.
      const lead = await alerts.first().innerText();
      expect(lead).toMatch(/Spend up/);
      expect(lead).toMatch(/tiktok/);
      expect(lead).toMatch(/€[\d,]+ at stake/);
      expect(await attention.getByTestId('anomaly-explanation').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('anomaly-placeholder').count()).toBe(0);
      await shot(page, '0-home-alerts');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the 412 path when two tabs edit one notebook', async () => {
    const { context, page: first, pageErrors } = await open();
    try {
      const second = await context.newPage();
      for (const page of [first, second]) {
        await page.goto(`${server.url}/notebooks/channel-mix`);
        await page.getByTestId('cell').first().waitFor(patience);
      }

      // The first tab adds a prose block and saves.
      await first.getByTestId('add-cell').first().click();
      await first.getByTestId('add-cell-prose').click();
      await expect
        .poll(() => first.getByTestId('save-status').textContent(), patience)
        .toMatch(/Saved/);

      // The second tab, still on the old version, edits too: the server answers 412.
      await second.getByTestId('add-cell').first().click();
      await second.getByTestId('add-cell-sql').click();
      const dialog = second.getByTestId('conflict-dialog');
      await dialog.waitFor(patience);
      await shot(second, '6-conflict');

      // Keep both: the second tab's text becomes a copy; this tab shows the first tab's version.
      await dialog.getByTestId('conflict-keep-both').click();
      await expect
        .poll(async () => {
          const response = await fetch(`${server.url}/api/notebooks`);
          const { notebooks } = (await response.json()) as { notebooks: { title: string }[] };
          return notebooks.map((notebook) => notebook.title);
        }, patience)
        .toContain('Channel mix and efficiency (copy)');
      await expect
        .poll(() => second.locator('main').textContent(), patience)
        .toContain('Write a note for readers');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
