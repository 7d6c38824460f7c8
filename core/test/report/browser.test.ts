/**
 * The report in a real browser (the system Chromium, through playwright-core): it loads
 * nothing from the network, raises no errors, fits the page width, and prints to A4.
 * Screenshots go to test/artifacts/ for a person to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.ts';
import { launchChromium } from '../../../test/support/chromium.ts';
import { fullReport } from './fixtures.ts';

const artifacts = fileURLToPath(new URL('../../../test/artifacts/', import.meta.url));
const generatedAt = new Date(Date.UTC(2026, 10, 27, 12, 0));

describe('report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`renders offline without errors and prints to A4 (${locale})`, async () => {
      const { notebook, run } = fullReport();
      const page = await renderReportHtml({
        notebook,
        run,
        locale,
        currency: 'EUR',
        generatedAt,
        timeZone: 'UTC',
      });
      const suffix = locale === 'en' ? '' : `-${locale}`;
      await writeFile(`${artifacts}report${suffix}.html`, page);

      const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      const problems: string[] = [];
      await tab.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      tab.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(message.text());
      });
      tab.on('pageerror', (error) => problems.push(error.message));
      await tab.setContent(page, { waitUntil: 'load' });

      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
      // Expressions as strings: this file is type-checked without the DOM library.
      const layout = await tab.evaluate(`({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        font: getComputedStyle(document.body).fontFamily,
        charts: document.querySelectorAll('.chart svg').length,
        kpis: document.querySelectorAll('.kpi').length,
      })`);
      expect(layout).toEqual({
        overflow: 0,
        font: expect.stringContaining('Segoe UI'),
        charts: 2,
        kpis: 5,
      });

      await tab.screenshot({ path: `${artifacts}report${suffix}.png`, fullPage: true });
      const pdf = await tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await writeFile(`${artifacts}report${suffix}.pdf`, pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(5);
      await tab.close();
    });
  }
});
