/**
 * The web shell in a real browser: the built app (`apps/web/build`) served by `startServer`,
 * driven by the system Chromium through playwright-core.
 *
 * This test builds nothing: `pnpm test` runs `pnpm --filter @baton/web build` first. Run alone,
 * it fails with the command to run when the build is missing. Screenshots go to test/artifacts/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@baton/server';
import { startServer, type RunningServer } from '@baton/server/main';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';

const webRoot = fileURLToPath(new URL('../../apps/web/build/', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const workspaceName = 'Maison Lumière Growth';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(
      `No web build in ${webRoot}. Build it with \`pnpm --filter @baton/web build\` ` +
        '(`pnpm test` does this before running the tests).',
    );
  }
  await mkdir(artifacts, { recursive: true });
  const app = createApp({ workspace: { dir: artifacts, name: workspaceName }, webRoot });
  server = await startServer({ app, port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the web shell', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows the workspace name and a running server (${colorScheme} theme)`, async () => {
      const context = await browser.newContext({
        colorScheme,
        viewport: { width: 1100, height: 700 },
      });
      try {
        const page = await context.newPage();
        const pageErrors: Error[] = [];
        page.on('pageerror', (error) => pageErrors.push(error));

        await page.goto(server.url);
        await expect
          .poll(() => page.getByTestId('workspace-name').textContent(), { timeout: 10_000 })
          .toBe(workspaceName);
        expect(await page.getByTestId('server-status').textContent()).toBe('Server running');
        expect(await page.title()).toBe(`${workspaceName} · Baton`);
        expect(await page.locator('header').textContent()).toContain('Baton');
        expect(await page.textContent('main')).toContain('notebook editor arrives');

        // The theme follows prefers-color-scheme: the page background is light or dark.
        // A string, because this file is type-checked without the DOM library.
        const background = await page.evaluate<string>(
          'getComputedStyle(document.documentElement).backgroundColor',
        );
        const [red = 0, green = 0, blue = 0] = background.match(/\d+/g)!.map(Number);
        const lightness = (red + green + blue) / 3;
        if (colorScheme === 'light') expect(lightness).toBeGreaterThan(200);
        else expect(lightness).toBeLessThan(60);

        await page.screenshot({ path: `${artifacts}shell-home-${colorScheme}.png` });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('says what went wrong and what to do when the API refuses', async () => {
    const page = await browser.newPage();
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
      await page.close();
    }
  });

  it('serves client-side routes from the SPA fallback', async () => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${server.url}/notebooks/weekly-cmo`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('header').textContent()).toContain('Baton');
    } finally {
      await page.close();
    }
  });
});
