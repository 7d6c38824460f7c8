export { BatonError } from './errors.ts';
export * from './notebook/index.ts';
export { renderReportHtml, type ReportOptions, type ReportLocale } from './report/index.ts';
export * from './model/index.ts';
