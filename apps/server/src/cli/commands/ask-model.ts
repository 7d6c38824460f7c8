import { createLanguageModel, resolveAiSettings, type AiLanguageModel } from '@baton/core/ai';
import type { CliIO } from '../args.ts';

/** The model `baton ask` and `baton recommend` use: the configured one, or none (built-in). */
export async function answeringModel(
  workspaceDir: string,
  io: CliIO,
): Promise<AiLanguageModel | undefined> {
  const settings = await resolveAiSettings({ workspaceDir, env: io.env });
  if (!settings) return undefined;
  io.stderr.write(`Using the AI model ${settings.provider}:${settings.model}.\n`);
  return createLanguageModel(settings);
}
