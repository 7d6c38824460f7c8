/**
 * `baton recommend`: the recommendation rules over the workspace's model (pause or cut campaigns
 * over target, raise capped budgets, shift budget by response curves, refresh fatigued creative,
 * fix tracking gaps, investigate anomalies), judged up to `--today`, printed as ranked actions.
 */
import { summarizeActions, type Action } from '@baton/core/ai';
import { recommend } from '@baton/core/ai/recommend';
import { calendarEvents, lastDataDay } from '@baton/core/checks';
import { openWorkspace } from '@baton/core/store';
import {
  choiceOption,
  dateOption,
  stringOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
  type ParsedArgs,
} from '../args.ts';
import { toJson } from '../output.ts';
import { workspaceDir } from '../workspace.ts';
import { answeringModel } from './ask-model.ts';

const FORMATS = ['text', 'json'] as const;
const GOALS = ['conversions', 'revenue'] as const;

export const recommendCommand: Command = {
  name: 'recommend',
  summary: "Propose prioritized actions from the workspace's model (budgets, creative, tracking)",
  usage: `baton recommend [--workspace DIR] [--today YYYY-MM-DD] [--goal conversions|revenue]
                [--target-cpa N] [--target-roas N] [--format text|json]

  --today        judge the data up to this day (default: the data's last day); nothing after it is read
  --goal         what the actions optimize: conversions or revenue (conversion value); default:
                 revenue when only --target-roas is given, else conversions
  --target-cpa   the CPA campaigns are held to (goal conversions); default: 2x the portfolio's CPA
                 of the same objective (brand and non-brand apart) over the last 90 days
  --target-roas  the ROAS campaigns are held to (goal revenue); default: half the portfolio's ROAS
  --format       text (default): the ranked list with reasons and impact ranges; json: an array of
                 the actions (type, priority, platform, campaign_id, campaign_name, ad_id, ad_name,
                 reason, expected_impact, confidence, evidence)
  Rules and thresholds: docs/recommendations.md.`,
  options: {
    ...workspaceOption,
    today: { type: 'string' },
    goal: { type: 'string' },
    'target-cpa': { type: 'string' },
    'target-roas': { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  run: runRecommend,
};

function positiveOption(args: ParsedArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0)
    throw new UsageError(`--${name} must be a number above 0; got "${value}".`);
  return parsed;
}

async function runRecommend(args: ParsedArgs, io: Parameters<Command['run']>[1]): Promise<number> {
  const format = choiceOption(args, 'format', FORMATS, 'text');
  const targetCpa = positiveOption(args, 'target-cpa');
  const targetRoas = positiveOption(args, 'target-roas');
  // A target ROAS alone says the goal is revenue.
  const goal = choiceOption(
    args,
    'goal',
    GOALS,
    targetRoas !== undefined && targetCpa === undefined ? 'revenue' : 'conversions',
  );
  if (goal === 'conversions' && targetRoas !== undefined)
    throw new UsageError(
      '--target-roas applies to --goal revenue.',
      'Give --target-cpa for the conversions goal, or add --goal revenue.',
    );
  if (goal === 'revenue' && targetCpa !== undefined)
    throw new UsageError(
      '--target-cpa applies to --goal conversions.',
      'Give --target-roas for the revenue goal, or drop --goal revenue.',
    );
  const todayOption = dateOption(args, 'today');
  const dir = workspaceDir(args, io);
  const { warehouse, config } = await openWorkspace(dir);
  try {
    const today = todayOption ?? (await lastDataDay(warehouse));
    if (today === undefined) {
      io.stderr.write(
        'No data in campaign_daily yet: sync a connection (`baton sync`), import CSV files in the unified model with the files plugin, or build the demo (`baton demo`), then run `baton recommend` again.\n',
      );
      if (format === 'json') io.stdout.write('[]\n');
      return 0;
    }
    const ruled = await recommend(warehouse, {
      today,
      goal,
      ...(targetCpa !== undefined ? { targetCpa } : {}),
      ...(targetRoas !== undefined ? { targetRoas } : {}),
      events: calendarEvents(config.calendar),
    });
    const { actions, summary } = await withModelSummary(ruled, dir, config.locale, io);
    if (format === 'json') {
      // The output stays the array of actions; a model's summary goes to stderr.
      if (summary.length > 0) io.stderr.write(`${summary.join(' ')}\n`);
      io.stdout.write(`${toJson(actions)}\n`);
      return 0;
    }
    if (actions.length === 0) {
      io.stdout.write(`No action to recommend for the data up to ${today} (goal: ${goal}).\n`);
      return 0;
    }
    io.stdout.write(
      `Recommended actions for the data up to ${today} (goal: ${goal}), by expected money x confidence:\n\n`,
    );
    if (summary.length > 0) io.stdout.write(`${summary.join(' ')}\n\n`);
    io.stdout.write(actions.map(formatAction).join('\n'));
    return 0;
  } finally {
    await warehouse.close();
  }
}

/**
 * With an AI provider configured, the model writes a summary and may reorder the actions; every
 * number of its prose must be in the evidence (else the sentence is dropped, said on stderr).
 * Without one, or when the model cannot be reached, the rules' order stands and no summary.
 */
async function withModelSummary(
  actions: Action[],
  workspace: string,
  locale: 'en' | 'fr',
  io: CliIO,
): Promise<{ actions: Action[]; summary: string[] }> {
  const model = actions.length > 0 ? await answeringModel(workspace, io) : undefined;
  if (!model) return { actions, summary: [] };
  const logger = { warn: (message: string) => io.stderr.write(`${message}\n`) };
  try {
    const { order, summary } = await summarizeActions(model, actions, { logger, locale });
    return { actions: order, summary };
  } catch (error) {
    logger.warn(
      `The AI model could not summarize (${error instanceof Error ? error.message : String(error)}); the rules' order stands.`,
    );
    return { actions, summary: [] };
  }
}

function formatAction(action: Action): string {
  const target = [
    action.platform,
    action.campaign_name ?? (action.account_id ? `account ${action.account_id}` : null),
    action.ad_name ?? action.ad_id,
  ]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' / ');
  const to = action.to
    ? `\n   to: ${action.to.platform} / ${action.to.campaign_name} (${number(action.to.daily_amount)} a day)`
    : '';
  const { metric, low, mid, high, days } = action.expected_impact;
  const range = `(${number(low)} to ${number(high)})`;
  const what = metric === 'revenue' ? 'conversion value' : metric;
  const impact =
    action.type === 'investigate_anomaly'
      ? `about ${number(mid)} at stake ${range}`
      : action.type === 'fix_tracking'
        ? `${number(mid)} ${what} unrecorded ${range}`
        : metric === 'spend'
          ? `saves ${number(mid)} of spend ${range}`
          : `+${number(mid)} ${what} ${range}`;
  return `${action.priority}. ${action.type.replaceAll('_', ' ')}: ${target}${to}
   ${action.reason}
   Expected: ${impact} over ${days} days; confidence ${action.confidence.toFixed(2)}
`;
}

function number(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 });
}
