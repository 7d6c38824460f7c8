/**
 * A `recommend` cell's result read back into actions: the runner returns one row per action
 * (core's `actionTable`: `priority`, `type`, the target, `reason`, the impact, `confidence`, and
 * `evidence` as JSON text), and the editor shows each row as a card, its evidence one click away.
 */
import type { ResultPage } from '@baton/server';
import type { Formatter } from '../format.ts';

/** One piece of evidence: the figures an action cites and the query returning their rows. */
export interface ActionEvidence {
  label: string;
  /** The model table its rows come from. */
  table: string;
  start: string;
  end: string;
  filter: Record<string, string>;
  values: Record<string, number>;
  /** One read-only statement over the model, standing alone (literals, no inputs). */
  sql: string;
}

export interface RecommendedAction {
  priority: number;
  type: string;
  platform: string;
  campaignName: string;
  adName: string;
  reason: string;
  impact: { metric: string; low: number; mid: number; high: number; days: number };
  confidence: number;
  evidence: ActionEvidence[];
}

/** Columns a table must have to be read as actions (as core's report/actions asks). */
const REQUIRED = ['priority', 'type', 'reason', 'impact_low', 'impact_high'] as const;

/**
 * The actions of a recommend cell's result page, in its order; `undefined` when the page is not
 * an action table (then it shows as a table). Missing or unreadable cells read as empty.
 *
 * @example readActions(view.page)?.[0]?.type // 'raise_budget'
 */
export function readActions(page: ResultPage): RecommendedAction[] | undefined {
  const index = new Map(page.columns.map((column, position) => [column.name, position]));
  if (!REQUIRED.every((name) => index.has(name))) return undefined;
  return page.rows.map((row) => {
    const value = (name: string): unknown => {
      const position = index.get(name);
      return position === undefined ? undefined : row[position];
    };
    const text = (name: string) => {
      const cell = value(name);
      return cell === null || cell === undefined ? '' : String(cell);
    };
    const number = (name: string) => toNumber(value(name));
    return {
      priority: number('priority'),
      type: text('type'),
      platform: text('platform'),
      campaignName: text('campaign_name'),
      adName: text('ad_name'),
      reason: text('reason'),
      impact: {
        metric: text('impact_metric'),
        low: number('impact_low'),
        mid: number('impact_mid'),
        high: number('impact_high'),
        days: number('impact_days'),
      },
      confidence: number('confidence'),
      evidence: readEvidence(value('evidence')),
    };
  });
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The evidence JSON of a row: the items that have a query, their fields checked one by one. */
export function readEvidence(json: unknown): ActionEvidence[] {
  if (typeof json !== 'string' || json.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // A value that is not JSON has no evidence to show; the raw table still shows it.
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isRecord).flatMap((item) => {
    const string = (key: string) => (typeof item[key] === 'string' ? item[key] : '');
    const sql = string('sql');
    if (sql.trim() === '') return [];
    const entries = (key: string) => (isRecord(item[key]) ? Object.entries(item[key]) : []);
    return [
      {
        label: string('label'),
        table: string('table'),
        start: string('start'),
        end: string('end'),
        filter: Object.fromEntries(
          entries('filter').flatMap(([name, cell]) =>
            typeof cell === 'string' ? [[name, cell]] : [],
          ),
        ),
        values: Object.fromEntries(
          entries('values').flatMap(([name, cell]) =>
            typeof cell === 'number' ? [[name, cell]] : [],
          ),
        ),
        sql,
      },
    ];
  });
}

/** The words an impact needs: the report's phrases in the interface language. */
export interface ImpactWords {
  impactWord: (metric: string) => string;
  stakeWord: (metric: string) => string;
  impact: (range: string, days: string) => string;
  atStake: (range: string, days: string) => string;
  unrecorded: (range: string, days: string) => string;
}

/**
 * What an action should bring, worded as a report's card words it: money at stake for an
 * investigation, conversions unrecorded for lost tracking, an expected range otherwise.
 *
 * @example impactText(action, formatter, words) // 'Expected: 12 – 30 conversions over 14 days'
 */
export function impactText(
  action: RecommendedAction,
  formatter: Formatter,
  words: ImpactWords,
): string {
  const { type, impact } = action;
  const money = impact.metric !== 'conversions';
  const amount = (value: number) =>
    formatter.format(
      Number.isFinite(value) ? value : null,
      money ? { type: 'currency', digits: 0 } : { type: 'number', digits: 0 },
    );
  const what = type === 'investigate_anomaly' ? words.stakeWord : words.impactWord;
  const range = `${amount(impact.low)} – ${amount(impact.high)} ${what(impact.metric)}`.trim();
  const phrase =
    type === 'investigate_anomaly'
      ? words.atStake
      : type === 'fix_tracking'
        ? words.unrecorded
        : words.impact;
  const days = Number.isFinite(impact.days) ? formatter.format(impact.days, { type: 'text' }) : '?';
  return phrase(range, days);
}

/** What the action is about: `platform · campaign · ad`, the parts it has. */
export function targetText(action: RecommendedAction): string {
  return [action.platform, action.campaignName, action.adName].filter(Boolean).join(' · ');
}

/**
 * A figure of the evidence as the interface writes numbers, to the digits the engine kept (the
 * reason cites the same value); `_pct` figures are in percent.
 *
 * @example figureText('ctr_recent_pct', 1.25, frenchFormatter) // '1,25 %'
 */
export function figureText(name: string, value: number, formatter: Formatter): string {
  const digits = decimals(value);
  return name.endsWith('_pct')
    ? formatter.format(value, { type: 'percent', digits, points: true })
    : formatter.format(value, { type: 'number', digits });
}

/** The decimals a number is written with (at most 8, as the engine rounds). */
function decimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  for (let digits = 1; digits < 8; digits++) {
    const factor = 10 ** digits;
    if (Math.abs(Math.round(value * factor) / factor - value) < 1e-9 * Math.max(1, Math.abs(value)))
      return digits;
  }
  return 8;
}

/** The evidence's period in the interface language, or '' when it has none. */
export function periodText(evidence: ActionEvidence, formatter: Formatter): string {
  if (!evidence.start && !evidence.end) return '';
  if (!evidence.end || evidence.start === evidence.end)
    return formatter.format(evidence.start || evidence.end, { type: 'date' });
  return formatter.dateRange(evidence.start, evidence.end);
}

/**
 * The first free `evidence_<n>` among the names taken: the name of a SQL cell added from an
 * action's evidence, so later cells can read it by name.
 *
 * @example freeEvidenceName(['evidence_1']) // 'evidence_2'
 */
export function freeEvidenceName(taken: Iterable<string | undefined>): string {
  const names = new Set(taken);
  let n = 1;
  while (names.has(`evidence_${n}`)) n++;
  return `evidence_${n}`;
}
