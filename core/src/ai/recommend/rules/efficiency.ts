/**
 * Pause or cut a campaign whose CPA stays above target (ROAS below, for the revenue goal) with
 * meaningful spend: judged over the last two weeks of complete conversions, and in each of its
 * two weeks, so one bad week is not enough.
 */
import type { Proposal, RuleContext } from '../context.ts';
import {
  campaignEvidence,
  campaignTarget,
  describeTarget,
  efficiency,
  HORIZON_DAYS,
  judged,
  matureWindow,
  metricName,
  resultSeries,
  targetYield,
  unitValue,
  worseThan,
  running,
} from '../context.ts';
import { sumOver } from '../data.ts';
import { clamp } from '../curve.ts';
import { poissonCdf } from '../stats.ts';

/** Days judged: two weeks, each of which must miss the target ("stays above"). */
export const EFFICIENCY_DAYS = 14;
/**
 * Meaningful spend: at least what 5 results cost at target (below that, zero or one result is
 * ordinary bad luck) and at least 1% of its objective's spend (smaller lines are not worth a
 * decision).
 */
export const MEANINGFUL_RESULTS = 5;
export const MEANINGFUL_SHARE = 0.01;
/** Pause rather than cut when the campaign costs at least twice the target in both weeks. */
export const PAUSE_FACTOR = 2;
/** A cut removes the share of spend that brings the average back to target, 20% to 50%. */
export const MIN_CUT = 0.2;
export const MAX_CUT = 0.5;
/**
 * Beyond noise: the chance of so few conversions, had the campaign run at target, must be under
 * 10% (a campaign at target misses it in half of its fortnights).
 */
export const MIN_CONFIDENCE = 0.9;

export function efficiencyRule(context: RuleContext): Proposal[] {
  const { goal } = context;
  const window = matureWindow(context, EFFICIENCY_DAYS);
  const half = window.from + Math.floor((window.to - window.from + 1) / 2);
  const objectiveSpend = new Map<string, number>();
  for (const campaign of context.data.campaigns) {
    const spend = sumOver(campaign.spend, window.from, window.to);
    objectiveSpend.set(campaign.segment, (objectiveSpend.get(campaign.segment) ?? 0) + spend);
  }
  const proposals: Proposal[] = [];
  const last = context.data.days.length - 1;
  for (const campaign of context.data.campaigns) {
    if (!judged(context, campaign) || !running(campaign)) continue;
    // Still spending: a campaign that stopped needs no pause.
    if (sumOver(campaign.spend, last - 2, last) <= 0) continue;
    const target = context.targets.get(campaign.segment)!;
    const results = resultSeries(campaign, goal);
    // A tracking gap's days say nothing of the campaign's efficiency: left out.
    const skip = context.skipped.get(campaign);
    const sumKept = (series: Float64Array, from: number, to: number) => {
      let total = 0;
      for (let index = from; index <= to; index++) if (!skip?.has(index)) total += series[index]!;
      return total;
    };
    const spend = sumKept(campaign.spend, window.from, window.to);
    const result = sumKept(results, window.from, window.to);
    const conversions = sumKept(campaign.conversions, window.from, window.to);
    const costPerTargetResult = 1 / targetYield(context, target);
    const meaningful =
      spend >= MEANINGFUL_SHARE * (objectiveSpend.get(campaign.segment) ?? 0) &&
      (goal === 'revenue' || spend >= MEANINGFUL_RESULTS * costPerTargetResult);
    if (!meaningful) continue;
    const overall = efficiency(goal, spend, result);
    const halves = [
      [window.from, half - 1],
      [half, window.to],
    ];
    // A campaign that did not run both weeks (new, or back from a pause) is not judged yet.
    if (halves.some(([from, to]) => !(sumKept(campaign.spend, from!, to!) > 0))) continue;
    const weeks = [
      [window.from, half - 1],
      [half, window.to],
    ].map(([from, to]) =>
      efficiency(goal, sumKept(campaign.spend, from!, to!), sumKept(results, from!, to!)),
    );
    if (!weeks.every((value) => worseThan(goal, value, target.value))) continue;
    if (!worseThan(goal, overall, target.value)) continue;

    // How sure: the chance of so few conversions if the campaign truly ran at target.
    const expectedAtTarget =
      goal === 'revenue'
        ? conversions * (target.value / Math.max(overall, 1e-9))
        : spend / target.value;
    const confidence = clamp(1 - poissonCdf(conversions, expectedAtTarget), 0.05, 0.95);
    if (confidence < MIN_CONFIDENCE) continue;
    const ratio =
      goal === 'revenue' ? target.value / Math.max(overall, 1e-9) : overall / target.value;
    const pause = weeks.every((value) =>
      goal === 'revenue'
        ? value * PAUSE_FACTOR <= target.value
        : value >= PAUSE_FACTOR * target.value,
    );
    const share = pause ? 1 : clamp(1 - 1 / ratio, MIN_CUT, MAX_CUT);
    const days = window.to - window.from + 1;
    const dailySpend = spend / Math.max(1, days - (skip?.size ?? 0));
    const saved = dailySpend * share * HORIZON_DAYS;
    // The results lost with it, at the campaign's own average yield (its marginal one is lower
    // on a concave curve, so this undercounts the saving).
    const lost = saved * (result / spend);
    const money = saved - lost * unitValue(context, campaign.segment);

    const evidence = campaignEvidence(
      campaign,
      `Last ${days} days with complete conversions`,
      window.start,
      window.end,
    );
    const metric = metricName(goal);
    const spent = evidence.cite('spend', spend);
    const value = Number.isFinite(overall) ? evidence.cite(metric, overall) : undefined;
    const counted = evidence.cite(goal === 'revenue' ? 'conversion_value' : 'conversions', result);
    const dayCount = evidence.cite('days', days, 0);
    const targetText = describeTarget(context, target, evidence);
    const weekly = weeks.map((week, index) =>
      Number.isFinite(week) ? evidence.cite(`${metric}_week_${index + 1}`, week) : 'none',
    );
    const cut = evidence.percent('cut_pct', share);
    const what = goal === 'revenue' ? 'conversion value' : 'conversions';
    const reason = `${metric.toUpperCase()} ${value ?? 'undefined (no result)'} over the last ${dayCount} days of complete data (${spent} spent for ${counted} ${what}), against ${targetText}; ${metric.toUpperCase()} by week: ${weekly.join(' then ')}. ${
      pause
        ? `It costs at least ${evidence.cite('pause_factor', PAUSE_FACTOR)}x the target in both weeks: pause it.`
        : `Cut its daily budget by ${cut}% to bring the average back toward target.`
    }`;
    const range = { low: saved * 0.7, high: saved * 1.1 };
    proposals.push({
      cause: 'efficiency',
      rule: 'efficiency',
      money,
      action: {
        type: pause ? 'pause_campaign' : 'cut_budget',
        ...campaignTarget(campaign),
        reason,
        expected_impact: {
          metric: 'spend',
          low: range.low,
          mid: saved,
          high: range.high,
          days: HORIZON_DAYS,
        },
        confidence,
        evidence: [evidence.evidence, ...(target.evidence ? [target.evidence.evidence] : [])],
      },
    });
  }
  return proposals;
}
