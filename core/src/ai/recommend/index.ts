/**
 * The recommendation rules engine: reads the model up to `today`, runs each rule (one per
 * module under `rules/`), and returns prioritized actions, each with the numbers it rests on and
 * read-only queries to the rows behind them. Docs: docs/recommendations.md.
 */
import { runDefaultChecks, type DefaultCheckAlert } from '../../checks/cell-defaults.ts';
import type { CheckOptions } from '../../checks/cell.ts';
import { lastDataDay } from '../../checks/summary.ts';
import { BatonError } from '../../errors.ts';
import type { Action } from '../types.ts';
import {
  deriveTargets,
  judged,
  MATURITY_DAYS,
  type Proposal,
  type RecommendGoal,
  type RuleContext,
} from './context.ts';
import { fitResponseCurve, type ResponseCurve } from './curve.ts';
import { readModel, type CampaignHistory, type RecommendSource } from './data.ts';
import { addDays } from './dates.ts';
import { DEFAULT_MAX_ACTIONS, rankProposals } from './rank.ts';
import { anomalyRule, ANOMALY_DAYS } from './rules/anomaly.ts';
import { budgetRule } from './rules/budget.ts';
import { creativeRule } from './rules/creative.ts';
import { efficiencyRule } from './rules/efficiency.ts';
import { curvePoints, shiftRule } from './rules/shift.ts';
import { trackingRule } from './rules/tracking.ts';

export interface RecommendOptions {
  /** Judge the data up to this day (`YYYY-MM-DD`); nothing after it is read. Default: the data's last day. */
  today?: string;
  /**
   * What the actions optimize: conversions or revenue (conversion value). Default: revenue when
   * only `targetRoas` is given, else conversions.
   */
  goal?: RecommendGoal;
  /**
   * Target CPA (goal conversions); default: 2x the CPA of the campaign's segment (its objective,
   * brand and non-brand apart) over its last 90 complete days.
   */
  targetCpa?: number;
  /** Target ROAS (goal revenue); default: half the ROAS of the campaign's segment, likewise. */
  targetRoas?: number;
  /** How many actions to return at most (default 20). */
  maxActions?: number;
  /** Known events for the anomaly checks (the workspace calendar), as `runDefaultChecks` takes them. */
  events?: CheckOptions['events'];
  /** The default checks' alerts, already run (a notebook's check cells); default: run them here. */
  alerts?: readonly DefaultCheckAlert[];
}

/**
 * Prioritized actions over the workspace's model, best first (`priority` 1..N). An empty list
 * when the model has no data.
 *
 * @example const actions = await recommend(warehouse, { today: '2026-03-31', goal: 'conversions' })
 */
