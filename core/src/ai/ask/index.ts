/**
 * `ask`: a question to SQL over the model. With a model configured, the model drafts the SQL
 * (checked by the engine's gate, one repair round); otherwise, or if the model cannot be
 * reached, Baton's built-in engine answers.
 */
import type { Warehouse } from '../../engine/index.ts';
import type { Logger } from '../../spec/index.ts';
import { askWithModel, type AiLanguageModel } from '../model/index.ts';
import type { AskAnswer } from '../types.ts';
import { askBuiltIn } from './builtin.ts';
import { Catalog } from './catalog.ts';

export { askBuiltIn, BUILTIN_ENGINE } from './builtin.ts';
export { Catalog } from './catalog.ts';

export interface AskOptions {
  warehouse: Warehouse;
  /** `YYYY-MM-DD`: the day relative periods count from. */
  today: string;
  /** A configured model (see `resolveAiSettings`); none: the built-in engine. */
  model?: AiLanguageModel;
  /** The workspace's reporting currency, named in the model's prompt. */
  reportingCurrency?: string;
  logger?: Pick<Logger, 'warn'>;
}

/** Turns a question into SQL over the model, or a refusal that says why. */
export async function ask(question: string, options: AskOptions): Promise<AskAnswer> {
  const { warehouse, today, model, logger } = options;
  if (model) {
    try {
      return await askWithModel(model, question, {
        warehouse,
        today,
        ...(options.reportingCurrency ? { reportingCurrency: options.reportingCurrency } : {}),
        ...(logger ? { logger } : {}),
      });
    } catch (error) {
      // The model is a better engine, not a required one: a network or provider failure falls
      // back to the built-in engine, and says so.
      logger?.warn(
        `The AI model could not answer (${error instanceof Error ? error.message : String(error)}); the built-in engine answers instead.`,
      );
    }
  }
  return askBuiltIn(question, { today, catalog: await Catalog.read(warehouse) });
}
