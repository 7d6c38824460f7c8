/**
 * The home page's anomaly alerts: the default checks over the last days of data, the root cause
 * of the top ones. A run takes seconds on a real workspace, so answers are kept per number of
 * days and data version (the latest successful sync): the same data is judged once, and
 * concurrent requests for one answer share its computation.
 */
import {
  calendarEvents,
  explainAlert,
  firstDayOf,
  lastDataDay,
  runDefaultChecks,
  summarizeAlerts,
  type AlertSummary,
  type Explanation,
} from '@baton/core/checks';
import type { AlertCause, AlertsView, AlertView } from './api-types.ts';
import { lastSuccessfulSync } from './report.ts';
import type { Workbench } from './workbench.ts';

export const DEFAULT_ALERT_DAYS = 7;
export const MAX_ALERT_DAYS = 90;
/** Alerts that get a root cause: the drill-down costs a few queries each. */
const EXPLAINED = 3;

/**
 * The alerts of the `days` days up to the last day with data, ranked by money at stake.
 *
 * @example const { alerts } = await computeAlerts(workbench, 7)
 */
export async function computeAlerts(
  workbench: Pick<Workbench, 'warehouse' | 'config'>,
  days: number,
): Promise<AlertsView> {
  const { warehouse, config } = workbench;
  const currency = config.reportingCurrency;
  const today = await lastDataDay(warehouse);
  if (today === undefined) return { today: null, since: null, currency, alerts: [] };
  const since = firstDayOf(today, days);
  const summaries = summarizeAlerts(
    await runDefaultChecks(warehouse, { today, since, events: calendarEvents(config.calendar) }),
  );
  const explanations = await Promise.all(
    summaries.slice(0, EXPLAINED).map((summary) => explainAlert(warehouse, summary)),
  );
  const alerts = summaries.map((summary, index) => alertView(summary, explanations[index]));
  return { today, since, currency, alerts };
}

/**
 * Answers kept for one data version; a new version drops the old answers. A failed computation
 * is forgotten, so the next request tries again.
 *
 * @example const cache = new AlertsCache((days) => computeAlerts(workbench, days), () => dataVersion(workbench))
 */
export class AlertsCache {
  readonly #compute: (days: number) => Promise<AlertsView>;
  readonly #version: () => Promise<string>;
  #answersVersion: string | undefined;
  readonly #answers = new Map<number, Promise<AlertsView>>();

  constructor(compute: (days: number) => Promise<AlertsView>, version: () => Promise<string>) {
    this.#compute = compute;
    this.#version = version;
  }

  async get(days: number): Promise<AlertsView> {
    const version = await this.#version();
    if (version !== this.#answersVersion) {
      this.#answersVersion = version;
      this.#answers.clear();
    }
    let answer = this.#answers.get(days);
    if (!answer) {
      answer = this.#compute(days);
      this.#answers.set(days, answer);
      const pending = answer;
      pending.catch(() => {
        if (this.#answers.get(days) === pending) this.#answers.delete(days);
      });
    }
    return answer;
  }
}

const caches = new WeakMap<Workbench, AlertsCache>();

/**
 * The alerts of the workbench's data, from its cache when the data has not changed since.
 *
 * @example const view = await readAlerts(workbench, 7)
 */
export function readAlerts(workbench: Workbench, days: number): Promise<AlertsView> {
  let cache = caches.get(workbench);
  if (!cache) {
    cache = new AlertsCache(
      (count) => computeAlerts(workbench, count),
      () => dataVersion(workbench),
    );
    caches.set(workbench, cache);
  }
  return cache.get(days);
}

/** The data's version: when it last arrived (the latest successful sync of any connection). */
async function dataVersion(workbench: Workbench): Promise<string> {
  return (await lastSuccessfulSync(workbench)) ?? 'never-synced';
}

function alertView(summary: AlertSummary, explanation: Explanation | undefined): AlertView {
  return {
    check: summary.check,
    metric: summary.metric,
    direction: summary.direction,
    by: summary.by,
    key: summary.key,
    series: summary.series,
    related: summary.related,
    first: summary.first,
    last: summary.last,
    value: finiteOrNull(summary.value),
    expected: finiteOrNull(summary.expected),
    impact: summary.impact,
    ...(explanation === undefined
      ? {}
      : { explanation: explanation.summary, ...causeOf(explanation) }),
  };
}

/** The explanation's parts, when it found a member that stands out. */
function causeOf(explanation: Explanation): { cause?: AlertCause } {
  const deepest = explanation.path.at(-1);
  if (!deepest) return {};
  const { numerator, denominator } = explanation;
  return {
    cause: {
      metric: explanation.metric,
      change: finiteOrNull(explanation.change),
      where: explanation.path.map((member) => member.member),
      numerator: { column: numerator, change: finiteOrNull(deepest.numeratorChange) },
      ...(denominator !== undefined && deepest.denominatorChange !== undefined
        ? { denominator: { column: denominator, change: finiteOrNull(deepest.denominatorChange) } }
        : {}),
      share:
        deepest.mix !== undefined &&
        deepest.rate !== undefined &&
        Math.abs(deepest.mix) > Math.abs(deepest.rate),
    },
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
