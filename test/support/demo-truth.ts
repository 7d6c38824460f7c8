/**
 * Scoring the default checks against the demo's planted anomalies (`demo_truth`): which were
 * found (recall) and which alerts were true (precision). Test code only.
 *
 * Matching (strict, never loosened to lift the figures): an alert row matches a planted anomaly
 * when
 * - its platform is the anomaly's; a campaign-level alert must be on the anomaly's campaign (or,
 *   for an account-wide anomaly, on a campaign of that account); an ad-level alert on an
 *   anomaly planted on one ad must be on that ad; a platform-level alert matches any anomaly of
 *   its platform (the aggregate contains the planted series);
 * - its date lies within the planted window (start_date..end_date);
 * - its metric moves the way the planted effect moves it: the planted metric in the planted
 *   direction, or a metric the effect moves by construction (`CONSEQUENCES`, read off the
 *   generator's effects: a CPA spike made of a conversion-rate fall also lowers conversions).
 * Recall: planted anomalies matched by at least one alert row. Precision: alerts (a check's
 * group of co-moving rows, led by its largest) whose lead row matches.
 */
import type { DefaultCheckAlert } from '../../core/src/checks/cell-defaults.ts';
import type { Warehouse } from '@baton/core/engine';

/** For each planted metric and direction, the metric moves the generator's effect implies. */
const CONSEQUENCES: Record<string, string[]> = {
  'cpa up': ['cpa up', 'conversions down', 'roas down'],
  'conversions down': ['conversions down', 'cpa up', 'roas down'],
  'spend up': ['spend up', 'cpa up', 'roas down'],
  // Creative fatigue: the generator ramps the ad's frequency up as its CTR falls.
  'ctr down': ['ctr down', 'frequency up'],
  // A budget cut from 220 to 110 a day: less spend, so fewer conversions, at a higher ROAS.
  'roas up': ['roas up', 'spend down', 'conversions down'],
  // A 2.3x CPC with CTR x0.8: fewer clicks from the same impressions, so fewer conversions too.
  'cpc up': ['cpc up', 'cpa up', 'spend up', 'roas down', 'ctr down', 'conversions down'],
  'impressions down': ['impressions down', 'spend down', 'conversions down', 'ctr down'],
};

export interface PlantedAnomaly {
  kind: string;
  platform: string;
  accountName: string;
  campaignName: string | null;
  adId: string | null;
  start: string;
  end: string;
  moves: string[];
}

export async function readTruth(warehouse: Warehouse): Promise<PlantedAnomaly[]> {
  const rows = await warehouse.query(
    `select t.kind, t.platform, a.account_name, t.campaign_name, t.ad_id,
       cast(t.start_date as varchar), cast(t.end_date as varchar), t.metric, t.direction
     from demo_truth t
     join (select distinct platform, account_id, account_name from campaign_daily) a
       on a.platform = t.platform and a.account_id = t.account_id
     order by t.start_date`,
  );
  return Array.from({ length: rows.rowCount }, (_, row) => {
    const [kind, platform, accountName, campaignName, adId, start, end, metric, direction] =
      rows.data.map((column) => column[row]);
    return {
      kind: String(kind),
      platform: String(platform),
      accountName: String(accountName),
      campaignName: campaignName === null ? null : String(campaignName),
      adId: adId === null ? null : String(adId),
      start: String(start),
      end: String(end),
      moves: CONSEQUENCES[`${String(metric)} ${String(direction)}`] ?? [],
    };
  });
}

export function matches(alert: DefaultCheckAlert, planted: PlantedAnomaly): boolean {
  const value = (column: string) => alert.key[alert.by.indexOf(column)];
  if (value('platform') !== planted.platform) return false;
  if (alert.by.includes('campaign_name')) {
    if (value('account_name') !== planted.accountName) return false;
    if (planted.campaignName !== null && value('campaign_name') !== planted.campaignName)
      return false;
  }
  if (alert.by.includes('ad_id') && planted.adId !== null && value('ad_id') !== planted.adId)
    return false;
  if (alert.date < planted.start || alert.date > planted.end) return false;
  return planted.moves.includes(`${alert.metric} ${alert.direction}`);
}

export interface TruthScore {
  recall: number;
  precision: number;
  planted: number;
  found: PlantedAnomaly[];
  missed: PlantedAnomaly[];
  /** The lead row of each alert (group). */
  leads: DefaultCheckAlert[];
  falseLeads: DefaultCheckAlert[];
  /** Money at stake per group. */
  groupImpact: Map<number, number>;
}

export function scoreAgainstTruth(
  truth: PlantedAnomaly[],
  alerts: DefaultCheckAlert[],
): TruthScore {
  const found = truth.filter((planted) => alerts.some((alert) => matches(alert, planted)));
  const leadOf = new Map<number, DefaultCheckAlert>();
  const groupImpact = new Map<number, number>();
  for (const alert of alerts) {
    if (!leadOf.has(alert.group)) leadOf.set(alert.group, alert);
    groupImpact.set(alert.group, (groupImpact.get(alert.group) ?? 0) + alert.impact);
  }
  const leads = [...leadOf.values()];
  const falseLeads = leads.filter((lead) => !truth.some((planted) => matches(lead, planted)));
  return {
    recall: truth.length === 0 ? 0 : found.length / truth.length,
    precision: leads.length === 0 ? 0 : (leads.length - falseLeads.length) / leads.length,
    planted: truth.length,
    found,
    missed: truth.filter((planted) => !found.includes(planted)),
    leads,
    falseLeads,
    groupImpact,
  };
}

/** One line per alert lead: check, series, date, move, money at stake. */
export function describeLead(lead: DefaultCheckAlert, groupImpact: Map<number, number>): string {
  return `${lead.check} ${lead.key.join(' / ')} ${lead.date} ${lead.direction} impact ${lead.impact.toFixed(0)} group ${groupImpact.get(lead.group)!.toFixed(0)}`;
}