export async function recommend(
  source: RecommendSource,
  options: RecommendOptions = {},
): Promise<Action[]> {
  validate(options);
  const today = options.today ?? (await lastDataDay(source));
  if (today === undefined) return [];
  // A target ROAS alone says the goal is revenue.
  const goal =
    options.goal ??
    (options.targetRoas !== undefined && options.targetCpa === undefined
      ? 'revenue'
      : 'conversions');
  const data = await readModel(source, today);
  if (data.campaigns.length === 0) return [];
  const matureIndex = data.days.length - 1 - MATURITY_DAYS;
  const context: RuleContext = {
    data,
    goal,
    targets: deriveTargets(data, goal, options, matureIndex),
    matureEnd: data.days[matureIndex]!,
    matureIndex,
    skipped: new Map(),
  };

  const tracking = trackingRule(context);
  // Days whose conversions were lost are not the campaign's response: left out of its curve.
  const skipped = context.skipped;
  for (const gap of tracking.gaps) {
    for (const campaign of data.campaigns) {
      if (campaign.platform !== gap.platform || campaign.accountId !== gap.accountId) continue;
      if (gap.campaign && gap.campaign !== campaign) continue;
      const days = skipped.get(campaign) ?? new Set<number>();
      for (let index = gap.from; index <= gap.to; index++) days.add(index);
      skipped.set(campaign, days);
    }
  }
  const curves = new Map<CampaignHistory, ResponseCurve>();
  for (const campaign of data.campaigns) {
    if (!judged(context, campaign)) continue;
    const curve = fitResponseCurve(curvePoints(context, campaign, skipped.get(campaign)));
    if (curve) curves.set(campaign, curve);
  }

  const proposals: Proposal[] = [
    ...tracking.proposals,
    ...efficiencyRule(context),
    ...budgetRule(context, curves),
    ...creativeRule(context),
  ];
  const alerts =
    options.alerts ??
    (await runDefaultChecks(source, {
      today,
      since: addDays(today, 1 - ANOMALY_DAYS),
      ...(options.events ? { events: options.events } : {}),
    }));
  proposals.push(
    ...(await anomalyRule(context, source, { alerts, gaps: tracking.gaps, others: proposals })),
  );

  // A campaign another action changes (or whose tracking broke) stays out of the budget shifts;
  // one over target that the efficiency rule would cut may still give budget to better ones, and
  // one whose budget the budget rule raises may still receive (the ranking keeps one of the two).
  const excluded = new Set<CampaignHistory>();
  const donorsOnly = new Set<CampaignHistory>();
  const receiversOnly = new Set<CampaignHistory>();
  for (const campaign of data.campaigns) {
    if (skipped.has(campaign)) excluded.add(campaign);
    const own = proposals.filter(
      (proposal) =>
        proposal.cause !== 'creative' &&
        proposal.action.platform === campaign.platform &&
        proposal.action.account_id === campaign.accountId &&
        proposal.action.campaign_id === campaign.campaignId,
    );
    if (own.length === 0) continue;
    if (
      own.every(
        (proposal) => proposal.rule === 'efficiency' && proposal.action.type === 'cut_budget',
      )
    )
      donorsOnly.add(campaign);
    else if (own.every((proposal) => proposal.rule === 'budget')) receiversOnly.add(campaign);
    else excluded.add(campaign);
  }
  const shifts = shiftRule(context, { curves, excluded, donorsOnly, receiversOnly });
  // A campaign that gives budget to better ones needs no cut besides: one action per problem.
  const donors = new Set(
    shifts.map(
      (shift) =>
        `${shift.action.platform}\u0000${shift.action.account_id}\u0000${shift.action.campaign_id}`,
    ),
  );
  const kept = proposals.filter(
    (proposal) =>
      !(
        proposal.rule === 'efficiency' &&
        donors.has(
          `${proposal.action.platform}\u0000${proposal.action.account_id}\u0000${proposal.action.campaign_id}`,
        )
      ),
  );
  kept.push(...shifts);
  return rankProposals(kept, options.maxActions ?? DEFAULT_MAX_ACTIONS);
}

function validate(options: RecommendOptions): void {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      throw new BatonError(
        'input',
        `${name} must be a positive number; got ${value}.`,
        `Give ${name} as a number above 0, or leave it out to derive it from the workspace.`,
      );
  };
  positive('targetCpa', options.targetCpa);
  positive('targetRoas', options.targetRoas);
  if (options.goal !== undefined && options.goal !== 'conversions' && options.goal !== 'revenue')
    throw new BatonError(
      'input',
      `goal must be conversions or revenue; got "${String(options.goal)}".`,
    );
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    throw new BatonError(
      'input',
      `today must be a date written YYYY-MM-DD; got "${options.today}".`,
    );
  if (
    options.maxActions !== undefined &&
    !(Number.isInteger(options.maxActions) && options.maxActions > 0)
  )
    throw new BatonError(
      'input',
      `maxActions must be a whole number above 0; got ${options.maxActions}.`,
    );
}

export {
  fitResponseCurve,
  predict,
  marginal,
  type ResponseCurve,
  type CurvePoint,
} from './curve.ts';
export {
  allocate,
  transfers,
  totalResult,
  type AllocationItem,
  type Transfer,
} from './allocate.ts';
export type { RecommendGoal } from './context.ts';
export type { RecommendSource } from './data.ts';
