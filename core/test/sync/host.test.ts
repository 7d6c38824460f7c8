import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  ConfigError,
  RateLimitError,
  TransientError,
  type Connector,
  type ReadMessage,
} from '../../src/spec/index.ts';
import type { SyncEvent } from '../../src/sync/index.ts';
import { requests, testAds } from './connector.ts';
import { connectorWith, SECRET, workspace, type Bench } from './helpers.ts';

let bench: Bench | undefined;
afterEach(async () => {
  await bench?.cleanup();
  bench = undefined;
  requests.length = 0;
});

const add = (target: Bench, config: Record<string, unknown> = {}) =>
  target.host.addConnection({
    name: 'main',
    plugin: 'test-ads',
    config: { apiKey: SECRET, ...config },
  });

describe('windows', () => {
  it('reads initialDays back on a first sync, then from the cursor minus the lookback', async () => {
    bench = await workspace({ chunkDays: 100 });
    await add(bench);
    const [first] = await bench.host.sync();
    expect(first).toMatchObject({
      stream: 'campaign_daily',
      windowStart: '2026-02-08',
      windowEnd: '2026-03-10',
      status: 'succeeded',
      rows: 62,
    });
    const [second] = await bench.host.sync();
    expect(second).toMatchObject({ windowStart: '2026-03-07', windowEnd: '2026-03-10', rows: 8 });
    const [since] = await bench.host.sync({ since: '2026-03-01' });
    expect(since).toMatchObject({ windowStart: '2026-03-01' });
    const [full] = await bench.host.sync({ fullRefresh: true });
    expect(full).toMatchObject({ windowStart: '2026-02-08' });
    expect(
      requests
        .filter((entry) => entry.stream === 'campaign_daily')
        .map((entry) => entry.request.fullRefresh),
    ).toEqual([false, false, false, true]);
    const [[count, distinct]] = (await bench.rows(
      'select count(*), count(distinct (date, campaign_id)) from raw_test_ads.campaign_daily',
    )) as [[number, number]];
    expect(count).toBe(62);
    expect(distinct).toBe(62);
  });

  it("ends today in the account's time zone", async () => {
    bench = await workspace({ chunkDays: 100, now: () => new Date('2026-03-10T23:30:00Z') });
    await add(bench, { timeZone: 'Pacific/Auckland' });
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ windowStart: '2026-02-09', windowEnd: '2026-03-11' });
  });

  it('splits long windows into committed chunks, saving the cursor after each', async () => {
    bench = await workspace({ chunkDays: 7 });
    await add(bench);
    await bench.host.sync();
    const windows = requests
      .filter((entry) => entry.stream === 'campaign_daily')
      .map((entry) => entry.request.window);
    expect(windows[0]).toEqual({ start: '2026-02-08', end: '2026-02-14' });
    expect(windows.at(-1)).toEqual({ start: '2026-03-08', end: '2026-03-10' });
    expect(windows).toHaveLength(5);
  });
});

