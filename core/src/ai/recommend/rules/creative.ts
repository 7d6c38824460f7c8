/**
 * Refresh creative when an ad's frequency rises and its CTR falls: the same people see it again
 * and again and stop clicking. The last week against four weeks a month earlier, on `ad_daily`
 * (a workspace whose ads report no frequency has no such rule).
 */
import type { Proposal, RuleContext } from '../context.ts';
import {
  HORIZON_DAYS,
  NON_CONVERSION_OBJECTIVES,
  resultSeries,
  running,
  unitValue,
} from '../context.ts';
import type { AdHistory } from '../data.ts';
import { sumOver } from '../data.ts';
import { clamp } from '../curve.ts';
import { EvidenceBuilder } from '../figures.ts';
import { adDailySql } from '../sql.ts';
import { poissonCdf } from '../stats.ts';

/** The recent week. */
export const RECENT_DAYS = 7;
/**
 * The baseline: four weeks ending four weeks before the recent week ends (before a slow fatigue
 * set in); with a shorter history, the ad's first two weeks (when the creative was fresh).
 */
export const BASELINE_DAYS = 28;
export const BASELINE_GAP_DAYS = 28;
export const FRESH_DAYS = 14;
/** Frequency rises: at least +30% (1.3 to 1.7 views per person is already a different audience). */
export const FREQUENCY_RISE = 1.3;
/** CTR falls: at least -20%, beyond the weekly noise of an ad's CTR. */
export const CTR_FALL = 0.8;
/**
 * An ad worth a new creative: at least 2% of its campaign's ad impressions, last week or in its
 * baseline (a fatiguing ad loses delivery: its share then is the one that says it matters).
 */
export const MIN_IMPRESSION_SHARE = 0.02;
/** Enough impressions in each period for a CTR to mean something. */
export const MIN_IMPRESSIONS = 2_000;
/** A new creative wins back 30% to 100% of the lost CTR (60% in the middle). */
const RECOVERY = { low: 0.3, mid: 0.6, high: 1 };

function weighted(
  frequency: Float64Array,
  impressions: Float64Array,
  from: number,
  to: number,
): number {
  let sum = 0;
  let weight = 0;
  for (let index = from; index <= to; index++) {
    if (!Number.isFinite(frequency[index]!) || !(impressions[index]! > 0)) continue;
    sum += frequency[index]! * impressions[index]!;
    weight += impressions[index]!;
  }
  return weight > 0 ? sum / weight : Number.NaN;
}

