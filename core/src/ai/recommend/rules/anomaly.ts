/**
 * Investigate an anomaly, with its root cause: the default checks' alerts of the last weeks up to
 * `today`, one action per alert group (one cause), its drill-down in the reason. An alert another
 * rule already answers (a tracking gap, a fatigued ad, a campaign to cut) adds no action; a
 * campaign's spend jump that is still going on and buys results worse than before becomes a
 * budget cut back to its usual spend.
 */
import { explainAlert, summarizeAlerts, type AlertSummary } from '../../../checks/summary.ts';
import type { DefaultCheckAlert } from '../../../checks/cell-defaults.ts';
import type { CheckSource } from '../../../checks/cell.ts';
import type { Explanation } from '../../../checks/drilldown.ts';
import type { Proposal, RuleContext } from '../context.ts';
import {
  campaignEvidence,
  campaignTarget,
  efficiency,
  HORIZON_DAYS,
  metricName,
  resultSeries,
  unitValue,
} from '../context.ts';
import type { CampaignHistory } from '../data.ts';
import { sumOver } from '../data.ts';
import { addDays, daysBetween } from '../dates.ts';
import { EvidenceBuilder } from '../figures.ts';
import { adDailySql, campaignDailySql } from '../sql.ts';
import { median } from '../stats.ts';
import { EFFICIENCY_DAYS } from './efficiency.ts';
import type { TrackingGap } from './tracking.ts';

/** Alerts of the last four weeks up to `today`: recent enough to act on, long enough for a slow drift. */
export const ANOMALY_DAYS = 28;
/** The drill-down and the usual spend compare with the 28 days before an alert. */
export const BASELINE_DAYS = 28;
/** A spend jump still going on (last flagged day this close to today) to at least 1.5x usual is a runaway. */
export const RUNAWAY_FACTOR = 1.5;
export const RUNAWAY_RECENT_DAYS = 3;
/** How sure an alert is: the checks' precision on the demo's planted anomalies is about 0.9; an alert that is over says less about what to do next. */
const ALERT_CONFIDENCE = { ongoing: 0.75, over: 0.6 };
/**
 * A ratio's move that is mostly mix (one member took a larger share of the denominator, e.g. a
 * new ad with a lower CTR taking delivery) is a change of composition, often decided, rather
 * than something broken: less sure it needs fixing.
 */
const MIX_DISCOUNT = 0.6;
const CONVERSION_METRICS = new Set(['conversions', 'cpa', 'roas', 'cvr', 'conversion_value']);

export interface AnomalyInputs {
  alerts: readonly DefaultCheckAlert[];
  gaps: readonly TrackingGap[];
  /** Proposals of the other rules, to leave out the alerts they answer. */
  others: readonly Proposal[];
}

export async function anomalyRule(
  context: RuleContext,
  source: CheckSource,
  { alerts, gaps, others }: AnomalyInputs,
): Promise<Proposal[]> {
  const { data } = context;
  const since = addDays(data.today, 1 - ANOMALY_DAYS);
  const recent = alerts.filter((alert) => alert.date >= since && alert.date <= data.today);
  const proposals: Proposal[] = [];
  for (const summary of summarizeAlerts(recent)) {
    const explanation = await explainAlert(source, summary);
    const campaign = campaignOf(context, summary, explanation);
    if (answered(context, summary, campaign, gaps, others)) continue;
    const runaway = campaign ? runawayCut(context, summary, campaign) : undefined;
    proposals.push(runaway ?? investigate(context, summary, campaign, explanation));
  }
  return proposals;
}

function valueOf(summary: AlertSummary, column: string): string | undefined {
  const index = summary.by.indexOf(column);
  return index < 0 ? undefined : summary.key[index];
}

