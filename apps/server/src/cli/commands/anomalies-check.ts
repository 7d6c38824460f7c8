/**
 * `baton anomalies check`: the default checks over the workspace's model (spend, conversions,
 * CPA, ROAS and CTR per campaign and per platform, the frequency of each ad), judged causally up
 * to `--today`, printed as ranked alerts with the root cause of the top ones.
 */
import {
  calendarEvents,
  explainAlert,
  firstDayOf,
  lastDataDay,
  runDefaultChecks,
  summarizeAlerts,
  type AlertSummary,
} from '@baton/core/checks';
import { openWorkspace } from '@baton/core/store';
import {
  dateOption,
  integerOption,
  workspaceOption,
  type CliIO,
  type ParsedArgs,
} from '../args.ts';
import { formatTable } from '../output.ts';
import { workspaceDir } from '../workspace.ts';
import type { AnomaliesSubcommand } from './anomalies.ts';

/** Alerts explained under the table. */
const EXPLAINED = 3;

export const checkSubcommand: AnomaliesSubcommand = {
  name: 'check',
  summary: "Run the default checks over the workspace's model and print the ranked alerts",
  usage: `baton anomalies check [--workspace DIR] [--today YYYY-MM-DD] [--days N]

  --today   judge the data up to this day, as a check run that morning would (default: the
            data's last day); nothing after it is read
  --days    list the alerts of the last N days up to --today (default 7)
  Checks spend, conversions, CPA, ROAS and CTR per campaign and per platform over
  campaign_daily, and the frequency of each ad over ad_daily; alerts are ranked by money at
  stake, one per cause. Known events: the retail calendar of each series' market, and the
  workspace's own dates (baton.json "calendar").`,
  options: {
    ...workspaceOption,
    today: { type: 'string' },
    days: { type: 'string' },
  },
  run: runAnomaliesCheck,
};

async function runAnomaliesCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  const days = integerOption(args, 'days') ?? 7;
  const { warehouse, config } = await openWorkspace(workspaceDir(args, io));
  try {
    const today = dateOption(args, 'today') ?? (await lastDataDay(warehouse));
    if (today === undefined) {
      io.stderr.write('No data in campaign_daily yet: sync a connection, then check again.\n');
      return 0;
    }
    const since = firstDayOf(today, days);
    const alerts = await runDefaultChecks(warehouse, {
      today,
      since,
      events: calendarEvents(config.calendar),
    });
    const summaries = summarizeAlerts(alerts);
    if (summaries.length === 0) {
      io.stdout.write(`No anomaly from ${since} to ${today}.\n`);
      return 0;
    }
    io.stdout.write(`Anomalies from ${since} to ${today}, by money at stake:\n\n`);
    io.stdout.write(
      formatTable(
        ['#', 'metric', 'series', 'days', 'move', 'value', 'expected', 'at stake'],
        summaries.map((summary, index) => [
          String(index + 1),
          summary.metric,
          seriesName(summary),
          summary.first === summary.last ? summary.first : `${summary.first}..${summary.last}`,
          summary.direction,
          number(summary.value),
          number(summary.expected),
          number(summary.impact, 0),
        ]),
        [true, false, false, false, false, true, true, true],
      ),
    );
    const explained = await Promise.all(
      summaries.slice(0, EXPLAINED).map((summary) => explainAlert(warehouse, summary)),
    );
    io.stdout.write('\nWhy:\n');
    explained.forEach((explanation, index) => {
      io.stdout.write(
        `  ${index + 1}. ${explanation?.summary ?? 'no breakdown for this metric'}\n`,
      );
    });
    const related = summaries.flatMap((summary, index) =>
      summary.related.length === 0
        ? []
        : [
            `  ${index + 1}. ${summary.related
              .map((move) => `${move.metric} ${move.direction} (${move.level})`)
              .join(', ')}\n`,
          ],
    );
    if (related.length > 0) io.stdout.write(`\nSame cause, also:\n${related.join('')}`);
    return 0;
  } finally {
    await warehouse.close();
  }
}

function seriesName(summary: AlertSummary): string {
  const name = summary.key.filter((part) => part !== '').join(' / ') || 'all';
  const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
  return summary.series > 1 ? `${shown} (+${summary.series - 1} more)` : shown;
}

function number(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
