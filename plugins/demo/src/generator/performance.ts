/**
 * Ad-level daily delivery for every campaign, aggregated to campaign level as it goes (so
 * campaign_daily is exactly ad_daily summed). Money is handled in integer cents.
 */
import type { DemoCalendar, Market } from './calendar.ts';
import type { Campaign, Kind, Platform, Product } from './catalog.ts';
import type { Currency } from './fx.ts';
import type { AnomalyEffect, PlantedAnomaly } from './truth.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { rawColumnNames } from './types.ts';
import { Random } from './prng.ts';

interface Profile {
  bidding: 'cpc' | 'cpm';
  /** CPC or CPM in euros, before market, auction and noise. */
  cost: number;
  ctr: number;
  /** Conversions per click. */
  cvr: number;
  /** Spend over budget when demand is average. */
  utilization: number;
  /** Search-like: demand sets the volume and spend follows, up to the budget. */
  demandLed: boolean;
  videoRate: number;
  /** Daily frequency per ad, or null where the platform reports no reach. */
  frequency: number | null;
}

// prettier-ignore
const PROFILES: Record<Kind, Profile> = {
  search_brand: { bidding: 'cpc', cost: 0.36, ctr: 0.14, cvr: 0.072, utilization: 0.72, demandLed: true, videoRate: 0, frequency: null },
  search_generic: { bidding: 'cpc', cost: 1.3, ctr: 0.055, cvr: 0.05, utilization: 0.88, demandLed: true, videoRate: 0, frequency: null },
  shopping: { bidding: 'cpc', cost: 0.42, ctr: 0.013, cvr: 0.032, utilization: 1.7, demandLed: true, videoRate: 0, frequency: null },
  pmax: { bidding: 'cpc', cost: 0.55, ctr: 0.016, cvr: 0.03, utilization: 0.95, demandLed: false, videoRate: 0, frequency: null },
  video: { bidding: 'cpm', cost: 6.5, ctr: 0.004, cvr: 0.012, utilization: 0.97, demandLed: false, videoRate: 0.28, frequency: null },
  app: { bidding: 'cpc', cost: 0.85, ctr: 0.02, cvr: 0.34, utilization: 0.95, demandLed: false, videoRate: 0.2, frequency: null },
  social_prospecting: { bidding: 'cpm', cost: 8.4, ctr: 0.011, cvr: 0.029, utilization: 0.96, demandLed: false, videoRate: 0.09, frequency: 1.25 },
  social_retargeting: { bidding: 'cpm', cost: 11.5, ctr: 0.016, cvr: 0.06, utilization: 0.9, demandLed: false, videoRate: 0.08, frequency: 1.9 },
  social_dpa: { bidding: 'cpm', cost: 9.5, ctr: 0.014, cvr: 0.05, utilization: 0.93, demandLed: false, videoRate: 0.05, frequency: 1.6 },
  social_awareness: { bidding: 'cpm', cost: 5.4, ctr: 0.0045, cvr: 0.004, utilization: 0.99, demandLed: false, videoRate: 0.3, frequency: 1.15 },
  social_leads: { bidding: 'cpm', cost: 7.2, ctr: 0.011, cvr: 0.13, utilization: 0.97, demandLed: false, videoRate: 0.08, frequency: 1.3 },
  social_traffic: { bidding: 'cpm', cost: 6, ctr: 0.018, cvr: 0.008, utilization: 0.98, demandLed: false, videoRate: 0.08, frequency: 1.2 },
  tiktok_awareness: { bidding: 'cpm', cost: 4.2, ctr: 0.006, cvr: 0.003, utilization: 0.99, demandLed: false, videoRate: 0.32, frequency: 1.1 },
  tiktok_sales: { bidding: 'cpm', cost: 6.2, ctr: 0.011, cvr: 0.024, utilization: 0.95, demandLed: false, videoRate: 0.25, frequency: 1.2 },
  tiktok_traffic: { bidding: 'cpm', cost: 4.8, ctr: 0.014, cvr: 0.006, utilization: 0.98, demandLed: false, videoRate: 0.25, frequency: 1.15 },
  linkedin_leads: { bidding: 'cpc', cost: 6.4, ctr: 0.0055, cvr: 0.09, utilization: 0.92, demandLed: false, videoRate: 0.2, frequency: 1.3 },
  linkedin_awareness: { bidding: 'cpm', cost: 28, ctr: 0.004, cvr: 0.005, utilization: 0.98, demandLed: false, videoRate: 0.2, frequency: 1.25 },
};

