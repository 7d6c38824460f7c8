/**
 * The default checks' alerts as people read them: one summary per alert group (a cause that moved
 * several series or days), its root cause on demand, and the last day with data to judge up to.
 * `baton anomalies check` and the web home page both show these.
 */
import { BatonError } from '../errors.ts';
import type { CheckSource } from './cell.ts';
import {
  DEFAULT_CHECKS,
  groupStakes,
  type CheckLevel,
  type DefaultCheck,
  type DefaultCheckAlert,
} from './cell-defaults.ts';
import { explainChange, type DrilldownTable, type Explanation } from './drilldown.ts';

/** One alert group: its largest row, the days and series it spans, its total money at stake. */
export interface AlertSummary {
  /** The default check that raised it: `cpa by campaign`. */
  check: string;
  metric: string;
  /** The check's `by` columns, naming `key`'s values. */
  by: string[];
  /** The lead row's series key. */
  key: string[];
  /** How many series of the lead's check the group spans (1: the lead's only). */
  series: number;
  /** The other moves of the same cause, one per other check: `roas down`, `spend up`. */
  related: { check: string; level: CheckLevel; metric: string; direction: 'up' | 'down' }[];
  /** First and last flagged day, `YYYY-MM-DD`. */
  first: string;
  last: string;
  direction: 'up' | 'down';
  /** The lead row's value and expected value (NaN: undefined, e.g. CPA without conversions). */
  value: number;
  expected: number;
  /** The group's money at stake (the most any one of its checks puts on it), in the reporting currency. */
  impact: number;
}

const DAY = 86_400_000;
/** The drill-down compares the alert's days with the 28 days before them. */
const BASELINE_DAYS = 28;
const DRILLDOWN_TABLES: readonly string[] = [
  'campaign_daily',
  'ad_daily',
] satisfies DrilldownTable[];

/**
 * One summary per alert group, ranked by the group's money at stake. `runDefaultChecks` hands a
 * group's rows together, its largest first: that row leads.
 *
 * @example summarizeAlerts(await runDefaultChecks(warehouse, { today, since }))[0]?.impact
 */
export function summarizeAlerts(alerts: readonly DefaultCheckAlert[]): AlertSummary[] {
  const stakes = groupStakes(alerts);
  const groups = new Map<number, { summary: AlertSummary; keys: Set<string> }>();
  for (const alert of alerts) {
    const group = groups.get(alert.group);
    if (!group) {
      groups.set(alert.group, {
        summary: {
          check: alert.check,
          metric: alert.metric,
          by: alert.by,
          key: alert.key,
          series: 1,
          related: [],
          first: alert.date,
          last: alert.date,
          direction: alert.direction,
          value: alert.value,
          expected: alert.expected,
          impact: stakes.get(alert.group)!,
        },
        keys: new Set([JSON.stringify(alert.key)]),
      });
      continue;
    }
    const { summary, keys } = group;
    if (alert.check === summary.check) {
      keys.add(JSON.stringify(alert.key));
      summary.series = keys.size;
    } else if (!summary.related.some((move) => move.check === alert.check)) {
      const { check, level, metric, direction } = alert;
      summary.related.push({ check, level, metric, direction });
    }
    if (alert.date < summary.first) summary.first = alert.date;
    if (alert.date > summary.last) summary.last = alert.date;
  }
  return [...groups.values()].map(({ summary }) => summary).sort((a, b) => b.impact - a.impact);
}

/**
 * The root cause of an alert: the drill-down of its days against the 28 days before, on the
 * table its check read, within its series (within the series' common parent when the group spans
 * several). Undefined when that metric or table has no drill-down.
 *
 * @example (await explainAlert(warehouse, summaries[0]!))?.summary // 'SPEND +704%: tiktok / ...'
 */
export async function explainAlert(
  source: CheckSource,
  summary: AlertSummary,
  checks: readonly DefaultCheck[] = DEFAULT_CHECKS,
): Promise<Explanation | undefined> {
  const check = checks.find((candidate) => candidate.name === summary.check);
  const table = check?.spec.on ?? 'campaign_daily';
  if (!DRILLDOWN_TABLES.includes(table)) return undefined;
  // A group's series share their parent's key columns only (see groupPoints).
  const shared =
    summary.series === 1
      ? summary.by.length
      : (check?.parentLength ?? Math.max(0, summary.by.length - 1));
  const filters: Record<string, string> = {};
  summary.by.slice(0, shared).forEach((column, index) => {
    filters[column] = summary.key[index] ?? '';
  });
  const start = Date.parse(summary.first);
  try {
    return await explainChange(source, {
      table: table as DrilldownTable,
      metric: summary.metric,
      current: { start: summary.first, end: summary.last },
      baseline: { start: isoDay(start - BASELINE_DAYS * DAY), end: isoDay(start - DAY) },
      filters,
    });
  } catch (error) {
    // `invalid`: the drill-down does not know this metric or a key column; anything else is a
    // real failure and goes up.
    if (error instanceof BatonError && error.kind === 'invalid') return undefined;
    throw error;
  }
}

/**
 * The last day with data in campaign_daily (`YYYY-MM-DD`), undefined when it is empty or not
 * there yet (a workspace that never synced has no model views): the day a check run judges up
 * to by default.
 *
 * @example const today = await lastDataDay(warehouse) // '2026-03-31'
 */
export async function lastDataDay(source: CheckSource): Promise<string | undefined> {
  const { data } = await source
    .query('select cast(max(date) as varchar) as last_day from campaign_daily')
    .catch((error: unknown) => {
      if (error instanceof BatonError && /does not exist/.test(error.message)) return { data: [] };
      throw error;
    });
  const value = data[0]?.[0];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The first day of the `days` days ending on `today`, both `YYYY-MM-DD`.
 *
 * @example firstDayOf('2026-03-31', 7) // '2026-03-25'
 */
export function firstDayOf(today: string, days: number): string {
  return isoDay(Date.parse(today) - (Math.max(days, 1) - 1) * DAY);
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
