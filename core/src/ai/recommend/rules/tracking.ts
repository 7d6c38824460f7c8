/**
 * Fix tracking when conversions drop to zero while clicks stay normal: on an account (every
 * campaign at once: a pixel or a tag removed) or on one campaign, over the last four weeks.
 */
import type { Proposal, RuleContext } from '../context.ts';
import { campaignTarget, HORIZON_DAYS, resultSeries, unitValue } from '../context.ts';
import type { CampaignHistory } from '../data.ts';
import { sumOver } from '../data.ts';
import { EvidenceBuilder } from '../figures.ts';
import { campaignDailySql } from '../sql.ts';
import { clamp } from '../curve.ts';

/** Days searched for a gap: four weeks, the window the anomaly checks report over too. */
export const TRACKING_DAYS = 28;
/** Days before a gap its usual clicks and conversion rate come from. */
export const TRACKING_BASELINE_DAYS = 28;
/** Clicks stay normal: at least half the usual daily clicks (a delivery stop is another problem). */
export const NORMAL_CLICKS_SHARE = 0.5;
/**
 * A run of zero-conversion days counts when at least 6 conversions were expected over it:
 * zero out of 6 expected happens by chance 0.25% of the time (Poisson).
 */
export const MIN_EXPECTED_MISSED = 6;
/**
 * And each of its days must be one where zero is unlikely on its own (2 expected: 14%): a thin
 * campaign's quiet week (a B2B lead form over the holidays) is not a broken tag.
 */
export const MIN_EXPECTED_PER_DAY = 2;
/** A gap ending this close to `today` may still be going on. */
export const ONGOING_DAYS = 1;

interface Series {
  clicks: Float64Array;
  conversions: Float64Array;
  results: Float64Array;
  spend: Float64Array;
}

export interface TrackingGap {
  platform: string;
  accountId: string;
  /** Null for an account-wide gap. */
  campaign: CampaignHistory | null;
  from: number;
  to: number;
}

function add(target: Series, campaign: CampaignHistory, results: Float64Array): void {
  for (let index = 0; index < target.clicks.length; index++) {
    target.clicks[index]! += campaign.clicks[index]!;
    target.conversions[index]! += campaign.conversions[index]!;
    target.results[index]! += results[index]!;
    target.spend[index]! += campaign.spend[index]!;
  }
}

/** Days of baseline a gap needs before it: fewer say too little of what is usual. */
export const MIN_BASELINE_DAYS = 7;

/**
 * Runs of zero-conversion days with normal clicks and enough expected conversions, each judged
 * against the (up to) 28 days before it: its usual clicks and conversion rate.
 */
function gaps(series: Series, windowFrom: number, last: number) {
  const runs: { from: number; to: number }[] = [];
  for (let index = windowFrom; index <= last; index++) {
    if (series.conversions[index] !== 0 || !(series.clicks[index]! > 0)) continue;
    const previous = runs.at(-1);
    if (previous && previous.to === index - 1) previous.to = index;
    else runs.push({ from: index, to: index });
  }
  const found = [];
  for (const run of runs) {
    const baseFrom = Math.max(0, run.from - TRACKING_BASELINE_DAYS);
    const baseDays = run.from - baseFrom;
    const baseClicks = sumOver(series.clicks, baseFrom, run.from - 1);
    const baseConversions = sumOver(series.conversions, baseFrom, run.from - 1);
    const baseResults = sumOver(series.results, baseFrom, run.from - 1);
    if (baseDays < MIN_BASELINE_DAYS || !(baseClicks > 0) || !(baseConversions > 0)) continue;
    const usualClicks = baseClicks / baseDays;
    const conversionRate = baseConversions / baseClicks;
    // Trim the run to its days with normal clicks and a zero unlikely on its own.
    let expected = 0;
    let expectedResult = 0;
    let clicks = 0;
    let normal = true;
    for (let index = run.from; index <= run.to; index++) {
      const dayClicks = series.clicks[index]!;
      if (
        dayClicks < NORMAL_CLICKS_SHARE * usualClicks ||
        dayClicks * conversionRate < MIN_EXPECTED_PER_DAY
      )
        normal = false;
      expected += dayClicks * conversionRate;
      expectedResult += dayClicks * (baseResults / baseClicks);
      clicks += dayClicks;
    }
    if (!normal || expected < MIN_EXPECTED_MISSED) continue;
    found.push({
      ...run,
      expected,
      expectedResult,
      clicks,
      usualClicks,
      conversionRate,
      baseFrom,
      baseDays,
    });
  }
  return found;
}

