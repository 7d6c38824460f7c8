import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { AiSettingsError } from './errors.ts';
import { apiKeyOf, type AiSettings } from './settings.ts';

/** A model object (never a bare model id, which the SDK would send to its hosted gateway). */
export type AiLanguageModel = Exclude<LanguageModel, string>;

export interface CreateLanguageModelOptions {
  /** The HTTP client the provider calls (default: the global fetch); tests pass a fake. */
  fetch?: typeof fetch;
}

/**
 * The language model the settings name, through the `ai` SDK's provider packages. The key is
 * handed to the provider here and nowhere else. Pass the object `resolveAiSettings` returned: a
 * copy (`{ ...settings }`) carries no key, and the provider then reads its own environment
 * variable.
 *
 * @example const model = createLanguageModel((await resolveAiSettings({ workspaceDir }))!);
 */
export function createLanguageModel(
  settings: AiSettings,
  options: CreateLanguageModelOptions = {},
): AiLanguageModel {
  const apiKey = apiKeyOf(settings);
  const common = {
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(settings.baseUrl !== undefined ? { baseURL: settings.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  switch (settings.provider) {
    case 'openai':
      return createOpenAI(common)(settings.model);
    case 'anthropic':
      return createAnthropic(common)(settings.model);
    case 'openai-compatible': {
      if (settings.baseUrl === undefined) {
        throw new AiSettingsError(
          'The openai-compatible provider needs the base URL of its server.',
          'Set BATON_AI_BASE_URL, or pass --base-url to `baton ai set`.',
        );
      }
      return createOpenAICompatible({
        ...common,
        name: 'openai-compatible',
        baseURL: settings.baseUrl,
        // Ollama, vLLM and LM Studio accept a JSON schema as response format.
        supportsStructuredOutputs: true,
      })(settings.model);
    }
  }
}

/** `<provider>:<model>`, the `engine` of answers: `openai:gpt-5-mini`. */
export function engineName(model: AiLanguageModel): string {
  const provider = model.provider.split('.')[0] ?? model.provider;
  return `${provider}:${model.modelId}`;
}
