/**
 * `{{ cell.column | format }}` values in prose (notebook-format.md): finding them, for the
 * renderer to fill in from the first row of a cell's result, and for validation.
 */

export interface TemplateRef {
  cell: string;
  column: string;
  /** As written after `|`, e.g. `number:2`; undefined when none is given. */
  format?: string;
  /** Offsets of the whole `{{ ... }}` in the text (`end` is exclusive). */
  start: number;
  end: number;
}

/** A `{{ ... }}` that is not a valid reference, with what to write instead. */
export interface TemplateProblem {
  start: number;
  end: number;
  message: string;
}

export type TemplateFormat =
  | { type: 'number'; decimals: number }
  | { type: 'percent'; decimals: number }
  | { type: 'currency' }
  | { type: 'date' };

export const TEMPLATE_FORMATS = ['number', 'number:2', 'percent', 'currency', 'date'];

const TEMPLATE = /\{\{([^{}]*)\}\}/g;
const REFERENCE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(\S+)\s*)?$/;

/**
 * `number` (0 decimals), `number:N`, `percent` (1 decimal, of a ratio), `percent:N`, `currency`,
 * `date`; undefined for anything else.
 */
export function parseTemplateFormat(format: string): TemplateFormat | undefined {
  const match = /^(number|percent|currency|date)(?::(\d))?$/.exec(format);
  if (!match) return undefined;
  const [, type, digits] = match;
  if (type === 'number' || type === 'percent') {
    return { type, decimals: digits === undefined ? (type === 'number' ? 0 : 1) : Number(digits) };
  }
  return digits === undefined ? { type: type as 'currency' | 'date' } : undefined;
}

/**
 * Every `{{ ... }}` in `text`: the references (including those with an unknown format, so a
 * renderer can show a marker there) and what is wrong with the malformed ones.
 */
export function scanTemplates(text: string): { refs: TemplateRef[]; problems: TemplateProblem[] } {
  const refs: TemplateRef[] = [];
  const problems: TemplateProblem[] = [];
  for (const match of text.matchAll(TEMPLATE)) {
    const start = match.index;
    const end = start + match[0].length;
    const inner = REFERENCE.exec(match[1]!);
    if (!inner) {
      problems.push({
        start,
        end,
        message: `${match[0]} is not a value reference: write {{ <cell>.<column> }} or {{ <cell>.<column> | <format> }}.`,
      });
      continue;
    }
    const [, cell = '', column = '', format] = inner;
    if (format !== undefined && !parseTemplateFormat(format)) {
      problems.push({
        start,
        end,
        message: `Unknown format "${format}" in ${match[0]}: use number, number:2, percent, currency or date.`,
      });
    }
    refs.push({ cell, column, ...(format !== undefined ? { format } : {}), start, end });
  }
  return { refs, problems };
}

/**
 * The value references in prose text, in order.
 *
 * @example
 * findTemplateRefs('Spend: {{ totals.spend | currency }}')
 * // [{ cell: 'totals', column: 'spend', format: 'currency', start: 7, end: 36 }]
 */
export function findTemplateRefs(text: string): TemplateRef[] {
  return scanTemplates(text).refs;
}
