/**
 * The shapes AI cells exchange: an `ask` answer (SQL to review, or a refusal that says why) and
 * a recommendation (a prioritized action and the numbers it rests on). The built-in engines and
 * the model path produce the same shapes, so the notebook, the CLI and the web treat them alike.
 */

/** A question turned into one read-only SQL statement, for the analyst to review and pin. */
export interface AskSql {
  kind: 'sql';
  sql: string;
  /** What the engine understood, in the question's language: "Spend by platform, 1–31 March 2026". */
  understood: string;
  /** `builtin`, or the model that wrote the SQL (`openai:gpt-5-mini`). */
  engine: string;
}

/** A question the engine cannot answer: never a silent guess. */
export interface AskRefusal {
  kind: 'refusal';
  /** What went wrong and what it understood, in the question's language. */
  refusal: string;
  /** Questions it can answer, close to the one asked. */
  suggestions: string[];
  engine: string;
}

export type AskAnswer = AskSql | AskRefusal;

export const ACTION_TYPES = [
  'pause_campaign',
  'cut_budget',
  'raise_budget',
  'shift_budget',
  'refresh_creative',
  'fix_tracking',
  'investigate_anomaly',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Numbers an action rests on, and where to see the rows they come from. */
export interface Evidence {
  /** What the numbers are: "Last 14 days vs target". */
  label: string;
  /** The model table the rows come from (`campaign_daily`, `ad_daily`, ...). */
  table: string;
  start: string;
  end: string;
  /** The rows' identity: `{ platform, campaign_id }`, `{ platform, ad_id }`, or `{ platform, account_id }`. */
  filter: Record<string, string>;
  /** The figures cited, by name: `{ spend: 1234.5, cpa: 61.7, target_cpa: 40 }`. */
  values: Record<string, number>;
  /** One read-only query over the model that returns the evidence rows (a link to them). */
  sql: string;
}

export interface ExpectedImpact {
  /** What moves: `conversions`, `revenue` or `spend` (saved). */
  metric: 'conversions' | 'revenue' | 'spend';
  /** Over the next `days` days, a range around a central estimate. */
  low: number;
  mid: number;
  high: number;
  days: number;
  /**
   * The central estimate's worth in the reporting currency, net of the spend it moves (results
   * valued at the target: a conversion at the target CPA, revenue at 1 / target ROAS): what the
   * ranking weighs, times `confidence`.
   */
  money?: number;
}

/** Where a `shift_budget` action moves budget to (the action's own target gives it up). */
export interface ShiftDestination {
  platform: string;
  account_id: string;
  campaign_id: string;
  campaign_name: string;
  /** Daily budget moved, in the reporting currency. */
  daily_amount: number;
}

export interface Action {
  type: ActionType;
  /** 1 = do this first. */
  priority: number;
  platform: string;
  /** The account (campaign ids are unique within one); an account-wide action has no campaign. */
  account_id?: string;
  campaign_id: string | null;
  campaign_name: string | null;
  ad_id: string | null;
  ad_name: string | null;
  /** A sentence citing the numbers it rests on (each of them is in `evidence`). */
  reason: string;
  expected_impact: ExpectedImpact;
  /** 0..1: how sure the rule is (noise, days of data, fit quality). */
  confidence: number;
  evidence: Evidence[];
  /** `shift_budget` only: the campaign that receives the budget. */
  to?: ShiftDestination;
}
