/**
 * Shift budget between campaigns of one objective, from the lowest marginal return to the
 * highest, total spend unchanged: per-campaign response curves fitted on their history
 * (`curve.ts`), the best split found on them (`allocate.ts`), proposed as transfers whose
 * expected gain is material.
 */
import type { Proposal, RuleContext } from '../context.ts';
import {
  campaignEvidence,
  campaignTarget,
  HORIZON_DAYS,
  judged,
  matureWindow,
  metricName,
  resultSeries,
  unitValue,
  running,
} from '../context.ts';
import type { CampaignHistory } from '../data.ts';
import { sumOver, weekRange } from '../data.ts';
import { allocate, transfers, type AllocationItem } from '../allocate.ts';
import {
  clamp,
  marginal,
  MIN_CURVE_CONFIDENCE,
  predict,
  throughPoint,
  type ResponseCurve,
} from '../curve.ts';
import { CAPPED_DAYS, cappedDays } from './budget.ts';

/** Days the curves are fitted on: a quarter of complete days (seasons move curves beyond that). */
export const FIT_DAYS = 90;
/** Days today's spend level is read over. */
export const CURRENT_DAYS = 7;
/**
 * How far a shift may take a campaign: within the spend range its curve was fitted on (its
 * lowest and highest week of the fit window), or half of today's spend either way when that is
 * wider: beyond, the curve is an extrapolation.
 */
export const MAX_MOVE = 0.5;
/** A transfer is material when it gains at least 3% of the pair's results... */
export const MATERIAL_GAIN = 0.03;
/** ...and moves at least 10% of the donor's spend (smaller moves are lost in the noise). */
export const MIN_MOVE_SHARE = 0.1;

export interface ShiftInputs {
  curves: Map<CampaignHistory, ResponseCurve>;
  /** Campaigns another action already changes (or whose data is broken): left out. */
  excluded: ReadonlySet<CampaignHistory>;
  /** Campaigns over target: they may give budget, never receive it. */
  donorsOnly?: ReadonlySet<CampaignHistory>;
  /** Campaigns with a raise of their own: they may receive budget, never give it. */
  receiversOnly?: ReadonlySet<CampaignHistory>;
}

/** The allocation problem for one segment's campaigns: exported for the scenario tests. */
export function shiftItems(
  context: RuleContext,
  campaigns: readonly CampaignHistory[],
  curves: Map<CampaignHistory, ResponseCurve>,
  donorsOnly: ReadonlySet<CampaignHistory> = new Set(),
  receiversOnly: ReadonlySet<CampaignHistory> = new Set(),
): { items: AllocationItem[]; campaigns: CampaignHistory[] } {
  const last = context.data.days.length - 1;
  const items: AllocationItem[] = [];
  const used: CampaignHistory[] = [];
  for (const campaign of campaigns) {
    const curve = curves.get(campaign);
    if (!curve || curve.confidence < MIN_CURVE_CONFIDENCE) continue;
    const current = sumOver(campaign.spend, last - CURRENT_DAYS + 1, last) / CURRENT_DAYS;
    if (!(current > 0)) continue;
    // More budget only buys more where the budget is what holds spend back.
    const capped = cappedDays(campaign, last);
    const canGrow = (capped === undefined || capped >= CAPPED_DAYS) && !donorsOnly.has(campaign);
    const fitted = matureWindow(context, FIT_DAYS);
    const seen = weekRange(campaign.spend, fitted.from, fitted.to);
    items.push({
      id: `${campaign.platform}\u0000${campaign.accountId}\u0000${campaign.campaignId}`,
      curve,
      current,
      lower: receiversOnly.has(campaign) ? current : Math.min(current * (1 - MAX_MOVE), seen.low),
      upper: canGrow ? Math.max(current * (1 + MAX_MOVE), seen.high) : current,
    });
    used.push(campaign);
  }
  return { items, campaigns: used };
}

export function shiftRule(
  context: RuleContext,
  { curves, excluded, donorsOnly, receiversOnly }: ShiftInputs,
): Proposal[] {
  const groups = new Map<string, CampaignHistory[]>();
  const last = context.data.days.length - 1;
  for (const campaign of context.data.campaigns) {
    if (!judged(context, campaign) || excluded.has(campaign)) continue;
    if (!running(campaign)) continue;
    let activeDays = 0;
    for (let index = last - CURRENT_DAYS + 1; index <= last; index++)
      if (campaign.spend[index]! > 0) activeDays++;
    if (activeDays < CURRENT_DAYS - 2) continue;
    groups.set(campaign.segment, [...(groups.get(campaign.segment) ?? []), campaign]);
  }
  const proposals: Proposal[] = [];
  for (const [segment, members] of groups) {
    const { items, campaigns } = shiftItems(context, members, curves, donorsOnly, receiversOnly);
    if (items.length < 2) continue;
    const target = allocate(items);
    const byId = new Map(
      items.map((item, index) => [item.id, { item, campaign: campaigns[index]! }]),
    );
    for (const move of transfers(items, target)) {
      const from = byId.get(move.from)!;
      const to = byId.get(move.to)!;
      const pairResult =
        (predict(from.item.curve, from.item.current) + predict(to.item.curve, to.item.current)) *
        HORIZON_DAYS;
      const gain = move.gain * HORIZON_DAYS;
      if (gain < MATERIAL_GAIN * pairResult) continue;
      if (move.amount < MIN_MOVE_SHARE * from.item.current) continue;
      proposals.push(proposalFor(context, segment, from, to, move.amount, gain));
    }
  }
  return proposals;
}