/** Average order value in euros. */
const ORDER_VALUE: Record<Product, number> = {
  brand: 61,
  serum: 58,
  sunscreen: 29,
  moisturizer: 44,
  bestsellers: 64,
  gift: 89,
  pro: 0,
  app: 0,
};
const MARKET_COST: Record<Market, number> = { FR: 1, UK: 1.12, US: 1.3, CH: 1.25, B2B: 1 };
const MARKET_BASKET: Record<Market, number> = { FR: 1, UK: 1, US: 1.15, CH: 1.2, B2B: 1 };

/** Share of the final conversions already reported, by age in days (0 = `end`). */
const CONVERSION_LAG: Record<Platform, number[]> = {
  google_ads: [0.42, 0.62, 0.74, 0.82, 0.88, 0.92, 0.95, 0.97, 0.985],
  meta: [0.55, 0.74, 0.85, 0.91, 0.95, 0.98, 0.99],
  tiktok: [0.6, 0.8, 0.9, 0.95, 0.98],
  linkedin: [0.5, 0.7, 0.82, 0.9, 0.95, 0.97, 0.99],
};

const AD_DAILY_COLUMNS = rawColumnNames('ad_daily');
const CAMPAIGN_DAILY_COLUMNS = rawColumnNames('campaign_daily');

export interface PerformanceInputs {
  seed: number;
  calendar: DemoCalendar;
  campaigns: Campaign[];
  anomalies: PlantedAnomaly[];
  seasonality: Record<Market, { demand: Float64Array; auction: Float64Array }>;
  sunscreen: Record<Market, Float64Array>;
  perEuro: Record<Currency, Float64Array>;
}

/** What the web and search generators need to stay consistent with the ads. */
export interface CampaignSummary {
  campaign: Campaign;
  clicks: Float64Array;
  /** Sales before tracking loss and conversion lag (what the shop really sold). */
  orders: Float64Array;
  revenueEur: Float64Array;
  spendEur: Float64Array;
}

export interface Performance {
  adBatches: ColumnarBatch[];
  campaignBatches: ColumnarBatch[];
  summaries: CampaignSummary[];
  adRows: number;
  campaignRows: number;
}

const BATCH_ROWS = 50_000;

function newColumns(count: number): SqlValue[][] {
  return Array.from({ length: count }, () => []);
}

/** Per-day multipliers for one campaign from the anomalies that touch it. */
function effectsFor(campaign: Campaign, anomalies: PlantedAnomaly[], days: number) {
  const factors = {
    cost: new Float64Array(days).fill(1),
    cvr: new Float64Array(days).fill(1),
    ctr: new Float64Array(days).fill(1),
    delivery: new Float64Array(days).fill(1),
  };
  const zeroConversions = new Uint8Array(days);
  const adRamps = new Map<string, { ctr: Float64Array; frequency: Float64Array }>();
  for (const anomaly of anomalies) {
    if (!anomaly.targets.includes(campaign)) continue;
    const effect: AnomalyEffect = anomaly.effect;
    for (let t = anomaly.first; t <= anomaly.last; t++) {
      for (const name of ['cost', 'cvr', 'ctr', 'delivery'] as const)
        factors[name][t]! *= effect[name] ?? 1;
      if (effect.zeroConversions) zeroConversions[t] = 1;
    }
    if (anomaly.adId && (effect.adCtrRamp || effect.adFrequencyRamp)) {
      const ramp = {
        ctr: new Float64Array(days).fill(1),
        frequency: new Float64Array(days).fill(1),
      };
      const span = Math.max(1, anomaly.last - anomaly.first);
      for (let t = anomaly.first; t <= anomaly.last; t++) {
        const progress = (t - anomaly.first) / span;
        ramp.ctr[t] = 1 + ((effect.adCtrRamp ?? 1) - 1) * progress;
        ramp.frequency[t] = 1 + ((effect.adFrequencyRamp ?? 1) - 1) * progress;
      }
      adRamps.set(anomaly.adId, ramp);
    }
  }
  return { ...factors, zeroConversions, adRamps };
}

