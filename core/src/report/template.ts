/**
 * `{{ cell.column | format }}` values in prose: the first row's value of a finished cell.
 * The notebook module finds the references and knows the formats; this fills them in.
 */
import { parseTemplateFormat, type TemplateRef } from '../notebook/index.ts';
import type { Notebook } from '../notebook/types.ts';
import type { NotebookRunResult } from '../run/types.ts';
import { columnFormat } from './columns.ts';
import type { Formatter, ValueFormat } from './format.ts';

export type TemplateValue =
  { ok: true; text: string } | { ok: false; reference: string; reason: string };

/** A template format (`number:2`) as a value format; undefined for an unknown name. */
export function valueFormatOf(name: string): ValueFormat | undefined {
  const format = parseTemplateFormat(name);
  if (!format) return undefined;
  if (format.type === 'number' || format.type === 'percent') {
    return { type: format.type, digits: format.decimals };
  }
  return { type: format.type };
}

/** The formatted value of a reference, or why there is none (shown as a marker, never thrown). */
export function resolveTemplateRef(
  ref: TemplateRef,
  context: { notebook: Notebook; run: NotebookRunResult; formatter: Formatter },
): TemplateValue {
  const reference = `${ref.cell}.${ref.column}`;
  const missing = (reason: string): TemplateValue => ({ ok: false, reference, reason });
  const cell = context.notebook.cells.find((candidate) => candidate.name === ref.cell);
  if (!cell) return missing(`no cell named ${ref.cell}`);
  const outcome = context.run.outcomes.get(cell.id);
  if (!outcome) return missing(`${ref.cell} was not run`);
  if (outcome.status === 'failed') return missing(`${ref.cell} failed`);
  if (outcome.status === 'blocked')
    return missing(`${ref.cell} is blocked by ${outcome.blockedBy}`);
  const index = outcome.result.columns.findIndex((column) => column.name === ref.column);
  const column = outcome.result.columns[index];
  if (!column) return missing(`${ref.cell} has no column ${ref.column}`);
  if (outcome.result.rowCount === 0) return missing(`${ref.cell} returned no rows`);
  const values = outcome.result.data[index] ?? [];
  const format =
    ref.format === undefined ? columnFormat(column, values) : valueFormatOf(ref.format);
  if (!format) return missing(`unknown format ${ref.format ?? ''}`);
  return { ok: true, text: context.formatter.format(values[0], format) };
}
