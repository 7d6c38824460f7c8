/**
 * A `recommend` cell: the rules engine's prioritized actions over the model, as a table (one
 * row per action, best first) that a report shows and later cells can read by the cell's name.
 */
import { summarizeActions, type AiLanguageModel } from '../ai/model/index.ts';
import { recommend } from '../ai/recommend/index.ts';
import type { Action } from '../ai/types.ts';
import type { CheckOptions } from '../checks/cell.ts';
import { lastDataDay } from '../checks/summary.ts';
import type { ColumnInfo, QueryResult, SqlValue } from '../engine/types.ts';
import type { WarehouseSession } from '../engine/index.ts';
import type { RecommendSpec } from '../notebook/index.ts';
import type { Logger } from '../spec/index.ts';

export interface RecommendCellOptions {
  /** The day the run judges: nothing after it is read. */
  today: string;
  events?: CheckOptions['events'];
  /** A configured model writes a summary and may reorder the actions (never change one). */
  model?: AiLanguageModel;
  logger?: Pick<Logger, 'warn'>;
}

export interface RecommendCellResult {
  result: QueryResult;
  /** The model's summary, each sentence's numbers checked against the evidence. */
  summary: string[];
}

const COLUMNS: ColumnInfo[] = [
  { name: 'priority', type: 'INTEGER' },
  { name: 'type', type: 'VARCHAR' },
  { name: 'platform', type: 'VARCHAR' },
  { name: 'campaign_id', type: 'VARCHAR' },
  { name: 'campaign_name', type: 'VARCHAR' },
  { name: 'ad_name', type: 'VARCHAR' },
  /** For a shift: the campaign that receives the budget. */
  { name: 'to_campaign_name', type: 'VARCHAR' },
  { name: 'reason', type: 'VARCHAR' },
  { name: 'impact_metric', type: 'VARCHAR' },
  { name: 'impact_low', type: 'DOUBLE' },
  { name: 'impact_mid', type: 'DOUBLE' },
  { name: 'impact_high', type: 'DOUBLE' },
  { name: 'impact_days', type: 'INTEGER' },
  { name: 'confidence', type: 'DOUBLE' },
  /** The evidence (figures and the queries that return their rows), as JSON. */
  { name: 'evidence', type: 'VARCHAR' },
];

export async function runRecommendCell(
  session: WarehouseSession,
  spec: RecommendSpec,
  { today, events, model, logger }: RecommendCellOptions,
): Promise<RecommendCellResult> {
  // The run's own day is still arriving: judge up to the day before, or where the data ends.
  const lastDay = await lastDataDay(session);
  if (lastDay === undefined) return { result: actionTable([]), summary: [] };
  const judged = lastDay < dayBefore(today) ? lastDay : dayBefore(today);
  const actions = await recommend(session, {
    today: judged,
    goal: spec.goal,
    ...(spec.targetCpa !== undefined ? { targetCpa: spec.targetCpa } : {}),
    ...(spec.targetRoas !== undefined ? { targetRoas: spec.targetRoas } : {}),
    ...(spec.maxActions !== undefined ? { maxActions: spec.maxActions } : {}),
    ...(events ? { events } : {}),
  });
  if (!model || actions.length === 0) return { result: actionTable(actions), summary: [] };
  try {
    const { order, summary } = await summarizeActions(model, actions, logger ? { logger } : {});
    return { result: actionTable(order), summary };
  } catch (error) {
    // The model adds a summary; the rules' actions stand without it.
    logger?.warn(
      `The AI model could not summarize the actions (${error instanceof Error ? error.message : String(error)}); the rules' order stands.`,
    );
    return { result: actionTable(actions), summary: [] };
  }
}

export function actionTable(actions: readonly Action[]): QueryResult {
  const rows: SqlValue[][] = actions.map((action) => [
    action.priority,
    action.type,
    action.platform,
    action.campaign_id,
    action.campaign_name,
    action.ad_name,
    action.to?.campaign_name ?? null,
    action.reason,
    action.expected_impact.metric,
    action.expected_impact.low,
    action.expected_impact.mid,
    action.expected_impact.high,
    action.expected_impact.days,
    action.confidence,
    JSON.stringify(action.evidence),
  ]);
  return {
    columns: COLUMNS,
    data: COLUMNS.map((_, index) => rows.map((row) => row[index]!)),
    rowCount: rows.length,
    totalRows: rows.length,
    truncated: false,
  };
}

function dayBefore(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}