export function simulatePerformance(inputs: PerformanceInputs): Performance {
  const { calendar, campaigns } = inputs;
  const days = calendar.days;
  const adBatches: ColumnarBatch[] = [];
  const campaignBatches: ColumnarBatch[] = [];
  let ad = newColumns(AD_DAILY_COLUMNS.length);
  const campaignColumns = newColumns(CAMPAIGN_DAILY_COLUMNS.length);
  let adRows = 0;
  let campaignRows = 0;
  let adRowsInBatch = 0;
  const summaries: CampaignSummary[] = [];

  for (const campaign of campaigns) {
    const { account } = campaign;
    const profile = PROFILES[campaign.kind];
    const random = new Random(inputs.seed, `performance:${campaign.name}`);
    const effects = effectsFor(campaign, inputs.anomalies, days);
    const { demand, auction } = inputs.seasonality[account.market];
    const sun = inputs.sunscreen[account.market];
    const perEuro = inputs.perEuro[account.currency];
    const google = account.platform === 'google_ads';
    const lag = CONVERSION_LAG[account.platform];
    const hasValue =
      campaign.objective !== 'leads' &&
      campaign.objective !== 'app' &&
      ORDER_VALUE[campaign.product] > 0;
    const summary: CampaignSummary = {
      campaign,
      clicks: new Float64Array(days),
      orders: new Float64Array(days),
      revenueEur: new Float64Array(days),
      spendEur: new Float64Array(days),
    };
    summaries.push(summary);
    const baseBudget = campaign.budget[campaign.first]!;
    const ads = campaign.adGroups.flatMap((group) =>
      group.ads.map((item) => ({ group, ad: item, ramp: effects.adRamps.get(item.id) })),
    );
    const shares = new Float64Array(ads.length);

    for (let t = campaign.first; t <= campaign.last; t++) {
      const product = campaign.product;
      const productDemand =
        demand[t]! *
        (product === 'sunscreen' ? sun[t]! : product === 'bestsellers' ? 0.8 + 0.2 * sun[t]! : 1);
      const budget = campaign.budget[t]!;
      let spend: number;
      if (profile.demandLed) {
        const potential =
          profile.utilization * baseBudget * Math.pow(productDemand, 0.9) * random.noise(0.08);
        spend = Math.min(potential, budget * random.uniform(0.96, 1));
      } else {
        spend =
          budget *
          Math.min(1, profile.utilization * Math.pow(productDemand, 0.25) * random.noise(0.04));
      }
      spend *= effects.delivery[t]!;
      const totalCents = Math.round(spend * 100);

      // Split the day's spend over the live ads; new ads ramp up over their first days.
      let weightSum = 0;
      for (let i = 0; i < ads.length; i++) {
        const item = ads[i]!.ad;
        const live = item.first <= t && t <= item.last;
        shares[i] = live ? item.weight * Math.min(1, (t - item.first + 1) / 4) : 0;
        weightSum += shares[i]!;
      }
      if (weightSum === 0) continue;

      const age = days - 1 - t;
      const reported = (age < lag.length ? lag[age]! : 1) * (effects.zeroConversions[t] ? 0 : 1);
      const costBase =
        profile.cost *
        MARKET_COST[account.market] *
        perEuro[t]! *
        Math.pow(auction[t]!, profile.bidding === 'cpm' ? 1 : 0.6) *
        effects.cost[t]!;
      const cvrBase =
        profile.cvr *
        campaign.strength *
        Math.pow(productDemand, profile.demandLed ? 0.3 : 0.7) *
        effects.cvr[t]!;
      const orderValue = ORDER_VALUE[product] * MARKET_BASKET[account.market] * perEuro[t]!;
      let impressionsSum = 0;
      let clicksSum = 0;
      let spendSum = 0;
      let conversionsSum = 0; // hundredths on Google (fractional attribution), units elsewhere
      let valueSum = 0;
      let videoSum: number | null = null;
      let rows = 0;
      let leftover = totalCents;

      for (let i = 0; i < ads.length; i++) {
        const share = shares[i]!;
        if (share === 0) continue;
        const { group, ad: item, ramp } = ads[i]!;
        let cents = Math.min(leftover, Math.round((totalCents * share) / weightSum));
        leftover -= cents;
        const unitCost = costBase * item.cost * random.noise(0.06);
        const ctr = Math.min(
          0.6,
          profile.ctr * item.ctr * effects.ctr[t]! * (ramp ? ramp.ctr[t]! : 1) * random.noise(0.07),
        );
        let impressions: number;
        let clicks: number;
        if (profile.bidding === 'cpc') {
          const expectedClicks = cents / 100 / unitCost;
          clicks = random.round(expectedClicks);
          impressions = Math.max(clicks, Math.round(expectedClicks / ctr));
          if (clicks === 0) {
            leftover += cents; // no click, no charge
            cents = 0;
          }
        } else {
          impressions = Math.round(((cents / 100) * 1000) / unitCost);
          clicks = Math.min(impressions, random.round(impressions * ctr));
        }
        if (impressions === 0 && cents === 0) continue;
        const expected = Math.min(clicks, clicks * cvrBase * item.cvr * random.noise(0.12));
        const conversions = google
          ? Math.min(clicks * 100, Math.round(expected * reported * 100))
          : Math.min(clicks, random.round(expected * reported));
        const valueCents = hasValue
          ? Math.round(
              (google ? conversions / 100 : conversions) * orderValue * random.noise(0.1) * 100,
            )
          : 0;
        const videoViews =
          item.format === 'video'
            ? Math.round(impressions * profile.videoRate * random.noise(0.1))
            : null;
        let reach: number | null = null;
        let frequency: number | null = null;
        if (profile.frequency !== null) {
          const target = Math.max(
            1,
            profile.frequency *
              item.frequency *
              (ramp ? ramp.frequency[t]! : 1) *
              random.noise(0.04),
          );
          reach = impressions > 0 ? Math.max(1, Math.round(impressions / target)) : 0;
          frequency = reach > 0 ? impressions / reach : null;
        }
        ad[0]!.push(calendar.dates[t]!);
        ad[1]!.push(account.platform);
        ad[2]!.push(account.id);
        ad[3]!.push(account.name);
        ad[4]!.push(campaign.id);
        ad[5]!.push(campaign.name);
        ad[6]!.push(campaign.status);
        ad[7]!.push(campaign.objective);
        ad[8]!.push(group.id);
        ad[9]!.push(group.name);
        ad[10]!.push(item.id);
        ad[11]!.push(item.name);
        ad[12]!.push(impressions);
        ad[13]!.push(clicks);
        ad[14]!.push(cents / 100);
        ad[15]!.push(google ? conversions / 100 : conversions);
        ad[16]!.push(valueCents / 100);
        ad[17]!.push(videoViews);
        ad[18]!.push(reach);
        ad[19]!.push(frequency);
        ad[20]!.push(account.currency);
        rows++;
        impressionsSum += impressions;
        clicksSum += clicks;
        spendSum += cents;
        conversionsSum += conversions;
        valueSum += valueCents;
        if (videoViews !== null) videoSum = (videoSum ?? 0) + videoViews;
        summary.orders[t]! += hasValue ? expected : 0;
      }
      if (rows === 0) continue;
      adRows += rows;
      adRowsInBatch += rows;
      if (adRowsInBatch >= BATCH_ROWS) {
        adBatches.push({ columns: AD_DAILY_COLUMNS, data: ad });
        ad = newColumns(AD_DAILY_COLUMNS.length);
        adRowsInBatch = 0;
      }
      // prettier-ignore
      const values: SqlValue[] = [
        calendar.dates[t]!, account.platform, account.id, account.name, campaign.id, campaign.name, campaign.status,
        campaign.objective, impressionsSum, clicksSum, spendSum / 100, google ? conversionsSum / 100 : conversionsSum,
        valueSum / 100, videoSum, account.currency,
      ];
      for (let c = 0; c < values.length; c++) campaignColumns[c]!.push(values[c]!);
      campaignRows++;
      summary.clicks[t] = clicksSum;
      summary.spendEur[t] = spendSum / 100 / perEuro[t]!;
      summary.revenueEur[t] = summary.orders[t]! * (orderValue / perEuro[t]!);
    }
  }
  if (adRowsInBatch > 0) adBatches.push({ columns: AD_DAILY_COLUMNS, data: ad });
  campaignBatches.push({ columns: CAMPAIGN_DAILY_COLUMNS, data: campaignColumns });
  return { adBatches, campaignBatches, summaries, adRows, campaignRows };
}
