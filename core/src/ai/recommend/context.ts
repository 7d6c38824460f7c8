/**
 * What every rule shares: the model data up to `today`, the goal and its targets per objective,
 * the windows they judge, and the shape of a rule's proposal before ranking.
 */
import type { Action } from '../types.ts';
import type { CampaignHistory, ModelData } from './data.ts';
import { EvidenceBuilder } from './figures.ts';
import { campaignDailySql, portfolioSql } from './sql.ts';

export type RecommendGoal = 'conversions' | 'revenue';

/**
 * Conversions keep arriving for days after a click: the last 3 days' counts are not complete
 * (the checks' `maturityDays`), so efficiency is judged on the days before them.
 */
export const MATURITY_DAYS = 3;
/** Days a target is taken over: a quarter smooths the weekly cycle and paydays. */
export const TARGET_DAYS = 90;
/**
 * A derived target is the segment's own efficiency, loosened to twice: even without brand, the
 * average mixes cheap retargeting and catalogue results with prospecting, which runs at about
 * 1.5x to 2x that average by design; a campaign is out of line when a result costs more than
 * twice the average (CPA above 2x, ROAS below half).
 */
export const TARGET_SLACK = 2;
/** Days ahead that expected impacts are counted over. */
export const HORIZON_DAYS = 14;
/** Objectives whose campaigns are not bought for conversions: no efficiency rule judges them. */
export const NON_CONVERSION_OBJECTIVES: ReadonlySet<string> = new Set(['awareness', 'traffic']);

/** The efficiency a campaign of one segment (objective, brand or not) is held to. */
export interface Target {
  segment: string;
  /** Target CPA (goal conversions) or target ROAS (goal revenue). */
  value: number;
  /** True when the caller gave it; false when derived from the portfolio. */
  given: boolean;
  /** The portfolio's own CPA or ROAS over `TARGET_DAYS` (NaN when it had no result). */
  portfolio: number;
  /** The evidence of the portfolio figure, for a derived target. */
  evidence?: EvidenceBuilder;
}

/** Everything a rule reads. */
export interface RuleContext {
  data: ModelData;
  goal: RecommendGoal;
  /** Per segment (`CampaignHistory.segment`; '' when the workspace has no objective). */
  targets: Map<string, Target>;
  /** The last day whose conversions are complete enough to judge. */
  matureEnd: string;
  /** Index of `matureEnd` in `data.days`. */
  matureIndex: number;
  /** Day indexes each campaign's efficiency leaves out: its tracking gaps (conversions lost, not missed). */
  skipped: Map<CampaignHistory, Set<number>>;
}

/** A rule's proposal, before de-duplication and ranking. */
export interface Proposal {
  action: Omit<Action, 'priority'>;
  /** The central impact's worth in the reporting currency (net of the spend it moves). */
  money: number;
  /** The problem it answers, for one action per target and cause. */
  cause: 'efficiency' | 'budget' | 'tracking' | 'creative' | 'anomaly' | 'shift';
  /** The rule that made it (a spend runaway's cut is the anomaly rule's, cause efficiency). */
  rule: 'efficiency' | 'budget' | 'tracking' | 'creative' | 'anomaly' | 'runaway' | 'shift';
}

/** The goal's result on a day of a campaign: conversions, or conversion value. */
export function resultSeries(campaign: CampaignHistory, goal: RecommendGoal): Float64Array {
  return goal === 'revenue' ? campaign.value : campaign.conversions;
}

/**
 * What one unit of result is worth in spend: a conversion is worth the target CPA (what the team
 * pays for one), a unit of revenue 1 / target ROAS (the spend the team would put behind it). An
 * action's money is then results x this worth - spend moved: zero exactly at target.
 */
export function unitValue(context: RuleContext, segment: string): number {
  const target = context.targets.get(segment)?.value ?? Number.NaN;
  return context.goal === 'revenue' ? 1 / target : target;
}

/** Statuses of a campaign the team stopped (as platforms and exports spell them). */
const STOPPED = /^(paused|removed|deleted|archived|ended|inactive|disabled)$/i;

/** Whether the campaign still runs: its last status is not a stopped one (none given: it runs). */
export function running(campaign: CampaignHistory): boolean {
  return !STOPPED.test(campaign.status.trim());
}

/** Whether the goal's rules judge campaigns of this objective. */
export function judged(context: RuleContext, campaign: CampaignHistory): boolean {
  if (NON_CONVERSION_OBJECTIVES.has(campaign.objective.toLowerCase())) return false;
  return context.targets.has(campaign.segment);
}

/** Result per unit of spend the target asks for: 1 / target CPA, or the target ROAS. */
export function targetYield(context: RuleContext, target: Target): number {
  return context.goal === 'revenue' ? target.value : 1 / target.value;
}

/** The efficiency figure people read: CPA for conversions, ROAS for revenue. */
export function efficiency(goal: RecommendGoal, spend: number, result: number): number {
  if (goal === 'revenue') return spend > 0 ? result / spend : Number.NaN;
  return result > 0 ? spend / result : Number.POSITIVE_INFINITY;
}

