/**
 * Each rule on small synthetic model data in a real DuckDB warehouse: what it proposes, on which
 * target, citing which numbers (each in its evidence, whose query returns rows).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recommend } from '../../../src/ai/recommend/index.ts';
import type { Action } from '../../../src/ai/types.ts';
import { expectCited, expectEvidenceRows } from './cited.ts';
import {
  campaign,
  dailyRows,
  dayOf,
  openModel,
  poisson,
  random,
  type ModelWarehouse,
  type Row,
} from './model.ts';

const START = '2026-01-01';
const DAYS = 120;
const TODAY = dayOf(START, DAYS - 1);

let opened: ModelWarehouse | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

async function run(
  rows: Parameters<typeof openModel>[0],
  options: Parameters<typeof recommend>[1] = {},
) {
  opened = await openModel(rows);
  const actions = await recommend(opened.warehouse, { today: TODAY, ...options });
  for (const action of actions) {
    expectCited(action);
    await expectEvidenceRows(opened.warehouse, action);
  }
  return actions;
}

/** A steady campaign: spend about `spend` a day at about `cpa`, a weekly cycle, Poisson conversions. */
function steady(id: string, spend: number, cpa: number, seed: number, fields: Partial<Row> = {}) {
  const next = random(seed);
  return dailyRows(campaign(id, fields), START, DAYS, (day) => {
    const weekly = 1 + 0.1 * Math.sin((2 * Math.PI * day) / 7);
    const dailySpend = spend * weekly * (0.95 + 0.1 * next());
    return { spend: dailySpend, conversions: poisson(next, dailySpend / cpa), clicks: dailySpend };
  });
}

const of = (actions: Action[], type: Action['type']) =>
  actions.filter((action) => action.type === type);

describe('pause or cut over target', () => {
  it('pauses a campaign at over twice the target CPA, cuts one above it, leaves one at target', async () => {
    const actions = await run(
      {
        campaign_daily: [
          ...steady('ok', 300, 20, 1),
          ...steady('bad', 300, 55, 2),
          ...steady('meh', 300, 28, 3),
        ],
      },
      { targetCpa: 20, alerts: [] },
    );
    const byCampaign = new Map(actions.map((action) => [action.campaign_id, action]));
    expect(byCampaign.get('bad')?.type).toBe('pause_campaign');
    expect(byCampaign.get('meh')?.type).toBe('cut_budget');
    expect(byCampaign.has('ok'), byCampaign.get('ok')?.reason).toBe(false);
    const pause = byCampaign.get('bad')!;
    expect(pause.reason).toContain('target CPA of 20');
    expect(pause.evidence[0]!.values.target_cpa).toBe(20);
    expect(pause.expected_impact.metric).toBe('spend');
    expect(pause.expected_impact.low).toBeLessThanOrEqual(pause.expected_impact.mid);
    expect(pause.expected_impact.mid).toBeLessThanOrEqual(pause.expected_impact.high);
    expect(actions.map((action) => action.priority)).toEqual(actions.map((_, index) => index + 1));
  });

  it('derives the target from the portfolio when none is given, and says so (no status: running)', async () => {
    const actions = await run(
      {
        campaign_daily: [
          ...steady('a', 300, 20, 4),
          ...steady('b', 300, 20, 5),
          ...steady('bad', 200, 150, 6, { campaign_status: null }),
        ],
      },
      { alerts: [] },
    );
    const pause = actions.find((action) => action.campaign_id === 'bad')!;
    expect(pause.type).toBe('pause_campaign');
    expect(pause.reason).toMatch(
      /not given: 2 x the sales portfolio's [\d.]+ over its last 90 days/,
    );
  });

  it('does not judge thin spend or awareness campaigns', async () => {
    const actions = await run(
      {
        campaign_daily: [
          ...steady('a', 300, 20, 7),
          ...steady('tiny', 2, 200, 8),
          ...steady('reach', 300, 500, 9, { objective: 'awareness' }),
        ],
      },
      { targetCpa: 20, alerts: [] },
    );
    expect(actions.filter((action) => action.campaign_id !== 'a')).toEqual([]);
  });

  it('judges ROAS against the target ROAS for the revenue goal', async () => {
    const next = random(10);
    const lowRoas = dailyRows(campaign('low'), START, DAYS, () => {
      const spend = 300 * (0.95 + 0.1 * next());
      return { spend, conversions: poisson(next, spend / 20), conversion_value: spend * 0.8 };
    });
    const actions = await run(
      { campaign_daily: [...steady('a', 300, 20, 11), ...lowRoas] },
      { goal: 'revenue', targetRoas: 2, alerts: [] },
    );
    const action = actions.find((candidate) => candidate.campaign_id === 'low')!;
    expect(action.type).toBe('pause_campaign');
    expect(action.reason).toMatch(/^ROAS 0\.8 /);
    expect(action.reason).toContain('the target ROAS of 2');
  });
});

