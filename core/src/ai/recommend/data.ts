/**
 * What the rules read of the model, once, up to `today` (never after: a recommendation judged on
 * a past day sees what the team saw that morning): each campaign's daily history, the campaign
 * settings (daily budgets), and the recent days of each ad.
 */
import { BatonError } from '../../errors.ts';
import type { QueryOptions, QueryResult, SqlValue } from '../../engine/types.ts';
import { addDays, daysBetween } from './dates.ts';

/** What recommendations read through: a warehouse or a run's session (both read-only here). */
export interface RecommendSource {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
}

/** Days of campaign history read: 90 days for the fits and targets, plus a month of baseline. */
export const HISTORY_DAYS = 120;
/** Days of ad history read: the fatigue rule compares the last week with a month before. */
export const AD_HISTORY_DAYS = 56;

export interface CampaignHistory {
  platform: string;
  accountId: string;
  accountName: string;
  campaignId: string;
  campaignName: string;
  /** '' when the workspace does not say. */
  objective: string;
  /**
   * What it is judged with: its objective, split into brand and non-brand when the objective has
   * both (see `BRAND_NAME`): `sales`, `sales (brand)`.
   */
  segment: string;
  brand: boolean;
  /** The status on the campaign's last row up to `today`. */
  status: string;
  /** The currency of the model's money (the reporting currency). */
  currency: string;
  /** Per day of `ModelData.days`; 0 on a day without a row. */
  spend: Float64Array;
  conversions: Float64Array;
  value: Float64Array;
  clicks: Float64Array;
  impressions: Float64Array;
  /** Whether the campaign has a row that day. */
  present: Uint8Array;
  /** From `campaigns`, in the reporting currency; null when unknown. */
  dailyBudget: number | null;
}

export interface AdHistory {
  platform: string;
  accountId: string;
  campaignId: string;
  adId: string;
  adName: string;
  /** Per day of `ModelData.adDays`. */
  spend: Float64Array;
  impressions: Float64Array;
  clicks: Float64Array;
  conversions: Float64Array;
  value: Float64Array;
  /** Impression-weighted frequency (else impressions / reach); NaN on a day without either. */
  frequency: Float64Array;
}

export interface ModelData {
  today: string;
  /** The campaign history's days, oldest first, the last one `today`. */
  days: string[];
  campaigns: CampaignHistory[];
  /** Whether `campaigns` has any daily budget (no budget: no budget-capped rule). */
  hasBudgets: boolean;
  adDays: string[];
  ads: AdHistory[];
}

const ROW_CAP = 5_000_000;

export function dayRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}

/**
 * Reads the model up to `today`: every campaign with a row in the history window, its budget,
 * and the ads of the last weeks (none when the workspace has no `ad_daily` rows).
 *
 * @example const data = await readModel(warehouse, '2026-03-31')
 */
export async function readModel(source: RecommendSource, today: string): Promise<ModelData> {
  const days = dayRange(addDays(today, 1 - HISTORY_DAYS), HISTORY_DAYS);
  const campaigns = await readCampaigns(source, days);
  const budgets = await readBudgets(source);
  for (const campaign of campaigns) {
    campaign.dailyBudget =
      budgets.get(keyOf(campaign.platform, campaign.accountId, campaign.campaignId)) ?? null;
  }
  assignSegments(campaigns);
  const adDays = days.slice(-AD_HISTORY_DAYS);
  return {
    today,
    days,
    campaigns,
    hasBudgets: campaigns.some((campaign) => campaign.dailyBudget !== null),
    adDays,
    ads: await readAds(source, adDays),
  };
}

/**
 * Brand campaigns, by name (brand, marque, marca, marke, merk as a word): people who search the
 * brand would mostly buy anyway, so their conversions are cheap and not comparable with
 * prospecting's. Teams name them so; judged with the non-brand ones, every brand campaign would
 * look like the place to put money and every prospecting one like the place to cut.
 */
