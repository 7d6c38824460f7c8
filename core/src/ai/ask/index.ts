import type { Warehouse } from '../../engine/index.ts';
import type { AskAnswer } from '../types.ts';
import { askBuiltIn } from './builtin.ts';
import { Catalog } from './catalog.ts';

export { askBuiltIn, BUILTIN_ENGINE } from './builtin.ts';
export { Catalog } from './catalog.ts';

export interface AskOptions {
  warehouse: Warehouse;
  /** `YYYY-MM-DD`: the day relative periods count from. */
  today: string;
}

/** Turns a question into SQL over the model, or a refusal that says why. */
export async function ask(question: string, { warehouse, today }: AskOptions): Promise<AskAnswer> {
  const catalog = await Catalog.read(warehouse);
  return askBuiltIn(question, { today, catalog });
}
