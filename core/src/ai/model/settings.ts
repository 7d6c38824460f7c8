/**
 * Which model AI cells use: environment variables first, then baton.json's `ai` section, with the
 * API key from the provider's environment variable or sealed in the workspace's metadata store.
 * Nothing configured: `undefined`, and the built-in engine answers.
 *
 * The key never leaves this module in a readable field: settings say where it comes from, and
 * `createLanguageModel` is the only reader (through a module-private map).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { BatonError } from '../../errors.ts';
import { isPlainObject } from '../../notebook/front-matter.ts';
import { writeFileAtomic } from '../../store/atomic.ts';
import { workspacePaths, type WorkspaceAiConfig } from '../../store/workspace.ts';
import { AiSettingsError } from './errors.ts';
import { readStoredKey, removeStoredKey, storeKey, storedKeyProvider } from './key-store.ts';

export const AI_PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

/** The environment variable that holds each provider's key (BATON_AI_API_KEY is the fallback). */
export const AI_KEY_VARIABLES: Record<AiProvider, string> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'openai-compatible': 'BATON_AI_API_KEY',
};

export type AiSettingSource = 'environment' | 'workspace';

/** The model AI cells use. It never holds the key: only where the key comes from. */
export interface AiSettings {
  provider: AiProvider;
  model: string;
  baseUrl?: string;
  /** Where the API key comes from (`none`: an OpenAI-compatible server without a key). */
  keySource: 'environment' | 'workspace' | 'none';
  /** Where each setting was read. */
  sources: { provider: AiSettingSource; model: AiSettingSource; baseUrl?: AiSettingSource };
}

export interface AiSettingsOptions {
  /** The workspace whose baton.json and stored key are read (none: environment only). */
  workspaceDir?: string;
  /** Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** The workspace's secret key or passphrase (default: env BATON_SECRET_KEY, else secret.key). */
  secretKey?: string;
}

/** Keys of settings made by `resolveAiSettings`, out of reach of JSON, logs and inspection. */
const apiKeys = new WeakMap<AiSettings, string>();

/** @internal For `createLanguageModel` only; never exported from the package. */
export function apiKeyOf(settings: AiSettings): string | undefined {
  return apiKeys.get(settings);
}

/**
 * The AI settings in effect, or `undefined` when no provider is configured. Environment variables
 * (`BATON_AI_PROVIDER`, `BATON_AI_MODEL`, `BATON_AI_BASE_URL`) win over baton.json's `ai`
 * section; the workspace's model and base URL apply only to the workspace's provider. The key:
 * `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`, else `BATON_AI_API_KEY`, else the workspace's stored key.
 *
 * @example const settings = await resolveAiSettings({ workspaceDir: 'workspace' }); // undefined: built-in engine
 */
export async function resolveAiSettings(
  options: AiSettingsOptions = {},
): Promise<AiSettings | undefined> {
  const env = options.env ?? process.env;
  const workspace = options.workspaceDir ? await readWorkspaceAi(options.workspaceDir) : undefined;
  const envProvider = variable(env, 'BATON_AI_PROVIDER');
  if (envProvider === undefined && workspace === undefined) {
    const stray = ['BATON_AI_MODEL', 'BATON_AI_BASE_URL'].find(
      (name) => variable(env, name) !== undefined,
    );
    if (stray) {
      throw new AiSettingsError(
        `${stray} is set, but no AI provider is.`,
        `Set BATON_AI_PROVIDER to ${AI_PROVIDERS.join(', ')} (or run \`baton ai set\`), or unset ${stray} to use the built-in engine.`,
      );
    }
    return undefined;
  }
  const provider = parseProvider(
    envProvider ?? workspace!.provider,
    envProvider !== undefined ? 'BATON_AI_PROVIDER' : 'baton.json "ai.provider"',
  );
  const fromWorkspace =
    workspace?.provider.trim().toLowerCase() === provider ? workspace : undefined;
  const envModel = variable(env, 'BATON_AI_MODEL');
  const model = envModel ?? fromWorkspace?.model;
  if (!model) {
    throw new AiSettingsError(
      `No model is set for the ${provider} provider.`,
      `Set BATON_AI_MODEL, or run \`baton ai set --provider ${provider} --model MODEL\` (${exampleModel(provider)}).`,
    );
  }
  const envBaseUrl = variable(env, 'BATON_AI_BASE_URL');
  const baseUrl = envBaseUrl ?? fromWorkspace?.base_url;
  if (baseUrl !== undefined) checkBaseUrl(baseUrl, envBaseUrl ? 'BATON_AI_BASE_URL' : 'base_url');
  else if (provider === 'openai-compatible') {
    throw new AiSettingsError(
      'The openai-compatible provider needs the base URL of its server.',
      'Set BATON_AI_BASE_URL, or pass --base-url to `baton ai set` (Ollama: http://localhost:11434/v1).',
    );
  }

  const envKey = variable(env, AI_KEY_VARIABLES[provider]) ?? variable(env, 'BATON_AI_API_KEY');
  const storedKey =
    envKey === undefined && options.workspaceDir
      ? await readStoredKey(options.workspaceDir, provider, {
          secretKey: options.secretKey ?? variable(env, 'BATON_SECRET_KEY'),
        })
      : undefined;
  const key = envKey ?? storedKey;
  if (key === undefined && provider !== 'openai-compatible') {
    throw new AiSettingsError(
      `No API key for the ${provider} provider.`,
      `Set ${AI_KEY_VARIABLES[provider]}, or store it encrypted in the workspace: pipe it to \`baton ai set --provider ${provider} --model ${model}\`.`,
    );
  }

  const settings: AiSettings = {
    provider,
    model,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    keySource:
      envKey !== undefined ? 'environment' : storedKey !== undefined ? 'workspace' : 'none',
    sources: {
      provider: envProvider !== undefined ? 'environment' : 'workspace',
      model: envModel !== undefined ? 'environment' : 'workspace',
      ...(baseUrl !== undefined
        ? { baseUrl: envBaseUrl !== undefined ? 'environment' : 'workspace' }
        : {}),
    },
  };
  Object.freeze(settings.sources);
  Object.freeze(settings);
  if (key !== undefined) apiKeys.set(settings, key);
  return settings;
}

