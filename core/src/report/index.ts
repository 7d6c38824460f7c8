/**
 * Static HTML reports of notebook runs: one self-contained file, charts as inline SVG.
 *
 * @example
 * const page = await renderReportHtml({ notebook, run, locale: 'en', currency: 'EUR', generatedAt: new Date() });
 */
export { renderReportHtml, type ReportOptions } from './render.ts';
export type { ReportLocale } from './messages.ts';
