/**
 * GA4 sessions by channel group, source, medium and campaign. Paid rows follow the ad clicks
 * (same campaign names, as auto-tagging and UTMs give them); organic search follows Search
 * Console; GA4 keeps counting sales when an ad pixel breaks.
 */
import type { DemoCalendar, Market } from './calendar.ts';
import { BRAND, type Campaign } from './catalog.ts';
import type { CampaignSummary } from './performance.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { rawColumnNames } from './types.ts';
import { Random } from './prng.ts';

const WEB_COLUMNS = rawColumnNames('web_traffic_daily');

interface PaidTraffic {
  channel: string;
  source: string;
  medium: string;
  newUsers: number;
  /** Sessions per ad click. */
  landing: number;
  engagement: number;
  pages: number;
  /** Share of the platform's sales GA4 credits to the campaign (last click, no view-through). */
  credit: number;
}

// prettier-ignore
const PAID: Record<'search' | 'shopping' | 'pmax' | 'video' | 'meta' | 'tiktok' | 'linkedin', PaidTraffic> = {
  search: { channel: 'Paid Search', source: 'google', medium: 'cpc', landing: 0.88, engagement: 0.7, newUsers: 0.55, pages: 3.6, credit: 0.85 },
  shopping: { channel: 'Paid Shopping', source: 'google', medium: 'cpc', landing: 0.9, engagement: 0.66, newUsers: 0.65, pages: 3.4, credit: 0.85 },
  pmax: { channel: 'Cross-network', source: 'google', medium: 'cpc', landing: 0.86, engagement: 0.62, newUsers: 0.65, pages: 3.2, credit: 0.7 },
  video: { channel: 'Paid Video', source: 'youtube', medium: 'cpc', landing: 0.7, engagement: 0.4, newUsers: 0.65, pages: 1.9, credit: 0.3 },
  meta: { channel: 'Paid Social', source: 'facebook', medium: 'paid_social', landing: 0.64, engagement: 0.48, newUsers: 0.65, pages: 2.3, credit: 0.5 },
  tiktok: { channel: 'Paid Social', source: 'tiktok', medium: 'paid_social', landing: 0.52, engagement: 0.36, newUsers: 0.65, pages: 1.8, credit: 0.35 },
  linkedin: { channel: 'Paid Social', source: 'linkedin', medium: 'paid_social', landing: 0.72, engagement: 0.58, newUsers: 0.65, pages: 2.6, credit: 0 },
};

/** How GA4 sees a campaign's clicks (PMax lands in Cross-network, as GA4 groups it). */
function paidTraffic(campaign: Campaign): PaidTraffic | null {
  if (campaign.account.platform !== 'google_ads') return PAID[campaign.account.platform];
  if (campaign.kind === 'app') return null; // installs, not website sessions
  if (campaign.kind === 'pmax' || campaign.kind === 'shopping' || campaign.kind === 'video')
    return PAID[campaign.kind];
  return PAID.search;
}

interface UnpaidSource {
  channel: string;
  source: string;
  medium: string;
  campaign: string;
  /** Sessions on an average day. */
  sessions: number;
  engagement: number;
  newUsers: number;
  pages: number;
  /** Orders per session. */
  conversion: number;
}

// prettier-ignore
const UNPAID: readonly UnpaidSource[] = [
  { channel: 'Direct', source: '(direct)', medium: '(none)', campaign: '(direct)', sessions: 1150, engagement: 0.58, newUsers: 0.42, pages: 3.1, conversion: 0.029 },
  { channel: 'Organic Search', source: 'bing', medium: 'organic', campaign: '(organic)', sessions: 95, engagement: 0.63, newUsers: 0.6, pages: 3.3, conversion: 0.022 },
  { channel: 'Organic Social', source: 'instagram.com', medium: 'referral', campaign: '(referral)', sessions: 260, engagement: 0.44, newUsers: 0.66, pages: 2.1, conversion: 0.009 },
  { channel: 'Organic Social', source: 'l.facebook.com', medium: 'referral', campaign: '(referral)', sessions: 70, engagement: 0.41, newUsers: 0.58, pages: 2.0, conversion: 0.008 },
  { channel: 'Organic Social', source: 'tiktok.com', medium: 'referral', campaign: '(referral)', sessions: 120, engagement: 0.33, newUsers: 0.8, pages: 1.6, conversion: 0.004 },
  { channel: 'Referral', source: 'marieclaire.fr', medium: 'referral', campaign: '(referral)', sessions: 45, engagement: 0.57, newUsers: 0.82, pages: 2.7, conversion: 0.015 },
  { channel: 'Referral', source: 'elle.fr', medium: 'referral', campaign: '(referral)', sessions: 38, engagement: 0.55, newUsers: 0.8, pages: 2.6, conversion: 0.014 },
  { channel: 'Referral', source: 'doctissimo.fr', medium: 'referral', campaign: '(referral)', sessions: 22, engagement: 0.5, newUsers: 0.85, pages: 2.2, conversion: 0.01 },
  { channel: 'Affiliates', source: 'awin', medium: 'affiliate', campaign: 'awin_cashback', sessions: 130, engagement: 0.52, newUsers: 0.55, pages: 2.8, conversion: 0.041 },
  { channel: 'Email', source: 'klaviyo', medium: 'email', campaign: 'flow_bienvenue', sessions: 85, engagement: 0.61, newUsers: 0.2, pages: 3.0, conversion: 0.035 },
  { channel: 'Email', source: 'klaviyo', medium: 'email', campaign: 'flow_panier_abandonne', sessions: 70, engagement: 0.72, newUsers: 0.05, pages: 3.4, conversion: 0.11 },
  { channel: 'Unassigned', source: '(not set)', medium: '(not set)', campaign: '(not set)', sessions: 18, engagement: 0.2, newUsers: 0.5, pages: 1.2, conversion: 0.005 },
];

