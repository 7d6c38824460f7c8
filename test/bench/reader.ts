/**
 * The reader in Chromium, over the demo workspace served by the real server and web build:
 * (a) time from `page.goto('/read/weekly-cmo')` until the first chart's SVG in the report is
 * visible (target <= 1500 ms), against the same navigation to the notebook's static HTML export;
 * (b) JavaScript the reader loads, gzip sizes summed (target <= 300 KB), against the editor's.
 * Medians of 5; every navigation in a fresh browser context (cold browser cache). One unmeasured
 * navigation of each page first, so both sides read the server's warm result cache. Then the
 * same target with the server's cache cold too: three periods no run has computed (median).
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { serveDemo } from '../support/served-demo.ts';
import { median, type Benchmark, type BenchResult } from './harness.ts';

const RUNS = 5;
const NOTEBOOK = 'weekly-cmo';
/** Explicit periods inside the demo's data, one per uncached visit (median of three). */
const COLD_PERIODS = ['2026-03-01..2026-03-07', '2026-02-01..2026-02-28', '2026-01-05..2026-01-18'];

interface Visit {
  /** From `goto` until the awaited element is visible (or the network is idle). */
  ms: number;
  /** Gzip bytes of every JavaScript response, lazy chunks included (up to network idle). */
  jsBytes: number;
}

/**
 * One navigation in a fresh context. `ready` is a selector to wait for; without one the visit
 * ends at network idle. The export is a download (Content-Disposition: attachment): the route
 * fetches it from the server as usual and hands it to the page inline.
 */
async function visit(browser: Browser, url: string, ready?: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.route('**/export.html*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-disposition'];
      await route.fulfill({ response, headers });
    });
    const scripts: Array<Promise<number>> = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.request().resourceType() === 'script' || type.includes('javascript')) {
        scripts.push(
          response.body().then(
            (body) => gzipSync(body).length,
            () => 0,
          ),
        );
      }
    });
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    if (ready) await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
    else await page.waitForLoadState('networkidle');
    const ms = performance.now() - start;
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(scripts);
    return { ms, jsBytes: sizes.reduce((sum, size) => sum + size, 0) };
  } finally {
    await context.close();
  }
}

async function medianVisit(browser: Browser, url: string, ready?: string): Promise<Visit> {
  const visits: Visit[] = [];
  for (let run = 0; run < RUNS; run++) visits.push(await visit(browser, url, ready));
  return {
    ms: median(visits.map((one) => one.ms)),
    jsBytes: median(visits.map((one) => one.jsBytes)),
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'reader: weekly-cmo in Chromium',
    async run(): Promise<BenchResult[]> {
      const browser = await launchChromium();
      try {
        const server = await serveDemo({ name: 'Bench' });
        try {
          const reader = `${server.url}/read/${NOTEBOOK}`;
          const exported = `${server.url}/api/notebooks/${NOTEBOOK}/export.html`;
          const editor = `${server.url}/notebooks/${NOTEBOOK}`;
          const readerChart = '[data-testid=report] .chart svg';

          // The browser and the server's code paths warm up on the home page, which runs nothing.
          await visit(browser, server.url, '[data-testid=notebook-list]');
          // Server cache cold: each visit asks for a period no run has computed yet.
          const coldVisits: Visit[] = [];
          for (const period of COLD_PERIODS) {
            coldVisits.push(await visit(browser, `${reader}?period=${period}`, readerChart));
          }
          const coldMs = median(coldVisits.map((one) => one.ms));
          await visit(browser, reader, readerChart);
          await visit(browser, exported, '.chart svg');
          const readerVisit = await medianVisit(browser, reader, readerChart);
          const exportVisit = await medianVisit(browser, exported, '.chart svg');
          const editorVisit = await medianVisit(browser, editor);

          const readerLabel = `reader /read/${NOTEBOOK} (results cached on the server)`;
          return [
            {
              name: 'reader: time to first chart, results not cached',
              subject: { label: `reader, ${COLD_PERIODS.length} periods never run`, ms: coldMs },
              baseline: { label: 'the same with results cached', ms: readerVisit.ms },
              ratioLabel: 'time uncached/cached',
              ratio: coldMs / readerVisit.ms,
              target: {},
              limit: {
                label: 'reader, first chart visible, server cache cold',
                value: coldMs,
                unit: 'ms',
                atMost: 1500,
              },
            },
            {
              name: 'reader: time to first chart',
              subject: { label: readerLabel, ms: readerVisit.ms },
              baseline: { label: 'static HTML export', ms: exportVisit.ms },
              ratioLabel: 'time reader/export',
              ratio: readerVisit.ms / exportVisit.ms,
              target: {},
              limit: {
                label: 'reader, first chart visible',
                value: readerVisit.ms,
                unit: 'ms',
                atMost: 1500,
              },
            },
            {
              name: 'reader: JavaScript loaded (gzip)',
              subject: { label: 'reader', ms: readerVisit.ms, bytes: readerVisit.jsBytes },
              baseline: {
                label: `editor /notebooks/${NOTEBOOK} (to network idle)`,
                ms: editorVisit.ms,
                bytes: editorVisit.jsBytes,
              },
              ratioLabel: 'JS bytes reader/editor',
              ratio: readerVisit.jsBytes / editorVisit.jsBytes,
              target: {},
              limit: {
                label: 'reader JavaScript',
                value: readerVisit.jsBytes / 1024,
                unit: 'KB',
                atMost: 300,
              },
            },
          ];
        } finally {
          await server.close();
        }
      } finally {
        await browser.close();
      }
    },
  },
];
