/**
 * The default checks `baton anomalies check` runs over a workspace's model: spend, conversions,
 * CPA, ROAS and CTR per campaign and per platform over campaign_daily, and the frequency of
 * each ad over ad_daily (creative fatigue: the same people see an ad again and again).
 */
import type { CheckSpec } from '../notebook/specs.ts';
import { runCheck, type CheckAlert, type CheckOptions, type CheckSource } from './cell.ts';

export interface DefaultCheck {
  /** A short id: `cpa by campaign`. */
  name: string;
  spec: CheckSpec;
  /** Key columns its series share with their parent for grouping (default: all but the last). */
  parentLength?: number;
}

const BY_CAMPAIGN = ['platform', 'account_name', 'campaign_name'];
const BY_PLATFORM = ['platform'];

/**
 * Directions follow what costs money: spend both ways (a runaway budget, a delivery stop),
 * conversions and ROAS and CTR down, CPA up. `min_impact` keeps pennies out of the list.
 */
const METRICS: { metric: string; direction: CheckSpec['direction'] }[] = [
  { metric: 'spend', direction: 'both' },
  { metric: 'conversions', direction: 'down' },
  { metric: 'cpa', direction: 'up' },
  { metric: 'roas', direction: 'down' },
  { metric: 'ctr', direction: 'down' },
];

/** Money at stake below which an alert (all its days and series) is not worth reading. */
export const DEFAULT_MIN_IMPACT = 300;
/** The same for an ad: its fix is cheap (a new creative), and an ad spends a slice of a campaign. */
export const AD_MIN_IMPACT = 100;

/**
 * Creative fatigue: an ad's frequency (impressions per person reached) climbing for weeks, the
 * drift rule's case. Its money at stake is the spend on impressions beyond the usual frequency.
 */
const FATIGUE_CHECK: DefaultCheck = {
  name: 'frequency by ad',
  spec: {
    on: 'ad_daily',
    time: 'date',
    metric: 'frequency',
    // The id tells apart ads that share a name (duplicated creatives).
    by: [...BY_CAMPAIGN, 'ad_name', 'ad_id'],
    direction: 'up',
    sensitivity: 'normal',
    minImpact: AD_MIN_IMPACT,
  },
  // Ads of one campaign co-move into one alert.
  parentLength: BY_CAMPAIGN.length,
};

const MODEL_CHECKS: DefaultCheck[] = [BY_CAMPAIGN, BY_PLATFORM].flatMap((by) =>
  METRICS.map(({ metric, direction }) => ({
    name: `${metric} by ${by === BY_CAMPAIGN ? 'campaign' : 'platform'}`,
    spec: {
      on: 'campaign_daily',
      time: 'date',
      metric,
      by,
      direction,
      // A platform adds up many campaigns: its series is smoother than any of them, so demand
      // swings (paydays, weather) clear the normal bar there; the campaign checks catch the
      // causes at normal sensitivity, the platform checks the large moves.
      sensitivity: by === BY_CAMPAIGN ? ('normal' as const) : ('low' as const),
      minImpact: DEFAULT_MIN_IMPACT,
    },
  })),
);

export const DEFAULT_CHECKS: DefaultCheck[] = [...MODEL_CHECKS, FATIGUE_CHECK];

export interface DefaultCheckAlert extends CheckAlert {
  check: string;
  metric: string;
  /** The `by` columns of its check, naming `key`'s values. */
  by: string[];
}

/**
 * Runs every default check; alerts of all checks, ranked by money at stake (a group's rows stay
 * together, led by its largest).
 *
 * @example const alerts = await runDefaultChecks(warehouse, { today: '2026-03-31', since: '2026-03-25' })
 */
export async function runDefaultChecks(
  source: CheckSource,
  options: CheckOptions = {},
  checks: DefaultCheck[] = DEFAULT_CHECKS,
): Promise<DefaultCheckAlert[]> {
  const alerts: DefaultCheckAlert[] = [];
  let groupOffset = 0;
  for (const { name, spec, parentLength } of checks) {
    const run = await runCheck(source, spec, {
      ...options,
      ...(parentLength === undefined ? {} : { parentLength }),
    });
    let highest = 0;
    for (const alert of run.alerts) {
      alerts.push({
        ...alert,
        group: alert.group + groupOffset,
        check: name,
        metric: spec.metric,
        by: spec.by,
      });
      highest = Math.max(highest, alert.group);
    }
    groupOffset += highest;
  }
  const groupImpact = new Map<number, number>();
  for (const alert of alerts) {
    groupImpact.set(alert.group, (groupImpact.get(alert.group) ?? 0) + alert.impact);
  }
  // Stable: a group's rows keep its check's order (its first move, largest first, then the
  // swing back).
  return alerts.sort(
    (a, b) => groupImpact.get(b.group)! - groupImpact.get(a.group)! || a.group - b.group,
  );
}
