import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/checks/cell.ts';
import { Warehouse } from '../../src/engine/index.ts';
import type { CheckSpec } from '../../src/notebook/index.ts';
import { parseNotebook } from '../../src/notebook/index.ts';
import { NotebookRunner } from '../../src/run/index.ts';

let dir: string;
let warehouse: Warehouse;

const DAYS = 120;
const START = Date.UTC(2026, 0, 1);
const day = (index: number) => new Date(START + index * 86_400_000).toISOString().slice(0, 10);

/**
 * Four campaigns over 120 days with a weekly pattern and a little noise. On days 100-102 both
 * campaigns of account A lose their conversions (one cause: a tracking outage); on day 110
 * campaign C3 of account B spends four times its budget; on days 105-108 campaign C4 converts
 * at 30% of its usual rate (CPA about x3).
 */
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-check-'));
  warehouse = await Warehouse.open({
    path: path.join(dir, 'w.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  await warehouse.execute(`create table campaign_daily (date date, platform varchar,
    account_name varchar, campaign_name varchar, spend double, conversions double,
    clicks double, impressions double, conversion_value double, "odd ""name" double)`);
  const columns = [
    'date',
    'platform',
    'account_name',
    'campaign_name',
    'spend',
    'conversions',
    'clicks',
    'impressions',
    'conversion_value',
    'odd "name',
  ];
  const data: (string | number)[][] = columns.map(() => []);
  const campaigns = [
    ['meta', 'A', 'C1', 500],
    ['meta', 'A', 'C2', 300],
    ['google_ads', 'B', 'C3', 400],
    ['google_ads', 'B', 'C4', 2000],
  ] as const;
  let noise = 1;
  const wiggle = () => {
    noise = (noise * 16807) % 2147483647;
    return 1 + (noise / 2147483647 - 0.5) * 0.06;
  };
  for (let index = 0; index < DAYS; index++) {
    const weekly = 1 + 0.15 * Math.sin((2 * Math.PI * index) / 7);
    for (const [platform, account, campaign, budget] of campaigns) {
      const outage = account === 'A' && index >= 100 && index <= 102;
      const runaway = campaign === 'C3' && index === 110;
      const spend = budget * weekly * wiggle() * (runaway ? 4 : 1);
      const conversionRate = campaign === 'C4' && index >= 105 && index <= 108 ? 0.3 : 1;
      const conversions = outage ? 0 : Math.round((spend / 20) * conversionRate * wiggle());
      const row = [
        day(index),
        platform,
        account,
        campaign,
        spend,
        conversions,
        spend,
        spend * 50,
        conversions * 60,
        1,
      ];
      row.forEach((value, column) => data[column]!.push(value));
    }
  }
  await warehouse.ingest('campaign_daily', { columns, data });
});

afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

const spec = (overrides: Partial<CheckSpec>): CheckSpec => ({
  on: 'campaign_daily',
  time: 'date',
  metric: 'spend',
  by: ['platform', 'account_name', 'campaign_name'],
  direction: 'both',
  sensitivity: 'normal',
  ...overrides,
});

describe('runCheck', () => {
  it('flags a spend runaway, ranks it by money and draws its series', async () => {
    const { result, alerts, chart } = await runCheck(warehouse, spec({ direction: 'up' }));
    expect(result.columns.map((column) => column.name)).toEqual([
      'platform',
      'account_name',
      'campaign_name',
      'date',
      'value',
      'expected',
      'lower',
      'upper',
      'score',
      'direction',
      'impact',
      'group',
    ]);
    const top = alerts[0]!;
    expect(top).toMatchObject({
      key: ['google_ads', 'B', 'C3'],
      date: day(110),
      direction: 'up',
      group: 1,
    });
    // Spend: the impact is the excess itself, about three budgets.
    expect(top.impact).toBeGreaterThan(900);
    expect(top.impact).toBeCloseTo(top.value - top.expected, 1);
    expect(result.rowCount).toBe(alerts.length);
    const values = (chart!.data as { values: { flagged: boolean; date: string }[] }).values;
    expect(values.filter((point) => point.flagged).map((point) => point.date)).toContain(day(110));
    expect(chart!.layer).toHaveLength(4);
  });

  it("judges a day on the team's own events against the event's allowance", async () => {
    const runaway = (alerts: { key: string[]; date: string; score: number }[]) =>
      alerts.find((alert) => alert.key[2] === 'C3' && alert.date === day(110));
    const plain = runaway((await runCheck(warehouse, spec({ direction: 'up' }))).alerts)!;
    const { alerts } = await runCheck(
      warehouse,
      spec({ direction: 'up', events: [{ name: 'TV', start: day(110), end: day(110) }] }),
    );
    // Four budgets in a day is beyond what an event explains (x2.5), but less of a surprise.
    expect(runaway(alerts)!.score).toBeLessThan(plain.score);
  });

  it('groups the campaigns of one account that lose conversions on the same days into one alert', async () => {
    const { alerts } = await runCheck(
      warehouse,
      spec({ metric: 'conversions', direction: 'down' }),
    );
    const outage = alerts.filter((alert) => alert.date >= day(100) && alert.date <= day(102));
    expect(new Set(outage.map((alert) => alert.key[2]))).toEqual(new Set(['C1', 'C2']));
    expect(new Set(outage.map((alert) => alert.group)).size).toBe(1);
    // Conversions lost are valued at the series' average CPA (20 here).
    const c1 = outage.find((alert) => alert.key[2] === 'C1')!;
    expect(c1.impact / (c1.expected - c1.value)).toBeCloseTo(20, 0);
  });

  it('scores CPA as a ratio of sums, the excess cost as impact; min_impact drops small ones', async () => {
    const { alerts } = await runCheck(
      warehouse,
      spec({ metric: 'cpa', direction: 'up', by: ['account_name'] }),
    );
    const spike = alerts.filter(
      (alert) => alert.key[0] === 'B' && alert.date >= day(105) && alert.date <= day(108),
    );
    expect(spike.length).toBeGreaterThan(0);
    expect(spike[0]!.group).toBe(1);
    // The excess cost: (CPA - expected CPA) x the day's conversions.
    expect(spike[0]!.impact).toBeGreaterThan(50);
    const filtered = await runCheck(
      warehouse,
      spec({ metric: 'cpa', direction: 'up', by: ['account_name'], minImpact: 1e9 }),
    );
    expect(filtered.alerts).toEqual([]);
  });

  it('quotes column names and refuses what is not a column', async () => {
    const quoted = await runCheck(warehouse, spec({ metric: 'odd "name', by: [] }));
    expect(quoted.seriesCount).toBe(1);
    await expect(
      runCheck(warehouse, spec({ metric: 'spend); drop table x; --' })),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(runCheck(warehouse, spec({ by: ['platform; select 1'] }))).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(runCheck(warehouse, spec({ on: 'campaign_daily; drop' }))).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(runCheck(warehouse, spec({ time: 'when' }))).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('"when"'),
    });
  });

  it('is causal: judged up to `today`, an alert is the same whatever comes after', async () => {
    const full = await runCheck(warehouse, spec({ direction: 'up' }));
    const before = await runCheck(warehouse, spec({ direction: 'up' }), { today: day(110) });
    const onDay = (alerts: typeof full.alerts) =>
      alerts.filter((alert) => alert.date === day(110)).map(({ group: _group, ...alert }) => alert);
    expect(onDay(before.alerts)).toEqual(onDay(full.alerts));
    expect(before.alerts.every((alert) => alert.date <= day(110))).toBe(true);
  });

  it('adds an explanation to the top alerts when asked', async () => {
    const { result, alerts } = await runCheck(
      warehouse,
      spec({ metric: 'cpa', direction: 'up', by: ['platform'] }),
      {
        explain: true,
      },
    );
    expect(result.columns.at(-1)!.name).toBe('explanation');
    expect(alerts[0]!.key).toEqual(['google_ads']);
    expect(alerts[0]!.explanation).toMatch(
      /^CPA \+\d+%: google_ads \/ C4: spend (flat|[+-]\d+%) with conversions -\d+%/,
    );
  });
});

/** A named check cell over the fixture's campaigns, for the runner's tests. */
const RUNAWAY_CHECK = `\`\`\`check runaway
on: campaign_daily
time: date
metric: spend
by: [platform, account_name, campaign_name]
direction: up
\`\`\`
`;

describe('check cells in a notebook', () => {
  it('run through the runner with a table and a chart, reading a named cell', async () => {
    const source = `---
title: Checks
---

\`\`\`sql daily
select date, platform, campaign_name, spend from campaign_daily
\`\`\`

\`\`\`check runaway
on: daily
time: date
metric: spend
by: [platform, campaign_name]
direction: up
\`\`\`

\`\`\`check broken
on: daily
time: date
metric: conversions
\`\`\`
`;
    const { notebook } = parseNotebook(source);
    const run = await new NotebookRunner(warehouse).run(notebook!);
    const outcome = run.outcomes.get('runaway');
    expect(outcome).toMatchObject({ status: 'finished', cached: false });
    if (outcome?.status !== 'finished') throw new Error('unreachable');
    expect(outcome.result.data[1]![0]).toBe('C3');
    expect(outcome.chart).toBeDefined();
    expect(run.outcomes.get('broken')).toMatchObject({
      status: 'failed',
      error: { kind: 'invalid', message: expect.stringContaining('conversions') },
    });
  });

  it("pass the workspace's calendar to check cells", async () => {
    const { notebook } = parseNotebook(RUNAWAY_CHECK);
    const scoreOf = async (runner: NotebookRunner) => {
      const outcome = (await runner.run(notebook!)).outcomes.get('runaway');
      if (outcome?.status !== 'finished') throw new Error('the check did not finish');
      const score = outcome.result.columns.findIndex((column) => column.name === 'score');
      return Number(outcome.result.data[score]![0]);
    };
    const plain = await scoreOf(new NotebookRunner(warehouse));
    const calendar = { events: [{ name: 'TV', start: day(110), end: day(110) }] };
    expect(await scoreOf(new NotebookRunner(warehouse, { calendar }))).toBeLessThan(plain);
  });

  it('let later cells read a named check by its name', async () => {
    const source = `${RUNAWAY_CHECK}
\`\`\`sql costly
select campaign_name, count(*) as days, round(sum(impact)) as at_stake
from runaway group by all order by at_stake desc
\`\`\`
`;
    const { notebook } = parseNotebook(source);
    const run = await new NotebookRunner(warehouse).run(notebook!);
    const outcome = run.outcomes.get('costly');
    if (outcome?.status !== 'finished') throw new Error(JSON.stringify(outcome));
    expect(outcome.result.data[0]![0]).toBe('C3');
    expect(Number(outcome.result.data[2]![0])).toBeGreaterThan(900);
  });
});