export const BRAND_NAME = /(^|[^\p{L}])(brand|marque|marca|marke|merk)([^\p{L}]|$)/iu;
/** The same test in DuckDB's regular expressions, for the evidence queries. */
export const BRAND_NAME_SQL = '(?i)(^|[^[:alpha:]])(brand|marque|marca|marke|merk)([^[:alpha:]]|$)';

/** Splits an objective into brand and non-brand segments when it has both. */
export function assignSegments(campaigns: CampaignHistory[]): void {
  const kinds = new Map<string, Set<boolean>>();
  for (const campaign of campaigns) {
    campaign.brand = BRAND_NAME.test(campaign.campaignName);
    const set = kinds.get(campaign.objective) ?? new Set<boolean>();
    set.add(campaign.brand);
    kinds.set(campaign.objective, set);
  }
  for (const campaign of campaigns) {
    const split = kinds.get(campaign.objective)!.size > 1;
    campaign.segment = split
      ? `${campaign.objective}${campaign.objective ? ' ' : ''}(${campaign.brand ? 'brand' : 'non-brand'})`
      : campaign.objective;
  }
}

function keyOf(...parts: string[]): string {
  return parts.join('\u0000');
}

const text = (value: SqlValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);
const number = (value: SqlValue | undefined): number => {
  const parsed = Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
};

async function readCampaigns(source: RecommendSource, days: string[]): Promise<CampaignHistory[]> {
  const result = await source.query(
    `select platform, coalesce(cast(account_id as varchar), ''),
       coalesce(cast(account_name as varchar), ''), cast(campaign_id as varchar),
       coalesce(cast(campaign_name as varchar), ''), coalesce(cast(objective as varchar), ''),
       coalesce(cast(campaign_status as varchar), ''), coalesce(cast(currency as varchar), ''),
       cast(date as varchar), coalesce(sum(spend), 0)::double, coalesce(sum(conversions), 0)::double,
       coalesce(sum(conversion_value), 0)::double, coalesce(sum(clicks), 0)::double,
       coalesce(sum(impressions), 0)::double
     from campaign_daily
     where date between cast($first as date) and cast($today as date) and campaign_id is not null
     group by all order by 1, 2, 4, 9`,
    { params: { first: days[0]!, today: days.at(-1)! }, rowCap: ROW_CAP },
  );
  const columns = result.data;
  const byKey = new Map<string, CampaignHistory>();
  for (let row = 0; row < result.rowCount; row++) {
    const [
      platform,
      accountId,
      accountName,
      campaignId,
      campaignName,
      objective,
      status,
      currency,
    ] = columns.slice(0, 8).map((column) => text(column[row]));
    const key = keyOf(platform!, accountId!, campaignId!);
    let campaign = byKey.get(key);
    if (!campaign) {
      const series = () => new Float64Array(days.length);
      campaign = {
        platform: platform!,
        accountId: accountId!,
        accountName: accountName!,
        campaignId: campaignId!,
        campaignName: campaignName!,
        objective: objective!,
        segment: objective!,
        brand: false,
        status: status!,
        currency: currency!,
        spend: series(),
        conversions: series(),
        value: series(),
        clicks: series(),
        impressions: series(),
        present: new Uint8Array(days.length),
        dailyBudget: null,
      };
      byKey.set(key, campaign);
    }
    const index = daysBetween(days[0]!, text(columns[8]![row]));
    if (index < 0 || index >= days.length) continue;
    // Rows come by date: the last one's name and status are the campaign's current ones.
    campaign.campaignName = campaignName!;
    campaign.status = status!;
    campaign.present[index] = 1;
    campaign.spend[index]! += number(columns[9]![row]);
    campaign.conversions[index]! += number(columns[10]![row]);
    campaign.value[index]! += number(columns[11]![row]);
    campaign.clicks[index]! += number(columns[12]![row]);
    campaign.impressions[index]! += number(columns[13]![row]);
  }
  return [...byKey.values()];
}

/** A model view a workspace may lack outside a synced workspace: read as empty. */
async function optional(
  source: RecommendSource,
  sql: string,
  options: QueryOptions,
): Promise<QueryResult | undefined> {
  try {
    return await source.query(sql, options);
  } catch (error) {
    if (error instanceof BatonError && /does not exist/i.test(error.message)) return undefined;
    throw error;
  }
}

