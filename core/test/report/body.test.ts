import { describe, expect, it } from 'vitest';
import { renderReportBody, renderReportHtml, scopeCss } from '../../src/report/index.ts';
import { fullReport } from './fixtures.ts';

const generatedAt = new Date(Date.UTC(2026, 10, 27, 12, 0));

describe('renderReportBody', () => {
  it('gives the standalone report body without the document around it', async () => {
    const { notebook, run } = fullReport();
    const options = {
      notebook,
      run,
      locale: 'en' as const,
      currency: 'EUR',
      generatedAt,
      timeZone: 'UTC',
    };
    const { html, css } = await renderReportBody(options);
    const page = await renderReportHtml(options);
    expect(html).not.toMatch(/<(html|head|body)[\s>]|<!doctype/i);
    expect(html).toMatch(/^<header class="report-header">/);
    expect(html).toContain('<main>');
    expect(html).toContain('<footer class="report-footer">');
    expect(html).toContain('<svg');
    // The same pieces as the file: its body holds the same header, cells and footer (Vega numbers
    // clip paths with a counter of its own, so those ids differ from one render to the next).
    const normalize = (text: string) =>
      text
        .replace(/clip\d+/g, 'clip')
        .replace(/\s+/g, ' ')
        .trim();
    const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
    expect(normalize(body)).toBe(normalize(html));
    expect(css).toContain('.baton-report h1');
  });

  it('scopes every rule of the stylesheet under .baton-report', async () => {
    const { notebook, run } = fullReport();
    const { css } = await renderReportBody({
      notebook,
      run,
      locale: 'fr',
      currency: 'EUR',
      generatedAt,
    });
    const selectors = [...css.matchAll(/(^|})\s*([^{}@]+?)\s*\{/g)].flatMap((match) =>
      match[2]!.split(',').map((selector) => selector.trim()),
    );
    expect(selectors.length).toBeGreaterThan(40);
    for (const selector of selectors) expect(selector).toMatch(/^\.baton-report(\s|$)/);
    expect(css).not.toMatch(/(^|[\s}])(html|body|:root)\s*[{,]/);
    expect(css).not.toContain('@page');
  });
});

describe('scopeCss', () => {
  it('prefixes selectors, maps :root and body to the scope, drops html and @page', () => {
    expect(
      scopeCss(
        ':root { --a: 1; } html { x: 1 } body p, h1 { y: 2 } @page { size: A4; } @media print { h2 { z: 3 } }',
        '.s',
      ),
    ).toBe('.s { --a: 1; }\n.s p, .s h1 { y: 2 }\n@media print {\n.s h2 { z: 3 }\n}\n');
  });
});