/** What `baton ai status` shows: the settings in effect (or why they cannot be used), never a key. */
export interface AiStatus {
  /** The settings in effect; undefined when nothing is configured or `problem` says why. */
  settings?: AiSettings;
  /** baton.json's `ai` section as written. */
  workspace?: WorkspaceAiConfig;
  /** The provider the workspace's stored key is for; undefined when no key is stored. */
  storedKeyFor?: string;
  /** Why the configuration cannot be used, and what to do. */
  problem?: { message: string; hint?: string };
}

/** The settings in effect and where they come from, for display; never throws on a bad setting. */
export async function readAiStatus(options: AiSettingsOptions = {}): Promise<AiStatus> {
  const status: AiStatus = {};
  if (options.workspaceDir) {
    const storedFor = storedKeyProvider(options.workspaceDir);
    if (storedFor !== undefined) status.storedKeyFor = storedFor;
  }
  try {
    if (options.workspaceDir) {
      const workspace = await readWorkspaceAi(options.workspaceDir);
      if (workspace) status.workspace = workspace;
    }
    const settings = await resolveAiSettings(options);
    if (settings) status.settings = settings;
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
    status.problem = { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return status;
}

export interface SaveAiSettingsInput {
  provider: string;
  model: string;
  baseUrl?: string | undefined;
  /** Sealed into the workspace's metadata store; never written to baton.json. */
  apiKey?: string | undefined;
}

/**
 * Writes baton.json's `ai` section and, when given, seals the API key into the workspace's
 * metadata store. A key stored for another provider is forgotten.
 *
 * @example await saveAiSettings('workspace', { provider: 'openai', model: 'gpt-5-mini', apiKey })
 */
export async function saveAiSettings(
  workspaceDir: string,
  input: SaveAiSettingsInput,
  options: Pick<AiSettingsOptions, 'secretKey' | 'env'> = {},
): Promise<{ workspace: WorkspaceAiConfig; keyStored: boolean }> {
  const provider = parseProvider(input.provider, '--provider');
  const model = input.model.trim();
  if (model === '') {
    throw new AiSettingsError(
      `No model is given for the ${provider} provider.`,
      `Name one, e.g. ${exampleModel(provider)}.`,
    );
  }
  const baseUrl = input.baseUrl?.trim() || undefined;
  if (baseUrl !== undefined) checkBaseUrl(baseUrl, '--base-url');
  else if (provider === 'openai-compatible') {
    throw new AiSettingsError(
      'The openai-compatible provider needs the base URL of its server.',
      'Pass --base-url (Ollama: http://localhost:11434/v1; vLLM: http://HOST:8000/v1).',
    );
  }
  const workspace: WorkspaceAiConfig = {
    provider,
    model,
    ...(baseUrl !== undefined ? { base_url: baseUrl } : {}),
  };
  const apiKey = input.apiKey?.trim() || undefined;
  if (apiKey !== undefined) {
    const env = options.env ?? process.env;
    await storeKey(workspaceDir, provider, apiKey, {
      secretKey: options.secretKey ?? variable(env, 'BATON_SECRET_KEY'),
    });
  } else {
    const storedFor = storedKeyProvider(workspaceDir);
    if (storedFor !== undefined && storedFor !== provider) removeStoredKey(workspaceDir);
  }
  await editWorkspaceFile(workspaceDir, (config) => ({ ...config, ai: workspace }));
  return { workspace, keyStored: storedKeyProvider(workspaceDir) === provider };
}

/** Removes baton.json's `ai` section and the stored key: the built-in engine answers again. */
export async function clearAiSettings(workspaceDir: string): Promise<void> {
  removeStoredKey(workspaceDir);
  if (!existsSync(workspacePaths(workspaceDir).config)) return;
  await editWorkspaceFile(workspaceDir, (config) => {
    const rest = { ...config };
    delete rest.ai;
    return rest;
  });
}

function variable(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseProvider(value: string, where: string): AiProvider {
  const name = value.trim().toLowerCase();
  if ((AI_PROVIDERS as readonly string[]).includes(name)) return name as AiProvider;
  const hint =
    name === 'ollama' || name === 'vllm' || name === 'lmstudio' || name === 'lm-studio'
      ? `For ${value}, use openai-compatible with its base URL (Ollama: http://localhost:11434/v1).`
      : `Use one of ${AI_PROVIDERS.join(', ')} (any OpenAI-compatible server, such as Ollama, vLLM or LM Studio, is openai-compatible with a base URL).`;
  throw new AiSettingsError(`Unknown AI provider "${value}" (${where}).`, hint);
}

function checkBaseUrl(value: string, where: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new AiSettingsError(
      `The base URL "${value}" (${where}) is not an http(s) URL.`,
      'Give the server’s API root, e.g. http://localhost:11434/v1 for Ollama.',
    );
  }
}

function exampleModel(provider: AiProvider): string {
  if (provider === 'openai') return 'gpt-5-mini';
  if (provider === 'anthropic') return 'claude-sonnet-4-5';
  return 'the name the server lists, e.g. llama3.1 for Ollama';
}

/** baton.json's `ai` section, checked for shape; undefined when absent. */
async function readWorkspaceAi(workspaceDir: string): Promise<WorkspaceAiConfig | undefined> {
  const { config: file } = workspacePaths(workspaceDir);
  const value = (await readWorkspaceFile(workspaceDir)).ai;
  if (value === undefined) return undefined;
  const refuse = (what: string) =>
    new AiSettingsError(
      `${file}: ${what}`,
      'Write "ai": { "provider": "openai", "model": "gpt-5-mini" } (and "base_url" for openai-compatible), or run `baton ai set`.',
    );
  if (!isPlainObject(value)) throw refuse('"ai" must be an object.');
  const { provider, model, base_url: baseUrl } = value;
  if (typeof provider !== 'string' || provider.trim() === '')
    throw refuse('"ai.provider" must name a provider.');
  if (model !== undefined && typeof model !== 'string')
    throw refuse('"ai.model" must be a string.');
  if (baseUrl !== undefined && typeof baseUrl !== 'string')
    throw refuse('"ai.base_url" must be a string.');
  if ('api_key' in value || 'apiKey' in value || 'key' in value) {
    throw refuse(
      'an API key must not be written in baton.json (the file is often shared or committed).',
    );
  }
  return {
    provider,
    ...(model?.trim() ? { model: model.trim() } : {}),
    ...(baseUrl?.trim() ? { base_url: baseUrl.trim() } : {}),
  };
}

/** baton.json as written (no defaults filled in), so an edit keeps the rest of the file as is. */
async function readWorkspaceFile(workspaceDir: string): Promise<Record<string, unknown>> {
  const { config: file } = workspacePaths(workspaceDir);
  if (!existsSync(file)) return {};
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BatonError(
      'config',
      `${file} is not valid JSON: ${(error as Error).message}`,
      'Fix or delete the file.',
      { cause: error },
    );
  }
  if (!isPlainObject(value)) {
    throw new BatonError('config', `${file} must hold a JSON object.`, 'Fix or delete the file.');
  }
  return value;
}

async function editWorkspaceFile(
  workspaceDir: string,
  edit: (config: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const next = edit(await readWorkspaceFile(workspaceDir));
  await mkdir(workspacePaths(workspaceDir).dir, { recursive: true });
  await writeFileAtomic(workspacePaths(workspaceDir).config, `${JSON.stringify(next, null, 2)}\n`);
}
