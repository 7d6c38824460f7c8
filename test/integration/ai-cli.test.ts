import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '@baton/core/store';
import { main } from '../../apps/server/src/cli/main.ts';
import { ROOT } from './run-cli.ts';

const SECRET_KEY = Buffer.alloc(32, 3).toString('base64');
const API_KEY = 'sk-cli-test-8d1e5b0c93';

let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'baton-ai-cli-'));
  const opened = await openWorkspace(workspace, { create: true });
  await opened.warehouse.close();
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** Runs `baton ai ...` in-process; `piped` is written to a non-terminal stdin, then closed. */
async function ai(
  args: string[],
  { piped, env = {} }: { piped?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { stdout: new PassThrough(), stderr: new PassThrough() };
  const text = { stdout: '', stderr: '' };
  output.stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString()));
  output.stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString()));
  const stdin = piped === undefined ? undefined : new PassThrough();
  stdin?.end(piped);
  const code = await main(['ai', ...args], {
    ...output,
    env: { BATON_WORKSPACE: workspace, BATON_SECRET_KEY: SECRET_KEY, ...env },
    cwd: ROOT,
    ...(stdin ? { stdin } : {}),
  });
  return { code, ...text };
}

async function workspaceText(): Promise<string> {
  const files = (await readdir(workspace, { withFileTypes: true })).filter((file) => file.isFile());
  const texts = await Promise.all(
    files.map((file) => readFile(path.join(workspace, file.name), 'latin1')),
  );
  return texts.join('\n');
}

describe('baton ai', () => {
  it('says the built-in engine answers when nothing is configured', async () => {
    const run = await ai(['status']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No AI provider configured: the built-in engine answers.');
  });

  it('stores a piped key encrypted, and never prints it', async () => {
    const set = await ai(['set', '--provider', 'openai', '--model', 'gpt-5-mini'], {
      piped: `${API_KEY}\n`,
    });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('AI provider set: openai, model gpt-5-mini.');
    expect(set.stdout).toContain('API key stored encrypted in the workspace.');
    const config = JSON.parse(await readFile(path.join(workspace, 'baton.json'), 'utf8')) as {
      ai: unknown;
    };
    expect(config.ai).toEqual({ provider: 'openai', model: 'gpt-5-mini' });
    expect(await workspaceText()).not.toContain(API_KEY);

    const status = await ai(['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/provider\s+openai \(workspace\)/);
    expect(status.stdout).toMatch(/model\s+gpt-5-mini \(workspace\)/);
    expect(status.stdout).toMatch(/API key\s+stored encrypted in the workspace/);
    expect(status.stdout).toMatch(/stored key\s+yes, for openai/);
    expect(status.stdout + status.stderr).not.toContain(API_KEY);

    const overridden = await ai(['status'], { env: { BATON_AI_MODEL: 'gpt-5' } });
    expect(overridden.stdout).toMatch(/model\s+gpt-5 \(environment\)/);
  });

  it('takes the key from the provider variable when nothing is piped', async () => {
    const set = await ai(['set', '--provider', 'anthropic', '--model', 'claude-sonnet-4-5'], {
      env: { ANTHROPIC_API_KEY: API_KEY },
    });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('API key stored encrypted in the workspace.');
    const status = await ai(['status']);
    expect(status.stdout).toMatch(/stored key\s+yes, for anthropic/);
    expect(await workspaceText()).not.toContain(API_KEY);
  });

  it('saves an OpenAI-compatible server without a key', async () => {
    const set = await ai([
      'set',
      '--provider',
      'openai-compatible',
      '--model',
      'llama3.1',
      '--base-url',
      'http://127.0.0.1:11434/v1',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const status = await ai(['status']);
    expect(status.stdout).toMatch(/base URL\s+http:\/\/127.0.0.1:11434\/v1 \(workspace\)/);
    expect(status.stdout).toMatch(/API key\s+none/);
  });

  it('refuses bad flags with what to do (exit code 2)', async () => {
    const unknown = await ai(['set', '--provider', 'gemini', '--model', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown AI provider "gemini"');
    const noUrl = await ai(['set', '--provider', 'openai-compatible', '--model', 'x']);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--base-url');
    expect((await ai(['set', '--provider', 'openai'])).stderr).toContain('Give --model');
    expect((await ai(['status', '--model', 'x'])).code).toBe(2);
    expect((await ai(['reset'])).code).toBe(2);
  });

  it('reports settings it cannot use (exit code 1)', async () => {
    const run = await ai(['status'], { env: { BATON_AI_PROVIDER: 'openai', BATON_AI_MODEL: 'm' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No API key for the openai provider');
  });

  it('clears the settings and the stored key', async () => {
    await ai(['set', '--provider', 'openai', '--model', 'gpt-5-mini'], { piped: API_KEY });
    const clear = await ai(['clear']);
    expect(clear.code, clear.stderr).toBe(0);
    const status = await ai(['status']);
    expect(status.stdout).toContain('No AI provider configured');
    expect(status.stdout).toContain('none stored in the workspace');
  });
});
