import { afterEach, describe, expect, it } from 'vitest';
import { collectRead, createTestContext, openConformanceWorkspace } from '@baton/core/testing';
import { ConfigError, MODEL_STREAM_COLUMNS, type StreamDefinition } from '@baton/core/spec';
import files, { columnNamesFor, tableNameFor, type FilesConfig } from '../src/index.ts';
import {
  CAMPAIGN_DAILY_CSV,
  EVENTS_JSONL,
  SPEND_FEBRUARY_CSV,
  SPEND_JANUARY_CSV,
  makeImports,
  type TestImports,
} from './imports.ts';

let opened: TestImports | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

async function setUp(
  content: Parameters<typeof makeImports>[0],
  config: Partial<FilesConfig> = {},
): Promise<ReturnType<typeof createTestContext<FilesConfig>>> {
  opened = await makeImports(content);
  return createTestContext(files.config.parse(config), { overrides: { files: opened.files } });
}

async function streamNamed(
  context: Awaited<ReturnType<typeof setUp>>,
  name: string,
): Promise<StreamDefinition> {
  const stream = (await files.discover!(context)).find((candidate) => candidate.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  return stream;
}

describe('files connector', () => {
  it('names a table after its file, or its folder, or the configured name', () => {
    expect(tableNameFor('Spend 2026.csv', {})).toBe('spend_2026');
    expect(tableNameFor('Été-ventes.parquet', {})).toBe('ete_ventes');
    expect(tableNameFor('2026.csv', {})).toBe('t_2026');
    expect(tableNameFor('meta_export/2026-01.csv', {})).toBe('meta_export');
    expect(tableNameFor('q1.csv', { 'q1.csv': 'campaign_daily' })).toBe('campaign_daily');
  });

  it('keeps the types DuckDB infers', async () => {
    const context = await setUp({
      'events.jsonl': EVENTS_JSONL,
      'email_sends.parquet': { fixture: 'email_sends.parquet' },
    });
    const events = await streamNamed(context, 'events');
    expect(events.columns).toEqual([
      { name: 'at', type: 'TIMESTAMP' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'tags', type: 'JSON' },
    ]);
    const { rows } = await collectRead(files, context, events, { fullRefresh: true });
    expect(rows[0]).toEqual({
      at: '2026-03-01T10:00:00.000',
      name: 'launch',
      tags: '["spring","serum"]',
    });
    const sends = await streamNamed(context, 'email_sends');
    expect(sends.columns.map((column) => column.type)).toEqual([
      'DATE',
      'VARCHAR',
      'BIGINT',
      'DOUBLE',
    ]);
    expect((await collectRead(files, context, sends, { fullRefresh: true })).rows).toHaveLength(3);
  });

  it('names columns in snake_case, as the host requires', async () => {
    expect([
      ...columnNamesFor(['Day', 'Amount Spent (EUR)', 'Coût', '2nd', 'cost', 'Cost', '']),
    ]).toEqual([
      ['day', 'Day'],
      ['amount_spent_eur', 'Amount Spent (EUR)'],
      ['cout', 'Coût'],
      ['c_2nd', '2nd'],
      ['cost', 'cost'],
      ['cost_2', 'Cost'],
      ['c_unnamed', ''],
    ]);
    const context = await setUp({ 'export.csv': 'Day,Amount Spent (EUR)\n2026-03-01,12.5\n' });
    const stream = await streamNamed(context, 'export');
    const { rows } = await collectRead(files, context, stream, { fullRefresh: true });
    expect(rows).toEqual([{ day: '2026-03-01', amount_spent_eur: 12.5 }]);
  });

  it('adds a column that first appears in a later file', async () => {
    const context = await setUp({
      'spend/2026-01.csv': SPEND_JANUARY_CSV,
      'spend/2026-02.csv': SPEND_FEBRUARY_CSV,
    });
    const spend = await streamNamed(context, 'spend');
    expect(spend.columns).toEqual([
      { name: 'day', type: 'DATE' },
      { name: 'channel', type: 'VARCHAR' },
      // January's costs are whole numbers (BIGINT), February's are not: they widen.
      { name: 'cost', type: 'DOUBLE' },
      { name: 'notes', type: 'VARCHAR' },
    ]);
    const { rows } = await collectRead(files, context, spend, { fullRefresh: true });
    expect(rows).toEqual([
      { day: '2026-01-30', channel: 'partners', cost: 100, notes: null },
      { day: '2026-01-31', channel: 'partners', cost: 120, notes: null },
      { day: '2026-02-01', channel: 'partners', cost: 90.5, notes: 'late invoice' },
      { day: '2026-02-02', channel: 'affiliates', cost: 40, notes: null },
    ]);
  });

  it('a type conflict between files names the file, the column and both types', async () => {
    const context = await setUp({
      'spend/2026-01.csv': SPEND_JANUARY_CSV,
      'spend/2026-02.csv': 'day,channel,cost\n2026-02-01,partners,2026-02-03\n',
    });
    const expected =
      'imports/spend/2026-02.csv: column "cost" is DATE, but BIGINT in imports/spend/2026-01.csv (table spend).';
    expect(await files.check(context)).toMatchObject({
      ok: false,
      kind: 'config',
      reason: expected,
    });
    // The table is still declared, so the sync records the error against it, and reading it fails.
    const spend = await streamNamed(context, 'spend');
    const reading = collectRead(files, context, spend, { fullRefresh: true });
    await expect(reading).rejects.toThrow(expected);
    await expect(reading).rejects.toBeInstanceOf(ConfigError);
  });

  it('a file that follows the model lands as the model stream, with its columns and types', async () => {
    const context = await setUp({ 'campaign_daily.csv': CAMPAIGN_DAILY_CSV }, { currency: 'GBP' });
    const stream = await streamNamed(context, 'campaign_daily');
    expect(stream.columns.map(({ name, type }) => ({ name, type }))).toEqual(
      MODEL_STREAM_COLUMNS.campaign_daily.map(({ name, type }) => ({ name, type })),
    );
    const { rows } = await collectRead(files, context, stream, { fullRefresh: true });
    expect(rows[0]).toEqual({
      date: '2026-03-01',
      platform: 'meta',
      account_id: '1203', // DuckDB reads it as a number; the model's ids are text
      account_name: 'Maison Lumière',
      campaign_id: '23851',
      campaign_name: 'Spring | Prospecting',
      campaign_status: 'active',
      objective: 'sales',
      impressions: 12000,
      clicks: 340,
      spend: 210.55,
      conversions: 12.5,
      conversion_value: 880.1,
      video_views: null,
      currency: 'GBP', // the file has none: the configured currency
    });
  });

  it('a file mapped to a model table by name lands there, extra columns left out with a warning', async () => {
    const context = await setUp(
      {
        'exports/q1.csv': `${CAMPAIGN_DAILY_CSV.trimEnd().replace(/\n/g, ',x\n').replace('conversion_value,x', 'conversion_value,comment')},x\n`,
      },
      { tables: { 'exports/q1.csv': 'campaign_daily' } },
    );
    const stream = await streamNamed(context, 'campaign_daily');
    const { rows, warnings } = await collectRead(files, context, stream, { fullRefresh: true });
    expect(rows).toHaveLength(3);
    expect(warnings).toEqual([
      'imports/exports/q1.csv: "comment" not in the model\'s campaign_daily, left out.',
    ]);
  });

  it('a campaign_daily.csv synced by the host appears in the model view campaign_daily', async () => {
    opened = await makeImports({
      'campaign_daily.csv': CAMPAIGN_DAILY_CSV,
      'spend/2026-01.csv': SPEND_JANUARY_CSV,
    });
    const { files: importFiles, dir } = opened;
    const workspace = await openConformanceWorkspace(files as never, {
      config: { currency: 'GBP' },
      now: new Date('2026-04-01T12:00:00Z'),
      // The files land in the workspace's imports/, which the host reads; until the host offers
      // context.files, the test's own reader stands in.
      extras: () => ({ files: importFiles }),
      imports: dir,
    });
    try {
      await workspace.sync('2026-03-01');
      expect(
        await workspace.rows(
          'select date, platform, campaign_id, spend_native, native_currency from campaign_daily order by date, campaign_id',
        ),
      ).toEqual([
        ['2026-03-01', 'meta', '23851', 210.55, 'GBP'],
        ['2026-03-01', 'meta', '23852', 60, 'GBP'],
        ['2026-03-02', 'meta', '23851', 198.4, 'GBP'],
      ]);
      expect(await workspace.rows('select count(*) from raw_files.spend')).toEqual([[2]]);
    } finally {
      await workspace.cleanup();
    }
  });

  it('a conflict with a widened type names the file the type came from', async () => {
    const context = await setUp({
      'spend/2026-01.csv': SPEND_JANUARY_CSV,
      'spend/2026-02.csv': SPEND_FEBRUARY_CSV,
      'spend/2026-03.csv': 'day,channel,cost\n2026-03-01,partners,n/a\n',
    });
    expect(await files.check(context)).toMatchObject({
      ok: false,
      reason:
        'imports/spend/2026-03.csv: column "cost" is VARCHAR, but DOUBLE in imports/spend/2026-02.csv (table spend).',
    });
  });

  it('check says what to do when there is nothing to read', async () => {
    const context = await setUp({});
    expect(await files.check(context)).toMatchObject({
      ok: false,
      kind: 'config',
      reason: 'There are no CSV, Parquet or JSON files in imports/.',
    });
    const withoutFiles = createTestContext(files.config.parse({}));
    expect(await files.check(withoutFiles)).toMatchObject({ ok: false, kind: 'config' });
  });

  it('a malformed file is a config error naming the file', async () => {
    const context = await setUp({ 'broken.parquet': 'not a parquet file' });
    const result = await files.check(context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^broken\.parquet: DuckDB could not read it/);
  });
});