/** Whether an efficiency is worse than the target's. */
export function worseThan(goal: RecommendGoal, value: number, target: number): boolean {
  return goal === 'revenue' ? value < target : value > target;
}

export function metricName(goal: RecommendGoal): 'cpa' | 'roas' {
  return goal === 'revenue' ? 'roas' : 'cpa';
}

/** The identity filter of a campaign's rows. */
export function campaignFilter(campaign: CampaignHistory): Record<string, string> {
  return {
    platform: campaign.platform,
    account_id: campaign.accountId,
    campaign_id: campaign.campaignId,
  };
}

/** An evidence over a campaign's daily rows between two days. */
export function campaignEvidence(
  campaign: CampaignHistory,
  label: string,
  start: string,
  end: string,
): EvidenceBuilder {
  const filter = campaignFilter(campaign);
  return new EvidenceBuilder({
    label,
    table: 'campaign_daily',
    start,
    end,
    filter,
    sql: campaignDailySql(filter, start, end),
  });
}

/** The target fields of an action on a campaign. */
export function campaignTarget(campaign: CampaignHistory) {
  return {
    platform: campaign.platform,
    account_id: campaign.accountId,
    campaign_id: campaign.campaignId,
    campaign_name: campaign.campaignName,
    ad_id: null,
    ad_name: null,
  };
}

/**
 * The targets per objective: the caller's, else the portfolio's efficiency over the last
 * `TARGET_DAYS` mature days, loosened by `TARGET_SLACK`.
 */
export function deriveTargets(
  data: ModelData,
  goal: RecommendGoal,
  given: { targetCpa?: number; targetRoas?: number },
  matureIndex: number,
): Map<string, Target> {
  const first = Math.max(0, matureIndex - TARGET_DAYS + 1);
  const start = data.days[first]!;
  const end = data.days[matureIndex]!;
  const totals = new Map<string, { spend: number; result: number; campaign: CampaignHistory }>();
  for (const campaign of data.campaigns) {
    if (NON_CONVERSION_OBJECTIVES.has(campaign.objective.toLowerCase())) continue;
    const total = totals.get(campaign.segment) ?? { spend: 0, result: 0, campaign };
    const results = resultSeries(campaign, goal);
    for (let index = first; index <= matureIndex; index++) {
      total.spend += campaign.spend[index]!;
      total.result += results[index]!;
    }
    totals.set(campaign.segment, total);
  }
  const targets = new Map<string, Target>();
  for (const [segment, { spend, result, campaign }] of totals) {
    const portfolio = efficiency(goal, spend, result);
    const givenValue = goal === 'revenue' ? given.targetRoas : given.targetCpa;
    if (givenValue !== undefined) {
      targets.set(segment, { segment, value: givenValue, given: true, portfolio });
      continue;
    }
    // No result at all (revenue goal over lead campaigns): nothing to hold them to.
    if (!(result > 0) || !(spend > 0)) continue;
    const split = segment !== campaign.objective;
    const filter: Record<string, string> = campaign.objective
      ? { objective: campaign.objective }
      : {};
    if (split) filter.segment = campaign.brand ? 'brand' : 'non-brand';
    const evidence = new EvidenceBuilder({
      label: `Portfolio${segment ? ` ${segment}` : ''}, last ${TARGET_DAYS} days with complete conversions`,
      table: 'campaign_daily',
      start,
      end,
      filter,
      sql: portfolioSql(campaign.objective || null, split ? campaign.brand : undefined, start, end),
    });
    evidence.note('spend', spend);
    evidence.note(goal === 'revenue' ? 'conversion_value' : 'conversions', result);
    const value = goal === 'revenue' ? portfolio / TARGET_SLACK : portfolio * TARGET_SLACK;
    targets.set(segment, { segment, value, given: false, portfolio, evidence });
  }
  return targets;
}

/**
 * How a reason names the target: "the target CPA of 40", or for a derived one "the target CPA
 * of 30 (not given: 2 x the sales portfolio's 15 over its last 90 days)", its figures cited in
 * `evidence`.
 */
export function describeTarget(
  context: RuleContext,
  target: Target,
  evidence: EvidenceBuilder,
): string {
  const name = `target ${metricName(context.goal).toUpperCase()}`;
  const value = evidence.cite(`target_${metricName(context.goal)}`, target.value);
  if (target.given) return `the ${name} of ${value}`;
  const portfolio = evidence.cite(`portfolio_${metricName(context.goal)}`, target.portfolio);
  const slack = evidence.cite('target_slack', TARGET_SLACK);
  const days = evidence.cite('target_days', TARGET_DAYS, 0);
  const portfolioName = target.segment ? `the ${target.segment} portfolio's` : "the portfolio's";
  const relation =
    context.goal === 'revenue'
      ? `${portfolioName} ${portfolio} / ${slack}`
      : `${slack} x ${portfolioName} ${portfolio}`;
  return `the ${name} of ${value} (not given: ${relation} over its last ${days} days)`;
}

/** The mature window of `days` days ending at `matureEnd`: start day, end day, indexes. */
export function matureWindow(context: RuleContext, days: number) {
  const to = context.matureIndex;
  const from = Math.max(0, to - days + 1);
  return { from, to, start: context.data.days[from]!, end: context.data.days[to]! };
}
