/**
 * Response curves and budget shifts on scenarios with known curves: several campaigns whose true
 * daily conversions are `a * spend^b` (times a weekday level, log-normal noise, Poisson counts),
 * spending at budget levels that changed week to week (0.5x to 1.6x the best split) for three
 * months, then moved to a poor split for the last four weeks (a reshuffle).
 * `recommend` fits the curves from the rows alone and proposes shifts; applied, they must reach at
 * least 95% of the conversions the best split of the same total would get on the true curves.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  allocate,
  fitResponseCurve,
  recommend,
  type CurvePoint,
} from '../../../src/ai/recommend/index.ts';
import type { Action } from '../../../src/ai/types.ts';
import { expectCited } from './cited.ts';
import { campaign, dayOf, openModel, poisson, random, type Row } from './model.ts';

const START = '2026-01-01';
const DAYS = 120;
const TODAY = dayOf(START, DAYS - 1);
/** Weekday levels of demand (Sunday first), mean 1. */
const WEEKDAY = [0.85, 1.05, 1.1, 1.08, 1.05, 1.0, 0.87];
/** Marginal CPA at the true optimum: sets each curve's level. */
const MARGINAL_CPA = 30;
/** Days since the budgets were moved to today's split. */
const RESHUFFLE_DAYS = 28;

interface Truth {
  id: string;
  /** Elasticity of a power curve; or, with `saturating`, unused. */
  b: number;
  /** A saturating curve instead, `m (1 - exp(-spend / k))` with k = best: not the fitted family. */
  saturating?: boolean;
  /** Spend per day at the true optimum of the scenario's total. */
  best: number;
  /** Today's spend, as a multiple of `best` (the total is rescaled to the optimum's). */
  now: number;
}

interface Scenario {
  name: string;
  seed: number;
  noise: number;
  campaigns: Truth[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'four campaigns, two overfunded',
    seed: 1,
    noise: 0.12,
    campaigns: [
      { id: 'c1', b: 0.45, best: 300, now: 2 },
      { id: 'c2', b: 0.6, best: 150, now: 0.3 },
      { id: 'c3', b: 0.75, best: 200, now: 1.6 },
      { id: 'c4', b: 0.85, best: 100, now: 0.25 },
    ],
  },
  {
    name: 'six campaigns, mixed elasticities',
    seed: 2,
    noise: 0.15,
    campaigns: [
      { id: 'd1', b: 0.3, best: 120, now: 2.2 },
      { id: 'd2', b: 0.5, best: 250, now: 1.3 },
      { id: 'd3', b: 0.65, best: 180, now: 0.35 },
      { id: 'd4', b: 0.8, best: 90, now: 0.3 },
      { id: 'd5', b: 0.55, best: 300, now: 1.5 },
      { id: 'd6', b: 0.7, best: 60, now: 0.3 },
    ],
  },
  {
    name: 'three alike campaigns, noisy',
    seed: 3,
    noise: 0.25,
    campaigns: [
      { id: 'e1', b: 0.5, best: 200, now: 1.8 },
      { id: 'e2', b: 0.5, best: 200, now: 0.25 },
      { id: 'e3', b: 0.5, best: 100, now: 0.7 },
    ],
  },
  {
    name: 'saturating curves (not the fitted family)',
    seed: 5,
    noise: 0.15,
    campaigns: [
      { id: 'g1', b: 0, saturating: true, best: 300, now: 1.7 },
      { id: 'g2', b: 0, saturating: true, best: 120, now: 0.3 },
      { id: 'g3', b: 0, saturating: true, best: 200, now: 0.6 },
    ],
  },
  {
    name: 'already at the best split',
    seed: 4,
    noise: 0.15,
    campaigns: [
      { id: 'f1', b: 0.5, best: 200, now: 1 },
      { id: 'f2', b: 0.7, best: 150, now: 1 },
      { id: 'f3', b: 0.6, best: 100, now: 1 },
    ],
  },
];