describe('writes', () => {
  it('replaces the re-read window (restated values, vanished rows), creates tables and refreshes the model', async () => {
    bench = await workspace();
    await add(bench, { campaigns: 3 });
    const before = await bench.warehouse.dataVersion(['campaign_daily']);
    await bench.host.sync();
    const after = await bench.warehouse.dataVersion(['campaign_daily']);
    expect(after).not.toBe(before);
    const [[modelRows]] = (await bench.rows(
      "select count(*) from campaign_daily where platform = 'test'",
    )) as [[number]];
    expect(modelRows).toBe(93);
    // Upstream restates the lookback days and drops campaign 3.
    await add(bench, { campaigns: 2, revision: 1 });
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ windowStart: '2026-03-07', rows: 8 });
    const rows = (await bench.rows(
      `select date::varchar, count(*), sum(impressions) from raw_test_ads.campaign_daily group by all order by 1`,
    )) as [string, number, number][];
    expect(rows).toHaveLength(31);
    expect(rows.filter(([date]) => date >= '2026-03-07').every(([, count]) => count === 2)).toBe(
      true,
    );
    expect(rows.filter(([date]) => date < '2026-03-07').every(([, count]) => count === 3)).toBe(
      true,
    );
    expect(await bench.warehouse.dataVersion(['campaign_daily'])).not.toBe(after);
    const [[campaigns]] = (await bench.rows('select count(*) from raw_test_ads.campaigns')) as [
      [number],
    ];
    expect(campaigns).toBe(2); // replaced whole
  });

  it('merges by primary key, appends without duplicating known keys, and adds new columns', async () => {
    const stream = testAds.streams[0]!;
    const merge = connectorWith({ streams: [{ ...stream, writeMode: 'merge' }] });
    bench = await workspace({ connectors: [merge], chunkDays: 100 });
    await add(bench);
    await bench.host.sync();
    await add(bench, { revision: 2 });
    await bench.host.sync();
    const rows = (await bench.rows(
      `select count(*), count(distinct (date, campaign_id)), max(impressions) filter (where date < '2026-03-07') from raw_test_ads.campaign_daily`,
    )) as [[number, number, number]];
    expect(rows[0]![0]).toBe(62);
    expect(rows[0]![1]).toBe(62);
    await bench.cleanup();

    const wider = {
      ...stream,
      writeMode: 'append' as const,
      columns: [...stream.columns, { name: 'reach', type: 'BIGINT' }],
    };
    bench = await workspace({
      connectors: [connectorWith({ streams: [{ ...stream, writeMode: 'append' }] })],
      chunkDays: 100,
    });
    await add(bench);
    await bench.host.sync();
    const host = await bench.reopen({ connectors: [connectorWith({ streams: [wider] })] });
    await host.sync();
    const [[count, distinct, hasReach]] = (await bench.rows(
      `select count(*), count(distinct (date, campaign_id)), (select count(*) from information_schema.columns where table_name = 'campaign_daily' and column_name = 'reach' and table_schema = 'raw_test_ads') from raw_test_ads.campaign_daily`,
    )) as [[number, number, number]];
    expect([count, distinct, hasReach]).toEqual([62, 62, 1]);
  });

  it('refuses rows outside the requested window as a connector bug', async () => {
    const stray = connectorWith({
      async *read() {
        yield { type: 'record-batch', rows: [{ date: '2020-01-01', campaign_id: 'c1' }] };
      },
    });
    bench = await workspace({ connectors: [stray] });
    await add(bench);
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ status: 'failed', errorKind: 'bug' });
    expect(record!.errorMessage).toMatch(/outside the requested window/);
  });
});

describe('failures', () => {
  it('retries transient and rate-limit errors with capped back-off honouring retryAfterMs', async () => {
    let calls = 0;
    const flaky = connectorWith({
      async *read(context, stream, request) {
        calls++;
        if (calls === 1) throw new TransientError('socket hang up');
        if (calls === 2) throw new RateLimitError('quota', 30_000);
        if (calls === 3) throw new TransientError('again');
        yield* testAds.read(context as never, stream, request);
      },
    });
    bench = await workspace({ connectors: [flaky], chunkDays: 100 });
    await add(bench);
    const events: SyncEvent[] = [];
    const [record] = await bench.host.sync({ onEvent: (event) => events.push(event) });
    expect(record).toMatchObject({ status: 'succeeded', rows: 62 });
    expect(bench.sleeps).toEqual([1_000, 30_000, 4_000]);
    expect(events.filter((event) => event.type === 'stream-retrying')).toHaveLength(3);
    expect(events.some((event) => event.type === 'stream-progress')).toBe(true);
  });

  it('gives up after the last attempt and marks the connection failing', async () => {
    const down = connectorWith({
      // eslint-disable-next-line require-yield
      async *read() {
        throw new TransientError('503 from the API');
      },
    });
    bench = await workspace({ connectors: [down], retry: { attempts: 3 } });
    await add(bench);
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({
      status: 'failed',
      errorKind: 'transient',
      errorMessage: '503 from the API',
    });
    expect(bench.sleeps).toEqual([1_000, 2_000, 1_000, 2_000]); // both streams tried
    const [summary] = await bench.host.listConnections();
    expect(summary).toMatchObject({ status: 'failing', lastErrorKind: 'transient' });
  });

  it('stops an account on auth errors until it is reconnected', async () => {
    let refuse = true;
    const expiring = connectorWith({
      async *read(context, stream, request) {
        if (refuse) throw new AuthError('The token has expired.');
        yield* testAds.read(context as never, stream, request);
      },
    });
    bench = await workspace({ connectors: [expiring] });
    await add(bench);
    const records = await bench.host.sync();
    expect(records).toHaveLength(1); // the second stream is not tried
    expect(records[0]).toMatchObject({ status: 'failed', errorKind: 'auth' });
    expect(bench.sleeps).toEqual([]);
    expect((await bench.host.listConnections())[0]).toMatchObject({
      status: 'stopped',
      lastErrorKind: 'auth',
      lastErrorMessage: 'The token has expired.',
    });
    expect(await bench.host.sync()).toEqual([]);
    await expect(bench.host.sync({ connection: 'main' })).rejects.toThrow(
      /stopped: The token has expired/,
    );
    refuse = false;
    await add(bench);
    const again = await bench.host.sync();
    expect(again.map((record) => record.status)).toEqual(['succeeded', 'succeeded']);
    expect((await bench.host.listConnections())[0]).toMatchObject({
      status: 'ok',
      lastSuccessAt: '2026-03-10T12:00:00.000Z',
      rows: 64,
    });
  });

  it('surfaces bugs with the connection, stream and window', async () => {
    const broken = connectorWith({
      async *read() {
        yield { type: 'record-batch', rows: [{ date: '2026-03-10', typo_column: 1 }] };
      },
    });
    bench = await workspace({ connectors: [broken], chunkDays: 100 });
    await add(bench);
    const events: SyncEvent[] = [];
    const [record] = await bench.host.sync({ onEvent: (event) => events.push(event) });
    expect(record).toMatchObject({ status: 'failed', errorKind: 'bug' });
    expect(record!.errorMessage).toBe(
      'test-ads connector, connection "main", stream campaign_daily, window 2026-02-08 to 2026-03-10: Stream campaign_daily yielded a column "typo_column" it does not declare.',
    );
    expect(events.find((event) => event.type === 'stream-failed')).toMatchObject({
      hint: expect.stringMatching(/defect/),
    });
    expect((await bench.host.listConnections())[0]).toMatchObject({ status: 'failing' });
  });

  it('records an interrupted run when the signal aborts', async () => {
    const controller = new AbortController();
    bench = await workspace({ chunkDays: 5 });
    await add(bench);
    const records = await bench.host.sync({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'stream-progress' && event.rows >= 20) controller.abort();
      },
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'interrupted', errorKind: 'aborted' });
    const [[count]] = (await bench.rows('select count(*) from raw_test_ads.campaign_daily')) as [
      [number],
    ];
    expect(count).toBe(10); // the first 5-day chunk; the second was not committed
  });
});

