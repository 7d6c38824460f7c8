/**
 * The planted anomalies and inefficiencies: what the generator does to the data, and the
 * `demo_truth` rows that say so, so tests can measure what checks and recommendations find.
 * Recent ones sit in the last 60 days before `end`; two older ones sit further back.
 */
import type { DemoCalendar } from './calendar.ts';
import type { Campaign, Catalog, Platform } from './catalog.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { rawColumnNames } from './types.ts';

/** What an anomaly does to the campaigns (and ads) it touches, as multipliers. */
export interface AnomalyEffect {
  cost?: number;
  cvr?: number;
  ctr?: number;
  /** Multiplies spend (and so impressions and clicks): a feed disapproval, a delivery cap. */
  delivery?: number;
  zeroConversions?: boolean;
  /** On `adId` only: CTR and frequency move linearly from x1 to these values over the period. */
  adCtrRamp?: number;
  adFrequencyRamp?: number;
}

export interface PlantedAnomaly {
  kind: string;
  platform: Platform;
  accountId: string;
  /** Null when the whole account is affected. */
  campaign: Campaign | null;
  adId: string | null;
  /** Day indexes (inclusive). */
  first: number;
  last: number;
  metric: string;
  direction: 'up' | 'down';
  /** The planted factor on `metric` (2.7 = CPA x2.7; 0 = conversions gone). */
  magnitude: number;
  description: string;
  /** The campaigns the effect applies to. */
  targets: Campaign[];
  effect: AnomalyEffect;
}

export function planAnomalies(catalog: Catalog, calendar: DemoCalendar): PlantedAnomaly[] {
  const lastDay = calendar.days - 1;
  const byKey = (key: string): Campaign => {
    const campaign = catalog.campaigns.find((candidate) => candidate.key === key);
    if (!campaign) throw new Error(`demo catalog has no campaign "${key}"`);
    return campaign;
  };
  const one = (
    key: string,
    daysBeforeEnd: [number, number],
    fields: Pick<
      PlantedAnomaly,
      'kind' | 'metric' | 'direction' | 'magnitude' | 'description' | 'effect'
    > & { adId?: string },
  ): PlantedAnomaly => {
    const campaign = byKey(key);
    return {
      platform: campaign.account.platform,
      accountId: campaign.account.id,
      campaign,
      adId: fields.adId ?? null,
      first: lastDay - daysBeforeEnd[0],
      last: lastDay - daysBeforeEnd[1],
      targets: [campaign],
      ...fields,
    };
  };

  const fatigued = byKey('meta_us_prospecting');
  const heroAd = fatigued.adGroups[0]!.ads.find(
    (ad) => ad.last === lastDay && ad.first <= lastDay - 60,
  )!;
  const outageAccount = catalog.accounts.find((account) => account.key === 'meta_fr')!;
  const outage = { first: lastDay - 15, last: lastDay - 13 };

  return [
    one('google_fr_generic_face', [26, 20], {
      kind: 'cpa_spike',
      metric: 'cpa',
      direction: 'up',
      magnitude: 2.7,
      description:
        'A site release broke the serum landing page on mobile: conversion rate fell by about 60% while CPC rose 12%, so CPA rose about 2.7x for a week.',
      effect: { cvr: 0.42, cost: 1.12 },
    }),
    {
      kind: 'tracking_outage',
      platform: 'meta',
      accountId: outageAccount.id,
      campaign: null,
      adId: null,
      ...outage,
      metric: 'conversions',
      direction: 'down',
      magnitude: 0,
      description:
        'The Meta pixel was removed from the checkout page for three days: Meta reports zero conversions on every campaign of the account while clicks and GA4 sales stay normal.',
      targets: catalog.campaigns.filter(
        (campaign) =>
          campaign.account.key === 'meta_fr' &&
          campaign.first <= outage.last &&
          campaign.last >= outage.first,
      ),
      effect: { zeroConversions: true },
    },
    one('tiktok_sales', [5, 0], {
      kind: 'spend_runaway',
      metric: 'spend',
      direction: 'up',
      magnitude: 8,
      description:
        'Daily budget typed as 1 200 € instead of 120 €: spend jumped about 8x while the extra reach converts poorly, so CPA more than doubled.',
      effect: { delivery: 0.8, cvr: 0.6, cost: 1.3 },
    }),
    one('meta_us_prospecting', [34, 0], {
      kind: 'creative_fatigue',
      adId: heroAd.id,
      metric: 'ctr',
      direction: 'down',
      magnitude: 0.35,
      description: `Ad "${heroAd.name}" has run unchanged for months: daily frequency climbs from about 1.3 to over 4 while its CTR falls to about a third.`,
      effect: { adCtrRamp: 0.35, adFrequencyRamp: 3.2 },
    }),
    one('google_fr_shopping', [58, 0], {
      kind: 'budget_capped_high_roas',
      metric: 'roas',
      direction: 'up',
      magnitude: 1.6,
      description:
        'Budget cut from 220 € to 110 € a day: the campaign spends its whole budget every day at a ROAS about 1.6x the account average (about 4x its other non-brand campaigns); more budget would pay.',
      effect: {},
    }),
    one('google_fr_brand', [212, 201], {
      kind: 'cpc_spike',
      metric: 'cpc',
      direction: 'up',
      magnitude: 2.3,
      description:
        'A competitor bid on the brand name for twelve days: brand CPC rose about 2.3x and CTR fell.',
      effect: { cost: 2.3, ctr: 0.8 },
    }),
    one('google_fr_shopping', [331, 328], {
      kind: 'delivery_drop',
      metric: 'impressions',
      direction: 'down',
      magnitude: 0.07,
      description:
        'Merchant Center disapproved the product feed (missing GTINs) for four days: Shopping impressions fell by over 90%.',
      effect: { delivery: 0.07 },
    }),
  ];
}

export function truthBatch(anomalies: PlantedAnomaly[], calendar: DemoCalendar): ColumnarBatch {
  const columns = rawColumnNames('demo_truth');
  const data: SqlValue[][] = columns.map(() => []);
  for (const anomaly of anomalies) {
    const row: SqlValue[] = [
      anomaly.kind,
      anomaly.platform,
      anomaly.accountId,
      anomaly.campaign?.id ?? null,
      anomaly.campaign?.name ?? null,
      anomaly.adId,
      calendar.dates[anomaly.first]!,
      calendar.dates[anomaly.last]!,
      anomaly.metric,
      anomaly.direction,
      anomaly.magnitude,
      anomaly.description,
    ];
    row.forEach((value, index) => data[index]!.push(value));
  }
  return { columns, data };
}