/** Newsletter themes by month (French retail calendar). */
const NEWSLETTER_THEMES = [
  'soldes_hiver',
  'saint_valentin',
  'printemps',
  'routine_eclat',
  'fete_des_meres',
  'solaires',
  'soldes_ete',
  'vacances',
  'rentree',
  'automne',
  'black_friday',
  'noel',
];

export interface WebInputs {
  seed: number;
  calendar: DemoCalendar;
  summaries: CampaignSummary[];
  demand: Record<Market, { demand: Float64Array }>;
  /** Organic Google clicks per day from Search Console (all rows). */
  organicClicks: Float64Array;
  /** Awareness spend per day in euros (feeds direct traffic). */
  awarenessIndex: Float64Array;
}

/** What a row's sessions look like, whatever brought them. */
type Visits = Pick<
  UnpaidSource,
  'channel' | 'source' | 'medium' | 'engagement' | 'newUsers' | 'pages'
>;

const ORGANIC: Visits = {
  channel: 'Organic Search',
  source: 'google',
  medium: 'organic',
  engagement: 0.64,
  newUsers: 0.55,
  pages: 3.4,
};
const NEWSLETTER: Visits = {
  channel: 'Email',
  source: 'newsletter',
  medium: 'email',
  engagement: 0.6,
  newUsers: 0.08,
  pages: 3.2,
};

export function generateWebTraffic(inputs: WebInputs): ColumnarBatch {
  const { calendar } = inputs;
  const random = new Random(inputs.seed, 'ga4');
  const columns: SqlValue[][] = WEB_COLUMNS.map(() => []);
  const push = (
    t: number,
    visits: Visits,
    campaign: string,
    sessions: number,
    orders: number,
    orderValue: number,
  ) => {
    if (sessions <= 0) return;
    const transactions = Math.min(sessions, random.round(orders));
    const newUsers = Math.round(sessions * Math.min(0.95, visits.newUsers * random.noise(0.05)));
    const engaged = Math.round(sessions * Math.min(0.98, visits.engagement * random.noise(0.04)));
    // prettier-ignore
    const values: SqlValue[] = [
      calendar.dates[t]!, BRAND.ga4PropertyId, visits.channel, visits.source, visits.medium, campaign, sessions,
      engaged, newUsers, Math.max(newUsers, Math.round(sessions * 0.86)), Math.round(sessions * visits.pages * random.noise(0.05)),
      transactions + random.round(sessions * 0.011), // key events: orders and newsletter sign-ups
      transactions, Math.round(transactions * orderValue * random.noise(0.06) * 100) / 100, 'EUR',
    ];
    for (let c = 0; c < values.length; c++) columns[c]!.push(values[c]!);
  };
  const demand = inputs.demand.FR.demand;
  for (let t = 0; t < calendar.days; t++) {
    for (const summary of inputs.summaries) {
      const clicks = summary.clicks[t]!;
      const traffic = clicks > 0 ? paidTraffic(summary.campaign) : null;
      if (!traffic) continue;
      const orders = summary.orders[t]!;
      const sessions = random.round(clicks * traffic.landing * random.noise(0.05));
      const orderValue = orders > 0 ? summary.revenueEur[t]! / orders : 0;
      push(t, traffic, summary.campaign.name, sessions, orders * traffic.credit, orderValue);
    }
    const day = Math.sqrt(demand[t]!);
    const organic = random.round(inputs.organicClicks[t]! * 1.35 * random.noise(0.04));
    push(t, ORGANIC, '(organic)', organic, organic * 0.024 * day, 63);
    const brandLift = 1 + 0.25 * inputs.awarenessIndex[t]!;
    for (const source of UNPAID) {
      const lift = source.channel === 'Direct' ? brandLift : 1;
      const sessions = random.round(source.sessions * day * lift * random.noise(0.1));
      push(t, source, source.campaign, sessions, sessions * source.conversion * day, 61);
    }
    // Newsletters go out on Tuesdays and Fridays; each brings visits for three days.
    for (let back = 0; back < 3; back++) {
      const sent = t - back;
      if (sent < 0 || (calendar.weekday[sent] !== 1 && calendar.weekday[sent] !== 4)) continue;
      const theme = NEWSLETTER_THEMES[calendar.month[sent]! - 1]!;
      const name = `nl_${calendar.dates[sent]!.replaceAll('-', '')}_${theme}`;
      const share = [0.62, 0.25, 0.13][back]!;
      const sessions = random.round(1400 * share * Math.sqrt(demand[sent]!) * random.noise(0.12));
      push(t, NEWSLETTER, name, sessions, sessions * 0.032 * day, 58);
    }
  }
  return { columns: WEB_COLUMNS, data: columns };
}
