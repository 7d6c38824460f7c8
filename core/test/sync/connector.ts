/**
 * A tiny connector for host tests: `campaign_daily` rows (one per campaign and day of the window,
 * a batch and a checkpoint per day) and `campaigns` (replaced whole). Values depend on the
 * config's `revision`, so a test can restate days; `delayMs` slows each day down.
 */
import { z } from 'zod';
import { defineConnector, type ReadRequest, type Row } from '../../src/spec/index.ts';

export const config = z.object({
  apiKey: z.string().min(8).meta({ label: 'API key', secret: true }),
  campaigns: z.number().int().min(1).default(2),
  revision: z.number().int().default(0),
  timeZone: z.string().default('UTC'),
  delayMs: z.number().default(0),
});

export type TestConfig = z.output<typeof config>;

export function dailyRows(
  day: string,
  settings: Pick<TestConfig, 'campaigns' | 'revision'>,
): Row[] {
  const rows: Row[] = [];
  const dayNumber = Date.parse(`${day}T00:00:00Z`) / 86_400_000;
  for (let campaign = 1; campaign <= settings.campaigns; campaign++) {
    const impressions = 1000 + ((dayNumber * 7 + campaign * 13) % 500) + settings.revision * 10;
    rows.push({
      date: day,
      platform: 'test',
      account_id: 'acct-1',
      campaign_id: `c${campaign}`,
      campaign_name: `Campaign ${campaign}`,
      impressions,
      clicks: Math.floor(impressions / 20),
      spend: Math.round(impressions * 1.7) / 100,
      currency: 'EUR',
    });
  }
  return rows;
}

export function daysOf(window: { start: string; end: string }): string[] {
  const days: string[] = [];
  for (let day = window.start; day <= window.end;) {
    days.push(day);
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return days;
}

/** Every read request the connector received, for assertions. */
export const requests: Array<{ stream: string; request: ReadRequest }> = [];

export const testAds = defineConnector({
  specificationVersion: 'v1',
  id: 'test-ads',
  name: 'Test Ads',
  version: '1.0.0',
  docsUrl: 'https://example.com/test-ads',
  config,
  async check(context) {
    if (context.config.apiKey.startsWith('bad'))
      return {
        ok: false,
        kind: 'auth',
        reason: 'The API key was refused.',
        hint: 'Create a new key.',
      };
    return { ok: true };
  },
  timeZone: (context) => context.config.timeZone,
  streams: [
    {
      name: 'campaign_daily',
      columns: [
        { name: 'date', type: 'DATE', nullable: false },
        { name: 'platform', type: 'VARCHAR' },
        { name: 'account_id', type: 'VARCHAR' },
        { name: 'campaign_id', type: 'VARCHAR' },
        { name: 'campaign_name', type: 'VARCHAR' },
        { name: 'impressions', type: 'BIGINT' },
        { name: 'clicks', type: 'BIGINT' },
        { name: 'spend', type: 'DECIMAL(18,2)' },
        { name: 'currency', type: 'VARCHAR' },
      ],
      primaryKey: ['date', 'campaign_id'],
      cursor: { field: 'date', lookbackDays: 3, initialDays: 30 },
      writeMode: 'replace-window',
    },
    {
      name: 'campaigns',
      columns: [
        { name: 'campaign_id', type: 'VARCHAR' },
        { name: 'campaign_name', type: 'VARCHAR' },
      ],
      primaryKey: ['campaign_id'],
      writeMode: 'replace',
    },
  ],
  async *read(context, stream, request) {
    requests.push({ stream: stream.name, request });
    if (stream.name === 'campaigns') {
      const rows = dailyRows('2026-01-01', context.config).map((row) => ({
        campaign_id: row.campaign_id!,
        campaign_name: row.campaign_name!,
      }));
      yield { type: 'record-batch', rows };
      return;
    }
    const days = daysOf(request.window!);
    let index = 0;
    for (const day of days) {
      if (context.config.delayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, context.config.delayMs));
      yield { type: 'record-batch', rows: dailyRows(day, context.config) };
      yield { type: 'progress', done: ++index, total: days.length, unit: 'days' };
      yield { type: 'state-checkpoint', state: { day } };
    }
  },
});

/** A connector yielding the given rows in batches, for the sync benchmark (test/bench/sync.ts). */
export function rowsConnector(
  rows: Row[],
  columns: Array<{ name: string; type: string }>,
  batchRows: number,
) {
  return defineConnector({
    specificationVersion: 'v1',
    id: 'bench-ads',
    name: 'Bench Ads',
    version: '1.0.0',
    docsUrl: 'https://example.com/bench-ads',
    config: z.object({}),
    async check() {
      return { ok: true };
    },
    streams: [
      {
        name: 'bench_daily',
        columns,
        primaryKey: ['date', 'campaign_id'],
        cursor: { field: 'date', lookbackDays: 0, initialDays: 365 },
        writeMode: 'replace-window',
      },
    ],
    async *read() {
      for (let start = 0; start < rows.length; start += batchRows)
        yield { type: 'record-batch', rows: rows.slice(start, start + batchRows) };
    },
  });
}