export function creativeRule(context: RuleContext): Proposal[] {
  const { data, goal } = context;
  const last = data.adDays.length - 1;
  const recentFrom = last - RECENT_DAYS + 1;
  const campaigns = new Map(
    data.campaigns.map((campaign) => [
      `${campaign.platform}\u0000${campaign.accountId}\u0000${campaign.campaignId}`,
      campaign,
    ]),
  );
  const offset = data.days.length - data.adDays.length;
  const proposals: Proposal[] = [];
  // Each campaign's ad impressions per day, for the ads' shares.
  const campaignImpressions = new Map<string, Float64Array>();
  for (const ad of data.ads) {
    const key = `${ad.platform}\u0000${ad.accountId}\u0000${ad.campaignId}`;
    const total = campaignImpressions.get(key) ?? new Float64Array(data.adDays.length);
    ad.impressions.forEach((impressions, index) => (total[index]! += impressions));
    campaignImpressions.set(key, total);
  }
  for (const ad of data.ads) {
    const key = `${ad.platform}\u0000${ad.accountId}\u0000${ad.campaignId}`;
    const campaign = campaigns.get(key);
    if (!campaign || !running(campaign)) continue;
    const { baseFrom, baseTo } = baselineOf(ad, last);
    if (baseTo < baseFrom) continue;
    const recent = periodOf(ad, recentFrom, last, goal);
    const base = periodOf(ad, baseFrom, baseTo, goal);
    if (recent.impressions < MIN_IMPRESSIONS || base.impressions < MIN_IMPRESSIONS) continue;
    if (!(recent.frequency >= FREQUENCY_RISE * base.frequency)) continue;
    if (!(recent.ctr <= CTR_FALL * base.ctr)) continue;
    const all = campaignImpressions.get(key)!;
    const share = Math.max(
      recent.impressions / Math.max(1, sumOver(all, recentFrom, last)),
      base.impressions / Math.max(1, sumOver(all, baseFrom, baseTo)),
    );
    if (share < MIN_IMPRESSION_SHARE) continue;

    // How sure: the chance of so few clicks at the old CTR.
    const expectedClicks = recent.impressions * base.ctr;
    const confidence = clamp(1 - poissonCdf(recent.clicks, expectedClicks), 0.05, 0.95) * 0.9;
    // The results lost: clicks lost a day, at the ad's own results per click before (else its
    // campaign's over the recent month).
    const results = resultSeries(campaign, goal);
    const campaignClicks = sumOver(campaign.clicks, offset + baseFrom, offset + last);
    const perClick =
      base.clicks > 0 && base.results > 0
        ? base.results / base.clicks
        : campaignClicks > 0
          ? sumOver(results, offset + baseFrom, offset + last) / campaignClicks
          : 0;
    const lostClicksPerDay = (recent.impressions / RECENT_DAYS) * (base.ctr - recent.ctr);
    const full = lostClicksPerDay * perClick * HORIZON_DAYS;
    const worth = NON_CONVERSION_OBJECTIVES.has(campaign.objective.toLowerCase())
      ? 0
      : unitValue(context, campaign.segment);
    const start = data.adDays[baseFrom]!;
    const end = data.adDays[last]!;
    const filter = { platform: ad.platform, account_id: ad.accountId, ad_id: ad.adId };
    const evidence = new EvidenceBuilder({
      label: `Ad by day: the last ${RECENT_DAYS} days and its baseline`,
      table: 'ad_daily',
      start,
      end,
      filter,
      sql: adDailySql(filter, start, end),
    });
    const frequencyNow = evidence.cite('frequency_recent', recent.frequency);
    const frequencyBefore = evidence.cite('frequency_baseline', base.frequency);
    const baseDays = evidence.cite('baseline_days', baseTo - baseFrom + 1, 0);
    const whenBefore =
      baseTo === last - BASELINE_GAP_DAYS
        ? `the ${baseDays} days a month before`
        : `its first ${baseDays} days`;
    const ctrNow = evidence.cite('ctr_recent_pct', recent.ctr * 100, 2);
    const ctrBefore = evidence.cite('ctr_baseline_pct', base.ctr * 100, 2);
    const recentDays = evidence.cite('recent_days', RECENT_DAYS, 0);
    const spendText = evidence.cite('spend_recent', recent.spend);
    const lost = evidence.cite('lost_clicks_per_day', lostClicksPerDay);
    const reason = `Over the last ${recentDays} days this ad's frequency rose to ${frequencyNow} from ${frequencyBefore} (${whenBefore}) while its CTR fell to ${ctrNow}% from ${ctrBefore}%: the same people see it again and stop clicking. It still spent ${spendText} over those days and loses about ${lost} clicks a day. Refresh the creative (a new visual or hook) and rotate this one out.`;
    // Its worth: the results a fresh creative wins back, or at least the spend that no longer
    // buys the clicks it did (the ad's spend times the share of its CTR lost).
    const wasted = (recent.spend / RECENT_DAYS) * (1 - recent.ctr / base.ctr) * HORIZON_DAYS;
    const money = Math.max(
      full * RECOVERY.mid * (Number.isFinite(worth) ? worth : 0),
      wasted * RECOVERY.mid,
    );
    proposals.push({
      cause: 'creative',
      rule: 'creative',
      money,
      action: {
        type: 'refresh_creative',
        platform: ad.platform,
        account_id: ad.accountId,
        campaign_id: campaign.campaignId,
        campaign_name: campaign.campaignName,
        ad_id: ad.adId,
        ad_name: ad.adName,
        reason,
        expected_impact: {
          metric: goal,
          low: full * RECOVERY.low,
          mid: full * RECOVERY.mid,
          high: full * RECOVERY.high,
          days: HORIZON_DAYS,
        },
        confidence,
        evidence: [evidence.evidence],
      },
    });
  }
  return proposals;
}

/**
 * The ad's baseline days: four weeks a month before, when it ran then; else its first
 * `FRESH_DAYS` days with impressions before the recent week.
 */
function baselineOf(ad: AdHistory, last: number): { baseFrom: number; baseTo: number } {
  const baseTo = last - BASELINE_GAP_DAYS;
  const baseFrom = Math.max(0, baseTo - BASELINE_DAYS + 1);
  let running = 0;
  for (let index = baseFrom; index <= baseTo; index++) if (ad.impressions[index]! > 0) running++;
  if (running >= RECENT_DAYS) return { baseFrom, baseTo };
  const first = ad.impressions.findIndex((impressions) => impressions > 0);
  if (first < 0) return { baseFrom: 0, baseTo: -1 };
  return { baseFrom: first, baseTo: Math.min(first + FRESH_DAYS - 1, last - RECENT_DAYS) };
}

function periodOf(ad: AdHistory, from: number, to: number, goal: RuleContext['goal']) {
  const impressions = sumOver(ad.impressions, from, to);
  const clicks = sumOver(ad.clicks, from, to);
  return {
    impressions,
    clicks,
    spend: sumOver(ad.spend, from, to),
    results: sumOver(goal === 'revenue' ? ad.value : ad.conversions, from, to),
    ctr: impressions > 0 ? clicks / impressions : Number.NaN,
    frequency: weighted(ad.frequency, ad.impressions, from, to),
  };
}
