/**
 * One action per target and cause (a budget shift's target is its pair of campaigns), ranked by
 * expected money impact times confidence, numbered 1..N. Two rules can answer one problem (a
 * spend runaway is both an alert and a campaign over target; a campaign that deserves more
 * budget can get it raised or shifted to it): the stronger proposal stays.
 */
import type { Action } from '../types.ts';
import type { Proposal } from './context.ts';

/** Actions listed when the caller does not say. */
export const DEFAULT_MAX_ACTIONS = 20;

/** A shift's target is its pair: the campaign giving budget and the one receiving it. */
function targetKey(proposal: Proposal): string {
  const { platform, account_id, campaign_id, ad_id, to } = proposal.action;
  const key = [platform, account_id ?? '', campaign_id ?? '', ad_id ?? ''];
  if (to) key.push(to.platform, to.account_id, to.campaign_id);
  return key.join('\u0000');
}

export function score(proposal: Proposal): number {
  return proposal.money * proposal.action.confidence;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Keeps the best proposal per target and cause, drops those worth nothing, ranks the rest. */
export function rankProposals(
  proposals: readonly Proposal[],
  maxActions = DEFAULT_MAX_ACTIONS,
): Action[] {
  const ordered = [...proposals]
    .filter((proposal) => proposal.money > 0 && Number.isFinite(proposal.money))
    .sort((a, b) => score(b) - score(a));
  const seen = new Set<string>();
  // A campaign that deserves more budget: raised, or fed by shifts, whichever ranks first.
  const funded = new Map<string, 'raise' | 'shift'>();
  const kept: Proposal[] = [];
  for (const proposal of ordered) {
    const key = `${targetKey(proposal)}\u0000${proposal.cause}`;
    if (seen.has(key)) continue;
    const { action } = proposal;
    const fundedKey =
      action.type === 'raise_budget'
        ? [action.platform, action.account_id ?? '', action.campaign_id ?? ''].join('\u0000')
        : action.to
          ? [action.to.platform, action.to.account_id, action.to.campaign_id].join('\u0000')
          : undefined;
    const way = action.type === 'raise_budget' ? 'raise' : 'shift';
    if (fundedKey !== undefined) {
      const first = funded.get(fundedKey);
      if (first !== undefined && first !== way) continue;
      funded.set(fundedKey, way);
    }
    seen.add(key);
    kept.push(proposal);
  }
  return kept.slice(0, maxActions).map((proposal, index) => {
    const { action } = proposal;
    const impact = action.expected_impact;
    return {
      type: action.type,
      priority: index + 1,
      platform: action.platform,
      ...(action.account_id !== undefined ? { account_id: action.account_id } : {}),
      campaign_id: action.campaign_id,
      campaign_name: action.campaign_name,
      ad_id: action.ad_id,
      ad_name: action.ad_name,
      reason: action.reason,
      expected_impact: {
        metric: impact.metric,
        low: round(impact.low),
        mid: round(impact.mid),
        high: round(impact.high),
        days: impact.days,
        money: round(proposal.money),
      },
      confidence: round(action.confidence),
      evidence: action.evidence,
      ...(action.to ? { to: action.to } : {}),
    };
  });
}
