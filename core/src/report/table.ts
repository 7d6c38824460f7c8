/** Query results as a readable table, or as KPI tiles when the result is one row of numbers. */
import type { QueryResult } from '../engine/types.ts';
import { columnFormat, humanize, isNumericType } from './columns.ts';
import type { Formatter } from './format.ts';
import { escapeHtml, html, trustedHtml, type SafeHtml } from './html.ts';
import { MESSAGES } from './messages.ts';

/** Rows shown per table; the full result stays in Baton. */
export const MAX_ROWS = 50;
const MAX_KPIS = 8;
const WIDE_COLUMNS = 7;

/** One row whose columns are all numbers reads best as tiles: "Spend 12 345 €". */
export function isKpiResult(result: QueryResult): boolean {
  return (
    result.rowCount === 1 &&
    result.columns.length > 0 &&
    result.columns.length <= MAX_KPIS &&
    result.columns.every((column) => isNumericType(column.type))
  );
}

export function renderKpis(result: QueryResult, formatter: Formatter): SafeHtml {
  const tiles = result.columns.map((column, index) => {
    const values = result.data[index] ?? [];
    const format = columnFormat(column, values);
    const first = values[0];
    // A tile shows the order of magnitude: cents on thousands of euros are noise there.
    const whole =
      format.type === 'currency' && typeof first === 'number' && Math.abs(first) >= 1000;
    const value = formatter.format(first, whole ? { type: 'currency', digits: 0 } : format);
    return html`<div class="kpi">
      <div class="kpi-label">${humanize(column.name)}</div>
      <div class="kpi-value">${value}</div>
    </div>`;
  });
  return html`<div class="kpis">${tiles}</div>`;
}

const LONG_WORD = /\S{20,}/g;

/**
 * Lets long identifiers (`TT_FR_Conversions_Serum_SparkAds`) wrap after their separators, so
 * that one campaign name cannot push a table wider than the page.
 */
function breakable(text: string): SafeHtml {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(LONG_WORD)) {
    const parts = match[0].split(/(?<=[_\-|/.:])/);
    out += escapeHtml(text.slice(last, match.index)) + parts.map(escapeHtml).join('<wbr>');
    last = match.index + match[0].length;
  }
  return trustedHtml(out + escapeHtml(text.slice(last)));
}

/** ` class="a b"` for the names that are set, or nothing. */
function classes(...names: (string | false)[]): SafeHtml {
  const set = names.filter(Boolean).join(' ');
  return set ? html` class="${set}"` : html``;
}

export function renderTable(result: QueryResult, formatter: Formatter): SafeHtml {
  const messages = MESSAGES[formatter.locale];
  if (result.rowCount === 0) return html`<p class="note">${messages.noRows}</p>`;
  const shown = Math.min(result.rowCount, MAX_ROWS);
  const columns = result.columns.map((column, index) => {
    const values = (result.data[index] ?? []).slice(0, shown);
    const numeric = isNumericType(column.type);
    return { label: humanize(column.name), values, numeric, format: columnFormat(column, values) };
  });
  const head = columns.map(
    (column) => html`<th${classes(column.numeric && 'num')}>${column.label}</th>`,
  );
  const rows = Array.from({ length: shown }, (_, row) => {
    const cells = columns.map((column) => {
      const value = column.values[row];
      const text = formatter.format(value, column.format);
      const content = column.numeric ? text : breakable(text);
      return html`<td${classes(column.numeric && 'num', value === null && 'null')}>${content}</td>`;
    });
    return html`<tr>
      ${cells}
    </tr>`;
  });
  const total = Math.max(result.totalRows, result.rowCount);
  const note =
    shown < total
      ? html`<p class="note">
          ${messages.showingRows(formatter.format(shown, { type: 'number', digits: 0 }), formatter.format(total, { type: 'number', digits: 0 }))}
        </p>`
      : '';
  // Many columns: smaller type, so that the table fits the page on screen and on paper.
  const tableClass = result.columns.length > WIDE_COLUMNS ? 'data wide' : 'data';
  return html`<div class="table-wrap">
      <table class="${tableClass}">
        <thead>
          <tr>
            ${head}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    ${note}`;
}
