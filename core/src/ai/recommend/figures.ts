/**
 * Numbers in a reason and in its evidence are written once: `cite` rounds a figure, stores the
 * rounded value under its name in the evidence's `values`, and returns the text the reason shows,
 * so every number a reason cites is in its evidence, to the digit.
 */
import type { Evidence } from '../types.ts';

/** Digits a figure keeps: by size, and three significant ones below 1 (a CTR of 0.0123). */
export function rounded(value: number, digits?: number): number {
  const size = Math.abs(value);
  const places =
    digits ??
    (size >= 100
      ? 0
      : size >= 10
        ? 1
        : size >= 1 || size === 0
          ? 2
          : Math.min(8, 2 - Math.floor(Math.log10(size))));
  const factor = 10 ** places;
  const result = Math.round(value * factor) / factor;
  return Object.is(result, -0) ? 0 : result;
}

/** An evidence whose `values` fill as the reason cites them. */
export class EvidenceBuilder {
  readonly evidence: Evidence;

  constructor(fields: Omit<Evidence, 'values'>) {
    this.evidence = { ...fields, values: {} };
  }

  /** Records `value` (rounded) as `name` and returns it as the reason writes it. */
  cite(name: string, value: number, digits?: number): string {
    const shown = rounded(value, digits);
    this.evidence.values[name] = shown;
    return String(shown);
  }

  /** A percent change written without sign (`60`), recorded as cited. */
  percent(name: string, change: number): string {
    return this.cite(name, Math.abs(change * 100), 0);
  }

  /** Records a figure the reason does not show (context for the reader of the evidence). */
  note(name: string, value: number, digits?: number): void {
    this.evidence.values[name] = rounded(value, digits);
  }
}