/** The campaign an alert is about: its own key, else the drill-down's top campaign. */
function campaignOf(
  context: RuleContext,
  summary: AlertSummary,
  explanation: Explanation | undefined,
): CampaignHistory | undefined {
  const platform = valueOf(summary, 'platform');
  const account = valueOf(summary, 'account_name');
  const name =
    valueOf(summary, 'campaign_name') ??
    explanation?.path.find((member) => member.level === 'campaign')?.member;
  if (name === undefined) return undefined;
  const candidates = context.data.campaigns.filter(
    (campaign) =>
      campaign.campaignName === name &&
      (platform === undefined || campaign.platform === platform) &&
      (account === undefined || campaign.accountName === account),
  );
  const last = context.data.days.length - 1;
  return candidates.sort((a, b) => sumOver(b.spend, 0, last) - sumOver(a.spend, 0, last))[0];
}

function answered(
  context: RuleContext,
  summary: AlertSummary,
  campaign: CampaignHistory | undefined,
  gaps: readonly TrackingGap[],
  others: readonly Proposal[],
): boolean {
  const platform = valueOf(summary, 'platform');
  const moves = [summary, ...summary.related].map((move) => move.metric);
  // Conversions gone with clicks normal: the tracking rule's case, on overlapping days.
  const tracking = gaps.some((gap) => {
    if (platform !== undefined && gap.platform !== platform) return false;
    if (campaign && gap.accountId !== campaign.accountId) return false;
    const start = context.data.days[gap.from]!;
    const end = context.data.days[gap.to]!;
    return summary.first <= end && summary.last >= start;
  });
  if (tracking && moves.some((metric) => CONVERSION_METRICS.has(metric))) return true;
  if (!campaign) return false;
  const on = (proposal: Proposal) =>
    proposal.action.platform === campaign.platform &&
    proposal.action.campaign_id === campaign.campaignId;
  if (
    (summary.metric === 'frequency' || summary.metric === 'ctr') &&
    others.some((proposal) => proposal.cause === 'creative' && on(proposal))
  )
    return true;
  // A campaign over target now answers the alerts of the days it is judged on.
  const judgedFrom = context.data.days[Math.max(0, context.matureIndex - EFFICIENCY_DAYS + 1)]!;
  return (
    summary.last >= judgedFrom &&
    others.some((proposal) => proposal.cause === 'efficiency' && on(proposal))
  );
}