describe('check and run records', () => {
  it('checks without throwing expected failures', async () => {
    const throwing = connectorWith({
      async check() {
        throw new AuthError(`key ${SECRET} refused`);
      },
    });
    bench = await workspace({ connectors: [throwing] });
    await add(bench);
    const result = await bench.host.check('main');
    expect(result).toEqual({
      ok: false,
      kind: 'auth',
      reason: 'key [secret] refused',
      hint: expect.any(String),
    });
    await bench.host.addConnection({
      name: 'other',
      plugin: 'test-ads',
      config: { apiKey: 'bad-key-123' },
    });
    const host = await bench.reopen({ connectors: [testAds as Connector] });
    expect(await host.check('other')).toMatchObject({
      ok: false,
      kind: 'auth',
      reason: 'The API key was refused.',
    });
    expect(await host.check('main')).toEqual({ ok: true });
    await expect(bench.host.check('nope')).rejects.toThrow(/no connection named "nope"/);
  });

  it('records every run: stream, window, rows, duration, status', async () => {
    bench = await workspace();
    await add(bench);
    await bench.host.sync();
    const runs = await bench.host.runs({ connection: 'main' });
    expect(runs).toHaveLength(2);
    const daily = runs.find((run) => run.stream === 'campaign_daily')!;
    expect(daily).toMatchObject({
      connection: 'main',
      plugin: 'test-ads',
      windowStart: '2026-02-08',
      windowEnd: '2026-03-10',
      rows: 62,
      status: 'succeeded',
      startedAt: '2026-03-10T12:00:00.000Z',
      finishedAt: '2026-03-10T12:00:00.000Z',
    });
    expect(daily.durationMs).toBeGreaterThan(0);
    expect(await bench.host.runs({ limit: 1 })).toHaveLength(1);
  });
});

describe('checkpoints', () => {
  it('commits merge streams at each checkpoint and resumes a retried read from the saved state', async () => {
    const stream = { ...testAds.streams[0]!, writeMode: 'merge' as const };
    let calls = 0;
    const states: unknown[] = [];
    const flaky = connectorWith({
      streams: [stream],
      async *read(context, _stream, request) {
        calls++;
        states.push(request.state);
        const after = (request.state as { day?: string } | undefined)?.day ?? '';
        for await (const message of testAds.read(
          context as never,
          stream,
          request,
        ) as AsyncIterable<ReadMessage>) {
          if (message.type === 'record-batch' && String(message.rows[0]?.date) <= after) continue;
          if (
            calls === 1 &&
            message.type === 'state-checkpoint' &&
            message.state &&
            (message.state as { day: string }).day === '2026-02-12'
          )
            throw new TransientError('connection reset');
          yield message;
        }
      },
    });
    bench = await workspace({ connectors: [flaky], chunkDays: 100 });
    await add(bench);
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ status: 'succeeded' });
    expect(states).toEqual([undefined, { day: '2026-02-11' }]);
    const [[count, distinct]] = (await bench.rows(
      'select count(*), count(distinct (date, campaign_id)) from raw_test_ads.campaign_daily',
    )) as [[number, number]];
    expect([count, distinct]).toEqual([62, 62]);
  });

  it('refuses a since that is not a date', async () => {
    bench = await workspace();
    await expect(bench.host.sync({ since: '2026-02-30' })).rejects.toThrow(
      /since "2026-02-30" is not a date/,
    );
  });
});

