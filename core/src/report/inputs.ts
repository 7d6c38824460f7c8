/** The bound input values, for the report header: "Period: 1–28 Nov 2026". */
import type { SqlValue } from '../engine/types.ts';
import type { InputDefinition } from '../notebook/types.ts';
import { humanize } from './columns.ts';
import type { Formatter } from './format.ts';

export interface InputSummary {
  label: string;
  value: string;
}

function rangeOf(value: unknown): [SqlValue, SqlValue] | undefined {
  if (Array.isArray(value) && value.length === 2) return value as [SqlValue, SqlValue];
  if (value && typeof value === 'object' && 'start' in value && 'end' in value) {
    return [value.start as SqlValue, value.end as SqlValue];
  }
  return undefined;
}

function describe(
  input: InputDefinition,
  params: Record<string, unknown>,
  formatter: Formatter,
): string | undefined {
  const value = params[input.name];
  switch (input.type) {
    case 'date_range': {
      const start = params[`${input.name}_start`];
      const end = params[`${input.name}_end`];
      if (start !== undefined && end !== undefined)
        return formatter.dateRange(start as SqlValue, end as SqlValue);
      const range = rangeOf(value ?? input.default);
      if (range) return formatter.dateRange(...range);
      break;
    }
    case 'date':
      if (value !== undefined) return formatter.format(value as SqlValue, { type: 'date' });
      break;
    case 'number':
      if (typeof value === 'number')
        return formatter.format(value, { type: 'number', digits: Number.isInteger(value) ? 0 : 2 });
      break;
    default:
      if (Array.isArray(value)) return value.map(String).join(', ');
      if (value !== undefined && value !== null) return String(value);
  }
  const fallback = input.default;
  if (typeof fallback === 'string') return humanize(fallback).toLowerCase();
  if (typeof fallback === 'number')
    return formatter.format(fallback, { type: 'number', digits: 0 });
  return undefined;
}

/** One entry per declared input whose value is known, in declaration order. */
export function summarizeInputs(
  inputs: readonly InputDefinition[],
  params: Record<string, unknown>,
  formatter: Formatter,
): InputSummary[] {
  return inputs.flatMap((input) => {
    const value = describe(input, params, formatter);
    return value === undefined ? [] : [{ label: input.label ?? humanize(input.name), value }];
  });
}
