/**
 * Static HTML reports of notebook runs: one self-contained file, charts as inline SVG.
 *
 * @example
 * const page = await renderReportHtml({ notebook, run, locale: 'en', currency: 'EUR', generatedAt: new Date() });
 */
export { renderReportHtml, renderReportBody, type ReportOptions } from './render.ts';
export { REPORT_CSS_SCOPED, scopeCss } from './styles.ts';
export type { ReportLocale } from './messages.ts';