describe('fix tracking', () => {
  it('finds an account whose conversions fell to zero while clicks stayed normal', async () => {
    const outage = (rows: Row[]) =>
      rows.map((row, day) =>
        day >= DAYS - 12 && day <= DAYS - 10 ? { ...row, conversions: 0 } : row,
      );
    const actions = await run(
      {
        campaign_daily: [
          ...outage(steady('p', 300, 20, 12, { account_id: 'pixel' })),
          ...outage(steady('q', 200, 20, 13, { account_id: 'pixel' })),
          ...steady('other', 300, 20, 14, { account_id: 'fine' }),
        ],
      },
      { alerts: [] },
    );
    const fix = of(actions, 'fix_tracking');
    expect(fix).toHaveLength(1);
    expect(fix[0]).toMatchObject({
      platform: 'google_ads',
      account_id: 'pixel',
      campaign_id: null,
    });
    expect(fix[0]!.reason).toMatch(
      /fell to 0 on every campaign of this account \(2\) for 3 days in a row, ending 9 days ago/,
    );
    expect(fix[0]!.evidence[0]!.filter).toEqual({ platform: 'google_ads', account_id: 'pixel' });
    // The gap's days are left out of the campaigns' efficiency: no cut for them.
    expect(
      actions.filter((action) => action.type === 'cut_budget' || action.type === 'pause_campaign'),
    ).toEqual([]);
  });

  it('works on six weeks of history, and names one campaign when only it lost its conversions', async () => {
    const short = steady('new', 400, 20, 32)
      .slice(DAYS - 42)
      .map((row, day) => (day >= 36 && day <= 38 ? { ...row, conversions: 0 } : row));
    const actions = await run(
      { campaign_daily: [...short, ...steady('a', 300, 20, 33)] },
      { alerts: [] },
    );
    const fix = of(actions, 'fix_tracking');
    expect(fix.map((action) => action.campaign_id)).toEqual(['new']);
    expect(fix[0]!.reason).toMatch(/on this campaign for 3 days in a row, ending 3 days ago/);
  });

  it('leaves a thin campaign with ordinary zero days alone', async () => {
    const actions = await run(
      { campaign_daily: [...steady('thin', 40, 40, 15), ...steady('a', 300, 20, 16)] },
      { alerts: [] },
    );
    expect(of(actions, 'fix_tracking')).toEqual([]);
  });
});

