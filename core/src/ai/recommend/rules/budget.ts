/**
 * Raise the budget of a budget-capped campaign whose next euro still beats the target: it spent
 * nearly all of its daily budget on most recent days, and its marginal return (its average
 * return times the elasticity of its response curve) is better than the target. Needs the
 * `campaigns` table's daily budgets: a workspace without them has no such rule.
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
  unitValue,
  worseThan,
  running,
} from '../context.ts';
import type { CampaignHistory } from '../data.ts';
import { sumOver, weekRange } from '../data.ts';
import {
  clamp,
  confounded,
  PRIOR_ELASTICITY,
  PRIOR_ELASTICITY_SD,
  type ResponseCurve,
} from '../curve.ts';
import { EvidenceBuilder } from '../figures.ts';
import { campaignSettingsSql } from '../sql.ts';

/** A day is capped when the campaign spent at least 90% of its daily budget (pacing leaves a little). */
export const CAPPED_SHARE = 0.9;
/** Capped on at least 5 of the last 7 days: "most recent days", not one busy day. */
export const CAPPED_DAYS = 5;
export const CAPPED_WINDOW = 7;
/** Days its return is judged over (complete conversions). */
export const RETURN_DAYS = 14;
/** A raise adds at most half the budget at once: platforms re-learn after large jumps. */
export const MAX_RAISE = 0.5;
/** And at least a fifth, else it is not worth a change. */
export const MIN_RAISE = 0.2;

/** How sure a raise is without a fitted curve (under four weeks of history). */
export const NO_CURVE_CONFIDENCE = 0.1;
/** The history a raise may go up to: the 90 days the response curves are fitted on. */
export const FIT_WINDOW_DAYS = 90;

/** Whether a campaign spent near its budget on most recent days (undefined: no budget known). */
export function cappedDays(campaign: CampaignHistory, last: number): number | undefined {
  if (campaign.dailyBudget === null || !(campaign.dailyBudget > 0)) return undefined;
  let capped = 0;
  for (let index = last - CAPPED_WINDOW + 1; index <= last; index++)
    if (campaign.spend[index]! >= CAPPED_SHARE * campaign.dailyBudget) capped++;
  return capped;
}

