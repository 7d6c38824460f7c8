import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/engine/index.ts';
import type { SqlValue } from '../../src/engine/types.ts';
import { KPI_MACROS, MODEL_STREAMS, refreshModel } from '../../src/model/index.ts';
import { buildDemoWorkspace, type DemoBuild } from '../../../test/support/demo.ts';

const SEED = 42;
const END = '2026-03-31';

let dir: string;
let warehouse: Warehouse;
let build: DemoBuild;
let buildMs: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-model-'));
  warehouse = await Warehouse.open({
    path: path.join(dir, 'demo.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  const started = performance.now();
  build = await buildDemoWorkspace(warehouse, { seed: SEED, end: END });
  buildMs = performance.now() - started;
});

afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

type Row = Record<string, SqlValue>;

async function rows(sql: string, target: Pick<Warehouse, 'query'> = warehouse): Promise<Row[]> {
  const result = await target.query(sql, { rowCap: 100_000 });
  return Array.from({ length: result.rowCount }, (_, i) =>
    Object.fromEntries(result.columns.map((column, c) => [column.name, result.data[c]![i]!])),
  );
}

async function one(sql: string): Promise<Row> {
  const [row] = await rows(sql);
  if (!row) throw new Error(`no row from: ${sql}`);
  return row;
}

const num = (value: SqlValue | undefined): number => Number(value);

/** The contract (marketing-model.md): columns every view must have, with their types. */
// prettier-ignore
const CONTRACT: Record<string, Record<string, string>> = {
  campaign_daily: {
    date: 'DATE', platform: 'VARCHAR', account_id: 'VARCHAR', account_name: 'VARCHAR', campaign_id: 'VARCHAR',
    campaign_name: 'VARCHAR', campaign_status: 'VARCHAR', objective: 'VARCHAR', impressions: 'BIGINT', clicks: 'BIGINT',
    spend: 'DECIMAL(18,2)', conversions: 'DOUBLE', conversion_value: 'DECIMAL(18,2)', video_views: 'BIGINT',
    currency: 'VARCHAR', spend_native: 'DECIMAL(18,2)', conversion_value_native: 'DECIMAL(18,2)', native_currency: 'VARCHAR',
  },
  ad_daily: {
    date: 'DATE', platform: 'VARCHAR', account_id: 'VARCHAR', campaign_id: 'VARCHAR', ad_group_id: 'VARCHAR',
    ad_group_name: 'VARCHAR', ad_id: 'VARCHAR', ad_name: 'VARCHAR', impressions: 'BIGINT', clicks: 'BIGINT',
    spend: 'DECIMAL(18,2)', conversions: 'DOUBLE', conversion_value: 'DECIMAL(18,2)', reach: 'BIGINT',
    frequency: 'DOUBLE', currency: 'VARCHAR', spend_native: 'DECIMAL(18,2)', native_currency: 'VARCHAR',
  },
  campaigns: {
    platform: 'VARCHAR', account_id: 'VARCHAR', campaign_id: 'VARCHAR', campaign_name: 'VARCHAR',
    campaign_status: 'VARCHAR', objective: 'VARCHAR', daily_budget: 'DECIMAL(18,2)', start_date: 'DATE', end_date: 'DATE',
  },
  web_traffic_daily: {
    date: 'DATE', property_id: 'VARCHAR', channel_group: 'VARCHAR', source: 'VARCHAR', medium: 'VARCHAR',
    campaign: 'VARCHAR', sessions: 'BIGINT', engaged_sessions: 'BIGINT', new_users: 'BIGINT', total_users: 'BIGINT',
    page_views: 'BIGINT', key_events: 'DOUBLE', transactions: 'BIGINT', revenue: 'DECIMAL(18,2)',
  },
  search_console_daily: {
    date: 'DATE', site_url: 'VARCHAR', query: 'VARCHAR', page: 'VARCHAR', country: 'VARCHAR', device: 'VARCHAR',
    clicks: 'BIGINT', impressions: 'BIGINT', position: 'DOUBLE', position_weighted: 'DOUBLE',
  },
  fx_rates: { date: 'DATE', currency: 'VARCHAR', rate_to_reporting: 'DOUBLE' },
  weather_daily: { date: 'DATE', city: 'VARCHAR', temperature_c: 'DOUBLE', sunshine_hours: 'DOUBLE' },
  demo_truth: {
    kind: 'VARCHAR', platform: 'VARCHAR', account_id: 'VARCHAR', campaign_id: 'VARCHAR', campaign_name: 'VARCHAR',
    ad_id: 'VARCHAR', start_date: 'DATE', end_date: 'DATE', metric: 'VARCHAR', direction: 'VARCHAR',
    magnitude: 'DOUBLE', description: 'VARCHAR',
  },
};

async function viewColumns(
  name: string,
  target: Pick<Warehouse, 'query'> = warehouse,
): Promise<Record<string, string>> {
  const columns = await rows(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name = '${name}' ORDER BY ordinal_position`,
    target,
  );
  return Object.fromEntries(
    columns.map((column) => [String(column.column_name), String(column.data_type)]),
  );
}

describe('buildDemoWorkspace', () => {
  it('reports what it wrote and how long it took', () => {
    console.log(
      `demo build (seed ${SEED}, end ${END}): ${(buildMs / 1000).toFixed(1)} s`,
      build.rows,
    );
    expect(build.rows.ad_daily).toBeGreaterThan(100_000);
    expect(buildMs).toBeLessThan(120_000); // speed is measured in test/bench/demo.ts, not here
  });

  it('creates every model view with the contract columns and types', async () => {
    for (const [view, expected] of Object.entries(CONTRACT)) {
      const actual = await viewColumns(view);
      for (const [column, type] of Object.entries(expected))
        expect({ view, column, type: actual[column] }).toEqual({ view, column, type });
    }
  });

  it('keeps the data consistent: campaign_daily is ad_daily summed to the campaign', async () => {
    const mismatches = await one(`
      WITH ads AS (
        SELECT date, platform, account_id, campaign_id, sum(impressions) AS impressions, sum(clicks) AS clicks,
          sum(spend_native) AS spend, sum(conversions) AS conversions, sum(conversion_value_native) AS value,
          sum(video_views) AS video_views
        FROM ad_daily GROUP BY ALL)
      SELECT count(*) AS n FROM campaign_daily AS c FULL JOIN ads AS a USING (date, platform, account_id, campaign_id)
      WHERE c.impressions IS DISTINCT FROM a.impressions OR c.clicks IS DISTINCT FROM a.clicks
        OR c.spend_native IS DISTINCT FROM a.spend OR c.conversion_value_native IS DISTINCT FROM a.value
        OR c.video_views IS DISTINCT FROM a.video_views OR NOT abs(c.conversions - a.conversions) < 1e-6`);
    expect(num(mismatches.n)).toBe(0);
    const broken = await one(`
      SELECT count(*) FILTER (spend < 0) AS negative_spend, count(*) FILTER (clicks > impressions) AS clicks_over_impressions,
        count(*) FILTER (conversions > clicks) AS conversions_over_clicks, count(*) FILTER (reach > impressions) AS reach_over_impressions,
        count(*) FILTER (reach > 0 AND abs(frequency - impressions / reach) > 1e-9) AS bad_frequency,
        count(*) FILTER (spend IS NULL) AS unconverted
      FROM ad_daily`);
    for (const count of Object.values(broken)) expect(num(count)).toBe(0);
    expect(Object.keys(broken)).toHaveLength(6);
  });

  it('has plausible KPIs per platform over the two years', async () => {
    const kpis = async (where: string) =>
      one(`SELECT ctr(sum(clicks), sum(impressions)) AS ctr, cpc(sum(spend), sum(clicks)) AS cpc, cpm(sum(spend), sum(impressions)) AS cpm,
             roas(sum(conversion_value), sum(spend)) AS roas, cvr(sum(conversions), sum(clicks)) AS cvr
           FROM campaign_daily WHERE ${where}`);
    const within = (value: SqlValue | undefined, min: number, max: number, label: string) =>
      expect({
        label,
        value: num(value),
        ok: num(value) >= min && num(value) <= max,
      }).toMatchObject({ label, ok: true });
    const brand = await kpis(
      `platform = 'google_ads' AND (campaign_name LIKE '%| Marque%' OR campaign_name LIKE '%| Brand |%')`,
    );
    within(brand.cpc, 0.2, 0.6, 'google brand cpc');
    within(brand.ctr, 0.08, 0.2, 'google brand ctr');
    const generic = await kpis(
      `platform = 'google_ads' AND (campaign_name LIKE '%Générique%' OR campaign_name LIKE '%Generic%')`,
    );
    within(generic.cpc, 0.8, 2.5, 'google generic cpc');
    const meta = await kpis(`platform = 'meta'`);
    within(meta.cpm, 5, 12, 'meta cpm');
    within(meta.ctr, 0.005, 0.02, 'meta ctr');
    within((await kpis(`platform = 'tiktok'`)).cpm, 3, 8, 'tiktok cpm');
    const linkedin = await kpis(`platform = 'linkedin' AND objective = 'leads'`);
    within(linkedin.cpc, 4, 9, 'linkedin cpc');
    within(linkedin.cvr, 0.05, 0.15, 'linkedin lead cvr');
    for (const [platform, cvr] of [
      ['google_ads', [0.02, 0.1]],
      ['meta', [0.01, 0.08]],
      ['tiktok', [0.005, 0.05]],
    ] as const) {
      const sales = await kpis(`platform = '${platform}' AND objective = 'sales'`);
      within(sales.roas, 2, 8, `${platform} sales roas`);
      within(sales.cvr, cvr[0], cvr[1], `${platform} sales cvr`);
    }
  });

  it('shows the weekly pattern, Black Friday, and sunscreen following the weather', async () => {
    const week = await one(`
      WITH d AS (SELECT isodow(date) AS weekday, sum(conversions) AS conversions FROM campaign_daily GROUP BY ALL)
      SELECT max(conversions) / min(conversions) AS spread FROM d`);
    expect(num(week.spread)).toBeGreaterThan(1.08);
    const peak = await one(`
      SELECT sum(conversions) FILTER (date = DATE '2025-11-28') AS black_friday,
        sum(conversions) FILTER (date BETWEEN DATE '2025-10-20' AND DATE '2025-11-09') / 21 AS usual
      FROM campaign_daily`);
    expect(num(peak.black_friday)).toBeGreaterThan(1.5 * num(peak.usual));
    const sun = await one(`
      WITH w AS (SELECT date, avg(temperature_c) AS temperature FROM weather_daily WHERE city <> 'London' GROUP BY date),
        c AS (SELECT date, sum(conversions) AS conversions FROM campaign_daily
              WHERE campaign_name IN ('FR | Search | Générique | Solaire', 'TT_FR_Awareness_SPF50_UGC') GROUP BY date)
      SELECT corr(temperature, conversions) AS r FROM w JOIN c USING (date)`);
    expect(num(sun.r)).toBeGreaterThan(0.5);
  });

  it('plants every demo_truth entry visibly in the data', async () => {
    const truth = await rows(`SELECT * FROM demo_truth`);
    expect(truth.length).toBeGreaterThanOrEqual(6);
    const window = (row: Row, when: 'during' | 'before') =>
      when === 'during'
        ? `date BETWEEN DATE '${row.start_date}' AND DATE '${row.end_date}'`
        : `date >= DATE '${row.start_date}' - 14 AND date < DATE '${row.start_date}'`;
    const campaignKpi = async (row: Row, expression: string, when: 'during' | 'before') =>
      num(
        (
          await one(
            `SELECT ${expression} AS v FROM campaign_daily WHERE campaign_id = '${row.campaign_id}' AND ${window(row, when)}`,
          )
        ).v,
      );
    for (const row of truth) {
      const ratio = async (expression: string) =>
        (await campaignKpi(row, expression, 'during')) /
        (await campaignKpi(row, expression, 'before'));
      switch (row.kind) {
        case 'tracking_outage': {
          const days =
            await rows(`SELECT date, sum(clicks) AS clicks, sum(conversions) AS conversions FROM campaign_daily
            WHERE account_id = '${row.account_id}' AND ${window(row, 'during')} GROUP BY date`);
          expect(days.length).toBe(3);
          for (const day of days)
            expect([num(day.clicks) > 100, num(day.conversions)]).toEqual([true, 0]);
          const ga4 = await one(
            `SELECT sum(transactions) AS t FROM web_traffic_daily WHERE source = 'facebook' AND ${window(row, 'during')}`,
          );
          expect(num(ga4.t)).toBeGreaterThan(0);
          break;
        }
        case 'cpa_spike':
          expect(await ratio('cpa(sum(spend), sum(conversions))')).toBeGreaterThan(2);
          break;
        case 'spend_runaway':
          expect(await ratio('avg(spend)')).toBeGreaterThan(4);
          break;
        case 'cpc_spike':
          expect(await ratio('cpc(sum(spend), sum(clicks))')).toBeGreaterThan(1.8);
          break;
        case 'delivery_drop':
          expect(await ratio('avg(impressions)')).toBeLessThan(0.2);
          break;
        case 'creative_fatigue': {
          const week = (from: string, to: string) =>
            one(`SELECT ctr(sum(clicks), sum(impressions)) AS ctr, avg(frequency) AS frequency FROM ad_daily
                 WHERE ad_id = '${row.ad_id}' AND date BETWEEN ${from} AND ${to}`);
          const first = await week(`DATE '${row.start_date}'`, `DATE '${row.start_date}' + 6`);
          const last = await week(`DATE '${row.end_date}' - 6`, `DATE '${row.end_date}'`);
          expect(num(last.ctr)).toBeLessThan(0.6 * num(first.ctr));
          expect(num(last.frequency)).toBeGreaterThan(2 * num(first.frequency));
          break;
        }
        case 'budget_capped_high_roas': {
          const capped = await one(`
            SELECT avg(CASE WHEN c.spend >= 0.95 * b.daily_budget AND c.spend <= b.daily_budget THEN 1 ELSE 0 END) AS capped_share,
              roas(sum(c.conversion_value), sum(c.spend)) AS roas
            FROM campaign_daily AS c JOIN campaigns AS b USING (platform, account_id, campaign_id)
            WHERE c.campaign_id = '${row.campaign_id}' AND c.${window(row, 'during')}`);
          const account =
            await one(`SELECT roas(sum(conversion_value), sum(spend)) AS roas FROM campaign_daily
            WHERE account_id = '${row.account_id}' AND objective = 'sales' AND ${window(row, 'during')}`);
          expect(num(capped.capped_share)).toBeGreaterThan(0.9);
          expect(num(capped.roas)).toBeGreaterThan(1.4 * num(account.roas));
          break;
        }
        default:
          throw new Error(`no visibility check for planted kind "${row.kind}"`);
      }
    }
  });

  it('converts money to the reporting currency with the rate of the row date', async () => {
    const eur = await one(
      `SELECT count(*) FILTER (spend <> spend_native) AS n, count(*) AS total FROM campaign_daily WHERE native_currency = 'EUR'`,
    );
    expect(num(eur.n)).toBe(0);
    expect(num(eur.total)).toBeGreaterThan(0);
    // GBP: spend in EUR = native / (GBP per EUR) of the last rate published on or before the day.
    const gbp = await one(`
      SELECT count(*) AS total, count(*) FILTER (abs(c.spend - c.spend_native / r.rate) > 0.0051) AS wrong,
        count(*) FILTER (isodow(c.date) >= 6 AND r.date <> c.date - CAST(isodow(c.date) - 5 AS INTEGER)) AS weekend_not_friday
      FROM campaign_daily AS c ASOF JOIN (SELECT date, rate FROM raw_demo.fx_rates WHERE quote_currency = 'GBP') AS r
        ON c.date >= r.date
      WHERE c.native_currency = 'GBP'`);
    expect(num(gbp.total)).toBeGreaterThan(1000);
    expect(num(gbp.wrong)).toBe(0);
    expect(num(gbp.weekend_not_friday)).toBe(0);
    const currencies = await rows(`SELECT DISTINCT currency FROM campaign_daily`);
    expect(currencies).toEqual([{ currency: 'EUR' }]);
  });

  it('is deterministic: the same seed and end give the same rows in the warehouse', async () => {
    const other = await Warehouse.open({
      path: path.join(dir, 'again.duckdb'),
      importsDir: path.join(dir, 'imports'),
    });
    try {
      await buildDemoWorkspace(other, { seed: SEED, end: END });
      const digest = `SELECT md5(string_agg(CAST(c AS VARCHAR), '|' ORDER BY c.date, c.platform, c.account_id, c.campaign_id)) AS h FROM campaign_daily AS c`;
      const [first, second] = [await one(digest), (await rows(digest, other))[0]!];
      expect(second.h).toBe(first.h);
    } finally {
      await other.close();
    }
  });

  it('picks up a new raw_<plugin> table on refresh, with missing columns as NULL', async () => {
    await warehouse.execute(`CREATE SCHEMA raw_other`);
    await warehouse.execute(`CREATE TABLE raw_other.campaign_daily (date DATE, platform VARCHAR, account_id VARCHAR,
      campaign_id VARCHAR, campaign_name VARCHAR, impressions BIGINT, clicks BIGINT, spend DECIMAL(18,2), currency VARCHAR, extra VARCHAR)`);
    await warehouse.ingest('raw_other.campaign_daily', {
      columns: [
        'date',
        'platform',
        'account_id',
        'campaign_id',
        'campaign_name',
        'impressions',
        'clicks',
        'spend',
        'currency',
        'extra',
      ],
      data: [
        ['2026-03-30'],
        ['bing_ads'],
        ['acc-1'],
        ['cmp-1'],
        ['Bing | Marque'],
        [1000],
        [50],
        [20],
        ['EUR'],
        ['ignored'],
      ],
    });
    try {
      const sources = await refreshModel(warehouse, { reportingCurrency: 'EUR' });
      expect(sources.campaign_daily).toEqual(['raw_demo', 'raw_other']);
      const row = await one(
        `SELECT spend, spend_native, native_currency, conversions, video_views, currency FROM campaign_daily WHERE platform = 'bing_ads'`,
      );
      expect(row).toEqual({
        spend: 20,
        spend_native: 20,
        native_currency: 'EUR',
        conversions: null,
        video_views: null,
        currency: 'EUR',
      });
    } finally {
      await warehouse.execute(`DROP SCHEMA raw_other CASCADE`);
      await refreshModel(warehouse, { reportingCurrency: 'EUR' });
    }
    expect(
      num((await one(`SELECT count(*) AS n FROM campaign_daily WHERE platform = 'bing_ads'`)).n),
    ).toBe(0);
  });

  it('reports in another currency on request', async () => {
    try {
      await refreshModel(warehouse, { reportingCurrency: 'USD' });
      const row = await one(`
        SELECT count(*) FILTER (currency <> 'USD') AS not_usd,
          count(*) FILTER (native_currency = 'USD' AND spend <> spend_native) AS usd_changed,
          count(*) FILTER (native_currency = 'GBP' AND spend IS NULL) AS gbp_missing
        FROM campaign_daily`);
      expect(row).toEqual({ not_usd: 0, usd_changed: 0, gbp_missing: 0 });
    } finally {
      await refreshModel(warehouse, { reportingCurrency: 'EUR' });
    }
  });

  it('keeps the KPI macros in the database file', async () => {
    await warehouse.close();
    warehouse = await Warehouse.open({
      path: path.join(dir, 'demo.duckdb'),
      importsDir: path.join(dir, 'imports'),
    });
    const calls = Object.keys(KPI_MACROS).map((name) => `${name}(1, 4) AS ${name}`);
    const row = await one(`SELECT ${calls.join(', ')}`);
    expect(row).toEqual({ ctr: 0.25, cpc: 0.25, cpm: 250, cpa: 0.25, roas: 0.25, cvr: 0.25 });
  });
});

describe('refreshModel', () => {
  it('creates empty views with the contract columns when no raw table exists', async () => {
    const empty = await Warehouse.open({
      path: path.join(dir, 'empty.duckdb'),
      importsDir: path.join(dir, 'imports'),
    });
    try {
      await refreshModel(empty, { reportingCurrency: 'EUR' });
      for (const stream of MODEL_STREAMS) {
        const columns = await viewColumns(stream, empty);
        for (const [column, type] of Object.entries(CONTRACT[stream]!))
          expect({ stream, column, type: columns[column] }).toEqual({ stream, column, type });
        expect(num((await rows(`SELECT count(*) AS n FROM ${stream}`, empty))[0]!.n)).toBe(0);
      }
      expect(await viewColumns('demo_truth', empty)).toEqual({});
    } finally {
      await empty.close();
    }
  });

  it('has KPI macros that return NULL on a zero or NULL denominator', async () => {
    const row =
      await one(`SELECT ctr(0, 0) AS ctr, cpc(10, 0) AS cpc, cpm(5, 0) AS cpm, cpa(5, 0.0) AS cpa, roas(10, 0) AS roas,
      cvr(1, 0) AS cvr, ctr(1, NULL) AS ctr_null, cpm(5, 1000) AS cpm_value, roas(NULL, 10) AS roas_null, cpa(100, 4) AS cpa_value`);
    expect(row).toEqual({
      ctr: null,
      cpc: null,
      cpm: null,
      cpa: null,
      roas: null,
      cvr: null,
      ctr_null: null,
      cpm_value: 5,
      roas_null: null,
      cpa_value: 25,
    });
  });

  it('refuses a reporting currency that is not an ISO code', async () => {
    await expect(
      refreshModel(warehouse, { reportingCurrency: "EUR'; DROP TABLE x; --" }),
    ).rejects.toThrow(/ISO 4217/);
  });
});