describe('existing workspaces', () => {
  it('adds the connection column to a raw table made before the host wrote it', async () => {
    bench = await workspace({ chunkDays: 100 });
    await bench.warehouse.execute(
      'CREATE SCHEMA raw_test_ads; CREATE TABLE raw_test_ads.campaigns (campaign_id VARCHAR, campaign_name VARCHAR)',
    );
    await add(bench);
    const records = await bench.host.sync();
    expect(records.map((record) => record.status)).toEqual(['succeeded', 'succeeded']);
    const [[count]] = (await bench.rows(
      "select count(*) from raw_test_ads.campaigns where _baton_connection = 'main'",
    )) as [[number]];
    expect(count).toBe(2);
  });

  it('skips a connection whose plugin is not installed and syncs the others', async () => {
    bench = await workspace();
    await add(bench);
    const host = await bench.reopen({ connectors: [] });
    expect(await host.sync()).toEqual([]);
    expect((await host.listConnections())[0]).toMatchObject({
      status: 'failing',
      lastErrorKind: 'config',
      lastErrorMessage: 'The test-ads connector is not installed.',
    });
    await expect(host.sync({ connection: 'main' })).rejects.toThrow(/No connector "test-ads"/);
  });
});

describe('removeConnection', () => {
  it('forgets the connection and its cursors', async () => {
    bench = await workspace({ chunkDays: 100 });
    await add(bench);
    await bench.host.sync();
    await bench.host.removeConnection('main');
    expect(await bench.host.listConnections()).toEqual([]);
    await add(bench);
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ windowStart: '2026-02-08' }); // a first sync again
    await expect(bench.host.removeConnection('nope')).rejects.toThrow(/no connection named/);
  });

  it('starts over when a connection is re-added with another plugin', async () => {
    const other = { ...(testAds as Connector), id: 'other-ads' };
    bench = await workspace({ connectors: [testAds as Connector, other], chunkDays: 100 });
    await add(bench);
    await bench.host.sync();
    await bench.host.addConnection({
      name: 'main',
      plugin: 'other-ads',
      config: { apiKey: SECRET },
    });
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ plugin: 'other-ads', windowStart: '2026-02-08' });
  });
});

describe('context', () => {
  it("gives the connector the workspace's imports/ folder, read by DuckDB", async () => {
    const seen: string[] = [];
    const reader = connectorWith({
      streams: [testAds.streams[1]!],
      async *read(context) {
        for (const file of await context.files!.list()) seen.push(file.path);
        const data = await context.files!.read('campaigns.csv');
        seen.push(JSON.stringify(data.columns.map((column) => column.name)));
        for await (const rows of data.batches) yield { type: 'record-batch', rows };
      },
    });
    bench = await workspace({ connectors: [reader] });
    await writeFile(
      path.join(bench.dir, 'imports', 'campaigns.csv'),
      'campaign_id,campaign_name\nc1,One\nc2,Two\n',
    );
    await add(bench);
    const [record] = await bench.host.sync();
    expect(record).toMatchObject({ status: 'succeeded', rows: 2 });
    expect(seen).toEqual(['campaigns.csv', '["campaign_id","campaign_name"]']);
  });
});

describe('a connection whose setup fails before any stream is known', () => {
  it('records the failure and stops the connection, instead of reporting nothing', async () => {
    const discoverOnly = connectorWith({
      streams: [],
      discover: async () => {
        throw new ConfigError('The account 42 does not exist.', 'Check the account id.');
      },
    });
    bench = await workspace({ connectors: [discoverOnly] });
    await add(bench);
    const records = await bench.host.sync();
    expect(records).toMatchObject([
      {
        stream: 'setup',
        status: 'failed',
        errorKind: 'config',
        errorMessage: expect.stringContaining('does not exist'),
      },
    ]);
    expect(await bench.host.listConnections()).toMatchObject([
      { status: 'stopped', lastErrorKind: 'config' },
    ]);
  });
});