export function budgetRule(
  context: RuleContext,
  curves: Map<CampaignHistory, ResponseCurve>,
): Proposal[] {
  const { goal } = context;
  const last = context.data.days.length - 1;
  const window = matureWindow(context, RETURN_DAYS);
  const proposals: Proposal[] = [];
  for (const campaign of context.data.campaigns) {
    if (!judged(context, campaign) || !running(campaign)) continue;
    const capped = cappedDays(campaign, last);
    if (capped === undefined || capped < CAPPED_DAYS) continue;
    const budget = campaign.dailyBudget!;
    const target = context.targets.get(campaign.segment)!;
    const spend = sumOver(campaign.spend, window.from, window.to);
    const result = sumOver(resultSeries(campaign, goal), window.from, window.to);
    if (!(spend > 0) || !(result > 0)) continue;
    const average = efficiency(goal, spend, result);
    // The gain of more budget is read off the curve. A history where spend followed demand
    // says nothing of what more budget buys: no raise. A short one: the prior elasticity, unsure.
    const fitted = curves.get(campaign);
    if (fitted && confounded(fitted)) continue;
    const curve = fitted ?? {
      b: PRIOR_ELASTICITY,
      bError: PRIOR_ELASTICITY_SD,
      confidence: NO_CURVE_CONFIDENCE,
    };
    const elasticity = curve.b;
    // The next unit of spend: its return: ROAS x b, or CPA / b.
    const next = goal === 'revenue' ? average * elasticity : average / elasticity;
    if (worseThan(goal, next, target.value)) continue;
    // Raise until the marginal return meets the target, within MIN_RAISE..MAX_RAISE: on
    // a s^b, the marginal return falls as (1 + r)^(b - 1).
    const headroom = goal === 'revenue' ? next / target.value : target.value / next; // >= 1
    // And within the spend the curve has seen: up to the highest week the campaign sustained in
    // its fitted history, or one small step (MIN_RAISE) past today's level when it never spent more.
    const seen = weekRange(campaign.spend, window.to - FIT_WINDOW_DAYS + 1, window.to).high;
    const seenRaise = seen / budget - 1;
    const raise = clamp(
      Math.min(
        elasticity < 1 ? headroom ** (1 / (1 - elasticity)) - 1 : MAX_RAISE,
        Math.max(MIN_RAISE, seenRaise),
      ),
      MIN_RAISE,
      MAX_RAISE,
    );
    const extraDaily = budget * raise;
    const extraSpend = extraDaily * HORIZON_DAYS;
    const days = window.to - window.from + 1;
    const dailyResult = result / days;
    const dailySpend = spend / days;
    // The gain on the curve through today's point: result x ((1 + extra / spend)^b - 1).
    const gainFor = (b: number) =>
      dailyResult * ((1 + extraDaily / dailySpend) ** b - 1) * HORIZON_DAYS;
    const error = curve.bError;
    const mid = gainFor(elasticity);
    const low = gainFor(clamp(elasticity - error, 0.05, 1));
    const high = gainFor(clamp(elasticity + error, 0.05, 1));
    const money = mid * unitValue(context, campaign.segment) - extraSpend;
    if (!(money > 0)) continue;

    const settings = new EvidenceBuilder({
      label: 'Daily budget, and days it was spent to the cap',
      table: 'campaigns',
      start: context.data.days[last - CAPPED_WINDOW + 1]!,
      end: context.data.today,
      filter: {
        platform: campaign.platform,
        account_id: campaign.accountId,
        campaign_id: campaign.campaignId,
      },
      sql: campaignSettingsSql({
        platform: campaign.platform,
        account_id: campaign.accountId,
        campaign_id: campaign.campaignId,
      }),
    });
    const evidence = campaignEvidence(
      campaign,
      `Last ${days} days with complete conversions`,
      window.start,
      window.end,
    );
    const metric = metricName(goal);
    const budgetText = settings.cite('daily_budget', budget);
    const cappedText = settings.cite('capped_days', capped, 0);
    const windowText = settings.cite('window_days', CAPPED_WINDOW, 0);
    const shareText = settings.percent('capped_share_pct', CAPPED_SHARE);
    const averageText = evidence.cite(metric, average);
    const daysText = evidence.cite('days', days, 0);
    const elasticityText = evidence.cite('elasticity', elasticity);
    const nextText = evidence.cite(`marginal_${metric}`, next);
    const targetText = describeTarget(context, target, evidence);
    const raiseText = evidence.percent('raise_pct', raise);
    const seenText = evidence.cite('highest_week_spend_per_day', seen);
    const fitDaysText = evidence.cite('history_days', FIT_WINDOW_DAYS, 0);
    const newBudget = evidence.cite('new_daily_budget', budget * (1 + raise));
    const reason = `Spent at least ${shareText}% of its daily budget of ${budgetText} on ${cappedText} of the last ${windowText} days: the budget caps it. Its ${metric.toUpperCase()} over the last ${daysText} days of complete data is ${averageText}, and with a response elasticity of ${elasticityText} the next unit of spend returns a ${metric.toUpperCase()} of ${nextText}, better than ${targetText}. Raise the budget by ${raiseText}% to ${newBudget} (its best week of the last ${fitDaysText} days spent ${seenText} a day: the curve has seen spend up to there).`;
    const confidence = clamp(curve.confidence * (capped / CAPPED_WINDOW), 0.05, 0.9);
    proposals.push({
      cause: 'budget',
      rule: 'budget',
      money,
      action: {
        type: 'raise_budget',
        ...campaignTarget(campaign),
        reason,
        expected_impact: { metric: goal, low, mid, high, days: HORIZON_DAYS },
        confidence,
        evidence: [
          settings.evidence,
          evidence.evidence,
          ...(target.evidence ? [target.evidence.evidence] : []),
        ],
      },
    });
  }
  return proposals;
}