function proposalFor(
  context: RuleContext,
  segment: string,
  from: { item: AllocationItem; campaign: CampaignHistory },
  to: { item: AllocationItem; campaign: CampaignHistory },
  amount: number,
  gain: number,
): Proposal {
  const { goal } = context;
  const window = matureWindow(context, FIT_DAYS);
  const metric = metricName(goal);
  const curveOf = (side: typeof from) => side.item.curve as ResponseCurve;
  // The range: both curves bent by one standard error of their slopes, through today's point.
  const gainWith = (bFrom: number, bTo: number) => {
    const donor = throughPoint(
      from.item.current,
      predict(from.item.curve, from.item.current),
      clamp(bFrom, 0.05, 0.99),
    );
    const receiver = throughPoint(
      to.item.current,
      predict(to.item.curve, to.item.current),
      clamp(bTo, 0.05, 0.99),
    );
    return (
      (predict(receiver, to.item.current + amount) -
        predict(receiver, to.item.current) -
        (predict(donor, from.item.current) - predict(donor, from.item.current - amount))) *
      HORIZON_DAYS
    );
  };
  const low = gainWith(curveOf(from).b + curveOf(from).bError, curveOf(to).b - curveOf(to).bError);
  const high = gainWith(curveOf(from).b - curveOf(from).bError, curveOf(to).b + curveOf(to).bError);
  const marginalEfficiency = (side: typeof from) => {
    const next = marginal(side.item.curve, side.item.current);
    return goal === 'revenue' ? next : 1 / next;
  };
  const describe = (side: typeof from, role: string) => {
    const evidence = campaignEvidence(
      side.campaign,
      `${role}: the ${FIT_DAYS} days its response curve is fitted on`,
      window.start,
      window.end,
    );
    const curve = curveOf(side);
    const spend = evidence.cite('spend_per_day', side.item.current);
    const next = evidence.cite(`marginal_${metric}`, marginalEfficiency(side));
    const elasticity = evidence.cite('elasticity', curve.b);
    const days = evidence.cite('fit_days', curve.days, 0);
    const r2 = evidence.cite('fit_r2', curve.r2);
    return {
      evidence,
      text: `${spend} a day, marginal ${metric.toUpperCase()} ${next} (elasticity ${elasticity}, fitted on ${days} days, R-squared ${r2})`,
    };
  };
  const donor = describe(from, 'From (this campaign)');
  const receiver = describe(to, 'To (the `to` campaign)');
  const amountText = donor.evidence.cite('shift_per_day', amount);
  const gainText = receiver.evidence.cite(`expected_gain_${goal}`, gain);
  const lowText = receiver.evidence.cite('gain_low', low);
  const highText = receiver.evidence.cite('gain_high', high);
  const horizon = receiver.evidence.cite('horizon_days', HORIZON_DAYS, 0);
  const reason = `Move ${amountText} a day of budget from this campaign to the one in \`to\`, total spend unchanged: here ${donor.text}; there ${receiver.text}. Their response curves expect ${gainText} more ${goal === 'revenue' ? 'conversion value' : 'conversions'} over ${horizon} days (${lowText} to ${highText}).`;
  const confidence = clamp(Math.min(curveOf(from).confidence, curveOf(to).confidence), 0.05, 0.9);
  const worth = unitValue(context, segment);
  return {
    cause: 'shift',
    rule: 'shift',
    money: gain * (Number.isFinite(worth) ? worth : 0),
    action: {
      type: 'shift_budget',
      ...campaignTarget(from.campaign),
      to: {
        platform: to.campaign.platform,
        account_id: to.campaign.accountId,
        campaign_id: to.campaign.campaignId,
        campaign_name: to.campaign.campaignName,
        daily_amount: Math.round(amount * 100) / 100,
      },
      reason,
      expected_impact: {
        metric: goal,
        low: Math.min(low, gain),
        mid: gain,
        high: Math.max(high, gain),
        days: HORIZON_DAYS,
      },
      confidence,
      evidence: [donor.evidence.evidence, receiver.evidence.evidence],
    },
  };
}

/** The curve points of a campaign: its complete days with spend, minus the days to leave out. */
export function curvePoints(
  context: RuleContext,
  campaign: CampaignHistory,
  skip: ReadonlySet<number> = new Set(),
) {
  const window = matureWindow(context, FIT_DAYS);
  const results = resultSeries(campaign, context.goal);
  const points = [];
  for (let index = window.from; index <= window.to; index++) {
    if (skip.has(index) || !(campaign.spend[index]! > 0)) continue;
    points.push({
      spend: campaign.spend[index]!,
      result: results[index]!,
      weekday: new Date(Date.parse(context.data.days[index]!)).getUTCDay(),
    });
  }
  return points;
}
