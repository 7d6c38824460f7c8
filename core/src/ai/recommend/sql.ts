/**
 * The evidence queries: one read-only statement per piece of evidence, over the model tables,
 * with every value written as an escaped literal, so the statement stands alone (a link to the
 * rows that anyone can run in a `sql` cell or `baton query`).
 */

import { BRAND_NAME_SQL } from './data.ts';

/** A SQL string literal: single quotes doubled. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DATE literal from `YYYY-MM-DD` (checked, so nothing else can reach the SQL). */
export function dateLiteral(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return `date ${literal(day)}`;
}

function where(filter: Record<string, string>, start: string, end: string): string {
  const clauses = Object.entries(filter).map(
    ([column, value]) => `${quoteName(column)} = ${literal(value)}`,
  );
  clauses.push(`date between ${dateLiteral(start)} and ${dateLiteral(end)}`);
  return clauses.join(' and ');
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const CAMPAIGN_COLUMNS = `sum(spend) as spend, sum(clicks) as clicks, sum(impressions) as impressions,
  sum(conversions) as conversions, sum(conversion_value) as conversion_value,
  sum(spend) / nullif(sum(conversions), 0) as cpa,
  sum(conversion_value) / nullif(sum(spend), 0) as roas`;

/**
 * The daily rows of a campaign (filter `{ platform, campaign_id }`, with `account_id` when known)
 * or of an account (`{ platform, account_id }`), summed per day.
 */
export function campaignDailySql(
  filter: Record<string, string>,
  start: string,
  end: string,
): string {
  return `select date, ${CAMPAIGN_COLUMNS}
from campaign_daily
where ${where(filter, start, end)}
group by date order by date`;
}

/** The daily rows of one ad: delivery, CTR and frequency. */
export function adDailySql(filter: Record<string, string>, start: string, end: string): string {
  return `select date, ad_name, sum(spend) as spend, sum(impressions) as impressions,
  sum(clicks) as clicks, sum(clicks) / nullif(sum(impressions), 0) as ctr,
  sum(frequency * impressions) / nullif(sum(impressions), 0) as frequency,
  sum(conversions) as conversions
from ad_daily
where ${where(filter, start, end)}
group by all order by date`;
}

/** A campaign's settings row (its daily budget). */
export function campaignSettingsSql(filter: Record<string, string>): string {
  const clauses = Object.entries(filter).map(
    ([column, value]) => `${quoteName(column)} = ${literal(value)}`,
  );
  return `select platform, account_id, campaign_id, campaign_name, campaign_status, objective, daily_budget
from campaigns
where ${clauses.join(' and ')}`;
}

/**
 * The portfolio a default target comes from: one objective's campaigns (its brand or non-brand
 * ones when `brand` is given), summed.
 */
export function portfolioSql(
  objective: string | null,
  brand: boolean | undefined,
  start: string,
  end: string,
): string {
  let filter = objective === null ? '' : `objective = ${literal(objective)} and `;
  if (brand !== undefined)
    filter += `${brand ? '' : 'not '}regexp_matches(campaign_name, ${literal(BRAND_NAME_SQL)}) and `;
  return `select ${CAMPAIGN_COLUMNS}
from campaign_daily
where ${filter}date between ${dateLiteral(start)} and ${dateLiteral(end)}`;
}
