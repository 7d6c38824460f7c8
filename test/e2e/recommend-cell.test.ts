/**
 * A `recommend` cell in a real browser, over the demo workspace: the example notebook
 * `next-actions` runs, its actions show as ranked cards, an action's evidence opens, and "Add as
 * SQL cell" puts the evidence's query in a new SQL cell below, which runs and shows the rows
 * behind the numbers; the raw table is one toggle away; the cards read in French and in dark.
 *
 * Needs the web build (`pnpm test` builds it first). Screenshots go to test/artifacts/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNotebook } from '@baton/core/notebook';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { serveDemo, type ServedDemo } from '../support/served-demo.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const patience = { timeout: 30_000 };

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

/**
 * A screenshot of one element, cut from the full page (an element screenshot would scroll it
 * under the editor's sticky header).
 */
async function shot(page: Page, element: Locator, name: string): Promise<void> {
  const box = await element.boundingBox();
  if (!box) throw new Error(`No box to screenshot for ${name}: the element is not shown.`);
  const scrollY = Number(await page.evaluate('window.scrollY'));
  const clip = { ...box, y: box.y + scrollY };
  await page.screenshot({
    path: `${artifacts}recommend-${name}.png`,
    fullPage: true,
    clip,
    animations: 'disabled',
  });
}

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

const ACTION_NAMES = [
  'Pause',
  'Cut the budget',
  'Raise the budget',
  'Shift budget',
  'Refresh the creative',
  'Fix tracking',
  'Investigate',
];

describe('the recommend cell', () => {
  it('shows actions as cards; an evidence becomes a SQL cell that runs and shows its rows', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
    });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    try {
      await page.goto(`${server.url}/notebooks/next-actions`);
      const actions = cell(page, 'actions');
      await actions.waitFor(patience);
      // The settings stay editable YAML above the result.
      expect(await actions.getByLabel('Cell settings (YAML)').count()).toBe(1);

      await page.getByTestId('run-notebook').click();
      await waitForStatus(page, 'actions', 'fresh');

      // Ranked cards: rank 1 first, the action in words, the reason, the impact, the confidence.
      const cards = actions.getByTestId('recommend-action');
      await cards.first().waitFor(patience);
      const count = await cards.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(8);
      const first = cards.first();
      expect(
        await first.getByTestId('recommend-rank').locator('[aria-hidden=true]').textContent(),
      ).toBe('1');
      expect(ACTION_NAMES).toContain(
        await first.getByTestId('recommend-action-name').textContent(),
      );
      expect((await first.getByTestId('recommend-reason').textContent())?.length).toBeGreaterThan(
        20,
      );
      expect(await first.getByTestId('recommend-impact').textContent()).toMatch(
        /(Expected|At stake|Unrecorded): .+ over \d+ days[\s\S]*confidence \d+%/,
      );
      expect(await actions.getByTestId('results-grid').count()).toBe(0);
      await shot(page, actions, '1-cards');

      // The evidence opens from the keyboard: label, period, figures, and the button.
      const toggle = first.getByTestId('recommend-evidence-toggle');
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const evidence = first.getByTestId('recommend-evidence');
      await evidence.waitFor(patience);
      const item = evidence.getByTestId('recommend-evidence-item').first();
      expect(await item.getByTestId('recommend-evidence-period').textContent()).toMatch(/2026/);
      expect(await item.locator('dl.figures dd').count()).toBeGreaterThan(0);
      await shot(page, actions, '2-evidence');

      // Add as SQL cell: a SQL cell right below the recommend cell, saved in the file.
      // From the keyboard too: Tab from the disclosure reaches the button, Enter adds.
      await page.keyboard.press('Tab');
      expect(
        await item
          .getByTestId('recommend-add-sql')
          .evaluate((node) => node.ownerDocument.activeElement === node),
      ).toBe(true);
      await page.keyboard.press('Enter');
      const added = cell(page, 'evidence_1');
      await added.waitFor(patience);
      const order = await page
        .getByTestId('cell')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-cell-id')));
      expect(order.indexOf('evidence_1')).toBe(order.indexOf('actions') + 1);
      expect(await added.getAttribute('data-cell-kind')).toBe('sql');
      expect(await actions.getByTestId('recommend-added').textContent()).toContain('evidence_1');
      await expect
        .poll(() => page.getByTestId('save-status').textContent(), patience)
        .toMatch(/Saved/);
      const file = await readFile(join(server.dir, 'notebooks', 'next-actions.md'), 'utf8');
      const saved = parseNotebook(file).notebook.cells;
      expect(saved.map((c) => c.name).slice(0, 2)).toEqual(['actions', 'evidence_1']);
      expect(saved[1]!.body).toMatch(/^select /);

      // Run: the new cell shows the rows behind the numbers.
      await page.getByTestId('run-notebook').click();
      await waitForStatus(page, 'evidence_1', 'fresh');
      const grid = added.getByTestId('results-grid');
      await grid.waitFor(patience);
      expect(await grid.getByTestId('results-empty').count()).toBe(0);
      expect(await added.getByTestId('row-count').textContent()).toMatch(/[1-9]\d* rows?/);
      await added.scrollIntoViewIfNeeded();
      await shot(page, added, '3-evidence-rows');

      // The raw table is one toggle away, and back.
      const viewToggle = actions.getByTestId('recommend-view-toggle');
      await viewToggle.click();
      await actions.getByTestId('results-grid').waitFor(patience);
      expect(await actions.getByTestId('results-grid').textContent()).toContain('evidence');
      await viewToggle.click();
      await cards.first().waitFor(patience);

      // French, then dark: the same cards, readable.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByTestId('locale-switch').selectOption('fr');
      await expect
        .poll(() => actions.getByTestId('recommend-view-toggle').textContent(), patience)
        .toMatch(/Voir le tableau/);
      expect(await first.getByTestId('recommend-impact').textContent()).toMatch(
        /(Attendu|En jeu|Non enregistré) : .+ sur \d+ jours[\s\S]*confiance \d+\s%/,
      );
      expect(await actions.getByTestId('recommend-added').textContent()).toContain(
        'Cellule SQL evidence_1 ajoutée',
      );
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForTimeout(300);
      await shot(page, actions, '4-fr-dark');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