describe('raise a capped budget', () => {
  /** Capped at `budget` for the last 60 days, at 1.6x that before; conversions on a 0.8 elasticity curve. */
  function capped(id: string, budget: number, cpa: number, seed: number) {
    const next = random(seed);
    return dailyRows(campaign(id), START, DAYS, (day) => {
      const level = day < DAYS - 60 ? budget * 1.6 : budget;
      const spend = level * (0.97 + 0.03 * next());
      const conversions = poisson(next, (budget / cpa) * (spend / budget) ** 0.8);
      return { spend, conversions };
    });
  }

  it('raises a campaign that spends its whole budget at a CPA well under target', async () => {
    const settings = [
      { ...campaign('star'), daily_budget: 100 },
      { ...campaign('a'), daily_budget: 1000 },
    ];
    const actions = await run(
      {
        campaign_daily: [...capped('star', 100, 8, 17), ...steady('a', 300, 20, 18)],
        campaigns: settings,
      },
      { targetCpa: 25, alerts: [] },
    );
    const raise = of(actions, 'raise_budget');
    expect(raise).toHaveLength(1);
    expect(raise[0]!.campaign_id).toBe('star');
    expect(raise[0]!.reason).toMatch(/daily budget of 100 on 7 of the last 7 days/);
    expect(raise[0]!.evidence[0]!.table).toBe('campaigns');
    expect(raise[0]!.expected_impact.metric).toBe('conversions');
    expect(raise[0]!.expected_impact.mid).toBeGreaterThan(0);
  });

  it('raises a campaign capped at one budget all along, by a small step and less sure', async () => {
    const next = random(30);
    const flat = dailyRows(campaign('flat'), START, DAYS, () => {
      const spend = 100 * (0.97 + 0.03 * next());
      const conversions = poisson(next, spend / 8);
      return { spend, conversions, conversion_value: conversions * 48 };
    });
    const settings = [
      { ...campaign('flat'), daily_budget: 100 },
      { ...campaign('a'), daily_budget: 1000 },
    ];
    for (const goal of ['conversions', 'revenue'] as const) {
      const actions = await run(
        { campaign_daily: [...flat, ...steady('a', 300, 20, 31)], campaigns: settings },
        { goal, alerts: [] },
      );
      await opened?.dispose();
      opened = undefined;
      const raise = of(actions, 'raise_budget');
      expect(
        raise.map((action) => action.campaign_id),
        goal,
      ).toEqual(['flat']);
      expect(raise[0]!.reason).toMatch(/Raise the budget by 20% to 120/);
      expect(raise[0]!.confidence).toBeLessThan(0.3);
      expect(raise[0]!.expected_impact.metric).toBe(goal);
    }
  });

  it('has no such rule without campaign budgets', async () => {
    const actions = await run(
      { campaign_daily: [...capped('star', 100, 8, 19), ...steady('a', 300, 20, 20)] },
      { targetCpa: 25, alerts: [] },
    );
    expect(of(actions, 'raise_budget')).toEqual([]);
  });
});

describe('refresh creative', () => {
  it('flags an ad whose frequency climbs while its CTR falls', async () => {
    const next = random(21);
    const ads: Row[] = [];
    for (const [adId, fatigued] of [
      ['tired', true],
      ['fresh', false],
    ] as const) {
      for (let day = 0; day < DAYS; day++) {
        const ramp = fatigued ? Math.max(0, (day - (DAYS - 35)) / 35) : 0;
        const impressions = Math.round(20_000 * (0.95 + 0.1 * next()));
        const ctr = 0.012 * (1 - 0.65 * ramp);
        ads.push({
          ...campaign('c'),
          date: dayOf(START, day),
          ad_group_id: 'g',
          ad_group_name: 'Group',
          ad_id: adId,
          ad_name: fatigued ? 'Tired ad' : 'Fresh ad',
          impressions,
          clicks: poisson(next, impressions * ctr),
          spend: 150,
          conversions: 5,
          conversion_value: 300,
          reach: Math.round(impressions / (1.3 + 2.8 * ramp)),
          // Reported as reach only for the first week's rows: frequency is impressions / reach.
          frequency: day < 7 ? null : 1.3 + 2.8 * ramp,
        });
      }
    }
    const actions = await run(
      { campaign_daily: steady('c', 300, 30, 22), ad_daily: ads },
      { targetCpa: 40, alerts: [] },
    );
    const refresh = of(actions, 'refresh_creative');
    expect(refresh).toHaveLength(1);
    expect(refresh[0]).toMatchObject({ campaign_id: 'c', ad_id: 'tired', ad_name: 'Tired ad' });
    expect(refresh[0]!.evidence[0]!.table).toBe('ad_daily');
    expect(refresh[0]!.reason).toMatch(/frequency rose to [\d.]+ from 1\.3/);
  });

  it('compares a young ad with its own fresh days', async () => {
    const next = random(34);
    const ads: Row[] = [];
    for (let day = DAYS - 40; day < DAYS; day++) {
      const ramp = Math.max(0, (day - (DAYS - 26)) / 26);
      const impressions = Math.round(20_000 * (0.95 + 0.1 * next()));
      ads.push({
        ...campaign('c'),
        date: dayOf(START, day),
        ad_group_id: 'g',
        ad_group_name: 'Group',
        ad_id: 'young',
        ad_name: 'Young ad',
        impressions,
        clicks: poisson(next, impressions * 0.012 * (1 - 0.65 * ramp)),
        spend: 150,
        conversions: 5,
        conversion_value: 300,
        reach: Math.round(impressions / (1.3 + 2.8 * ramp)),
        frequency: 1.3 + 2.8 * ramp,
      });
    }
    const actions = await run(
      { campaign_daily: steady('c', 300, 30, 35), ad_daily: ads },
      { targetCpa: 40, alerts: [] },
    );
    const refresh = of(actions, 'refresh_creative');
    expect(refresh.map((action) => action.ad_id)).toEqual(['young']);
    // Twelve of its days fall in the four weeks a month before: enough for a baseline (its fresh days).
    expect(refresh[0]!.reason).toContain('(the 28 days a month before)');
  });
});