/** `a` such that the marginal CPA at `best` is MARGINAL_CPA: a b best^(b-1) = 1 / MARGINAL_CPA. */
const levelOf = (truth: Truth) => 1 / (MARGINAL_CPA * truth.b * truth.best ** (truth.b - 1));
/** For a saturating curve, m exp(-1) / k = 1 / MARGINAL_CPA at spend k = best. */
const saturationOf = (truth: Truth) => (truth.best * Math.E) / MARGINAL_CPA;
const trueConversions = (truth: Truth, spend: number) =>
  truth.saturating
    ? saturationOf(truth) * (1 - Math.exp(-spend / truth.best))
    : levelOf(truth) * spend ** truth.b;

/** The best split of `total` on the true curves: greedy by marginal gain (exact for concave curves). */
function bestSplit(truths: Truth[], total: number): number[] {
  const steps = 20_000;
  const step = total / steps;
  const spends = truths.map(() => 0);
  for (let done = 0; done < steps; done++) {
    let bestIndex = 0;
    let bestGain = Number.NEGATIVE_INFINITY;
    truths.forEach((truth, index) => {
      const gain =
        trueConversions(truth, spends[index]! + step) - trueConversions(truth, spends[index]!);
      if (gain > bestGain) [bestGain, bestIndex] = [gain, index];
    });
    spends[bestIndex]! += step;
  }
  return spends;
}

function history(scenario: Scenario): { rows: Row[]; current: Map<string, number> } {
  const next = random(scenario.seed);
  const bestTotal = scenario.campaigns.reduce((sum, truth) => sum + truth.best, 0);
  const nowTotal = scenario.campaigns.reduce((sum, truth) => sum + truth.best * truth.now, 0);
  const current = new Map(
    scenario.campaigns.map((truth) => [truth.id, (truth.best * truth.now * bestTotal) / nowTotal]),
  );
  const rows: Row[] = [];
  for (const truth of scenario.campaigns) {
    // Budget levels changed week to week (tests, seasons), the last four weeks at today's split.
    const levels = Array.from({ length: Math.ceil(DAYS / 7) }, () => 0.5 + 1.1 * next());
    for (let day = 0; day < DAYS; day++) {
      const level =
        day >= DAYS - RESHUFFLE_DAYS
          ? current.get(truth.id)!
          : truth.best * levels[Math.floor(day / 7)]!;
      const spend = level * (0.97 + 0.06 * next());
      const weekday = WEEKDAY[new Date(Date.parse(dayOf(START, day))).getUTCDay()]!;
      const u = Math.max(next(), 1e-12);
      const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      const expected =
        trueConversions(truth, spend) *
        weekday *
        Math.exp(scenario.noise * gaussian - scenario.noise ** 2 / 2);
      const conversions = poisson(next, expected);
      rows.push({
        ...campaign(truth.id),
        date: dayOf(START, day),
        spend: Math.round(spend * 100) / 100,
        clicks: Math.round(spend),
        impressions: Math.round(spend * 40),
        conversions,
        conversion_value: conversions * 60,
      });
    }
  }
  return { rows, current };
}

/** The daily spends after the shift actions, from today's. */
function applyShifts(current: Map<string, number>, actions: Action[]): Map<string, number> {
  const after = new Map(current);
  for (const action of actions) {
    if (action.type !== 'shift_budget' || !action.to) continue;
    after.set(action.campaign_id!, after.get(action.campaign_id!)! - action.to.daily_amount);
    after.set(action.to.campaign_id, after.get(action.to.campaign_id)! + action.to.daily_amount);
  }
  return after;
}

const figures: string[] = [];
afterAll(() => {
  console.log(`Budget shifts on scenarios with known response curves:\n${figures.join('\n')}`);
});