/** A spend jump still going on, buying results worse than before: cut back to the usual spend. */
function runawayCut(
  context: RuleContext,
  summary: AlertSummary,
  campaign: CampaignHistory,
): Proposal | undefined {
  const moves = [summary, ...summary.related];
  if (!moves.some((move) => move.metric === 'spend' && move.direction === 'up')) return undefined;
  const { data, goal } = context;
  const last = data.days.length - 1;
  if (daysBetween(summary.last, data.today) >= RUNAWAY_RECENT_DAYS) return undefined;
  const from = daysBetween(data.days[0]!, summary.first);
  if (from < BASELINE_DAYS) return undefined;
  const usualDays = Array.from(
    { length: BASELINE_DAYS },
    (_, offset) => campaign.spend[from - BASELINE_DAYS + offset]!,
  );
  const usual = median(usualDays);
  const days = last - from + 1;
  const spend = sumOver(campaign.spend, from, last);
  const current = spend / days;
  if (!(current >= RUNAWAY_FACTOR * usual) || !(usual > 0)) return undefined;
  const results = resultSeries(campaign, goal);
  const before = {
    spend: sumOver(campaign.spend, from - BASELINE_DAYS, from - 1),
    result: sumOver(results, from - BASELINE_DAYS, from - 1),
  };
  const result = sumOver(results, from, last);
  const now = efficiency(goal, spend, result);
  const then = efficiency(goal, before.spend, before.result);
  // Judged on the days so far: the last days' conversions are not all counted, which makes
  // the jump look a little worse than it is; the range below allows for it.
  const worse = goal === 'revenue' ? now < then : now > then;
  if (!worse) return undefined;
  const extraDaily = current - usual;
  const saved = extraDaily * HORIZON_DAYS;
  // The results the extra spend buys: what it got above the usual days' rate.
  const extraResults = Math.max(0, result / days - before.result / BASELINE_DAYS);
  const worth = unitValue(context, campaign.segment);
  const money = saved - extraResults * HORIZON_DAYS * (Number.isFinite(worth) ? worth : 0);
  const evidence = campaignEvidence(
    campaign,
    `The spend jump and the ${BASELINE_DAYS} days before it`,
    data.days[from - BASELINE_DAYS]!,
    data.today,
  );
  const metric = metricName(goal);
  const daysText = evidence.cite('jump_days', days, 0);
  const currentText = evidence.cite('spend_per_day', current);
  const usualText = evidence.cite('usual_spend_per_day', usual);
  const baseText = evidence.cite('baseline_days', BASELINE_DAYS, 0);
  const ratioText = evidence.cite('spend_ratio', current / usual, 1);
  const nowText = Number.isFinite(now) ? evidence.cite(`${metric}_during`, now) : 'undefined';
  const thenText = evidence.cite(`${metric}_before`, then);
  const reason = `Spend jumped to ${currentText} a day over the last ${daysText} days, ${ratioText}x its usual ${usualText} (median of the ${baseText} days before), and the extra spend buys little: ${metric.toUpperCase()} ${nowText} since the jump against ${thenText} before. A budget or bid change is the usual cause: cut the daily budget back to about ${usualText}.`;
  return {
    cause: 'efficiency',
    rule: 'runaway',
    money: Math.max(money, 0),
    action: {
      type: 'cut_budget',
      ...campaignTarget(campaign),
      reason,
      expected_impact: {
        metric: 'spend',
        low: saved * 0.6,
        mid: saved,
        high: saved * 1.1,
        days: HORIZON_DAYS,
      },
      confidence: ALERT_CONFIDENCE.ongoing + 0.1,
      evidence: [evidence.evidence],
    },
  };
}