describe('anomalies', () => {
  it('investigates a recent CPA spike with its root cause, from the default checks', async () => {
    const rows = steady('spiky', 400, 20, 23).map((row, day) =>
      day >= DAYS - 12 && day <= DAYS - 8
        ? { ...row, conversions: Math.round(Number(row.conversions) * 0.3) }
        : row,
    );
    const actions = await run(
      { campaign_daily: [...rows, ...steady('calm', 300, 20, 24)] },
      { targetCpa: 40 },
    );
    const investigate = of(actions, 'investigate_anomaly');
    expect(investigate.length).toBeGreaterThanOrEqual(1);
    expect(investigate[0]!.campaign_id).toBe('spiky');
    expect(investigate[0]!.reason).toMatch(/Root cause \(against the 28 days before\)/);
  });

  it('cuts a spend runaway back to its usual spend', async () => {
    const rows = steady('runaway', 200, 20, 25).map((row, day) =>
      day >= DAYS - 5
        ? { ...row, spend: Number(row.spend) * 6, conversions: Number(row.conversions) * 2 }
        : row,
    );
    const actions = await run(
      { campaign_daily: [...rows, ...steady('calm', 300, 20, 26)] },
      { targetCpa: 40 },
    );
    const cut = actions.find((action) => action.campaign_id === 'runaway')!;
    expect(cut.type).toBe('cut_budget');
    expect(cut.reason).toMatch(
      /^Spend jumped to [\d.]+ a day over the last 5 days, [\d.]+x its usual/,
    );
    expect(cut.priority).toBe(1);
  });

  it('takes precomputed alerts, and only one action per target and cause', async () => {
    const actions = await run({ campaign_daily: steady('a', 300, 20, 27) }, { alerts: [] });
    const keys = actions.map((action) => `${action.campaign_id}/${action.ad_id}/${action.type}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('judging causally', () => {
  it('reads nothing after today: changing later days changes nothing', async () => {
    const base = [...steady('a', 300, 20, 28), ...steady('b', 300, 45, 29)];
    const cutoff = dayOf(START, DAYS - 20);
    const options = { today: cutoff, targetCpa: 20, alerts: [] };
    opened = await openModel({ campaign_daily: base });
    const before = await recommend(opened.warehouse, options);
    await opened.dispose();
    const changed = base.map((row) =>
      String(row.date) > cutoff ? { ...row, spend: 1, conversions: 500 } : row,
    );
    opened = await openModel({ campaign_daily: changed });
    const after = await recommend(opened.warehouse, options);
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    for (const action of before)
      for (const evidence of action.evidence) expect(evidence.end <= cutoff).toBe(true);
  });

  it('returns no action on an empty model, and refuses a bad target', async () => {
    opened = await openModel({ campaign_daily: [] });
    expect(await recommend(opened.warehouse)).toEqual([]);
    await expect(recommend(opened.warehouse, { targetCpa: -3 })).rejects.toThrow(
      /targetCpa must be a positive number/,
    );
  });
});
