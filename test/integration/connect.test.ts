import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';

/** A scaffolded plugin lives under plugins/, as `baton new-connector` writes it. */
const pluginId = `zz-scaffold-${process.pid}`;
const pluginDir = path.join(ROOT, 'plugins', pluginId);
let workspace: string;
let fake: { url: string; close(): Promise<void> };

beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'baton-connect-'));
  const scaffold = await runCli(['new-connector', pluginId]);
  expect(scaffold.code, scaffold.stderr).toBe(0);
  const server = (await import(path.join(pluginDir, 'test/fake-server.ts'))) as {
    startFakeServer(): Promise<{ url: string; close(): Promise<void> }>;
  };
  fake = await server.startFakeServer();
});

afterAll(async () => {
  await fake?.close();
  await rm(pluginDir, { recursive: true, force: true });
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

describe('baton new-connector', () => {
  it('scaffolds a plugin that passes the conformance suite as generated', async () => {
    const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
    const run = await promisify(execFile)(
      process.execPath,
      [vitest, 'run', `plugins/${pluginId}`],
      {
        cwd: ROOT,
        env: { ...process.env, CI: 'true' },
      },
    ).catch((error: { stdout: string; stderr: string; code: number }) => error);
    expect(run.stdout, run.stderr).toMatch(/\d+ passed, 0 failed/);
    expect(run.stdout).not.toMatch(/ 0 passed/);
  }, 180_000);

  it('refuses an id that is not kebab-case, or a folder that exists', async () => {
    expect((await runCli(['new-connector', 'Acme_Ads'])).code).toBe(2);
    const again = await runCli(['new-connector', pluginId]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('baton connect, sync, connections', () => {
  it('connects the files plugin to a new workspace and lands a unified-model CSV in the views', async () => {
    await runCli(['connect', 'files'], { workspace }); // creates the workspace and its imports/
    await writeFile(
      path.join(workspace, 'imports', 'campaign_daily.csv'),
      'date,platform,account_id,campaign_id,campaign_name,impressions,clicks,spend,conversions,currency\n' +
        '2026-11-20,bing,acc1,c1,Brand FR,1000,50,25.50,3,EUR\n',
    );
    const connect = await runCli(['connect', 'files'], { workspace });
    expect(connect.code, connect.stderr).toBe(0);
    expect(connect.stdout).toContain('Connected files');

    const sync = await runCli(['sync'], { workspace });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/files\s+campaign_daily\s+\S*.*\s1\s.*succeeded/);

    const listed = await runCli(['connections'], { workspace });
    expect(listed.stdout).toMatch(/files\s+files\s+ok\s/);

    const query = await runCli(
      [
        'query',
        '--format',
        'json',
        "select campaign_name, spend from campaign_daily where platform = 'bing'",
      ],
      { workspace },
    );
    expect(JSON.parse(query.stdout).rows).toEqual([['Brand FR', 25.5]]);
  });

  it('widens a column when a later file brings decimals, without truncating them', async () => {
    await mkdir(path.join(workspace, 'imports', 'costs'), { recursive: true });
    await writeFile(path.join(workspace, 'imports', 'costs', 'a.csv'), 'day,cost\n2026-11-01,1\n');
    expect((await runCli(['sync', '--connection', 'files'], { workspace })).code).toBe(0);
    await writeFile(
      path.join(workspace, 'imports', 'costs', 'b.csv'),
      'day,cost\n2026-11-02,90.5\n',
    );
    const sync = await runCli(['sync', '--connection', 'files'], { workspace });
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    const query = await runCli(
      ['query', '--format', 'json', 'select cost from raw_files.costs order by cost'],
      { workspace },
    );
    expect(JSON.parse(query.stdout).rows).toEqual([[1], [90.5]]);
  });

  it('asks a terminal for missing fields, the secret without echo, and syncs a workspace plugin', async () => {
    await writeFile(
      path.join(workspace, 'baton.json'),
      JSON.stringify({
        name: 'Test',
        reportingCurrency: 'EUR',
        locale: 'en',
        plugins: [path.join(pluginDir, 'src/index.ts')],
      }),
    );
    const config = path.join(workspace, 'acme.json');
    await writeFile(config, JSON.stringify({ baseUrl: fake.url }));
    const connect = await runCli(['connect', pluginId, '--name', 'acme', '--config', config], {
      workspace,
      answers: ['1234', 'test-key'],
    });
    expect(connect.code, connect.stderr).toBe(0);
    expect(connect.stderr).toContain('Account id');
    expect(connect.stderr).toContain('API key');
    expect(connect.stderr).not.toContain('test-key');

    const sync = await runCli(['sync', '--connection', 'acme', '--since', '2026-11-01'], {
      workspace,
    });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).not.toContain('test-key');
    const stored = await readFile(path.join(workspace, 'meta.sqlite'));
    expect(stored.includes(Buffer.from('test-key'))).toBe(false);
  });

  it('without a terminal, names the missing field; a refused key prints the reason and hint', async () => {
    const missing = await runCli(['connect', pluginId, '--name', 'acme2'], { workspace });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs "accountId" \(Account id\)/);

    const config = path.join(workspace, 'bad.json');
    await writeFile(
      config,
      JSON.stringify({ accountId: '1234', apiKey: 'wrong-key', baseUrl: fake.url }),
    );
    const refused = await runCli(['connect', pluginId, '--name', 'acme3', '--config', config], {
      workspace,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The API key was refused.');
    expect(refused.stderr).toContain('Create a new API key');
  });

  it('says how to start when a plugin is unknown', async () => {
    const unknown = await runCli(['connect', 'nope'], { workspace });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Plugins in this workspace: .*files.*demo/);
  });
});
