/**
 * The default checks `baton anomalies check` runs over a workspace's model: spend, conversions,
 * CPA, ROAS and CTR per campaign and per platform over campaign_daily, and the frequency of
 * each ad over ad_daily (creative fatigue: the same people see an ad again and again).
 */
import type { CheckSpec } from '../notebook/specs.ts';
import { runCheck, type CheckAlert, type CheckOptions, type CheckSource } from './cell.ts';

/** What a default check's series are. */
export type CheckLevel = 'platform' | 'campaign' | 'ad';

export interface DefaultCheck {
  /** A short id: `cpa by campaign`. */
  name: string;
  level: CheckLevel;
  spec: CheckSpec;
  /** Key columns its series share with their parent for grouping (default: all but the last). */
  parentLength?: number;
}

const BY_CAMPAIGN = ['platform', 'account_name', 'campaign_name'];
const BY_PLATFORM = ['platform'];
const LEVELS: { level: CheckLevel; by: string[] }[] = [
  { level: 'campaign', by: BY_CAMPAIGN },
  { level: 'platform', by: BY_PLATFORM },
];

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
  level: 'ad',
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

const MODEL_CHECKS: DefaultCheck[] = LEVELS.flatMap(({ level, by }) =>
  METRICS.map(({ metric, direction }) => ({
    name: `${metric} by ${level}`,
    level,
    spec: {
      on: 'campaign_daily',
      time: 'date',
      metric,
      by,
      direction,
      // A platform adds up many campaigns: its series is smoother than any of them, so demand
      // swings (paydays, weather) clear the normal bar there; the campaign checks catch the
      // causes at normal sensitivity, the platform checks the large moves.
      sensitivity: level === 'campaign' ? ('normal' as const) : ('low' as const),
      minImpact: DEFAULT_MIN_IMPACT,
    },
  })),
);

export const DEFAULT_CHECKS: DefaultCheck[] = [...MODEL_CHECKS, FATIGUE_CHECK];

export interface DefaultCheckAlert extends CheckAlert {
  check: string;
  level: CheckLevel;
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
  for (const { name, level, spec, parentLength } of checks) {
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
        level,
        metric: spec.metric,
        by: spec.by,
      });
      highest = Math.max(highest, alert.group);
    }
    groupOffset += highest;
  }
  mergeCauses(alerts);
  const byCheck = checkTotals(alerts);
  const stakes = stakesOf(byCheck);
  const totalOf = (alert: DefaultCheckAlert) => byCheck.get(checkId(alert))!;
  // Stable: a group's rows keep their order (within a check: its first move, largest first,
  // then the swing back), the check with the most at stake first.
  return alerts.sort(
    (a, b) =>
      stakes.get(b.group)! - stakes.get(a.group)! || a.group - b.group || totalOf(b) - totalOf(a),
  );
}

/**
 * An alert group's money at stake: the most any one check puts on it. The checks of one cause
 * (a campaign's spend up, its platform's spend up, its ROAS down) see the same money from
 * different sides; adding them up would count it twice.
 */
export function groupStakes(alerts: readonly DefaultCheckAlert[]): Map<number, number> {
  return stakesOf(checkTotals(alerts));
}

/** Identifies one check's part of an alert group. */
function checkId(alert: DefaultCheckAlert): string {
  return `${alert.group}\u0000${alert.check}`;
}

/** The money at stake each check puts on each group, by `checkId`. */
function checkTotals(alerts: readonly DefaultCheckAlert[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const alert of alerts) {
    const id = checkId(alert);
    totals.set(id, (totals.get(id) ?? 0) + alert.impact);
  }
  return totals;
}

function stakesOf(byCheck: Map<string, number>): Map<number, number> {
  const stakes = new Map<number, number>();
  for (const [id, total] of byCheck) {
    const group = Number(id.slice(0, id.indexOf('\u0000')));
    stakes.set(group, Math.max(stakes.get(group) ?? 0, total));
  }
  return stakes;
}

/** Days between two episodes of related series that still count as one cause. */
const CAUSE_SLACK = 1;

/**
 * One cause, one alert: groups of different checks merge when their days overlap (a day of
 * slack) and they watch the same series (a campaign's spend up and its ROAS down), or the same
 * metric of a series and of one inside it (a platform's spend and its campaign's). The merged
 * group keeps the smallest id.
 */
function mergeCauses(alerts: DefaultCheckAlert[]): void {
  interface Episode {
    group: number;
    metric: string;
    path: string[];
    first: string;
    last: string;
  }
  const episodes = new Map<string, Episode>();
  for (const alert of alerts) {
    const path = alert.by.map((column, index) => `${column}=${alert.key[index]}`);
    const id = `${alert.group}\u0000${JSON.stringify(path)}`;
    const episode = episodes.get(id);
    if (!episode) {
      const { group, metric, date } = alert;
      episodes.set(id, { group, metric, path, first: date, last: date });
    } else {
      if (alert.date < episode.first) episode.first = alert.date;
      if (alert.date > episode.last) episode.last = alert.date;
    }
  }
  const parent = new Map<number, number>();
  const root = (group: number): number => {
    let at = group;
    while (parent.has(at)) at = parent.get(at)!;
    return at;
  };
  const list = [...episodes.values()];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i]!, list[j]!];
      if (!related(a, b) || !overlap(a, b)) continue;
      const [ra, rb] = [root(a.group), root(b.group)];
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    }
  }
  for (const alert of alerts) alert.group = root(alert.group);
}

/** The same series, or the same metric of a series and one inside it (a key prefix). */
function related(
  a: { metric: string; path: string[] },
  b: { metric: string; path: string[] },
): boolean {
  const [short, long] = a.path.length <= b.path.length ? [a.path, b.path] : [b.path, a.path];
  if (!short.every((part, index) => long[index] === part)) return false;
  return short.length === long.length || a.metric === b.metric;
}

function overlap(a: { first: string; last: string }, b: { first: string; last: string }): boolean {
  const day = 86_400_000;
  const gap = Math.max(
    Date.parse(a.first) - Date.parse(b.last),
    Date.parse(b.first) - Date.parse(a.last),
  );
  return gap <= CAUSE_SLACK * day;
}
