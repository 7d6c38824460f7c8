/**
 * The web shell, home and reader in a real browser: the built app (`apps/web/build`) served by
 * `startServer` over the demo workspace (example notebooks seeded), driven by the system Chromium
 * through playwright-core.
 *
 * This test builds nothing: `pnpm test` runs `pnpm --filter @baton/web build` first. Run alone,
 * it fails with the command to run when the build is missing. Screenshots go to test/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { serveDemo, type ServedDemo } from '../support/served-demo.ts';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const workspaceName = 'Maison Lumière Growth';
const laptop = { width: 1366, height: 768 };

let server: ServedDemo;
let browser: Browser;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  server = await serveDemo({ name: workspaceName });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (no saved preferences) and a page that collects uncaught errors. */
async function open(options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: laptop, ...options });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/** The page background's lightness, 0 (black) to 255 (white). */
async function backgroundLightness(page: Page): Promise<number> {
  // A string, because this file is type-checked without the DOM library.
  const background = await page.evaluate<string>(
    'getComputedStyle(document.documentElement).backgroundColor',
  );
  const [red = 0, green = 0, blue = 0] = background.match(/\d+/g)!.map(Number);
  return (red + green + blue) / 3;
}

describe('the web shell and home', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the workspace, a running server and the notebooks (${colorScheme} theme)`, async () => {
      const { context, page, pageErrors } = await open({ colorScheme });
      try {
        await page.goto(server.url);
        await expect
          .poll(() => page.getByTestId('workspace-name').textContent(), { timeout: 10_000 })
          .toBe(workspaceName);
        expect(await page.getByTestId('server-status').textContent()).toBe('Server running');
        await expect.poll(() => page.title()).toBe(`${workspaceName} · Baton`);
        expect(await page.locator('header').first().textContent()).toContain('Baton');

        const list = page.getByTestId('notebook-list');
        await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('Weekly CMO');
        const items = page.getByTestId('notebook-item');
        expect(await items.count()).toBe(3); // the example notebooks
        // The demo's anomaly alerts (its TikTok spend runaway leads).
        await page.getByTestId('anomaly-alert').first().waitFor({ timeout: 20_000 });

        const lightness = await backgroundLightness(page);
        if (colorScheme === 'light') expect(lightness).toBeGreaterThan(200);
        else expect(lightness).toBeLessThan(60);

        await page.screenshot({ path: `${artifacts}shell-home-${colorScheme}.png` });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('keeps the chosen theme and language across a reload', async () => {
    const { context, page, pageErrors } = await open({ colorScheme: 'light' });
    try {
      await page.goto(server.url);
      await page.getByTestId('theme-switch').selectOption('dark');
      await page.getByTestId('locale-switch').selectOption('fr');
      await page.reload();
      await expect
        .poll(() => page.evaluate<string>('document.documentElement.dataset.theme ?? ""'))
        .toBe('dark');
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('fr');
      expect(await backgroundLightness(page)).toBeLessThan(60);
      await expect
        .poll(() => page.getByTestId('new-notebook').textContent())
        .toContain('Nouveau notebook');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the shortcuts help with "?"', async () => {
    const { context, page } = await open();
    try {
      await page.goto(server.url);
      await page.getByTestId('notebook-list').waitFor();
      await page.keyboard.press('?');
      await page.getByTestId('shortcuts-help').waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await page.getByTestId('shortcuts-help').waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it('creates a notebook and opens it in the editor', async () => {
    const { context, page } = await open();
    try {
      await page.goto(server.url);
      await page.getByTestId('notebook-list').waitFor();
      await page.getByTestId('new-notebook').click();
      await page.getByTestId('new-notebook-title').fill('Shell test notebook');
      await page.getByTestId('create-notebook').click();
      await page.waitForURL(/\/notebooks\/shell-test-notebook$/);
    } finally {
      await context.close();
    }
  });

  it('says what went wrong and what to do when the API refuses', async () => {
    const { context, page } = await open();
    try {
      await page.route('**/api/health', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { kind: 'internal', message: 'Health check failed.', hint: 'See the log.' },
          }),
        }),
      );
      await page.goto(server.url);
      const card = page.getByRole('region', { name: 'Server status' });
      await expect
        .poll(() => card.textContent(), { timeout: 10_000 })
        .toContain('Server unreachable');
      expect(await card.textContent()).toContain('Health check failed.');
      expect(await card.textContent()).toContain('See the log.');
    } finally {
      await context.close();
    }
  });

  it('serves client-side routes from the SPA fallback', async () => {
    const { context, page } = await open();
    try {
      const response = await page.goto(`${server.url}/notebooks/weekly-cmo`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('header').first().textContent()).toContain('Baton');
    } finally {
      await context.close();
    }
  });
});

describe('the reader', () => {
  it('shows the report with its charts; inputs go to the URL and the export link; French on demand', async () => {
    const { context, page, pageErrors } = await open({ colorScheme: 'light' });
    try {
      const scripts: Array<Promise<Buffer>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.body());
      });
      await page.goto(`${server.url}/read/weekly-cmo`);
      const report = page.getByTestId('report');
      await report.locator('.chart svg').first().waitFor({ state: 'visible', timeout: 30_000 });
      // The reader stays light: no editor, no chart library, no YAML or Markdown parser.
      await page.waitForLoadState('networkidle');
      const bodies = await Promise.all(scripts);
      const gzipBytes = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
      expect(gzipBytes).toBeLessThan(300 * 1024);
      expect(bodies.some((body) => body.includes('YAMLParseError'))).toBe(false);
      expect(await report.textContent()).toContain('Weekly CMO report');
      expect(await page.getByTestId('open-editor').getAttribute('href')).toBe(
        '/notebooks/weekly-cmo',
      );
      expect(await page.locator('.monaco-editor').count()).toBe(0);
      await page.screenshot({ path: `${artifacts}reader-en.png`, fullPage: true });

      await page.getByTestId('input-period-preset').selectOption('last_28_days');
      await page.waitForURL(/[?&]period=last_28_days/);
      expect(await page.getByTestId('download-html').getAttribute('href')).toBe(
        '/api/notebooks/weekly-cmo/export.html?period=last_28_days&locale=en',
      );

      await page.getByTestId('locale-switch').selectOption('fr');
      await expect.poll(() => report.getAttribute('lang'), { timeout: 30_000 }).toBe('fr');
      await expect.poll(() => page.getByTestId('open-editor').textContent()).toContain('Modifier');
      await report.locator('.chart svg').first().waitFor({ state: 'visible' });
      await page.screenshot({ path: `${artifacts}reader-fr.png`, fullPage: true });

      // On paper: the report only.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.topbar').isVisible()).toBe(false);
      expect(await page.getByTestId('inputs-bar').isVisible()).toBe(false);
      expect(await report.isVisible()).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a link with explicit dates reproduces the view', async () => {
    const { context, page, pageErrors } = await open();
    try {
      await page.goto(`${server.url}/read/weekly-cmo?period=2026-03-01..2026-03-31`);
      await page.getByTestId('report').locator('.chart svg').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('input-period-preset').inputValue()).toBe('custom');
      expect(await page.getByTestId('input-period-start').inputValue()).toBe('2026-03-01');
      expect(await page.getByTestId('input-period-end').inputValue()).toBe('2026-03-31');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an unknown notebook shows the server's message", async () => {
    const { context, page } = await open();
    try {
      await page.goto(`${server.url}/read/no-such-notebook`);
      const error = page.getByTestId('report-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toContain('no-such-notebook');
    } finally {
      await context.close();
    }
  });
});

describe('the connections panel', () => {
  it('checks a connection and follows a sync to its end', async () => {
    const { context, page, pageErrors } = await open();
    try {
      await page.goto(server.url);
      const card = page.getByTestId('connection').first();
      await card.waitFor({ timeout: 10_000 });
      await card.getByTestId('connection-check').click();
      await expect
        .poll(() => card.textContent(), { timeout: 30_000 })
        .toContain('Credentials work.');
      await card.getByTestId('connection-sync').click();
      await expect.poll(() => card.textContent(), { timeout: 120_000 }).toContain('Sync finished.');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
