import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, z } from '../../src/spec/index.ts';
import { configFields, type SyncEvent } from '../../src/sync/index.ts';
import { testAds } from './connector.ts';
import { connectorWith, SECRET, workspace, type Bench } from './helpers.ts';

let bench: Bench | undefined;
const savedEnv = process.env.BATON_SECRET_KEY;
afterEach(async () => {
  await bench?.cleanup();
  bench = undefined;
  if (savedEnv === undefined) delete process.env.BATON_SECRET_KEY;
  else process.env.BATON_SECRET_KEY = savedEnv;
});

async function workspaceBytes(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) parts.push((await readFile(file)).toString('latin1'));
  }
  return parts.join('\n');
}

describe('connection config', () => {
  it('validates with the schema and names the field, without echoing secrets', async () => {
    bench = await workspace();
    const attempt = bench.host.addConnection({
      name: 'main',
      plugin: 'test-ads',
      config: { apiKey: 'short', campaigns: 'two' },
    });
    await expect(attempt).rejects.toThrow(/field "apiKey".*field "campaigns"/);
    await expect(
      bench.host.addConnection({ name: 'main', plugin: 'nope', config: {} }),
    ).rejects.toThrow(/No connector "nope" is installed/);
    await expect(
      bench.host.addConnection({ name: 'bad name!', plugin: 'test-ads', config: {} }),
    ).rejects.toThrow(/cannot name a connection/);
  });
});

describe('secrets at rest', () => {
  it('never records or returns a planted secret: store files, database, runs, events, logs, answers', async () => {
    const logs: string[] = [];
    const leaky = connectorWith({
      async *read(context, stream) {
        const key = (context.config as { apiKey: string }).apiKey;
        context.logger.info(`calling with key=${key}`);
        yield { type: 'log', level: 'info', message: `token ${key}` };
        yield { type: 'warning', message: `retrying ${key}` };
        if (stream.name === 'campaigns') throw new Error(`crash while using ${key}`);
        throw new AuthError(`key ${key} was revoked`, `make a new key than ${key}`);
      },
      async check(context) {
        const key = (context.config as { apiKey: string }).apiKey;
        return { ok: false, kind: 'auth', reason: `bad ${key}`, hint: `replace ${key}` };
      },
    });
    const capture = (message: string) => logs.push(message);
    bench = await workspace({
      connectors: [leaky],
      logger: { debug: capture, info: capture, warn: capture },
    });
    const answers: unknown[] = [];
    answers.push(
      await bench.host.addConnection({
        name: 'main',
        plugin: 'test-ads',
        config: { apiKey: SECRET },
      }),
    );
    answers.push(await bench.host.check('main'));
    const events: SyncEvent[] = [];
    answers.push(await bench.host.sync({ onEvent: (event) => events.push(event) }));
    await bench.host.addConnection({
      name: 'main',
      plugin: 'test-ads',
      config: { apiKey: SECRET },
    });
    // The bug path too (the second stream is reached once the first stops failing on auth).
    const host = await bench.reopen({
      connectors: [connectorWith({ ...leaky, streams: [testAds.streams[1]!] })],
    });
    answers.push(await host.sync({ onEvent: (event) => events.push(event) }));
    answers.push(await host.listConnections(), await host.runs());
    await bench.warehouse.execute('CHECKPOINT');
    const recorded = JSON.stringify({ answers, events, logs });
    expect(logs.length).toBeGreaterThan(0);
    expect(recorded).toContain('[secret]');
    expect(recorded).not.toContain(SECRET);
    expect(await workspaceBytes(bench.dir)).not.toContain(SECRET);
  });

  it('redacts a secret from a failing resolve, in check answers and run records', async () => {
    const resolving = connectorWith({
      async resolve(config) {
        throw new Error(`token refresh failed for ${(config as { apiKey: string }).apiKey}`);
      },
    });
    bench = await workspace({ connectors: [resolving] });
    await bench.host.addConnection({
      name: 'main',
      plugin: 'test-ads',
      config: { apiKey: SECRET },
    });
    const check = await bench.host.check('main');
    const records = await bench.host.sync();
    expect(records[0]).toMatchObject({ status: 'failed', errorKind: 'bug' });
    const recorded = JSON.stringify({ check, records, runs: await bench.host.runs() });
    expect(recorded).toContain('token refresh failed for [secret]');
    expect(recorded).not.toContain(SECRET);
  });

  it('generates a 0600 key file when no key is given, and says so when it goes missing', async () => {
    delete process.env.BATON_SECRET_KEY;
    bench = await workspace({ secretKey: undefined });
    await bench.host.addConnection({
      name: 'main',
      plugin: 'test-ads',
      config: { apiKey: SECRET },
    });
    const keyFile = path.join(bench.dir, 'secret.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await bench.host.check('main')).toEqual({ ok: true });
    await rm(keyFile);
    const host = await bench.reopen({ secretKey: undefined });
    await expect(host.check('main')).rejects.toThrow(
      /key that encrypted this workspace.*is missing/,
    );
    await expect(host.sync()).rejects.toThrow(/is missing/);
  });

  it('refuses a wrong key or passphrase with a clear error, never garbage', async () => {
    process.env.BATON_SECRET_KEY = 'correct horse battery staple';
    bench = await workspace({ secretKey: undefined });
    await bench.host.addConnection({
      name: 'main',
      plugin: 'test-ads',
      config: { apiKey: SECRET },
    });
    expect(await (await bench.reopen({ secretKey: undefined })).check('main')).toEqual({
      ok: true,
    });
    process.env.BATON_SECRET_KEY = 'wrong horse';
    const wrong = await bench.reopen({ secretKey: undefined });
    await expect(wrong.check('main')).rejects.toThrow(/does not open this workspace/);
    await expect(wrong.sync()).rejects.toThrow(/does not open this workspace/);
    const raw = await bench.reopen({ secretKey: Buffer.alloc(32, 9).toString('base64') });
    await expect(raw.check('main')).rejects.toThrow(/does not open/);
    // A connection without secrets needs no key.
    expect((await wrong.listConnections())[0]).toMatchObject({
      name: 'main',
      status: 'never-synced',
    });
  });
});

describe('configFields', () => {
  it('reads labels and secrecy through optional and default wrappers, and which fields are required', () => {
    const schema = z.object({
      accountId: z.string().meta({ label: 'Account id' }),
      token: z.string().meta({ label: 'Token', secret: true }).optional(),
      baseUrl: z
        .string()
        .default('https://api.example.com')
        .meta({ label: 'Base URL', description: 'for tests' }),
    });
    expect(configFields(schema)).toEqual([
      { key: 'accountId', label: 'Account id', secret: false, required: true },
      { key: 'token', label: 'Token', secret: true, required: false },
      {
        key: 'baseUrl',
        label: 'Base URL',
        description: 'for tests',
        secret: false,
        required: false,
      },
    ]);
  });
});
