import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { generateText } from 'ai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AiSettingsError,
  clearAiSettings,
  createLanguageModel,
  readAiStatus,
  resolveAiSettings,
  saveAiSettings,
  type AiSettings,
} from '../../../src/ai/model/index.ts';

const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
const API_KEY = 'sk-test-4f9c2d81e7a6';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-ai-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file of the workspace, as text (the key must be in none of them in clear). */
async function workspaceText(): Promise<string> {
  const files = await readdir(dir);
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'latin1')));
  return texts.join('\n');
}

/** The Authorization header a model sends, read by a fake fetch (no network). */
async function authorizationOf(settings: AiSettings): Promise<{ url: string; auth: string }> {
  const seen = { url: '', auth: '' };
  const model = createLanguageModel(settings, {
    fetch: async (input, init) => {
      seen.url = String(input);
      const headers = new Headers(init?.headers);
      seen.auth = headers.get('authorization') ?? headers.get('x-api-key') ?? '';
      return new Response(JSON.stringify({ error: { message: 'stop here' } }), { status: 401 });
    },
  });
  await generateText({ model, prompt: 'hi', maxRetries: 0 }).catch(() => undefined);
  return seen;
}

function expectNoKey(value: unknown): void {
  expect(JSON.stringify(value) ?? '').not.toContain(API_KEY);
  expect(inspect(value, { depth: 10, showHidden: true })).not.toContain(API_KEY);
}

describe('resolveAiSettings from the environment', () => {
  it('is undefined when nothing is configured (the built-in engine answers)', async () => {
    expect(await resolveAiSettings({ env: {} })).toBeUndefined();
    expect(await resolveAiSettings({ env: { OPENAI_API_KEY: API_KEY }, workspaceDir: dir })).toBe(
      undefined,
    );
  });

  it('reads provider, model and key, and never exposes the key', async () => {
    const settings = await resolveAiSettings({
      env: { BATON_AI_PROVIDER: 'openai', BATON_AI_MODEL: 'gpt-5-mini', OPENAI_API_KEY: API_KEY },
    });
    expect(settings).toEqual({
      provider: 'openai',
      model: 'gpt-5-mini',
      keySource: 'environment',
      sources: { provider: 'environment', model: 'environment' },
    });
    expectNoKey(settings);
    expect(await authorizationOf(settings!)).toMatchObject({ auth: `Bearer ${API_KEY}` });
  });

  it('sends an OpenAI-compatible model to its base URL, with BATON_AI_API_KEY', async () => {
    const settings = await resolveAiSettings({
      env: {
        BATON_AI_PROVIDER: 'openai-compatible',
        BATON_AI_MODEL: 'llama3.1',
        BATON_AI_BASE_URL: 'http://127.0.0.1:11434/v1',
        BATON_AI_API_KEY: API_KEY,
      },
    });
    expect(settings).toMatchObject({
      baseUrl: 'http://127.0.0.1:11434/v1',
      keySource: 'environment',
    });
    const seen = await authorizationOf(settings!);
    expect(seen.url).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(seen.auth).toBe(`Bearer ${API_KEY}`);
  });

  it('gives Anthropic its key header', async () => {
    const settings = await resolveAiSettings({
      env: {
        BATON_AI_PROVIDER: 'anthropic',
        BATON_AI_MODEL: 'claude-sonnet-4-5',
        ANTHROPIC_API_KEY: API_KEY,
      },
    });
    expect((await authorizationOf(settings!)).auth).toBe(API_KEY);
  });

  it.each([
    [
      { BATON_AI_PROVIDER: 'gemini', BATON_AI_MODEL: 'x' },
      /Unknown AI provider "gemini"/,
      /openai, anthropic, openai-compatible/,
    ],
    [
      { BATON_AI_PROVIDER: 'ollama', BATON_AI_MODEL: 'x' },
      /Unknown AI provider "ollama"/,
      /openai-compatible with its base URL/,
    ],
    [
      { BATON_AI_PROVIDER: 'openai', OPENAI_API_KEY: API_KEY },
      /No model is set for the openai provider/,
      /BATON_AI_MODEL/,
    ],
    [
      { BATON_AI_PROVIDER: 'openai-compatible', BATON_AI_MODEL: 'llama3.1' },
      /needs the base URL/,
      /BATON_AI_BASE_URL/,
    ],
    [
      { BATON_AI_PROVIDER: 'openai', BATON_AI_MODEL: 'gpt-5-mini' },
      /No API key for the openai provider/,
      /OPENAI_API_KEY/,
    ],
    [
      { BATON_AI_MODEL: 'gpt-5-mini' },
      /BATON_AI_MODEL is set, but no AI provider is/,
      /BATON_AI_PROVIDER/,
    ],
    [
      {
        BATON_AI_PROVIDER: 'openai-compatible',
        BATON_AI_MODEL: 'm',
        BATON_AI_BASE_URL: 'localhost:11434',
      },
      /not an http\(s\) URL/,
      /11434\/v1/,
    ],
  ])('explains what is wrong and what to do: %j', async (env, message, hint) => {
    const error = await resolveAiSettings({ env }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AiSettingsError);
    expect((error as AiSettingsError).message).toMatch(message);
    expect((error as AiSettingsError).hint).toMatch(hint);
    expect((error as AiSettingsError).kind).toBe('config');
  });
});

