/**
 * `baton anomalies check`: the default checks over the workspace's model (spend, conversions,
 * CPA, ROAS and CTR per campaign and per platform), judged causally up to `--today`, printed as
 * ranked alerts with the root cause of the top ones.
 */
import {
  explainChange,
  runDefaultChecks,
  type DefaultCheckAlert,
  type Explanation,
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

const DAY = 86_400_000;
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
  campaign_daily; alerts are ranked by money at stake, co-moving ones grouped.`,
  options: {
    ...workspaceOption,
    today: { type: 'string' },
    days: { type: 'string' },
  },
  run: runAnomaliesCheck,
};

async function runAnomaliesCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  const days = integerOption(args, 'days') ?? 7;
  const { warehouse } = await openWorkspace(workspaceDir(args, io));
  try {
    const today = dateOption(args, 'today') ?? (await lastDay(warehouse));
    if (today === undefined) {
      io.stderr.write('No data in campaign_daily yet: sync a connection, then check again.\n');
      return 0;
    }
    const since = new Date(Date.parse(today) - (Math.max(days, 1) - 1) * DAY)
      .toISOString()
      .slice(0, 10);
    const alerts = await runDefaultChecks(warehouse, { today, since });
    const leads = groupLeads(alerts);
    if (leads.length === 0) {
      io.stdout.write(`No anomaly from ${since} to ${today}.\n`);
      return 0;
    }
    io.stdout.write(`Anomalies from ${since} to ${today}, by money at stake:\n\n`);
    io.stdout.write(
      formatTable(
        ['#', 'metric', 'series', 'days', 'move', 'value', 'expected', 'at stake'],
        leads.map((lead, index) => [
          String(index + 1),
          lead.alert.metric,
          seriesName(lead),
          lead.first === lead.last ? lead.first : `${lead.first}..${lead.last}`,
          lead.alert.direction,
          number(lead.alert.value),
          number(lead.alert.expected),
          number(lead.impact, 0),
        ]),
        [true, false, false, false, false, true, true, true],
      ),
    );
    const explained = await Promise.all(
      leads.slice(0, EXPLAINED).map((lead) => explain(warehouse, lead)),
    );
    io.stdout.write('\nWhy:\n');
    explained.forEach((explanation, index) => {
      io.stdout.write(
        `  ${index + 1}. ${explanation?.summary ?? 'no breakdown for this metric'}\n`,
      );
    });
    return 0;
  } finally {
    await warehouse.close();
  }
}

interface Lead {
  /** The group's largest row. */
  alert: DefaultCheckAlert;
  /** How many series it spans. */
  series: number;
  first: string;
  last: string;
  impact: number;
}

/** One line per alert: a group's rows arrive together, its largest first. */
function groupLeads(alerts: DefaultCheckAlert[]): Lead[] {
  const leads = new Map<number, Lead & { keys: Set<string> }>();
  for (const alert of alerts) {
    const lead = leads.get(alert.group);
    if (!lead) {
      leads.set(alert.group, {
        alert,
        series: 1,
        first: alert.date,
        last: alert.date,
        impact: alert.impact,
        keys: new Set([JSON.stringify(alert.key)]),
      });
      continue;
    }
    lead.keys.add(JSON.stringify(alert.key));
    lead.series = lead.keys.size;
    if (alert.date < lead.first) lead.first = alert.date;
    if (alert.date > lead.last) lead.last = alert.date;
    lead.impact += alert.impact;
  }
  return [...leads.values()]
    .map(({ keys: _keys, ...lead }) => lead)
    .sort((a, b) => b.impact - a.impact);
}

function seriesName(lead: Lead): string {
  const name = lead.alert.key.filter((part) => part !== '').join(' / ') || 'all';
  const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
  return lead.series > 1 ? `${shown} (+${lead.series - 1} more)` : shown;
}

function number(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** The drill-down of an alert's days against the 28 days before, within its series. */
async function explain(
  warehouse: Parameters<typeof explainChange>[0],
  lead: Lead,
): Promise<Explanation> {
  const filters: Record<string, string> = {};
  lead.alert.by.forEach((column, index) => {
    if (lead.series === 1 || index < lead.alert.by.length - 1) {
      filters[column] = lead.alert.key[index]!;
    }
  });
  const start = Date.parse(lead.first);
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  return explainChange(warehouse, {
    table: 'campaign_daily',
    metric: lead.alert.metric,
    current: { start: lead.first, end: lead.last },
    baseline: { start: iso(start - 28 * DAY), end: iso(start - DAY) },
    filters,
  });
}

async function lastDay(warehouse: {
  query: (sql: string) => Promise<{ data: unknown[][] }>;
}): Promise<string | undefined> {
  const { data } = await warehouse.query(
    'select cast(max(date) as varchar) as last_day from campaign_daily',
  );
  const value = data[0]?.[0];
  return typeof value === 'string' ? value : undefined;
}
