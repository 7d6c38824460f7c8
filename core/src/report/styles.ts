/**
 * The report's stylesheet, inlined: a light page on screen, A4 on paper. System fonts only.
 * Inserted verbatim into <style>, where HTML escapes are not decoded: no `<` here.
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2937; --muted: #6b7280; --rule: #e5e7eb; --soft: #f8fafc; --accent: #d9622b;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: #f3f4f6; }
body {
  margin: 0 auto; max-width: 860px; padding: 48px 56px 32px; background: #fff; color: var(--ink);
  font: 15px/1.6 var(--font); -webkit-font-smoothing: antialiased; min-height: 100vh;
}
header.report-header { border-bottom: 1px solid var(--rule); padding-bottom: 20px; margin-bottom: 28px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 8px; letter-spacing: -0.01em; font-weight: 650; }
.description { color: var(--muted); margin: 0 0 14px; font-size: 16px; }
.inputs { display: flex; flex-wrap: wrap; gap: 6px 8px; margin: 0; padding: 0; list-style: none; }
.inputs li { background: var(--soft); border: 1px solid var(--rule); border-radius: 999px; padding: 2px 12px; font-size: 13px; }
.inputs .input-label { color: var(--muted); }
.prose h1, .prose h2, .prose h3 { line-height: 1.3; margin: 1.6em 0 0.5em; break-after: avoid; }
.prose h1 { font-size: 22px; } .prose h2 { font-size: 20px; } .prose h3 { font-size: 17px; }
.prose p, .prose ul, .prose ol { margin: 0 0 0.9em; }
.prose a { color: var(--accent); }
.prose code { font-size: 0.9em; background: var(--soft); padding: 0 4px; border-radius: 4px; }
.prose blockquote { margin: 0 0 1em; padding: 4px 16px; border-left: 3px solid var(--rule); color: var(--muted); }
.prose table { border-collapse: collapse; margin: 0 0 1em; }
.prose th, .prose td { border-bottom: 1px solid var(--rule); padding: 4px 10px; text-align: left; }
.value { font-weight: 600; font-variant-numeric: tabular-nums; }
.value-missing { color: #b42318; background: #fef3f2; border: 1px dashed #f04438; border-radius: 4px; padding: 0 4px; font-size: 0.9em; }
.image-alt { color: var(--muted); font-style: italic; }
.output { margin: 20px 0 28px; break-inside: avoid; page-break-inside: avoid; }
.output.long { break-inside: auto; page-break-inside: auto; }
.caption { font-weight: 600; font-size: 15px; margin: 0 0 10px; }
.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table.data { width: 100%; border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
table.data th { text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; padding: 6px 10px; border-bottom: 1.5px solid #d1d5db; vertical-align: bottom; }
table.data td { padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.data tr:last-child td { border-bottom: none; }
table.data .num { text-align: right; white-space: nowrap; }
table.data.wide { font-size: 12px; }
table.data.wide th { font-size: 11px; }
table.data.wide th, table.data.wide td { padding: 5px 6px; }
table.data td.null { color: #9ca3af; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
.kpis { display: flex; flex-wrap: wrap; gap: 12px; }
.kpi { flex: 1 1 120px; min-width: max-content; border: 1px solid var(--rule); border-radius: 10px; padding: 14px 16px; background: #fff; }
.kpi-label { color: var(--muted); font-size: 13px; margin-bottom: 4px; }
.kpi-value { font-size: 22px; font-weight: 650; letter-spacing: -0.01em; font-variant-numeric: tabular-nums; white-space: nowrap; }
.actions { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.action { border: 1px solid var(--rule); border-radius: 10px; padding: 12px 16px; background: #fff; break-inside: avoid; }
.action p { margin: 0; }
.action-head { font-size: 15px; }
.action-rank { display: inline-block; min-width: 22px; height: 22px; line-height: 22px; border-radius: 11px; background: var(--soft); text-align: center; font-size: 12px; font-weight: 650; margin-right: 6px; }
.action-target { color: var(--muted); }
.action-reason { margin-top: 6px !important; font-size: 14px; }
.action-impact { margin-top: 6px !important; font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; }
.actions-none { color: var(--muted); }
.actions-summary { margin: 0 0 12px; font-size: 15px; }
.notice { border-radius: 8px; padding: 10px 14px; font-size: 14px; border: 1px solid; }
.notice p { margin: 0; }
.notice .detail { margin-top: 4px; font-size: 13px; color: var(--muted); }
.notice.failed { background: #fef3f2; border-color: #fecdca; }
.notice.failed .title { color: #b42318; font-weight: 600; }
.notice.blocked { background: #fffaeb; border-color: #fedf89; color: #93370d; }
.notice.info { background: var(--soft); border-color: var(--rule); color: var(--muted); }
footer.report-footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; min-height: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
  table.data td { padding: 3px 8px; } table.data th { padding: 4px 8px; }
  .kpi { padding: 10px 12px; } .kpi-value { font-size: 18px; }
  .prose a { color: inherit; text-decoration: none; }
}
@media (max-width: 640px) { body { padding: 24px 18px; } }
`;

/**
 * Scopes a flat stylesheet (rules and `@media` blocks, no nesting) under one class, for a report
 * shown inside another page: `:root`, `html` and `body` become the scope itself, every other
 * selector is prefixed with it, and `@page` (which only a printed file may set) is dropped.
 *
 * @example scopeCss('h1 { margin: 0 }', '.baton-report') // '.baton-report h1 { margin: 0 }'
 */
export function scopeCss(css: string, scope: string): string {
  const out: string[] = [];
  let index = 0;
  while (index < css.length) {
    const open = css.indexOf('{', index);
    if (open === -1) break;
    const prelude = css.slice(index, open).trim();
    if (prelude.startsWith('@media')) {
      const close = matchingBrace(css, open);
      out.push(`${prelude} {\n${scopeCss(css.slice(open + 1, close), scope)}}`);
      index = close + 1;
      continue;
    }
    const close = css.indexOf('}', open);
    const body = css.slice(open + 1, close).trim();
    index = close + 1;
    if (prelude.startsWith('@')) continue;
    const selectors = prelude
      .split(',')
      .map((selector) => scopeSelector(selector.trim(), scope))
      .filter((selector) => selector !== '');
    if (selectors.length > 0) out.push(`${selectors.join(', ')} { ${body} }`);
  }
  return `${out.join('\n')}\n`;
}

function scopeSelector(selector: string, scope: string): string {
  const [first = '', ...rest] = selector.split(/\s+/);
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  // The host page's background is the host's: `html` rules are left out, not moved.
  if (first === 'html') return '';
  if (first === ':root' || first === 'body') return `${scope}${tail}`;
  return `${scope} ${selector}`;
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let index = open; index < css.length; index++) {
    if (css[index] === '{') depth++;
    else if (css[index] === '}' && --depth === 0) return index;
  }
  return css.length;
}

/**
 * REPORT_CSS for the web reader: every rule applies inside `.baton-report` only. The page's
 * `min-height: 100vh` is the printed file's; inside the app the report is as tall as it is.
 */
export const REPORT_CSS_SCOPED = `${scopeCss(REPORT_CSS, '.baton-report')}.baton-report { min-height: 0; }\n`;