describe('workspace settings', () => {
  const env = { BATON_SECRET_KEY: SECRET_KEY };

  it('round-trips the key sealed in the workspace; baton.json never holds it', async () => {
    await writeFile(path.join(dir, 'baton.json'), '{ "name": "Acme", "locale": "fr" }\n');
    const saved = await saveAiSettings(
      dir,
      { provider: 'openai', model: 'gpt-5-mini', apiKey: API_KEY },
      { env },
    );
    expect(saved).toEqual({
      workspace: { provider: 'openai', model: 'gpt-5-mini' },
      keyStored: true,
    });
    expect(JSON.parse(await readFile(path.join(dir, 'baton.json'), 'utf8'))).toEqual({
      name: 'Acme',
      locale: 'fr',
      ai: { provider: 'openai', model: 'gpt-5-mini' },
    });
    expect(await workspaceText()).not.toContain(API_KEY);

    const settings = await resolveAiSettings({ workspaceDir: dir, env });
    expect(settings).toEqual({
      provider: 'openai',
      model: 'gpt-5-mini',
      keySource: 'workspace',
      sources: { provider: 'workspace', model: 'workspace' },
    });
    expectNoKey(settings);
    expect((await authorizationOf(settings!)).auth).toBe(`Bearer ${API_KEY}`);

    const status = await readAiStatus({ workspaceDir: dir, env });
    expect(status.storedKeyFor).toBe('openai');
    expectNoKey(status);
  });

  it('lets environment variables win, and keeps the workspace model to its own provider', async () => {
    await saveAiSettings(
      dir,
      { provider: 'openai', model: 'gpt-5-mini', apiKey: API_KEY },
      { env },
    );
    const model = await resolveAiSettings({
      workspaceDir: dir,
      env: { ...env, BATON_AI_MODEL: 'gpt-5' },
    });
    expect(model).toMatchObject({
      provider: 'openai',
      model: 'gpt-5',
      keySource: 'workspace',
      sources: { provider: 'workspace', model: 'environment' },
    });
    const key = await resolveAiSettings({
      workspaceDir: dir,
      env: { ...env, OPENAI_API_KEY: 'sk-env-key-0001' },
    });
    expect(key?.keySource).toBe('environment');
    expect((await authorizationOf(key!)).auth).toBe('Bearer sk-env-key-0001');

    const other = await resolveAiSettings({
      workspaceDir: dir,
      env: { ...env, BATON_AI_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'a' },
    }).catch((caught: unknown) => caught);
    expect((other as Error).message).toContain('No model is set for the anthropic provider');
  });

  it('reads a hand-written baton.json section, whatever the case of the provider', async () => {
    await writeFile(
      path.join(dir, 'baton.json'),
      JSON.stringify({ ai: { provider: 'OpenAI', model: 'gpt-5-mini' } }),
    );
    expect(
      await resolveAiSettings({ workspaceDir: dir, env: { OPENAI_API_KEY: API_KEY } }),
    ).toMatchObject({ provider: 'openai', model: 'gpt-5-mini', keySource: 'environment' });
  });

  it('refuses a wrong secret key instead of reading garbage', async () => {
    await saveAiSettings(
      dir,
      { provider: 'openai', model: 'gpt-5-mini', apiKey: API_KEY },
      { env },
    );
    const error = await resolveAiSettings({
      workspaceDir: dir,
      env: { BATON_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') },
    }).catch((caught: unknown) => caught);
    expect((error as { kind?: string }).kind).toBe('secret-key');
    expect(String(error)).not.toContain(API_KEY);
  });

  it('forgets a key stored for another provider, and clears everything', async () => {
    await saveAiSettings(
      dir,
      { provider: 'openai', model: 'gpt-5-mini', apiKey: API_KEY },
      { env },
    );
    const saved = await saveAiSettings(dir, {
      provider: 'openai-compatible',
      model: 'llama3.1',
      baseUrl: 'http://127.0.0.1:11434/v1',
    });
    expect(saved.keyStored).toBe(false);
    expect(await resolveAiSettings({ workspaceDir: dir, env: {} })).toMatchObject({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      keySource: 'none',
    });
    await clearAiSettings(dir);
    expect(await resolveAiSettings({ workspaceDir: dir, env: {} })).toBeUndefined();
    expect((await readAiStatus({ workspaceDir: dir, env: {} })).storedKeyFor).toBeUndefined();
  });

  it('refuses an API key written in baton.json, and reports it in the status', async () => {
    await writeFile(
      path.join(dir, 'baton.json'),
      JSON.stringify({ ai: { provider: 'openai', model: 'gpt-5-mini', api_key: API_KEY } }),
    );
    await expect(resolveAiSettings({ workspaceDir: dir, env: {} })).rejects.toThrow(
      /must not be written in baton.json/,
    );
    const status = await readAiStatus({ workspaceDir: dir, env: {} });
    expect(status.problem?.message).toContain('must not be written in baton.json');
    expectNoKey(status);
  });
});