async function readBudgets(source: RecommendSource): Promise<Map<string, number>> {
  const result = await optional(
    source,
    `select platform, coalesce(cast(account_id as varchar), ''), cast(campaign_id as varchar),
       max(daily_budget)::double
     from campaigns where daily_budget > 0 group by all`,
    { rowCap: ROW_CAP },
  );
  const budgets = new Map<string, number>();
  if (!result) return budgets;
  for (let row = 0; row < result.rowCount; row++) {
    const [platform, accountId, campaignId, budget] = result.data.map((column) => column[row]);
    budgets.set(keyOf(text(platform), text(accountId), text(campaignId)), number(budget));
  }
  return budgets;
}

async function readAds(source: RecommendSource, days: string[]): Promise<AdHistory[]> {
  const result = await optional(
    source,
    `select platform, coalesce(cast(account_id as varchar), ''), cast(campaign_id as varchar),
       cast(ad_id as varchar), coalesce(any_value(cast(ad_name as varchar)), ''),
       cast(date as varchar), coalesce(sum(spend), 0)::double,
       coalesce(sum(impressions), 0)::double, coalesce(sum(clicks), 0)::double,
       coalesce(sum(conversions), 0)::double, coalesce(sum(conversion_value), 0)::double,
       coalesce(
         sum(frequency * impressions) / nullif(sum(impressions) filter (where frequency is not null), 0),
         sum(impressions) / nullif(sum(reach), 0)
       )::double
     from ad_daily
     where date between cast($first as date) and cast($today as date) and ad_id is not null
     group by platform, 2, 3, 4, date order by 1, 2, 3, 4, 6`,
    { params: { first: days[0]!, today: days.at(-1)! }, rowCap: ROW_CAP },
  );
  if (!result) return [];
  const byKey = new Map<string, AdHistory>();
  const columns = result.data;
  for (let row = 0; row < result.rowCount; row++) {
    const [platform, accountId, campaignId, adId, adName] = columns
      .slice(0, 5)
      .map((column) => text(column[row]));
    const key = keyOf(platform!, accountId!, campaignId!, adId!);
    let ad = byKey.get(key);
    if (!ad) {
      const series = () => new Float64Array(days.length);
      ad = {
        platform: platform!,
        accountId: accountId!,
        campaignId: campaignId!,
        adId: adId!,
        adName: adName!,
        spend: series(),
        impressions: series(),
        clicks: series(),
        conversions: series(),
        value: series(),
        frequency: series().fill(Number.NaN),
      };
      byKey.set(key, ad);
    }
    const index = daysBetween(days[0]!, text(columns[5]![row]));
    if (index < 0 || index >= days.length) continue;
    ad.spend[index] = number(columns[6]![row]);
    ad.impressions[index] = number(columns[7]![row]);
    ad.clicks[index] = number(columns[8]![row]);
    ad.conversions[index] = number(columns[9]![row]);
    ad.value[index] = number(columns[10]![row]);
    const frequency = columns[11]![row];
    ad.frequency[index] = frequency === null ? Number.NaN : Number(frequency);
  }
  return [...byKey.values()];
}

/** Sums `series` over day indexes `from..to` (inclusive, clipped to the series). */
export function sumOver(series: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let index = Math.max(0, from); index <= Math.min(series.length - 1, to); index++)
    total += series[index]!;
  return total;
}

/** The highest and lowest 7-day average of `series` between two day indexes (inclusive). */
export function weekRange(
  series: ArrayLike<number>,
  from: number,
  to: number,
): { high: number; low: number } {
  let high = 0;
  let low = Number.POSITIVE_INFINITY;
  for (let end = Math.max(from, 0) + 6; end <= to; end++) {
    const average = sumOver(series, end - 6, end) / 7;
    high = Math.max(high, average);
    low = Math.min(low, average);
  }
  return { high, low: Number.isFinite(low) ? low : 0 };
}