function investigate(
  context: RuleContext,
  summary: AlertSummary,
  campaign: CampaignHistory | undefined,
  explanation: Explanation | undefined,
): Proposal {
  const { data } = context;
  const platform = valueOf(summary, 'platform') ?? campaign?.platform ?? '';
  const adId = valueOf(summary, 'ad_id') ?? null;
  const adName = valueOf(summary, 'ad_name') ?? null;
  const filter: Record<string, string> = campaign
    ? {
        platform: campaign.platform,
        account_id: campaign.accountId,
        campaign_id: campaign.campaignId,
      }
    : { platform };
  if (adId !== null) filter.ad_id = adId;
  const start = addDays(summary.first, -BASELINE_DAYS);
  const end = summary.last;
  const table = adId !== null ? 'ad_daily' : 'campaign_daily';
  const evidence = new EvidenceBuilder({
    label: `The alert's days and the ${BASELINE_DAYS} days before (${summary.check})`,
    table,
    start,
    end,
    filter,
    sql: adId !== null ? adDailySql(filter, start, end) : campaignDailySql(filter, start, end),
  });
  const days = daysBetween(summary.first, summary.last) + 1;
  const ago = daysBetween(summary.last, data.today);
  const ongoing = ago < RUNAWAY_RECENT_DAYS;
  const metric = metricLabel(summary.metric, true);
  const value = Number.isFinite(summary.value)
    ? evidence.cite('value', summary.value)
    : 'undefined';
  const expected = Number.isFinite(summary.expected)
    ? evidence.cite('expected', summary.expected)
    : 'undefined';
  const daysText = evidence.cite('alert_days', days, 0);
  const stake = evidence.cite('money_at_stake', summary.impact, 0);
  const when = ongoing ? 'still going on' : `ending ${evidence.cite('days_ago', ago, 0)} days ago`;
  const level = summary.by.includes('ad_id')
    ? 'ad'
    : summary.by.includes('campaign_name')
      ? 'campaign'
      : 'platform';
  const scope =
    level === 'platform' && !campaign
      ? `the whole ${platform} platform`
      : level === 'ad'
        ? 'this ad'
        : campaign
          ? 'this campaign'
          : platform;
  const also = summary.related.length
    ? ` Same cause, also: ${summary.related.map((move) => `${move.metric} ${move.direction}`).join(', ')}.`
    : '';
  let cause = ' No drill-down for this metric.';
  if (explanation) {
    const change = signed(evidence, 'change_pct', explanation.change);
    const deepest = explanation.path.at(-1);
    const where = deepest
      ? ` driven by ${deepest.level === 'platform' ? 'this platform' : deepest.level === 'campaign' ? 'this campaign' : 'one of its ads'}${
          deepest.level === 'ad'
            ? ` (${deepest.member.length <= 60 && !/\d/.test(deepest.member) ? deepest.member : 'see ad_name'})`
            : ''
        }: ${explanation.numerator} ${signed(evidence, 'numerator_change_pct', deepest.numeratorChange)}${
          deepest.denominatorChange !== undefined
            ? ` with ${explanation.denominator} ${signed(evidence, 'denominator_change_pct', deepest.denominatorChange)}`
            : ''
        }`
      : '';
    cause = ` Root cause (against the ${evidence.cite('baseline_days', BASELINE_DAYS, 0)} days before): ${metricLabel(explanation.metric, false)} ${change}${where}${mixDriven(explanation) ? ', mostly a change of mix (one member took a larger share, e.g. a new ad), not of its own rate' : ''}.`;
  }
  const reason = `${metric} went ${summary.direction} on ${scope} for ${daysText} days, ${when}: ${value} against an expected ${expected}, about ${stake} at stake.${cause}${also} Find what changed then (a release, a feed, a bid, a budget) and fix or undo it.`;
  const deepestAd = explanation?.path.find((member) => member.level === 'ad')?.member ?? null;
  const mid = ongoing ? (summary.impact / days) * HORIZON_DAYS : summary.impact;
  return {
    cause: 'anomaly',
    rule: 'anomaly',
    money: mid,
    action: {
      type: 'investigate_anomaly',
      ...(campaign
        ? campaignTarget(campaign)
        : { platform, campaign_id: null, campaign_name: null, ad_id: null, ad_name: null }),
      ...(adId !== null
        ? { ad_id: adId, ad_name: adName }
        : deepestAd !== null
          ? { ad_name: deepestAd }
          : {}),
      reason,
      expected_impact: {
        metric: 'spend',
        low: mid * 0.5,
        mid,
        high: mid * 1.5,
        days: ongoing ? HORIZON_DAYS : days,
      },
      confidence:
        (ongoing ? ALERT_CONFIDENCE.ongoing : ALERT_CONFIDENCE.over) *
        (explanation && mixDriven(explanation) ? MIX_DISCOUNT : 1),
      evidence: [evidence.evidence],
    },
  };
}

function mixDriven(explanation: Explanation): boolean {
  const deepest = explanation.path.at(-1);
  return (
    deepest?.mix !== undefined &&
    deepest.rate !== undefined &&
    Math.abs(deepest.mix) > Math.abs(deepest.rate)
  );
}

function signed(evidence: EvidenceBuilder, name: string, change: number): string {
  if (!Number.isFinite(change)) return 'from nothing';
  return `${change >= 0 ? '+' : ''}${evidence.cite(name, change * 100, 0)}%`;
}

/** "CPA", "ROAS" in capitals; other metrics in words ("Conversions" at a sentence's start). */
function metricLabel(metric: string, sentenceStart: boolean): string {
  if (/^(?:cpa|cpc|cpm|ctr|cvr|roas)$/i.test(metric)) return metric.toUpperCase();
  const words = metric.replace(/_/g, ' ').toLowerCase();
  return sentenceStart ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}
