/** The intent a question is read into, or why it is refused: what the SQL builder and the words back to the analyst work from. */
import type { Dimension, Metric, Source, ValueFilter } from './lexicon.ts';
import type { Blocker } from './blockers.ts';
import type { Comparison, Period } from './periods.ts';
import type { Language } from './text.ts';

export type Filter =
  | { kind: 'equals'; column: ValueFilter['column']; values: string[] }
  | { kind: 'contains'; target: 'campaign' | 'ad' | 'query' | 'page'; text: string };

export type RankOrder = 'best' | 'worst' | 'highest' | 'lowest';
export type Operator = '>' | '<' | '>=' | '<=' | '=';

export interface Intent {
  language: Language;
  source: Source;
  /** Reads `ad_daily` (grouped or filtered by ad group or ad). */
  adLevel: boolean;
  metrics: Metric[];
  dimensions: Dimension[];
  filters: Filter[];
  period?: Period;
  comparison?: { kind: Comparison; period: Period };
  /** `per`: a top N within each group of that dimension ("top 3 campaigns per platform"). */
  rank?: { order: RankOrder; metric: Metric; limit?: number; per?: Dimension };
  threshold?: { metric: Metric; operator: Operator; value: number };
  /** "share of spend by platform": each group's share of the total, per additive metric. */
  share?: boolean;
  /** "average daily spend": totals divided by the days (weeks, months) of the period. */
  average?: 'day' | 'week' | 'month';
}

/** What the engine understood before it gave up, for the refusal's words. */
export interface Understood {
  language: Language;
  metrics: Metric[];
  dimensions: Dimension[];
  period?: Period;
}

export type Refusal =
  | { kind: 'blocked'; blocker: Blocker; text: string }
  | { kind: 'unknown-words'; words: string[] }
  | { kind: 'no-metric' }
  | { kind: 'no-source'; metrics: Metric[]; dimensions: Dimension[] }
  | { kind: 'comparison-without-period' }
  | { kind: 'comparison-by-time' }
  | { kind: 'future'; period: Period }
  | { kind: 'empty' };

export type Parsed = { intent: Intent } | { refusal: Refusal; understood: Understood };

export interface Located<T> {
  value: T;
  index: number;
  end: number;
}
