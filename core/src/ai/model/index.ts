/**
 * AI model providers and the model path of AI cells (docs/ai-models.md): which model (settings
 * from the environment, then baton.json, the key sealed in the workspace), the model through the
 * `ai` SDK, SQL drafted by the model and checked by the engine's gate with one repair round, and
 * summaries whose numbers must come from the evidence.
 *
 * @example
 * const settings = await resolveAiSettings({ workspaceDir });
 * const answer = settings
 *   ? await askWithModel(createLanguageModel(settings), question, { warehouse, today })
 *   : await ask(question, { warehouse, today });
 */
export {
  AI_KEY_VARIABLES,
  AI_PROVIDERS,
  clearAiSettings,
  readAiStatus,
  resolveAiSettings,
  saveAiSettings,
  type AiProvider,
  type AiSettings,
  type AiSettingSource,
  type AiSettingsOptions,
  type AiStatus,
  type SaveAiSettingsInput,
} from './settings.ts';
export {
  createLanguageModel,
  engineName,
  type AiLanguageModel,
  type CreateLanguageModelOptions,
} from './provider.ts';
export { askWithModel, askOutputSchema, type AskOutput, type AskWithModelOptions } from './ask.ts';
export {
  summarizeActions,
  summaryOutputSchema,
  type ActionSummary,
  type SummarizeActionsOptions,
} from './summary.ts';
export {
  DataFence,
  askInstructions,
  kpiMacroText,
  modelSchemaText,
  summaryInstructions,
} from './prompt.ts';
export { readDataValues, type TableValues } from './data.ts';
export { AiModelError, AiSettingsError } from './errors.ts';
