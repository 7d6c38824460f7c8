import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainChange } from '../../src/checks/drilldown.ts';
import { Warehouse } from '../../src/engine/index.ts';

let dir: string;
let warehouse: Warehouse;

/**
 * Baseline week (Mar 1-7) and current day (Mar 8). Per day in the baseline:
 *   meta    / Pros   spend 100 conv 10   ad X spend 60 conv 6, ad Y spend 40 conv 4
 *   meta    / Retarg spend  50 conv 10
 *   google  / Brand  spend 100 conv 20
 * On Mar 8, meta / Pros spends 180 (ad X 140) with 10 conversions; the rest is unchanged.
 */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-drill-'));
  warehouse = await Warehouse.open({
    path: path.join(dir, 'w.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  await warehouse.execute(`create table ad_daily (date date, platform varchar, account_id varchar,
    campaign_name varchar, ad_name varchar, spend double, conversions double)`);
  const rows: [string, string, string, string, number, number][] = [];
  for (let day = 1; day <= 8; day++) {
    const date = `2026-03-0${day}`;
    const current = day === 8;
    rows.push([date, 'meta', 'Pros', 'X', current ? 140 : 60, 6]);
    rows.push([date, 'meta', 'Pros', 'Y', 40, 4]);
    rows.push([date, 'meta', 'Retarg', 'R', 50, 10]);
    rows.push([date, 'google_ads', 'Brand', 'B', 100, 20]);
  }
  await warehouse.ingest('ad_daily', {
    columns: ['date', 'platform', 'account_id', 'campaign_name', 'ad_name', 'spend', 'conversions'],
    data: [0, 1, 1, 2, 3, 4, 5].map((index, column) =>
      rows.map((row) => (column === 2 ? 'acc' : row[index]!)),
    ),
  });
  await warehouse.execute(`create view campaign_daily as
    select date, platform, account_id, campaign_name, sum(spend) as spend, sum(conversions) as conversions
    from ad_daily group by all`);
});

afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

const periods = {
  current: { start: '2026-03-08', end: '2026-03-08' },
  baseline: { start: '2026-03-01', end: '2026-03-07' },
};

describe('explainChange', () => {
  it('decomposes a CPA rise by platform, campaign and ad; contributions add up', async () => {
    const explanation = await explainChange(warehouse, {
      table: 'campaign_daily',
      metric: 'cpa',
      ...periods,
    });
    // Blended CPA 250/40 = 6.25 -> 330/40 = 8.25: +32%.
    expect(explanation.baseline).toBeCloseTo(6.25);
    expect(explanation.current).toBeCloseTo(8.25);
    expect(explanation.path.map((member) => member.member)).toEqual(['meta', 'Pros', 'X']);
    for (const level of ['platform', 'campaign'] as const) {
      const parts = explanation.contributions.filter((member) => member.level === level);
      if (level === 'platform') {
        const sum = parts.reduce((total, member) => total + member.contribution, 0);
        expect(sum).toBeCloseTo(explanation.current - explanation.baseline);
      }
      for (const member of parts)
        expect(member.rate! + member.mix!).toBeCloseTo(member.contribution);
    }
    expect(explanation.summary).toBe(
      'CPA +32%: meta / Pros / X: spend +133% with conversions flat',
    );
  });

  it('splits an additive metric into its members, with filters bound as values', async () => {
    const explanation = await explainChange(warehouse, {
      table: 'ad_daily',
      metric: 'spend',
      ...periods,
      filters: { platform: 'meta' },
    });
    expect(explanation.current - explanation.baseline).toBeCloseTo(80);
    expect(explanation.path.map((member) => [member.member, member.contribution])).toEqual([
      ['meta', 80],
      ['Pros', 80],
      ['X', 80],
    ]);
    expect(explanation.summary).toBe('SPEND +53%: meta / Pros / X: spend +133%');
    const none = await explainChange(warehouse, {
      table: 'ad_daily',
      metric: 'spend',
      ...periods,
      filters: { platform: "meta' or 1=1 --" },
    });
    expect(none.path).toEqual([]);
  });

  it('refuses an unknown filter column, metric or table', async () => {
    await expect(
      explainChange(warehouse, {
        table: 'ad_daily',
        metric: 'spend',
        ...periods,
        filters: { 'x"y': 'a' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      explainChange(warehouse, { table: 'ad_daily', metric: 'roas', ...periods }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      explainChange(warehouse, { table: 'x; drop' as 'ad_daily', metric: 'spend', ...periods }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });
});
