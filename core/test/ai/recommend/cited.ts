/** The rule every action keeps: each number its reason cites is in its evidence's values. */
import { expect } from 'vitest';
import type { Action } from '../../../src/ai/types.ts';
import type { Warehouse } from '../../../src/engine/index.ts';

export function numbersIn(reason: string): number[] {
  return (reason.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

export function expectCited(action: Action): void {
  const values = new Set(action.evidence.flatMap((evidence) => Object.values(evidence.values)));
  for (const number of numbersIn(action.reason)) {
    expect(values.has(number), `${number} of "${action.reason}" is not in the evidence`).toBe(true);
  }
}

/** Each evidence query runs read-only and returns rows. */
export async function expectEvidenceRows(warehouse: Warehouse, action: Action): Promise<void> {
  for (const evidence of action.evidence) {
    const result = await warehouse.query(evidence.sql);
    expect(result.rowCount, evidence.sql).toBeGreaterThan(0);
  }
}
