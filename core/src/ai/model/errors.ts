import { BatonError } from '../../errors.ts';

/**
 * The AI settings cannot be used as written: an unknown provider, no model, an OpenAI-compatible
 * provider without a base URL, a missing API key. Kind `config`.
 *
 * @example throw new AiSettingsError('No model is set for openai.', 'Set BATON_AI_MODEL or run `baton ai set --provider openai --model gpt-5-mini`.')
 */
export class AiSettingsError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('config', message, hint, options);
  }
}

/**
 * The model's provider failed the call (network, authentication, rate limit). Kind `ai-model`.
 * Invalid answers are not errors: they get a repair round, then a refusal.
 */
export class AiModelError extends BatonError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('ai-model', message, hint, options);
  }
}