export function trackingRule(context: RuleContext): { proposals: Proposal[]; gaps: TrackingGap[] } {
  const { data } = context;
  const last = data.days.length - 1;
  const windowFrom = Math.max(0, last - TRACKING_DAYS + 1);
  const accounts = new Map<string, CampaignHistory[]>();
  for (const campaign of data.campaigns) {
    const key = `${campaign.platform}\u0000${campaign.accountId}`;
    accounts.set(key, [...(accounts.get(key) ?? []), campaign]);
  }
  const proposals: Proposal[] = [];
  const found: TrackingGap[] = [];
  const empty = (): Series => ({
    clicks: new Float64Array(data.days.length),
    conversions: new Float64Array(data.days.length),
    results: new Float64Array(data.days.length),
    spend: new Float64Array(data.days.length),
  });
  for (const campaigns of accounts.values()) {
    const total = empty();
    for (const campaign of campaigns) add(total, campaign, resultSeries(campaign, context.goal));
    const accountGaps = campaigns.length > 1 ? gaps(total, windowFrom, last) : [];
    const covered = new Set<number>();
    for (const gap of accountGaps) {
      for (let index = gap.from; index <= gap.to; index++) covered.add(index);
      found.push({
        platform: campaigns[0]!.platform,
        accountId: campaigns[0]!.accountId,
        campaign: null,
        from: gap.from,
        to: gap.to,
      });
      proposals.push(proposalFor(context, campaigns, null, gap));
    }
    for (const campaign of campaigns) {
      const own = empty();
      add(own, campaign, resultSeries(campaign, context.goal));
      for (const gap of gaps(own, windowFrom, last)) {
        if (covered.has(gap.from) || covered.has(gap.to)) continue;
        found.push({
          platform: campaign.platform,
          accountId: campaign.accountId,
          campaign,
          from: gap.from,
          to: gap.to,
        });
        proposals.push(proposalFor(context, [campaign], campaign, gap));
      }
    }
  }
  return { proposals, gaps: found };
}

function proposalFor(
  context: RuleContext,
  campaigns: CampaignHistory[],
  campaign: CampaignHistory | null,
  gap: ReturnType<typeof gaps>[number],
): Proposal {
  const { data } = context;
  const last = data.days.length - 1;
  const first = campaigns[0]!;
  const filter: Record<string, string> = campaign
    ? {
        platform: campaign.platform,
        account_id: campaign.accountId,
        campaign_id: campaign.campaignId,
      }
    : { platform: first.platform, account_id: first.accountId };
  const start = data.days[gap.baseFrom]!;
  const end = data.days[gap.to]!;
  const evidence = new EvidenceBuilder({
    label: campaign
      ? 'Campaign by day: the gap and the 28 days before the window'
      : 'Account by day: the gap and the 28 days before the window',
    table: 'campaign_daily',
    start,
    end,
    filter,
    sql: campaignDailySql(filter, start, end),
  });
  const days = gap.to - gap.from + 1;
  const ago = last - gap.to;
  const ongoing = ago <= ONGOING_DAYS;
  const clicksPerDay = gap.clicks / days;
  const zero = evidence.cite('conversions', 0, 0);
  const daysText = evidence.cite('gap_days', days, 0);
  const clicksText = evidence.cite('clicks_per_day', clicksPerDay);
  const usualText = evidence.cite('usual_clicks_per_day', gap.usualClicks);
  const baseDaysText = evidence.cite('baseline_days', gap.baseDays, 0);
  const expectedText = evidence.cite('expected_conversions', gap.expected);
  const rateText = evidence.cite('conversion_rate_pct', gap.conversionRate * 100, 2);
  const when = ongoing
    ? 'and it is still going on'
    : `ending ${evidence.cite('days_ago', ago, 0)} days ago`;
  const scope = campaign
    ? 'this campaign'
    : `every campaign of this account (${evidence.cite('campaigns', campaigns.length, 0)})`;
  const reason = `Conversions fell to ${zero} on ${scope} for ${daysText} days in a row, ${when}, while clicks stayed normal (${clicksText} a day against ${usualText} over the ${baseDaysText} days before): at the usual ${rateText}% conversion rate about ${expectedText} conversions went unrecorded. Check the conversion tag or pixel and the conversion settings; bidding learns from these zeros.`;
  // Ongoing: every day ahead loses its conversions; over: what the gap lost (to restate).
  const perDay = gap.expected / days;
  const mid = ongoing ? perDay * HORIZON_DAYS : gap.expected;
  const resultValue = ongoing ? (gap.expectedResult / days) * HORIZON_DAYS : gap.expectedResult;
  const segment = [...campaigns].sort(
    (a, b) => sumOver(b.spend, 0, last) - sumOver(a.spend, 0, last),
  )[0]!.segment;
  const worth = unitValue(context, segment);
  return {
    cause: 'tracking',
    rule: 'tracking',
    money: resultValue * (Number.isFinite(worth) ? worth : 0),
    action: {
      type: 'fix_tracking',
      ...(campaign
        ? campaignTarget(campaign)
        : {
            platform: first.platform,
            account_id: first.accountId,
            campaign_id: null,
            campaign_name: null,
            ad_id: null,
            ad_name: null,
          }),
      reason,
      expected_impact: {
        metric: 'conversions',
        low: mid * 0.7,
        mid,
        high: mid * 1.3,
        days: ongoing ? HORIZON_DAYS : days,
      },
      confidence: clamp(1 - Math.exp(-gap.expected), 0.05, 0.95),
      evidence: [evidence.evidence],
    },
  };
}
