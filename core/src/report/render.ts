/**
 * The whole report: header, blocks in file order, footer, as one self-contained HTML file, or as
 * a body and a scoped stylesheet for the web reader.
 */
import type { TemplateRef } from '../notebook/index.ts';
import type { Notebook } from '../notebook/types.ts';
import type { NotebookRunResult } from '../run/types.ts';
import { renderCell } from './cell.ts';
import { createFormatter } from './format.ts';
import { html, trustedHtml, type SafeHtml } from './html.ts';
import { summarizeInputs } from './inputs.ts';
import { renderProse } from './markdown.ts';
import { MESSAGES, type ReportLocale } from './messages.ts';
import { REPORT_CSS, REPORT_CSS_SCOPED } from './styles.ts';
import { resolveTemplateRef } from './template.ts';

export interface ReportOptions {
  notebook: Notebook;
  run: NotebookRunResult;
  locale: ReportLocale;
  /** ISO 4217 code of the reporting currency, e.g. `EUR`. */
  currency: string;
  /** Shown in the footer. */
  generatedAt: Date;
  /** Time zone of the footer's time (default: the process's). */
  timeZone?: string;
}

// Nothing may load or run: styles are inline, images are data: URLs, there is no script.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The report's pieces: its title, header, blocks and footer, from which both outputs are made. */
interface ReportParts {
  title: string;
  header: SafeHtml;
  blocks: SafeHtml[];
  footer: SafeHtml;
}

/**
 * Renders a run of a notebook as one static HTML file that opens offline: prose, values,
 * tables, KPI tiles and charts (as inline SVG), styled for screen and A4 print.
 *
 * @example await writeFile('report.html', await renderReportHtml({ notebook, run, locale: 'fr', currency: 'EUR', generatedAt: new Date() }))
 */
export async function renderReportHtml(options: ReportOptions): Promise<string> {
  const { title, header, blocks, footer } = await renderParts(options);
  const page = html`<!doctype html>
    <html lang="${options.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
        <meta name="generator" content="Baton" />
        <title>${title}</title>
        <style>
          ${trustedHtml(REPORT_CSS)}
        </style>
      </head>
      <body>
        ${header}
        <main>${blocks.map((block) => html`${block} `)}</main>
        ${footer}
      </body>
    </html> `;
  return `${page.value.trimEnd()}\n`;
}

/**
 * The same report for a page that is not its own: `html` is the header, the blocks and the
 * footer (no `<html>` or `<head>`), to place inside an element of class `baton-report`; `css` is
 * the report's stylesheet with every rule scoped under `.baton-report`, so it styles nothing else.
 *
 * @example
 * const { html, css } = await renderReportBody({ notebook, run, locale: 'en', currency: 'EUR', generatedAt: new Date() });
 * container.innerHTML = `<style>${css}</style><div class="baton-report">${html}</div>`;
 */
export async function renderReportBody(
  options: ReportOptions,
): Promise<{ html: string; css: string }> {
  const { header, blocks, footer } = await renderParts(options);
  const body = html`${header}
    <main>${blocks.map((block) => html`${block} `)}</main>
    ${footer}`;
  return { html: `${body.value.trim()}\n`, css: REPORT_CSS_SCOPED };
}

async function renderParts(options: ReportOptions): Promise<ReportParts> {
  const { notebook, run, locale, currency } = options;
  const formatter = createFormatter({
    locale,
    currency,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const messages = MESSAGES[locale];
  const { title, description, inputs } = notebook.frontMatter;
  const names = new Map(notebook.cells.map((cell) => [cell.id, cell.name ?? cell.kind]));
  const nameOf = (cellId: string) => names.get(cellId) ?? cellId;

  const blocks: SafeHtml[] = [];
  let cellIndex = 0;
  for (const block of notebook.blocks) {
    if (block.type === 'prose') {
      if (block.prose.text.trim() === '') continue;
      const resolve = (ref: TemplateRef) => resolveTemplateRef(ref, { notebook, run, formatter });
      blocks.push(
        html`<section class="prose">
          ${renderProse(block.prose.text, resolve, messages.missingValue)}
        </section>`,
      );
    } else {
      const idPrefix = `cell${++cellIndex}`;
      blocks.push(
        await renderCell(block.cell, run.outcomes.get(block.cell.id), {
          formatter,
          currency,
          idPrefix,
          nameOf,
        }),
      );
    }
  }

  const inputItems = summarizeInputs(inputs, run.params, formatter).map(
    (input) => html`<li><span class="input-label">${input.label}:</span> ${input.value}</li>`,
  );
  const header = html`<header class="report-header">
    <h1>${title}</h1>
    ${description ? html`<p class="description">${description}</p>` : ''}
    ${
      inputItems.length > 0
        ? html`<ul class="inputs">
            ${inputItems}
          </ul>`
        : ''
    }
  </header>`;
  const footer = html`<footer class="report-footer">
    ${messages.generatedBy(formatter.moment(options.generatedAt))}
  </footer>`;
  return { title, header, blocks, footer };
}
