import type { Warehouse } from '../../engine/index.ts';
import type { AskAnswer } from '../types.ts';

export interface AskOptions {
  warehouse: Warehouse;
  /** `YYYY-MM-DD`: the day relative periods count from. */
  today: string;
}

/** Turns a question into SQL over the model, or a refusal that says why. (Work in progress.) */
export async function ask(question: string, options: AskOptions): Promise<AskAnswer> {
  void options;
  return {
    kind: 'refusal',
    refusal: `Not implemented yet: ${question}`,
    suggestions: [],
    engine: 'builtin',
  };
}