describe('budget shifts on known response curves', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: reach at least 95% of the best split's conversions`, async () => {
      const { rows, current } = history(scenario);
      const model = await openModel({ campaign_daily: rows });
      try {
        // A target no campaign misses, no alerts: the shifts alone are measured.
        const actions = await recommend(model.warehouse, {
          today: TODAY,
          targetCpa: 1000,
          alerts: [],
        });
        actions.forEach(expectCited);
        const after = applyShifts(current, actions);
        const total = [...current.values()].reduce((sum, spend) => sum + spend, 0);
        const truths = scenario.campaigns;
        const best = bestSplit(truths, total);
        const conversionsOf = (spends: (truth: Truth, index: number) => number) =>
          truths.reduce(
            (sum, truth, index) => sum + trueConversions(truth, spends(truth, index)),
            0,
          );
        const optimum = conversionsOf((_, index) => best[index]!);
        const before = conversionsOf((truth) => current.get(truth.id)!);
        const recommended = conversionsOf((truth) => after.get(truth.id)!);
        const shifts = actions.filter((action) => action.type === 'shift_budget');
        const spentAfter = [...after.values()].reduce((sum, spend) => sum + spend, 0);
        figures.push(
          `  ${scenario.name}: today ${((100 * before) / optimum).toFixed(1)}% of the optimum, after ${shifts.length} shift(s) ${((100 * recommended) / optimum).toFixed(1)}%`,
        );
        expect(spentAfter).toBeCloseTo(total, 6);
        expect(recommended / optimum).toBeGreaterThanOrEqual(0.95);
        expect(recommended).toBeGreaterThanOrEqual(before * 0.999);
        for (const shift of shifts) {
          expect(shift.expected_impact.low).toBeLessThanOrEqual(shift.expected_impact.mid);
          expect(shift.expected_impact.high).toBeGreaterThanOrEqual(shift.expected_impact.mid);
          expect(shift.evidence).toHaveLength(2);
        }
        if (before / optimum >= 0.995) expect(shifts).toEqual([]);
      } finally {
        await model.dispose();
      }
    });
  }
});

describe('fitResponseCurve', () => {
  const points = (b: number, spread: number, seed: number, demandFollows = 0): CurvePoint[] => {
    const next = random(seed);
    return Array.from({ length: 90 }, (_, day) => {
      const demand = 0.7 + 0.6 * next();
      const spend = 100 * (1 + spread * (next() - 0.5)) * demand ** demandFollows;
      const weekday = day % 7;
      return {
        spend,
        result: 0.5 * spend ** b * WEEKDAY[weekday]! * demand * (0.9 + 0.2 * next()),
        weekday,
      };
    });
  };

  it('recovers the elasticity of a curve seen over a wide spend range', () => {
    const curve = fitResponseCurve(points(0.6, 1.2, 5))!;
    expect(curve.b).toBeGreaterThan(0.5);
    expect(curve.b).toBeLessThan(0.7);
    expect(curve.confidence).toBeGreaterThan(0.5);
  });

  it('keeps near the prior, unsure, when spend never moved', () => {
    const curve = fitResponseCurve(points(0.9, 0.02, 6))!;
    expect(Math.abs(curve.b - 0.6)).toBeLessThan(0.15);
    expect(curve.confidence).toBeLessThan(0.3);
  });

  it('distrusts a slope above 1: spend that follows demand', () => {
    const curve = fitResponseCurve(points(0.6, 0.1, 7, 1))!;
    expect(curve.fittedB).toBeGreaterThan(1);
    expect(curve.b).toBeLessThanOrEqual(0.95);
    expect(curve.confidence).toBeLessThan(0.3);
  });

  it('needs four weeks of days', () => {
    expect(fitResponseCurve(points(0.6, 1, 8).slice(0, 20))).toBeUndefined();
  });
});

describe('allocate', () => {
  it('equalizes marginal returns within bounds, total unchanged', () => {
    const items = [
      { id: 'a', curve: { a: 2, b: 0.5 }, current: 100, lower: 0, upper: 1000 },
      { id: 'b', curve: { a: 1, b: 0.7 }, current: 100, lower: 0, upper: 1000 },
      { id: 'c', curve: { a: 1, b: 0.7 }, current: 100, lower: 90, upper: 110 },
    ];
    const spends = allocate(items, 300);
    expect(spends.reduce((sum, spend) => sum + spend, 0)).toBeCloseTo(300, 6);
    const marginalOf = (index: number) =>
      items[index]!.curve.a * items[index]!.curve.b * spends[index]! ** (items[index]!.curve.b - 1);
    expect(marginalOf(0)).toBeCloseTo(marginalOf(1), 4);
    expect(spends[2]).toBeGreaterThanOrEqual(90);
    expect(spends[2]).toBeLessThanOrEqual(110);
  });
});
