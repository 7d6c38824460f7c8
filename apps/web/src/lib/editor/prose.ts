/**
 * Prose as the editor shows it: Markdown rendered by core's renderer (the report's), with each
 * `{{ cell.column | format }}` filled from the first row of that cell's last result.
 */
import type { CellView } from '@baton/server';
import type { TemplateRef } from '@baton/core/notebook';
import { renderProse } from '@baton/core/report/markdown';
import { columnFormat } from '@baton/core/report/columns';
import { valueFormatOf, type TemplateValue } from '@baton/core/report/template';
import type { Formatter } from '../format.ts';

/** A reference's value from the results by cell name, or why there is none. */
export function resolveFromViews(
  ref: TemplateRef,
  views: ReadonlyMap<string, CellView>,
  formatter: Formatter,
): TemplateValue {
  const reference = `${ref.cell}.${ref.column}`;
  const missing = (reason: string): TemplateValue => ({ ok: false, reference, reason });
  const view = views.get(ref.cell);
  if (!view) return missing(`${ref.cell} has no result yet: run the notebook`);
  if (view.status === 'failed') return missing(`${ref.cell} failed`);
  if (view.status === 'blocked')
    return missing(`${ref.cell} is blocked by ${view.blockedBy ?? '?'}`);
  const page = view.page;
  if (!page) return missing(`${ref.cell} has no table result`);
  const index = page.columns.findIndex((column) => column.name === ref.column);
  const column = page.columns[index];
  if (!column) return missing(`${ref.cell} has no column ${ref.column}`);
  const row = page.rows[0];
  if (!row) return missing(`${ref.cell} returned no rows`);
  const values = page.rows.map((candidate) => candidate[index]) as Parameters<
    typeof columnFormat
  >[1];
  const format =
    ref.format === undefined ? columnFormat(column, values) : valueFormatOf(ref.format);
  if (!format) return missing(`unknown format ${ref.format ?? ''}`);
  return { ok: true, text: formatter.format(values[0], format) };
}

/** The prose's HTML (safe: raw HTML in prose is escaped by the renderer). */
export function proseHtml(
  markdown: string,
  views: ReadonlyMap<string, CellView>,
  formatter: Formatter,
): string {
  return renderProse(
    markdown,
    (ref) => resolveFromViews(ref, views, formatter),
    (reference) => `{{ ${reference} }}`,
  ).toString();
}
