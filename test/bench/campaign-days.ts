/** The campaign-day rows the ingest and sync benchmarks feed: what a connector yields. */

/** The columns and DuckDB types of a campaign-day row. */
export const CAMPAIGN_DAY_COLUMNS = {
  date: 'DATE',
  platform: 'VARCHAR',
  account_id: 'VARCHAR',
  campaign_id: 'VARCHAR',
  campaign_name: 'VARCHAR',
  impressions: 'BIGINT',
  clicks: 'BIGINT',
  spend: 'DECIMAL(18,2)',
  conversions: 'DOUBLE',
  conversion_value: 'DECIMAL(18,2)',
  currency: 'VARCHAR',
} as const;

export type CampaignDay = Record<keyof typeof CAMPAIGN_DAY_COLUMNS, string | number>;

/** A year of daily rows for ~2,700 campaigns across four platforms; deterministic. */
export function campaignDays(count: number): CampaignDay[] {
  const platforms = ['google_ads', 'meta_ads', 'tiktok_ads', 'linkedin_ads'];
  const campaigns = Math.ceil(count / 365);
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
  const rows: CampaignDay[] = [];
  for (let day = 0; rows.length < count; day++) {
    const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    for (let campaign = 0; campaign < campaigns && rows.length < count; campaign++) {
      const platform = platforms[campaign % platforms.length]!;
      const impressions = Math.floor(random() * 100_000);
      const clicks = Math.floor(impressions * random() * 0.05);
      rows.push({
        date,
        platform,
        account_id: `act_${1000 + (campaign % 37)}`,
        campaign_id: `${platform.slice(0, 2)}-${100_000 + campaign}`,
        campaign_name: `Campaign ${campaign} - ${platform} prospecting`,
        impressions,
        clicks,
        spend: Math.round(clicks * random() * 300) / 100,
        conversions: Math.round(clicks * random() * 10) / 100,
        conversion_value: Math.round(clicks * random() * 5_000) / 100,
        currency: campaign % 5 === 0 ? 'EUR' : 'USD',
      });
    }
  }
  return rows;
}
