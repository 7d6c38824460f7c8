/**
 * Binding inputs: a notebook's declared inputs, with their defaults and the caller's overrides,
 * become the values of the SQL parameters (`$period_start`, `$platform`, ...). Values are bound
 * as prepared-statement parameters by the runner, never spliced into SQL.
 */

import { readDate, readDateRange } from './dates.ts';
import type { FrontMatter, InputDefinition, NotebookDiagnostic } from './types.ts';

export type ParamValue = string | number | string[] | null;

export interface ResolvedInputs {
  /** One entry per SQL parameter: `<name>` or, for a date range, `<name>_start` and `<name>_end`. */
  params: Record<string, ParamValue>;
  /** Overrides that could not be used (the default is bound instead) and unknown overrides. */
  diagnostics: NotebookDiagnostic[];
}

/**
 * Resolves input values. An override is text as it comes from a URL or the CLI:
 * `period=last_7_days` or `period=2026-01-01..2026-01-31`, `platform=meta`,
 * `platforms=meta,tiktok` (multi_select), `min_spend=250`, `day=2026-03-01`.
 *
 * Without a default: a select binds its first static option, a multi_select all its static
 * options, a text input `''`, the others null. Date presets are relative to `today`, read as a
 * UTC calendar date (see dates.ts for what each preset means).
 *
 * @example
 * resolveInputs(notebook.frontMatter, { period: 'last_7_days' }, new Date('2026-11-27'))
 * // { params: { period_start: '2026-11-20', period_end: '2026-11-26', ... }, diagnostics: [] }
 */
export function resolveInputs(
  frontMatter: FrontMatter,
  overrides: Record<string, string>,
  today: Date,
): ResolvedInputs {
  const params: Record<string, ParamValue> = {};
  const diagnostics: NotebookDiagnostic[] = [];
  for (const input of frontMatter.inputs) {
    const override = overrides[input.name];
    const fail = (problem: string) =>
      diagnostics.push({
        severity: 'error',
        line: input.line ?? 1,
        message: `Input "${input.name}", value ${JSON.stringify(override)}: ${problem}`,
      });
    if (override !== undefined) {
      const value = bind(input, override, today);
      if (!('problem' in value)) {
        Object.assign(params, value.params);
        continue;
      }
      fail(value.problem);
    }
    const fallback = bind(input, input.default, today);
    // A bad default is validateNotebook's to report; bind nulls so SQL fails visibly, not wrongly.
    Object.assign(params, 'problem' in fallback ? nulls(input) : fallback.params);
  }
  const declared = new Set(frontMatter.inputs.map((input) => input.name));
  for (const name of Object.keys(overrides)) {
    if (declared.has(name)) continue;
    diagnostics.push({
      severity: 'warning',
      line: frontMatter.line ?? 1,
      message: `Unknown input "${name}" (ignored): this notebook declares ${[...declared].join(', ') || 'no inputs'}.`,
    });
  }
  return { params, diagnostics };
}

type Bound = { params: Record<string, ParamValue> } | { problem: string };

function nulls(input: InputDefinition): Record<string, ParamValue> {
  return input.type === 'date_range'
    ? { [`${input.name}_start`]: null, [`${input.name}_end`]: null }
    : { [input.name]: null };
}

function bind(input: InputDefinition, value: unknown, today: Date): Bound {
  const name = input.name;
  const options = input.optionsFrom ? undefined : input.options;
  const one = (param: ParamValue): Bound => ({ params: { [name]: param } });
  switch (input.type) {
    case 'date_range': {
      if (value === undefined) return { params: nulls(input) };
      const range = readDateRange(value, today);
      if ('problem' in range) return range;
      return { params: { [`${name}_start`]: range.start, [`${name}_end`]: range.end } };
    }
    case 'date': {
      if (value === undefined) return one(null);
      const date = readDate(value, today);
      return typeof date === 'string' ? one(date) : date;
    }
    case 'number': {
      if (value === undefined || value === null) return one(null);
      if (typeof value === 'number' && Number.isFinite(value)) return one(value);
      const text = String(value).trim();
      const number = Number(text);
      if (text === '' || !Number.isFinite(number))
        return {
          problem: `${JSON.stringify(text)} is not a number: write digits, e.g. 100 or 2.5.`,
        };
      return one(number);
    }
    case 'text':
      return one(value === undefined || value === null ? '' : String(value));
    case 'select': {
      if (value === undefined) return one(options?.[0] ?? null);
      if (!options) return one(typeof value === 'number' ? value : String(value));
      const match = options.find((option) => String(option) === String(value));
      if (match === undefined)
        return {
          problem: `${JSON.stringify(String(value))} is not one of the options (${options.join(', ')}).`,
        };
      return one(match);
    }
    case 'multi_select': {
      if (value === undefined) return one((options ?? []).map(String));
      const values = (Array.isArray(value) ? value.map(String) : String(value).split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
      const unknown = options
        ? values.filter((item) => !options.some((o) => String(o) === item))
        : [];
      if (unknown.length > 0) {
        return {
          problem: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the options (${options!.join(', ')}).`,
        };
      }
      return one(values);
    }
  }
}
