/**
 * The question set that judges the built-in `ask` engine: marketing questions in English and in
 * French, each with the reference SQL that answers it over the unified model (DuckDB dialect,
 * following docs/ask.md's conventions), or marked as one the engine must refuse.
 *
 * The reference dates are literal, computed for `TODAY` (Wednesday 1 April 2026) over the demo
 * workspace with seed 42 ending on 31 March 2026, so: yesterday = 2026-03-31; the last 7 days =
 * 2026-03-25..2026-03-31; last week = 2026-03-23..2026-03-29 (Monday to Sunday); this week =
 * 2026-03-30..2026-04-01; last month = March 2026; this month and this quarter = 2026-04-01 (no
 * data yet); last quarter and Q1 = 2026-01-01..2026-03-31; Q3 and Q4 = 2025's; year to date =
 * 2026-01-01..2026-04-01; last year = 2025; "in March" = March 2026, "in December" = December
 * 2025.
 *
 * Row order is judged only when the reference's outer query has ORDER BY (top and bottom N, rows
 * by time); plain breakdowns are compared as multisets.
 */

/** The day relative periods count from. */
export const TODAY = '2026-04-01';
/** The demo workspace the references are written for. */
export const DEMO = { seed: 42, end: '2026-03-31' } as const;

export type Lang = 'en' | 'fr';

/** What a question exercises, for per-category figures. */
export type Tag =
  // Sources and metric kinds.
  | 'ads'
  | 'kpi'
  | 'ad-level'
  | 'web'
  | 'search-console'
  // Shapes.
  | 'total'
  | 'breakdown'
  | 'series'
  | 'comparison'
  | 'top-bottom'
  | 'threshold'
  | 'filter'
  // Time expressions.
  | 'time:none'
  | 'time:today'
  | 'time:yesterday'
  | 'time:last-n-days'
  | 'time:last-week'
  | 'time:last-n-weeks'
  | 'time:this-week'
  | 'time:last-month'
  | 'time:last-n-months'
  | 'time:this-month'
  | 'time:quarter'
  | 'time:this-quarter'
  | 'time:year-to-date'
  | 'time:last-year'
  | 'time:named-month'
  | 'time:year'
  | 'time:between'
  | 'time:previous-period'
  | 'time:same-period-last-year'
  // Why a question must be refused.
  | 'refuse:forecast'
  | 'refuse:why'
  | 'refuse:unknown-metric'
  | 'refuse:unknown-dimension'
  | 'refuse:unknown-platform'
  | 'refuse:action'
  | 'refuse:off-topic'
  | 'refuse:cross-table';

interface QuestionBase {
  /** Stable and unique: the language, then a few words. */
  id: string;
  lang: Lang;
  question: string;
  tags: Tag[];
}

/** A question the engine must answer: its result must match the reference SQL's. */
export interface AnswerableQuestion extends QuestionBase {
  sql: string;
  /**
   * The period has no data yet (today, this month, this quarter): the reference returns no rows,
   * or one total row of NULLs. Any other answerable question returns at least one non-NULL value.
   */
  expectEmpty?: true;
}

/** A question the engine must refuse, saying what it understood. */
export interface UnanswerableQuestion extends QuestionBase {
  refuse: true;
  /** Why no SQL over the model answers it. */
  why: string;
}

export type AskQuestion = AnswerableQuestion | UnanswerableQuestion;

export function isAnswerable(question: AskQuestion): question is AnswerableQuestion {
  return !('refuse' in question);
}

/** An inclusive date range, as the references write it. */
type Period = readonly [start: string, end: string];

interface Versus {
  /** Dimension columns, e.g. `['platform']`; none for a total. */
  dimensions?: string[];
  /** `name: expression over sums`, e.g. `{ cpa: 'cpa(sum(spend), sum(conversions))' }`. */
  metrics: Record<string, string>;
  from: string;
  /** Extra conditions beside the period, e.g. `platform = 'meta'`. */
  where?: string;
  current: Period;
  previous: Period;
}

/**
 * A comparison's reference, written out the way docs/ask.md shapes it: per metric `m`, the
 * columns `m`, `m_previous`, `m_change` and `m_change_pct` (NULL when the previous value is 0).
 * Groups present in either period are kept (a full join).
 */
function versus({ dimensions = [], metrics, from, where, current, previous }: Versus): string {
  const keys = dimensions.join(', ');
  const side = ([start, end]: Period) => {
    const filter = [`date between '${start}' and '${end}'`, ...(where ? [where] : [])].join(
      ' and ',
    );
    const select = [
      ...dimensions,
      ...Object.entries(metrics).map(([name, sql]) => `${sql} as ${name}`),
    ];
    return `select ${select.join(', ')} from ${from} where ${filter}${keys ? ` group by ${keys}` : ''}`;
  };
  const columns = [
    ...dimensions,
    ...Object.keys(metrics).flatMap((name) => [
      `cur.${name} as ${name}`,
      `prev.${name} as ${name}_previous`,
      `cur.${name} - prev.${name} as ${name}_change`,
      `100 * (cur.${name} - prev.${name}) / nullif(prev.${name}, 0) as ${name}_change_pct`,
    ]),
  ];
  const join = keys ? `cur full join prev using (${keys})` : 'cur cross join prev';
  return `with cur as (${side(current)}), prev as (${side(previous)}) select ${columns.join(', ')} from ${join}`;
}

const SPEND = 'sum(spend)';
const CONVERSIONS = 'sum(conversions)';
const CPA = 'cpa(sum(spend), sum(conversions))';
const ROAS = 'roas(sum(conversion_value), sum(spend))';
const CTR = 'ctr(sum(clicks), sum(impressions))';
const POSITION = 'sum(position_weighted) / nullif(sum(impressions), 0)';

const LAST_WEEK: Period = ['2026-03-23', '2026-03-29'];
const WEEK_BEFORE: Period = ['2026-03-16', '2026-03-22'];
const LAST_7_DAYS: Period = ['2026-03-25', '2026-03-31'];
const PREVIOUS_7_DAYS: Period = ['2026-03-18', '2026-03-24'];
const LAST_14_DAYS: Period = ['2026-03-18', '2026-03-31'];
const PREVIOUS_14_DAYS: Period = ['2026-03-04', '2026-03-17'];
const LAST_30_DAYS: Period = ['2026-03-02', '2026-03-31'];
const PREVIOUS_30_DAYS: Period = ['2026-01-31', '2026-03-01'];
const MARCH_2026: Period = ['2026-03-01', '2026-03-31'];
const MARCH_2025: Period = ['2025-03-01', '2025-03-31'];
const Q1_2026: Period = ['2026-01-01', '2026-03-31'];
const Q1_2025: Period = ['2025-01-01', '2025-03-31'];
const YEAR_TO_DATE: Period = ['2026-01-01', '2026-04-01'];
const YEAR_TO_DATE_LAST_YEAR: Period = ['2025-01-01', '2025-04-01'];

/** Questions in English. */
const english: AskQuestion[] = [
  // Totals of ad metrics, one per period wording.
  {
    id: 'en-spend-meta-last-month',
    lang: 'en',
    question: 'How much did we spend on Meta last month?',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-month'],
  },
  {
    id: 'en-impressions-yesterday',
    lang: 'en',
    question: 'How many impressions did we get yesterday?',
    sql: `select sum(impressions) as impressions from campaign_daily where date = '2026-03-31'`,
    tags: ['ads', 'total', 'time:yesterday'],
  },
  {
    id: 'en-clicks-tiktok-last-7-days',
    lang: 'en',
    question: 'Total clicks on TikTok over the last 7 days',
    sql: `select sum(clicks) as clicks from campaign_daily where platform = 'tiktok' and date between '2026-03-25' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-n-days'],
  },
  {
    id: 'en-conversions-q1',
    lang: 'en',
    question: 'Total conversions in Q1',
    sql: `select sum(conversions) as conversions from campaign_daily where date between '2026-01-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'time:quarter'],
  },
  {
    id: 'en-conversion-value-google-2025',
    lang: 'en',
    question: 'What was the conversion value from Google Ads in 2025?',
    sql: `select sum(conversion_value) as conversion_value from campaign_daily where platform = 'google_ads' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'en-ctr-last-week',
    lang: 'en',
    question: 'What was our CTR last week?',
    sql: `select ${CTR} as ctr from campaign_daily where date between '2026-03-23' and '2026-03-29'`,
    tags: ['ads', 'kpi', 'total', 'time:last-week'],
  },
  {
    id: 'en-cpc-google-last-30-days',
    lang: 'en',
    question: 'Average cost per click on Google Ads in the last 30 days',
    sql: `select cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where platform = 'google_ads' and date between '2026-03-02' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:last-n-days'],
  },
  {
    id: 'en-cpm-facebook-february',
    lang: 'en',
    question: 'CPM on Facebook in February',
    sql: `select cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where platform = 'meta' and date between '2026-02-01' and '2026-02-28'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'en-roas-year-to-date',
    lang: 'en',
    question: "What's our ROAS year to date?",
    sql: `select ${ROAS} as roas from campaign_daily where date between '2026-01-01' and '2026-04-01'`,
    tags: ['ads', 'kpi', 'total', 'time:year-to-date'],
  },
  {
    id: 'en-cvr-last-quarter',
    lang: 'en',
    question: 'What was the conversion rate last quarter?',
    sql: `select cvr(sum(conversions), sum(clicks)) as cvr from campaign_daily where date between '2026-01-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'time:quarter'],
  },
  {
    id: 'en-purchases-instagram-march-2026',
    lang: 'en',
    question: 'How many purchases did Instagram drive in March 2026?',
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'en-leads-linkedin-last-quarter',
    lang: 'en',
    question: 'How many leads did LinkedIn bring in last quarter?',
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'linkedin' and date between '2026-01-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:quarter'],
  },
  {
    id: 'en-total-ad-spend',
    lang: 'en',
    question: 'What is our total ad spend?',
    sql: `select sum(spend) as spend from campaign_daily`,
    tags: ['ads', 'total', 'time:none'],
  },
  {
    id: 'en-spend-today',
    lang: 'en',
    question: 'How much have we spent today?',
    sql: `select sum(spend) as spend from campaign_daily where date = '2026-04-01'`,
    expectEmpty: true,
    tags: ['ads', 'total', 'time:today'],
  },
  {
    id: 'en-cpa-last-year',
    lang: 'en',
    question: 'What was our cost per acquisition last year?',
    sql: `select ${CPA} as cpa from campaign_daily where date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'kpi', 'total', 'time:last-year'],
  },
  {
    id: 'en-sales-count-this-week',
    lang: 'en',
    question: 'How many sales have we had this week?',
    sql: `select sum(conversions) as conversions from campaign_daily where date between '2026-03-30' and '2026-04-01'`,
    tags: ['ads', 'total', 'time:this-week'],
  },
  {
    id: 'en-spend-clicks-between-dates',
    lang: 'en',
    question: 'Spend and clicks between 2026-02-01 and 2026-02-14',
    sql: `select sum(spend) as spend, sum(clicks) as clicks from campaign_daily where date between '2026-02-01' and '2026-02-14'`,
    tags: ['ads', 'total', 'time:between'],
  },
  {
    id: 'en-revenue-roas-last-month',
    lang: 'en',
    question: 'Revenue and ROAS last month',
    sql: `select sum(conversion_value) as conversion_value, ${ROAS} as roas from campaign_daily where date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'time:last-month'],
  },

  // Breakdowns.
  {
    id: 'en-spend-by-platform-last-month',
    lang: 'en',
    question: 'Spend by platform last month',
    sql: `select platform, sum(spend) as spend from campaign_daily where date between '2026-03-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-roas-by-campaign-meta-last-30-days',
    lang: 'en',
    question: 'ROAS by campaign on Meta in the last 30 days',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where platform = 'meta' and date between '2026-03-02' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-n-days'],
  },
  {
    id: 'en-conversions-by-account-2025',
    lang: 'en',
    question: 'Conversions by account in 2025',
    sql: `select account_name, sum(conversions) as conversions from campaign_daily where date between '2025-01-01' and '2025-12-31' group by account_name`,
    tags: ['ads', 'breakdown', 'time:year'],
  },
  {
    id: 'en-cpa-by-objective-last-quarter',
    lang: 'en',
    question: 'CPA by campaign objective last quarter',
    sql: `select objective, ${CPA} as cpa from campaign_daily where date between '2026-01-01' and '2026-03-31' group by objective`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-spend-by-status-2025',
    lang: 'en',
    question: 'Break down 2025 spend by campaign status',
    sql: `select campaign_status, sum(spend) as spend from campaign_daily where date between '2025-01-01' and '2025-12-31' group by campaign_status`,
    tags: ['ads', 'breakdown', 'time:year'],
  },
  {
    id: 'en-clicks-ctr-by-platform-yesterday',
    lang: 'en',
    question: 'Clicks and CTR by platform yesterday',
    sql: `select platform, sum(clicks) as clicks, ${CTR} as ctr from campaign_daily where date = '2026-03-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:yesterday'],
  },
  {
    id: 'en-spend-by-ad-group-marque-exact',
    lang: 'en',
    question:
      "Spend and conversions by ad group for campaigns whose name contains 'Marque | Exact', last month",
    sql: `select ad_group_name, sum(spend) as spend, sum(conversions) as conversions from ad_daily where campaign_name ilike '%marque | exact%' and date between '2026-03-01' and '2026-03-31' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'breakdown', 'filter', 'time:last-month'],
  },
  {
    id: 'en-impressions-by-ad-tiktok-last-week',
    lang: 'en',
    question: 'Impressions and clicks by ad on TikTok last week',
    sql: `select ad_name, sum(impressions) as impressions, sum(clicks) as clicks from ad_daily where platform = 'tiktok' and date between '2026-03-23' and '2026-03-29' group by ad_name`,
    tags: ['ads', 'ad-level', 'breakdown', 'filter', 'time:last-week'],
  },
  {
    id: 'en-cpm-by-platform-march',
    lang: 'en',
    question: 'What was the CPM of each platform in March?',
    sql: `select platform, cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where date between '2026-03-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:named-month'],
  },
  {
    id: 'en-cvr-by-campaign-google-last-14-days',
    lang: 'en',
    question: 'Conversion rate by campaign for Google Ads, last 14 days',
    sql: `select campaign_name, cvr(sum(conversions), sum(clicks)) as cvr from campaign_daily where platform = 'google_ads' and date between '2026-03-18' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-n-days'],
  },

  // Rows by time.
  {
    id: 'en-daily-spend-last-7-days',
    lang: 'en',
    question: 'Daily spend over the last 7 days',
    sql: `select date, sum(spend) as spend from campaign_daily where date between '2026-03-25' and '2026-03-31' group by date order by date`,
    tags: ['ads', 'series', 'time:last-n-days'],
  },
  {
    id: 'en-weekly-conversions-last-4-weeks',
    lang: 'en',
    question: 'Weekly conversions for the last 4 weeks',
    sql: `select date_trunc('week', date) as week, sum(conversions) as conversions from campaign_daily where date between '2026-03-02' and '2026-03-29' group by week order by week`,
    tags: ['ads', 'series', 'time:last-n-weeks'],
  },
  {
    id: 'en-monthly-revenue-2025',
    lang: 'en',
    question: 'Monthly revenue from our ads in 2025',
    sql: `select date_trunc('month', date) as month, sum(conversion_value) as conversion_value from campaign_daily where date between '2025-01-01' and '2025-12-31' group by month order by month`,
    tags: ['ads', 'series', 'time:year'],
  },
  {
    id: 'en-monthly-cpa-last-6-months',
    lang: 'en',
    question: 'CPA by month over the last 6 months',
    sql: `select date_trunc('month', date) as month, ${CPA} as cpa from campaign_daily where date between '2025-10-01' and '2026-03-31' group by month order by month`,
    tags: ['ads', 'kpi', 'series', 'time:last-n-months'],
  },
  {
    id: 'en-daily-clicks-google-between',
    lang: 'en',
    question: 'Google Ads clicks per day between 2026-03-10 and 2026-03-16',
    sql: `select date, sum(clicks) as clicks from campaign_daily where platform = 'google_ads' and date between '2026-03-10' and '2026-03-16' group by date order by date`,
    tags: ['ads', 'series', 'filter', 'time:between'],
  },
  {
    id: 'en-weekly-roas-meta-q1',
    lang: 'en',
    question: 'Meta ROAS week by week in Q1 2026',
    sql: `select date_trunc('week', date) as week, ${ROAS} as roas from campaign_daily where platform = 'meta' and date between '2026-01-01' and '2026-03-31' group by week order by week`,
    tags: ['ads', 'kpi', 'series', 'filter', 'time:quarter'],
  },

  // Comparisons.
  {
    id: 'en-spend-last-week-vs-previous',
    lang: 'en',
    question: 'Spend last week vs the previous week',
    sql: versus({
      metrics: { spend: SPEND },
      from: 'campaign_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['ads', 'comparison', 'total', 'time:last-week', 'time:previous-period'],
  },
  {
    id: 'en-cpa-by-platform-last-7-days-vs-previous',
    lang: 'en',
    question: 'CPA by platform for the last 7 days compared with the previous period',
    sql: versus({
      dimensions: ['platform'],
      metrics: { cpa: CPA },
      from: 'campaign_daily',
      current: LAST_7_DAYS,
      previous: PREVIOUS_7_DAYS,
    }),
    tags: ['ads', 'kpi', 'comparison', 'breakdown', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'en-roas-last-month-vs-last-year',
    lang: 'en',
    question: 'ROAS last month vs the same period last year',
    sql: versus({
      metrics: { roas: ROAS },
      from: 'campaign_daily',
      current: MARCH_2026,
      previous: MARCH_2025,
    }),
    tags: ['ads', 'kpi', 'comparison', 'total', 'time:last-month', 'time:same-period-last-year'],
  },
  {
    id: 'en-conversions-ytd-vs-last-year',
    lang: 'en',
    question: 'Conversions year to date compared with the same period last year',
    sql: versus({
      metrics: { conversions: CONVERSIONS },
      from: 'campaign_daily',
      current: YEAR_TO_DATE,
      previous: YEAR_TO_DATE_LAST_YEAR,
    }),
    tags: ['ads', 'comparison', 'total', 'time:year-to-date', 'time:same-period-last-year'],
  },
  {
    id: 'en-clicks-last-30-days-vs-previous',
    lang: 'en',
    question: 'Clicks in the last 30 days compared with the previous 30 days',
    sql: versus({
      metrics: { clicks: 'sum(clicks)' },
      from: 'campaign_daily',
      current: LAST_30_DAYS,
      previous: PREVIOUS_30_DAYS,
    }),
    tags: ['ads', 'comparison', 'total', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'en-spend-conversions-google-last-week-vs-previous',
    lang: 'en',
    question: 'Google Ads spend and conversions last week vs the previous period',
    sql: versus({
      metrics: { spend: SPEND, conversions: CONVERSIONS },
      from: 'campaign_daily',
      where: `platform = 'google_ads'`,
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['ads', 'comparison', 'total', 'filter', 'time:last-week', 'time:previous-period'],
  },

  // Top and bottom N.
  {
    id: 'en-top-5-campaigns-conversions-q1',
    lang: 'en',
    question: 'Top 5 campaigns by conversions in Q1',
    sql: `select campaign_name, sum(conversions) as conversions from campaign_daily where date between '2026-01-01' and '2026-03-31' group by campaign_name order by conversions desc limit 5`,
    tags: ['ads', 'top-bottom', 'time:quarter'],
  },
  {
    id: 'en-best-3-campaigns-roas-last-month',
    lang: 'en',
    question: 'Which 3 campaigns had the best ROAS last month?',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having roas is not null order by roas desc limit 3`,
    tags: ['ads', 'kpi', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'en-bottom-5-campaigns-ctr-last-30-days',
    lang: 'en',
    question: 'Bottom 5 campaigns by CTR in the last 30 days',
    sql: `select campaign_name, ${CTR} as ctr from campaign_daily where date between '2026-03-02' and '2026-03-31' group by campaign_name having ctr is not null order by ctr asc limit 5`,
    tags: ['ads', 'kpi', 'top-bottom', 'time:last-n-days'],
  },
  {
    id: 'en-worst-3-google-campaigns-cpa-last-quarter',
    lang: 'en',
    question: 'Worst 3 Google Ads campaigns by CPA last quarter',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'google_ads' and date between '2026-01-01' and '2026-03-31' group by campaign_name having cpa is not null order by cpa desc limit 3`,
    tags: ['ads', 'kpi', 'top-bottom', 'filter', 'time:quarter'],
  },
  {
    id: 'en-highest-cpc-5-campaigns-march',
    lang: 'en',
    question: 'Which 5 campaigns had the highest CPC in March?',
    sql: `select campaign_name, cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having cpc is not null order by cpc desc limit 5`,
    tags: ['ads', 'kpi', 'top-bottom', 'time:named-month'],
  },
  {
    id: 'en-lowest-cpa-10-campaigns-ytd',
    lang: 'en',
    question: 'What are the 10 campaigns with the lowest CPA year to date?',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where date between '2026-01-01' and '2026-04-01' group by campaign_name having cpa is not null order by cpa asc limit 10`,
    tags: ['ads', 'kpi', 'top-bottom', 'time:year-to-date'],
  },
  {
    id: 'en-top-5-tiktok-ads-conversions-last-month',
    lang: 'en',
    question: 'Top 5 TikTok ads by conversions last month',
    sql: `select ad_name, sum(conversions) as conversions from ad_daily where platform = 'tiktok' and date between '2026-03-01' and '2026-03-31' group by ad_name order by conversions desc limit 5`,
    tags: ['ads', 'ad-level', 'top-bottom', 'filter', 'time:last-month'],
  },
  {
    id: 'en-top-3-platforms-spend-2025',
    lang: 'en',
    question: 'Top 3 platforms by spend in 2025',
    sql: `select platform, sum(spend) as spend from campaign_daily where date between '2025-01-01' and '2025-12-31' group by platform order by spend desc limit 3`,
    tags: ['ads', 'top-bottom', 'time:year'],
  },

  // Thresholds.
  {
    id: 'en-campaigns-cpa-above-40-last-30-days',
    lang: 'en',
    question: 'Campaigns with a CPA above 40 in the last 30 days',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where date between '2026-03-02' and '2026-03-31' group by campaign_name having cpa > 40`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-n-days'],
  },
  {
    id: 'en-campaigns-roas-below-2-q1',
    lang: 'en',
    question: 'Which campaigns had a ROAS below 2 in Q1?',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-01-01' and '2026-03-31' group by campaign_name having roas < 2`,
    tags: ['ads', 'kpi', 'threshold', 'time:quarter'],
  },
  {
    id: 'en-campaigns-spent-over-5000-last-month',
    lang: 'en',
    question: 'Campaigns that spent more than 5000 last month',
    sql: `select campaign_name, sum(spend) as spend from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having spend > 5000`,
    tags: ['ads', 'threshold', 'time:last-month'],
  },
  {
    id: 'en-campaigns-ctr-above-2-percent-last-month',
    lang: 'en',
    question: 'Campaigns with a CTR above 2% last month',
    sql: `select campaign_name, ${CTR} as ctr from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having ctr > 0.02`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-month'],
  },
  {
    id: 'en-google-ad-groups-cpc-above-1-40',
    lang: 'en',
    question: 'Google Ads ad groups with a CPC above 1.40 last month',
    sql: `select ad_group_name, cpc(sum(spend), sum(clicks)) as cpc from ad_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31' group by ad_group_name having cpc > 1.4`,
    tags: ['ads', 'ad-level', 'kpi', 'threshold', 'filter', 'time:last-month'],
  },
  {
    id: 'en-platforms-conversions-under-50-last-week',
    lang: 'en',
    question: 'Platforms with fewer than 50 conversions last week',
    sql: `select platform, sum(conversions) as conversions from campaign_daily where date between '2026-03-23' and '2026-03-29' group by platform having conversions < 50`,
    tags: ['ads', 'threshold', 'time:last-week'],
  },

  // Filters.
  {
    id: 'en-spend-google-black-friday-2025',
    lang: 'en',
    question: 'How much did our Google Ads Black Friday campaigns spend in 2025?',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'google_ads' and campaign_name ilike '%black friday%' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'en-conversions-paused-campaigns-2025',
    lang: 'en',
    question: 'Conversions from paused campaigns in 2025',
    sql: `select sum(conversions) as conversions from campaign_daily where campaign_status = 'paused' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'en-spend-awareness-by-platform-last-quarter',
    lang: 'en',
    question: 'Spend on awareness campaigns by platform last quarter',
    sql: `select platform, sum(spend) as spend from campaign_daily where objective = 'awareness' and date between '2026-01-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:quarter'],
  },
  {
    id: 'en-cpa-active-meta-campaigns-last-month',
    lang: 'en',
    question: 'CPA of each active Meta campaign last month',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'meta' and campaign_status = 'active' and date between '2026-03-01' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-month'],
  },
  {
    id: 'en-leads-by-campaign-lead-gen-2025',
    lang: 'en',
    question: 'Leads by campaign for lead generation campaigns in 2025',
    sql: `select campaign_name, sum(conversions) as conversions from campaign_daily where objective = 'leads' and date between '2025-01-01' and '2025-12-31' group by campaign_name`,
    tags: ['ads', 'breakdown', 'filter', 'time:year'],
  },
  {
    id: 'en-spend-removed-campaigns-last-year',
    lang: 'en',
    question: 'How much did removed campaigns spend last year?',
    sql: `select sum(spend) as spend from campaign_daily where campaign_status = 'removed' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-year'],
  },
  {
    id: 'en-revenue-retargeting-campaigns-last-month',
    lang: 'en',
    question: "Total revenue from campaigns whose name contains 'Retargeting' last month",
    sql: `select sum(conversion_value) as conversion_value from campaign_daily where campaign_name ilike '%retargeting%' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-month'],
  },
  {
    id: 'en-spend-app-campaigns-2025',
    lang: 'en',
    question: 'Spend and conversions of app campaigns in 2025',
    sql: `select sum(spend) as spend, sum(conversions) as conversions from campaign_daily where objective = 'app' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'en-clicks-traffic-campaigns-by-platform-2024',
    lang: 'en',
    question: 'Clicks from traffic campaigns by platform in 2024',
    sql: `select platform, sum(clicks) as clicks from campaign_daily where objective = 'traffic' and date between '2024-01-01' and '2024-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:year'],
  },

  // GA4.
  {
    id: 'en-sessions-by-channel-group-last-month',
    lang: 'en',
    question: 'Sessions by channel group last month',
    sql: `select channel_group, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-01' and '2026-03-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-key-events-by-source-medium-last-30-days',
    lang: 'en',
    question: 'Key events by source and medium in the last 30 days',
    sql: `select source, medium, sum(key_events) as key_events from web_traffic_daily where date between '2026-03-02' and '2026-03-31' group by source, medium`,
    tags: ['web', 'breakdown', 'time:last-n-days'],
  },
  {
    id: 'en-website-revenue-ytd',
    lang: 'en',
    question: 'Website revenue year to date',
    sql: `select sum(revenue) as revenue from web_traffic_daily where date between '2026-01-01' and '2026-04-01'`,
    tags: ['web', 'total', 'time:year-to-date'],
  },
  {
    id: 'en-new-users-by-month-last-3-months',
    lang: 'en',
    question: 'New users per month over the last 3 months',
    sql: `select date_trunc('month', date) as month, sum(new_users) as new_users from web_traffic_daily where date between '2026-01-01' and '2026-03-31' group by month order by month`,
    tags: ['web', 'series', 'time:last-n-months'],
  },
  {
    id: 'en-engaged-sessions-by-medium-last-week',
    lang: 'en',
    question: 'Engaged sessions by medium last week',
    sql: `select medium, sum(engaged_sessions) as engaged_sessions from web_traffic_daily where date between '2026-03-23' and '2026-03-29' group by medium`,
    tags: ['web', 'breakdown', 'time:last-week'],
  },
  {
    id: 'en-page-views-yesterday',
    lang: 'en',
    question: 'How many page views did the site get yesterday?',
    sql: `select sum(page_views) as page_views from web_traffic_daily where date = '2026-03-31'`,
    tags: ['web', 'total', 'time:yesterday'],
  },
  {
    id: 'en-transactions-by-channel-group-q4',
    lang: 'en',
    question: 'Transactions by channel group in Q4',
    sql: `select channel_group, sum(transactions) as transactions from web_traffic_daily where date between '2025-10-01' and '2025-12-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-ga4-revenue-by-channel-group-2025',
    lang: 'en',
    question: 'Revenue by channel group in 2025',
    sql: `select channel_group, sum(revenue) as revenue from web_traffic_daily where date between '2025-01-01' and '2025-12-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:year'],
  },
  {
    id: 'en-top-5-sources-sessions-last-month',
    lang: 'en',
    question: 'Top 5 traffic sources by sessions last month',
    sql: `select source, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-01' and '2026-03-31' group by source order by sessions desc limit 5`,
    tags: ['web', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'en-sessions-by-channel-last-week-vs-previous',
    lang: 'en',
    question: 'Sessions by channel group last week compared with the week before',
    sql: versus({
      dimensions: ['channel_group'],
      metrics: { sessions: 'sum(sessions)' },
      from: 'web_traffic_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['web', 'comparison', 'breakdown', 'time:last-week', 'time:previous-period'],
  },
  {
    id: 'en-daily-sessions-last-7-days',
    lang: 'en',
    question: 'GA4 sessions per day for the last 7 days',
    sql: `select date, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-25' and '2026-03-31' group by date order by date`,
    tags: ['web', 'series', 'time:last-n-days'],
  },

  // Search Console.
  {
    id: 'en-organic-clicks-by-device-last-month',
    lang: 'en',
    question: 'Organic clicks by device last month',
    sql: `select device, sum(clicks) as clicks from search_console_daily where date between '2026-03-01' and '2026-03-31' group by device`,
    tags: ['search-console', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-sc-impressions-by-country-2025',
    lang: 'en',
    question: 'Search Console impressions by country in 2025',
    sql: `select country, sum(impressions) as impressions from search_console_daily where date between '2025-01-01' and '2025-12-31' group by country`,
    tags: ['search-console', 'breakdown', 'time:year'],
  },
  {
    id: 'en-average-position-last-week',
    lang: 'en',
    question: 'What was our average position in Google search last week?',
    sql: `select ${POSITION} as position from search_console_daily where date between '2026-03-23' and '2026-03-29'`,
    tags: ['search-console', 'total', 'time:last-week'],
  },
  {
    id: 'en-position-by-page-last-month',
    lang: 'en',
    question: 'Average position by page last month',
    sql: `select page, ${POSITION} as position from search_console_daily where date between '2026-03-01' and '2026-03-31' group by page`,
    tags: ['search-console', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-top-10-queries-clicks-last-month',
    lang: 'en',
    question: 'Top 10 search queries by clicks last month',
    sql: `select query, sum(clicks) as clicks from search_console_daily where date between '2026-03-01' and '2026-03-31' group by query order by clicks desc limit 10`,
    tags: ['search-console', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'en-top-5-pages-organic-impressions-last-90-days',
    lang: 'en',
    question: 'Top 5 landing pages by organic impressions in the last 90 days',
    sql: `select page, sum(impressions) as impressions from search_console_daily where date between '2026-01-01' and '2026-03-31' group by page order by impressions desc limit 5`,
    tags: ['search-console', 'top-bottom', 'time:last-n-days'],
  },
  {
    id: 'en-best-5-queries-position-last-month',
    lang: 'en',
    question: 'Which 5 queries had the best average position last month?',
    sql: `select query, ${POSITION} as position from search_console_daily where date between '2026-03-01' and '2026-03-31' group by query having position is not null order by position asc limit 5`,
    tags: ['search-console', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'en-weekly-organic-clicks-last-4-weeks',
    lang: 'en',
    question: 'Weekly SEO clicks over the last 4 weeks',
    sql: `select date_trunc('week', date) as week, sum(clicks) as clicks from search_console_daily where date between '2026-03-02' and '2026-03-29' group by week order by week`,
    tags: ['search-console', 'series', 'time:last-n-weeks'],
  },
  {
    id: 'en-organic-clicks-last-month-vs-last-year',
    lang: 'en',
    question: 'Search Console clicks last month compared with the same period last year',
    sql: versus({
      metrics: { clicks: 'sum(clicks)' },
      from: 'search_console_daily',
      current: MARCH_2026,
      previous: MARCH_2025,
    }),
    tags: [
      'search-console',
      'comparison',
      'total',
      'time:last-month',
      'time:same-period-last-year',
    ],
  },
  {
    id: 'en-queries-position-above-10-last-month',
    lang: 'en',
    question: 'Queries with an average position greater than 10 last month',
    sql: `select query, ${POSITION} as position from search_console_daily where date between '2026-03-01' and '2026-03-31' group by query having position > 10`,
    tags: ['search-console', 'threshold', 'time:last-month'],
  },

  // More periods, filters and wordings.
  {
    id: 'en-month-to-date-spend-by-platform',
    lang: 'en',
    question: 'Month-to-date spend by platform',
    sql: `select platform, sum(spend) as spend from campaign_daily where date = '2026-04-01' group by platform`,
    expectEmpty: true,
    tags: ['ads', 'breakdown', 'time:this-month'],
  },
  {
    id: 'en-google-conversions-this-year',
    lang: 'en',
    question: 'How many conversions has Google Ads brought this year?',
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'google_ads' and date between '2026-01-01' and '2026-04-01'`,
    tags: ['ads', 'total', 'filter', 'time:year-to-date'],
  },
  {
    id: 'en-spend-by-platform-q3',
    lang: 'en',
    question: 'Spend by platform in Q3',
    sql: `select platform, sum(spend) as spend from campaign_daily where date between '2025-07-01' and '2025-09-30' group by platform`,
    tags: ['ads', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-roas-sales-campaigns-by-platform-last-month',
    lang: 'en',
    question: 'ROAS of sales-objective campaigns by platform last month',
    sql: `select platform, ${ROAS} as roas from campaign_daily where objective = 'sales' and date between '2026-03-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-month'],
  },
  {
    id: 'en-meta-spend-december',
    lang: 'en',
    question: 'Meta spend in December',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'meta' and date between '2025-12-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'en-top-5-campaigns-spend-may',
    lang: 'en',
    question: 'Which 5 campaigns spent the most in May?',
    sql: `select campaign_name, sum(spend) as spend from campaign_daily where date between '2025-05-01' and '2025-05-31' group by campaign_name order by spend desc limit 5`,
    tags: ['ads', 'top-bottom', 'time:named-month'],
  },
  {
    id: 'en-conversions-by-platform-1-to-15-march',
    lang: 'en',
    question: 'Conversions by platform from 1 March to 15 March',
    sql: `select platform, sum(conversions) as conversions from campaign_daily where date between '2026-03-01' and '2026-03-15' group by platform`,
    tags: ['ads', 'breakdown', 'time:between'],
  },
  {
    id: 'en-clicks-impressions-last-2-weeks',
    lang: 'en',
    question: 'Clicks and impressions over the last 2 weeks',
    sql: `select sum(clicks) as clicks, sum(impressions) as impressions from campaign_daily where date between '2026-03-16' and '2026-03-29'`,
    tags: ['ads', 'total', 'time:last-n-weeks'],
  },
  {
    id: 'en-spend-by-account-last-12-months',
    lang: 'en',
    question: 'Spend by ad account over the last 12 months',
    sql: `select account_name, sum(spend) as spend from campaign_daily where date between '2025-04-01' and '2026-03-31' group by account_name`,
    tags: ['ads', 'breakdown', 'time:last-n-months'],
  },
  {
    id: 'en-conversions-by-ad-set-meta-last-week',
    lang: 'en',
    question: 'Conversions by ad group on Meta last week',
    sql: `select ad_group_name, sum(conversions) as conversions from ad_daily where platform = 'meta' and date between '2026-03-23' and '2026-03-29' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'breakdown', 'filter', 'time:last-week'],
  },
  {
    id: 'en-campaigns-at-least-100-conversions-last-month',
    lang: 'en',
    question: 'Campaigns with at least 100 conversions last month',
    sql: `select campaign_name, sum(conversions) as conversions from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having conversions >= 100`,
    tags: ['ads', 'threshold', 'time:last-month'],
  },
  {
    id: 'en-web-conversions-by-channel-group-q1',
    lang: 'en',
    question: 'Web conversions by channel group in Q1',
    sql: `select channel_group, sum(key_events) as key_events from web_traffic_daily where date between '2026-01-01' and '2026-03-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-site-revenue-transactions-by-source-last-month',
    lang: 'en',
    question: 'GA4 revenue and transactions by source last month',
    sql: `select source, sum(revenue) as revenue, sum(transactions) as transactions from web_traffic_daily where date between '2026-03-01' and '2026-03-31' group by source`,
    tags: ['web', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-top-10-queries-organic-impressions-last-30-days',
    lang: 'en',
    question: 'Top 10 queries by organic impressions in the last 30 days',
    sql: `select query, sum(impressions) as impressions from search_console_daily where date between '2026-03-02' and '2026-03-31' group by query order by impressions desc limit 10`,
    tags: ['search-console', 'top-bottom', 'time:last-n-days'],
  },
  {
    id: 'en-seo-clicks-by-country-yesterday',
    lang: 'en',
    question: 'SEO clicks by country yesterday',
    sql: `select country, sum(clicks) as clicks from search_console_daily where date = '2026-03-31' group by country`,
    tags: ['search-console', 'breakdown', 'time:yesterday'],
  },
  {
    id: 'en-daily-cpc-tiktok-last-week',
    lang: 'en',
    question: 'TikTok CPC by day last week',
    sql: `select date, cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where platform = 'tiktok' and date between '2026-03-23' and '2026-03-29' group by date order by date`,
    tags: ['ads', 'kpi', 'series', 'filter', 'time:last-week'],
  },

  // Everyday phrasings of the same vocabulary.
  {
    id: 'en-show-spend-clicks-conversions-by-platform-last-week',
    lang: 'en',
    question: 'Show me spend, clicks and conversions by platform for last week',
    sql: `select platform, sum(spend) as spend, sum(clicks) as clicks, sum(conversions) as conversions from campaign_daily where date between '2026-03-23' and '2026-03-29' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-week'],
  },
  {
    id: 'en-click-through-rate-by-campaign-tiktok-14-days',
    lang: 'en',
    question: 'Can you give me the click-through rate by campaign for TikTok in the last 14 days?',
    sql: `select campaign_name, ${CTR} as ctr from campaign_daily where platform = 'tiktok' and date between '2026-03-18' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-n-days'],
  },
  {
    id: 'en-how-much-spent-yesterday-casual',
    lang: 'en',
    question: 'how much did we spend yesterday',
    sql: `select sum(spend) as spend from campaign_daily where date = '2026-03-31'`,
    tags: ['ads', 'total', 'time:yesterday'],
  },
  {
    id: 'en-return-on-ad-spend-google-last-month',
    lang: 'en',
    question: "What's the return on ad spend for Google Ads last month?",
    sql: `select ${ROAS} as roas from campaign_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:last-month'],
  },
  {
    id: 'en-top-five-campaigns-revenue-last-quarter',
    lang: 'en',
    question: 'Top five campaigns by revenue last quarter',
    sql: `select campaign_name, sum(conversion_value) as conversion_value from campaign_daily where date between '2026-01-01' and '2026-03-31' group by campaign_name order by conversion_value desc limit 5`,
    tags: ['ads', 'top-bottom', 'time:quarter'],
  },
  {
    id: 'en-cost-per-acquisition-by-platform-q4-2025',
    lang: 'en',
    question: 'cost per acquisition by platform, Q4 2025',
    sql: `select platform, ${CPA} as cpa from campaign_daily where date between '2025-10-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-total-cost-linkedin-2025',
    lang: 'en',
    question: 'Give me the total cost of LinkedIn in 2025',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'linkedin' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'en-list-campaigns-roas-over-5-last-7-days',
    lang: 'en',
    question: 'List the campaigns with a ROAS over 5 in the last 7 days',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-03-25' and '2026-03-31' group by campaign_name having roas > 5`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-n-days'],
  },
  {
    id: 'en-daily-conversions-meta-first-week-march',
    lang: 'en',
    question: 'I need daily conversions for Meta between 2026-03-01 and 2026-03-07',
    sql: `select date, sum(conversions) as conversions from campaign_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-07' group by date order by date`,
    tags: ['ads', 'series', 'filter', 'time:between'],
  },
  {
    id: 'en-sales-value-by-platform-last-year',
    lang: 'en',
    question: 'Sales value by platform last year',
    sql: `select platform, sum(conversion_value) as conversion_value from campaign_daily where date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-year'],
  },
  {
    id: 'en-top-3-google-ads-by-clicks-last-week',
    lang: 'en',
    question: 'Top 3 Google Ads ads by clicks last week',
    sql: `select ad_name, sum(clicks) as clicks from ad_daily where platform = 'google_ads' and date between '2026-03-23' and '2026-03-29' group by ad_name order by clicks desc limit 3`,
    tags: ['ads', 'ad-level', 'top-bottom', 'filter', 'time:last-week'],
  },
  {
    id: 'en-sessions-per-week-last-8-weeks',
    lang: 'en',
    question: 'Sessions per week over the last 8 weeks',
    sql: `select date_trunc('week', date) as week, sum(sessions) as sessions from web_traffic_daily where date between '2026-02-02' and '2026-03-29' group by week order by week`,
    tags: ['web', 'series', 'time:last-n-weeks'],
  },
  {
    id: 'en-organic-position-by-query-last-7-days',
    lang: 'en',
    question: 'Organic search position by query for the last 7 days',
    sql: `select query, ${POSITION} as position from search_console_daily where date between '2026-03-25' and '2026-03-31' group by query`,
    tags: ['search-console', 'breakdown', 'time:last-n-days'],
  },
  {
    id: 'en-engaged-sessions-february',
    lang: 'en',
    question: 'How many engaged sessions did we have in February?',
    sql: `select sum(engaged_sessions) as engaged_sessions from web_traffic_daily where date between '2026-02-01' and '2026-02-28'`,
    tags: ['web', 'total', 'time:named-month'],
  },
  {
    id: 'en-key-events-last-month-vs-last-year',
    lang: 'en',
    question: 'Key events last month vs last year',
    sql: versus({
      metrics: { key_events: 'sum(key_events)' },
      from: 'web_traffic_daily',
      current: MARCH_2026,
      previous: MARCH_2025,
    }),
    tags: ['web', 'comparison', 'total', 'time:last-month', 'time:same-period-last-year'],
  },
  {
    id: 'en-conversions-cpa-by-account-q1-2026',
    lang: 'en',
    question: 'Conversions and CPA by account in Q1 2026',
    sql: `select account_name, sum(conversions) as conversions, ${CPA} as cpa from campaign_daily where date between '2026-01-01' and '2026-03-31' group by account_name`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'en-spend-paused-campaigns-by-platform-2025',
    lang: 'en',
    question: 'Spend of paused campaigns by platform in 2025',
    sql: `select platform, sum(spend) as spend from campaign_daily where campaign_status = 'paused' and date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:year'],
  },
  {
    id: 'en-impressions-cpm-by-objective-last-month',
    lang: 'en',
    question: 'Impressions and CPM by objective last month',
    sql: `select objective, sum(impressions) as impressions, cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where date between '2026-03-01' and '2026-03-31' group by objective`,
    tags: ['ads', 'kpi', 'breakdown', 'time:last-month'],
  },
  {
    id: 'en-cvr-by-ad-group-google-march-2026',
    lang: 'en',
    question: 'Show the conversion rate by ad group for Google Ads in March 2026',
    sql: `select ad_group_name, cvr(sum(conversions), sum(clicks)) as cvr from ad_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'kpi', 'breakdown', 'filter', 'time:named-month'],
  },

  // NULL KPIs: a zero denominator, and NULL rows kept out of a top N.
  {
    id: 'en-cpa-by-linkedin-campaign-september-2025',
    lang: 'en',
    question: 'CPA by LinkedIn campaign in September 2025',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'linkedin' and date between '2025-09-01' and '2025-09-30' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:named-month'],
  },
  {
    id: 'en-worst-3-linkedin-campaigns-cpa-september-2025',
    lang: 'en',
    question: 'The 3 LinkedIn campaigns with the worst CPA in September 2025',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'linkedin' and date between '2025-09-01' and '2025-09-30' group by campaign_name having cpa is not null order by cpa desc limit 3`,
    tags: ['ads', 'kpi', 'top-bottom', 'filter', 'time:named-month'],
  },
  {
    id: 'en-top-5-campaigns-spend-last-week-vs-previous',
    lang: 'en',
    question: 'Top 5 campaigns by spend last week, compared with the previous week',
    sql: `${versus({
      dimensions: ['campaign_name'],
      metrics: { spend: SPEND },
      from: 'campaign_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    })} order by spend desc nulls last limit 5`,
    tags: ['ads', 'comparison', 'top-bottom', 'time:last-week', 'time:previous-period'],
  },
];

/** Questions in French. */
const french: AskQuestion[] = [
  // Totaux.
  {
    id: 'fr-depenses-google-hier',
    lang: 'fr',
    question: 'Combien a-t-on dépensé sur Google Ads hier ?',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'google_ads' and date = '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:yesterday'],
  },
  {
    id: 'fr-ca-campagnes-mois-dernier',
    lang: 'fr',
    question: "Quel chiffre d'affaires nos campagnes ont-elles généré le mois dernier ?",
    sql: `select sum(conversion_value) as conversion_value from campaign_daily where date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'total', 'time:last-month'],
  },
  {
    id: 'fr-clics-linkedin-7-derniers-jours',
    lang: 'fr',
    question: 'Nombre de clics LinkedIn sur les 7 derniers jours',
    sql: `select sum(clicks) as clicks from campaign_daily where platform = 'linkedin' and date between '2026-03-25' and '2026-03-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-n-days'],
  },
  {
    id: 'fr-impressions-t4',
    lang: 'fr',
    question: 'Impressions au T4',
    sql: `select sum(impressions) as impressions from campaign_daily where date between '2025-10-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'time:quarter'],
  },
  {
    id: 'fr-ventes-tiktok-fevrier',
    lang: 'fr',
    question: 'Combien de ventes TikTok en février ?',
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'tiktok' and date between '2026-02-01' and '2026-02-28'`,
    tags: ['ads', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-taux-de-clic-meta-ce-mois',
    lang: 'fr',
    question: 'Taux de clic Meta ce mois-ci',
    sql: `select ${CTR} as ctr from campaign_daily where platform = 'meta' and date = '2026-04-01'`,
    expectEmpty: true,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:this-month'],
  },
  {
    id: 'fr-cpc-annee-derniere',
    lang: 'fr',
    question: "CPC moyen l'année dernière",
    sql: `select cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'kpi', 'total', 'time:last-year'],
  },
  {
    id: 'fr-cpm-tiktok-premier-trimestre',
    lang: 'fr',
    question: 'Quel est le CPM TikTok au premier trimestre ?',
    sql: `select cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where platform = 'tiktok' and date between '2026-01-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:quarter'],
  },
  {
    id: 'fr-roas-depuis-debut-annee',
    lang: 'fr',
    question: "ROAS depuis le début de l'année",
    sql: `select ${ROAS} as roas from campaign_daily where date between '2026-01-01' and '2026-04-01'`,
    tags: ['ads', 'kpi', 'total', 'time:year-to-date'],
  },
  {
    id: 'fr-cpa-linkedin-3-derniers-mois',
    lang: 'fr',
    question: 'Coût par acquisition LinkedIn sur les 3 derniers mois',
    sql: `select ${CPA} as cpa from campaign_daily where platform = 'linkedin' and date between '2026-01-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:last-n-months'],
  },
  {
    id: 'fr-taux-conversion-google-mars',
    lang: 'fr',
    question: 'Taux de conversion Google Ads en mars',
    sql: `select cvr(sum(conversions), sum(clicks)) as cvr from campaign_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-achats-facebook-2025',
    lang: 'fr',
    question: "Nombre d'achats venant de Facebook en 2025",
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'meta' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'fr-depenses-totales',
    lang: 'fr',
    question: 'Dépenses publicitaires totales',
    sql: `select sum(spend) as spend from campaign_daily`,
    tags: ['ads', 'total', 'time:none'],
  },
  {
    id: 'fr-valeur-conversion-semaine-derniere',
    lang: 'fr',
    question: 'valeur de conversion la semaine derniere',
    sql: `select sum(conversion_value) as conversion_value from campaign_daily where date between '2026-03-23' and '2026-03-29'`,
    tags: ['ads', 'total', 'time:last-week'],
  },
  {
    id: 'fr-cout-cette-semaine',
    lang: 'fr',
    question: 'Coût total cette semaine',
    sql: `select sum(spend) as spend from campaign_daily where date between '2026-03-30' and '2026-04-01'`,
    tags: ['ads', 'total', 'time:this-week'],
  },
  {
    id: 'fr-depenses-depuis-debut-mois',
    lang: 'fr',
    question: 'Dépenses depuis le début du mois',
    sql: `select sum(spend) as spend from campaign_daily where date = '2026-04-01'`,
    expectEmpty: true,
    tags: ['ads', 'total', 'time:this-month'],
  },
  {
    id: 'fr-clics-aujourdhui',
    lang: 'fr',
    question: "Combien de clics aujourd'hui ?",
    sql: `select sum(clicks) as clicks from campaign_daily where date = '2026-04-01'`,
    expectEmpty: true,
    tags: ['ads', 'total', 'time:today'],
  },
  {
    id: 'fr-conversions-par-plateforme-ce-trimestre',
    lang: 'fr',
    question: 'Conversions par plateforme ce trimestre',
    sql: `select platform, sum(conversions) as conversions from campaign_daily where date = '2026-04-01' group by platform`,
    expectEmpty: true,
    tags: ['ads', 'breakdown', 'time:this-quarter'],
  },
  {
    id: 'fr-depenses-conversions-du-1er-au-15-mars',
    lang: 'fr',
    question: 'Dépenses et conversions du 1er au 15 mars',
    sql: `select sum(spend) as spend, sum(conversions) as conversions from campaign_daily where date between '2026-03-01' and '2026-03-15'`,
    tags: ['ads', 'total', 'time:between'],
  },
  {
    id: 'fr-conversions-t3-2025',
    lang: 'fr',
    question: 'Combien de conversions au T3 2025 ?',
    sql: `select sum(conversions) as conversions from campaign_daily where date between '2025-07-01' and '2025-09-30'`,
    tags: ['ads', 'total', 'time:quarter'],
  },

  // Répartitions.
  {
    id: 'fr-depenses-par-plateforme-mois-dernier',
    lang: 'fr',
    question: 'Dépenses par plateforme le mois dernier',
    sql: `select platform, sum(spend) as spend from campaign_daily where date between '2026-03-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-month'],
  },
  {
    id: 'fr-ca-roas-par-compte-2025',
    lang: 'fr',
    question: 'CA et ROAS par compte publicitaire en 2025',
    sql: `select account_name, sum(conversion_value) as conversion_value, ${ROAS} as roas from campaign_daily where date between '2025-01-01' and '2025-12-31' group by account_name`,
    tags: ['ads', 'kpi', 'breakdown', 'time:year'],
  },
  {
    id: 'fr-cpa-par-objectif-12-derniers-mois',
    lang: 'fr',
    question: 'CPA par objectif sur les 12 derniers mois',
    sql: `select objective, ${CPA} as cpa from campaign_daily where date between '2025-04-01' and '2026-03-31' group by objective`,
    tags: ['ads', 'kpi', 'breakdown', 'time:last-n-months'],
  },
  {
    id: 'fr-depenses-par-statut-annee-derniere',
    lang: 'fr',
    question: "Répartition des dépenses par statut de campagne sur l'année dernière",
    sql: `select campaign_status, sum(spend) as spend from campaign_daily where date between '2025-01-01' and '2025-12-31' group by campaign_status`,
    tags: ['ads', 'breakdown', 'time:last-year'],
  },
  {
    id: 'fr-clics-ctr-par-campagne-tiktok-semaine-derniere',
    lang: 'fr',
    question: 'Clics et taux de clic par campagne TikTok la semaine dernière',
    sql: `select campaign_name, sum(clicks) as clicks, ${CTR} as ctr from campaign_daily where platform = 'tiktok' and date between '2026-03-23' and '2026-03-29' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-week'],
  },
  {
    id: 'fr-conversions-par-ensemble-de-publicites-meta',
    lang: 'fr',
    question: 'Conversions par ensemble de publicités Meta le mois dernier',
    sql: `select ad_group_name, sum(conversions) as conversions from ad_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-31' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'breakdown', 'filter', 'time:last-month'],
  },
  {
    id: 'fr-depenses-par-annonce-tiktok-7-jours',
    lang: 'fr',
    question: 'Dépenses par annonce TikTok sur les 7 derniers jours',
    sql: `select ad_name, sum(spend) as spend from ad_daily where platform = 'tiktok' and date between '2026-03-25' and '2026-03-31' group by ad_name`,
    tags: ['ads', 'ad-level', 'breakdown', 'filter', 'time:last-n-days'],
  },
  {
    id: 'fr-impressions-cpm-par-plateforme-t4',
    lang: 'fr',
    question: 'Impressions et CPM par plateforme au quatrième trimestre',
    sql: `select platform, sum(impressions) as impressions, cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where date between '2025-10-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'fr-cpc-par-groupe-annonces-google-semaine-derniere',
    lang: 'fr',
    question: "CPC par groupe d'annonces Google Ads la semaine dernière",
    sql: `select ad_group_name, cpc(sum(spend), sum(clicks)) as cpc from ad_daily where platform = 'google_ads' and date between '2026-03-23' and '2026-03-29' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'kpi', 'breakdown', 'filter', 'time:last-week'],
  },
  {
    id: 'fr-taux-conversion-par-plateforme-hier',
    lang: 'fr',
    question: 'taux de conversion par plateforme hier',
    sql: `select platform, cvr(sum(conversions), sum(clicks)) as cvr from campaign_daily where date = '2026-03-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:yesterday'],
  },

  // Par date.
  {
    id: 'fr-depenses-jour-par-jour-14-jours',
    lang: 'fr',
    question: 'Dépenses jour par jour sur les 14 derniers jours',
    sql: `select date, sum(spend) as spend from campaign_daily where date between '2026-03-18' and '2026-03-31' group by date order by date`,
    tags: ['ads', 'series', 'time:last-n-days'],
  },
  {
    id: 'fr-conversions-par-semaine-6-dernieres-semaines',
    lang: 'fr',
    question: 'Conversions par semaine sur les 6 dernières semaines',
    sql: `select date_trunc('week', date) as week, sum(conversions) as conversions from campaign_daily where date between '2026-02-16' and '2026-03-29' group by week order by week`,
    tags: ['ads', 'series', 'time:last-n-weeks'],
  },
  {
    id: 'fr-evolution-mensuelle-roas-2025',
    lang: 'fr',
    question: 'Évolution mensuelle du ROAS en 2025',
    sql: `select date_trunc('month', date) as month, ${ROAS} as roas from campaign_daily where date between '2025-01-01' and '2025-12-31' group by month order by month`,
    tags: ['ads', 'kpi', 'series', 'time:year'],
  },
  {
    id: 'fr-depenses-par-mois-depuis-debut-annee',
    lang: 'fr',
    question: "Dépenses par mois depuis le début de l'année",
    sql: `select date_trunc('month', date) as month, sum(spend) as spend from campaign_daily where date between '2026-01-01' and '2026-04-01' group by month order by month`,
    tags: ['ads', 'series', 'time:year-to-date'],
  },
  {
    id: 'fr-clics-par-jour-meta-du-1er-au-15-mars',
    lang: 'fr',
    question: 'Clics Meta par jour du 1er au 15 mars',
    sql: `select date, sum(clicks) as clicks from campaign_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-15' group by date order by date`,
    tags: ['ads', 'series', 'filter', 'time:between'],
  },
  {
    id: 'fr-cpa-par-semaine-mois-dernier-google',
    lang: 'fr',
    question: 'CPA Google Ads semaine par semaine sur les 4 dernières semaines',
    sql: `select date_trunc('week', date) as week, ${CPA} as cpa from campaign_daily where platform = 'google_ads' and date between '2026-03-02' and '2026-03-29' group by week order by week`,
    tags: ['ads', 'kpi', 'series', 'filter', 'time:last-n-weeks'],
  },

  // Comparaisons.
  {
    id: 'fr-cpa-par-plateforme-semaine-vs-precedente',
    lang: 'fr',
    question: 'CPA par plateforme la semaine dernière vs la semaine précédente',
    sql: versus({
      dimensions: ['platform'],
      metrics: { cpa: CPA },
      from: 'campaign_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['ads', 'kpi', 'comparison', 'breakdown', 'time:last-week', 'time:previous-period'],
  },
  {
    id: 'fr-depenses-mois-dernier-vs-an-dernier',
    lang: 'fr',
    question: "Dépenses du mois dernier par rapport à l'an dernier",
    sql: versus({
      metrics: { spend: SPEND },
      from: 'campaign_daily',
      current: MARCH_2026,
      previous: MARCH_2025,
    }),
    tags: ['ads', 'comparison', 'total', 'time:last-month', 'time:same-period-last-year'],
  },
  {
    id: 'fr-conversions-30-jours-vs-periode-precedente',
    lang: 'fr',
    question: 'Conversions sur les 30 derniers jours par rapport à la période précédente',
    sql: versus({
      metrics: { conversions: CONVERSIONS },
      from: 'campaign_daily',
      current: LAST_30_DAYS,
      previous: PREVIOUS_30_DAYS,
    }),
    tags: ['ads', 'comparison', 'total', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'fr-roas-par-plateforme-t1-vs-an-dernier',
    lang: 'fr',
    question: "ROAS par plateforme au T1 comparé à la même période l'an dernier",
    sql: versus({
      dimensions: ['platform'],
      metrics: { roas: ROAS },
      from: 'campaign_daily',
      current: Q1_2026,
      previous: Q1_2025,
    }),
    tags: ['ads', 'kpi', 'comparison', 'breakdown', 'time:quarter', 'time:same-period-last-year'],
  },
  {
    id: 'fr-ctr-14-jours-vs-precedents',
    lang: 'fr',
    question: 'CTR des 14 derniers jours vs la période précédente',
    sql: versus({
      metrics: { ctr: CTR },
      from: 'campaign_daily',
      current: LAST_14_DAYS,
      previous: PREVIOUS_14_DAYS,
    }),
    tags: ['ads', 'kpi', 'comparison', 'total', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'fr-depenses-meta-7-jours-vs-precedente',
    lang: 'fr',
    question: 'Dépenses et CA Meta sur les 7 derniers jours comparés à la période précédente',
    sql: versus({
      metrics: { spend: SPEND, conversion_value: 'sum(conversion_value)' },
      from: 'campaign_daily',
      where: `platform = 'meta'`,
      current: LAST_7_DAYS,
      previous: PREVIOUS_7_DAYS,
    }),
    tags: ['ads', 'comparison', 'total', 'filter', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'fr-sessions-par-canal-7-jours-vs-precedente',
    lang: 'fr',
    question: 'Sessions par groupe de canaux sur les 7 derniers jours vs la période précédente',
    sql: versus({
      dimensions: ['channel_group'],
      metrics: { sessions: 'sum(sessions)' },
      from: 'web_traffic_daily',
      current: LAST_7_DAYS,
      previous: PREVIOUS_7_DAYS,
    }),
    tags: ['web', 'comparison', 'breakdown', 'time:last-n-days', 'time:previous-period'],
  },
  {
    id: 'fr-clics-organiques-semaine-vs-precedente',
    lang: 'fr',
    question: 'Clics organiques la semaine dernière par rapport à la semaine précédente',
    sql: versus({
      metrics: { clicks: 'sum(clicks)' },
      from: 'search_console_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['search-console', 'comparison', 'total', 'time:last-week', 'time:previous-period'],
  },
  {
    id: 'fr-ca-site-ytd-vs-an-dernier',
    lang: 'fr',
    question: "CA du site depuis le début de l'année par rapport à l'an dernier",
    sql: versus({
      metrics: { revenue: 'sum(revenue)' },
      from: 'web_traffic_daily',
      current: YEAR_TO_DATE,
      previous: YEAR_TO_DATE_LAST_YEAR,
    }),
    tags: ['web', 'comparison', 'total', 'time:year-to-date', 'time:same-period-last-year'],
  },

  // Meilleurs et pires.
  {
    id: 'fr-5-meilleures-campagnes-roas-mois-dernier',
    lang: 'fr',
    question: 'Quelles sont les 5 campagnes avec le meilleur ROAS le mois dernier ?',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having roas is not null order by roas desc limit 5`,
    tags: ['ads', 'kpi', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'fr-top-10-campagnes-depenses-2025',
    lang: 'fr',
    question: 'Top 10 des campagnes par dépenses en 2025',
    sql: `select campaign_name, sum(spend) as spend from campaign_daily where date between '2025-01-01' and '2025-12-31' group by campaign_name order by spend desc limit 10`,
    tags: ['ads', 'top-bottom', 'time:year'],
  },
  {
    id: 'fr-3-pires-campagnes-meta-cpa-30-jours',
    lang: 'fr',
    question: 'Les 3 pires campagnes Meta en CPA sur les 30 derniers jours',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'meta' and date between '2026-03-02' and '2026-03-31' group by campaign_name having cpa is not null order by cpa desc limit 3`,
    tags: ['ads', 'kpi', 'top-bottom', 'filter', 'time:last-n-days'],
  },
  {
    id: 'fr-5-meilleures-annonces-google-ctr',
    lang: 'fr',
    question: 'Les 5 meilleures annonces Google Ads par taux de clic le mois dernier',
    sql: `select ad_name, ${CTR} as ctr from ad_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31' group by ad_name having ctr is not null order by ctr desc limit 5`,
    tags: ['ads', 'ad-level', 'kpi', 'top-bottom', 'filter', 'time:last-month'],
  },
  {
    id: 'fr-10-requetes-plus-de-clics-2025',
    lang: 'fr',
    question: 'Les 10 requêtes qui ont généré le plus de clics organiques en 2025',
    sql: `select query, sum(clicks) as clicks from search_console_daily where date between '2025-01-01' and '2025-12-31' group by query order by clicks desc limit 10`,
    tags: ['search-console', 'top-bottom', 'time:year'],
  },
  {
    id: 'fr-5-pages-pire-position-mois-dernier',
    lang: 'fr',
    question: 'Les 5 pages avec la pire position moyenne le mois dernier',
    sql: `select page, ${POSITION} as position from search_console_daily where date between '2026-03-01' and '2026-03-31' group by page having position is not null order by position desc limit 5`,
    tags: ['search-console', 'top-bottom', 'time:last-month'],
  },
  {
    id: 'fr-top-5-sources-sessions-30-jours',
    lang: 'fr',
    question: 'Top 5 des sources par sessions sur les 30 derniers jours',
    sql: `select source, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-02' and '2026-03-31' group by source order by sessions desc limit 5`,
    tags: ['web', 'top-bottom', 'time:last-n-days'],
  },
  {
    id: 'fr-5-campagnes-google-cpc-plus-bas-t4',
    lang: 'fr',
    question: 'Les 5 campagnes Google Ads au CPC le plus bas au T4 2025',
    sql: `select campaign_name, cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where platform = 'google_ads' and date between '2025-10-01' and '2025-12-31' group by campaign_name having cpc is not null order by cpc asc limit 5`,
    tags: ['ads', 'kpi', 'top-bottom', 'filter', 'time:quarter'],
  },
  {
    id: 'fr-top-3-groupes-annonces-conversions',
    lang: 'fr',
    question: "Top 3 des groupes d'annonces Google Ads en conversions le mois dernier",
    sql: `select ad_group_name, sum(conversions) as conversions from ad_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31' group by ad_group_name order by conversions desc limit 3`,
    tags: ['ads', 'ad-level', 'top-bottom', 'filter', 'time:last-month'],
  },
  {
    id: 'fr-3-canaux-moins-de-sessions-2025',
    lang: 'fr',
    question: 'Les 3 groupes de canaux avec le moins de sessions en 2025',
    sql: `select channel_group, sum(sessions) as sessions from web_traffic_daily where date between '2025-01-01' and '2025-12-31' group by channel_group order by sessions asc limit 3`,
    tags: ['web', 'top-bottom', 'time:year'],
  },

  // Seuils.
  {
    id: 'fr-campagnes-cpa-superieur-40-mois-dernier',
    lang: 'fr',
    question: 'Campagnes avec un CPA supérieur à 40 € le mois dernier',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name having cpa > 40`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-month'],
  },
  {
    id: 'fr-campagnes-roas-inferieur-3-30-jours',
    lang: 'fr',
    question: 'Quelles campagnes ont un ROAS inférieur à 3 sur les 30 derniers jours ?',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-03-02' and '2026-03-31' group by campaign_name having roas < 3`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-n-days'],
  },
  {
    id: 'fr-campagnes-plus-de-10000-euros-2025',
    lang: 'fr',
    question: 'Campagnes qui ont dépensé plus de 10 000 € en 2025',
    sql: `select campaign_name, sum(spend) as spend from campaign_daily where date between '2025-01-01' and '2025-12-31' group by campaign_name having spend > 10000`,
    tags: ['ads', 'threshold', 'time:year'],
  },
  {
    id: 'fr-annonces-tiktok-ctr-superieur-1-pourcent',
    lang: 'fr',
    question: 'Annonces TikTok avec un CTR supérieur à 1 % la semaine dernière',
    sql: `select ad_name, ${CTR} as ctr from ad_daily where platform = 'tiktok' and date between '2026-03-23' and '2026-03-29' group by ad_name having ctr > 0.01`,
    tags: ['ads', 'ad-level', 'kpi', 'threshold', 'filter', 'time:last-week'],
  },
  {
    id: 'fr-campagnes-taux-conversion-inferieur-2-pourcent-t1',
    lang: 'fr',
    question: 'Campagnes avec un taux de conversion inférieur à 2 % au T1',
    sql: `select campaign_name, cvr(sum(conversions), sum(clicks)) as cvr from campaign_daily where date between '2026-01-01' and '2026-03-31' group by campaign_name having cvr < 0.02`,
    tags: ['ads', 'kpi', 'threshold', 'time:quarter'],
  },
  {
    id: 'fr-plateformes-plus-de-100-conversions',
    lang: 'fr',
    question: 'Plateformes avec plus de 100 conversions la semaine dernière',
    sql: `select platform, sum(conversions) as conversions from campaign_daily where date between '2026-03-23' and '2026-03-29' group by platform having conversions > 100`,
    tags: ['ads', 'threshold', 'time:last-week'],
  },
  {
    id: 'fr-requetes-position-inferieure-3',
    lang: 'fr',
    question: 'Requêtes avec une position moyenne inférieure à 3 le mois dernier',
    sql: `select query, ${POSITION} as position from search_console_daily where date between '2026-03-01' and '2026-03-31' group by query having position < 3`,
    tags: ['search-console', 'threshold', 'time:last-month'],
  },
  {
    id: 'fr-campagnes-cpc-superieur-1-euro-meta',
    lang: 'fr',
    question: 'campagnes meta avec un cpc superieur a 1 euro en fevrier',
    sql: `select campaign_name, cpc(sum(spend), sum(clicks)) as cpc from campaign_daily where platform = 'meta' and date between '2026-02-01' and '2026-02-28' group by campaign_name having cpc > 1`,
    tags: ['ads', 'kpi', 'threshold', 'filter', 'time:named-month'],
  },

  // Filtres.
  {
    id: 'fr-depenses-campagnes-soldes-2025',
    lang: 'fr',
    question: 'Combien les campagnes Soldes ont-elles dépensé au total en 2025 ?',
    sql: `select sum(spend) as spend from campaign_daily where campaign_name ilike '%soldes%' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'fr-conversions-campagnes-actives-par-plateforme',
    lang: 'fr',
    question: 'Conversions des campagnes actives par plateforme le mois dernier',
    sql: `select platform, sum(conversions) as conversions from campaign_daily where campaign_status = 'active' and date between '2026-03-01' and '2026-03-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:last-month'],
  },
  {
    id: 'fr-impressions-campagnes-notoriete-par-plateforme-2025',
    lang: 'fr',
    question: 'Impressions des campagnes de notoriété par plateforme en 2025',
    sql: `select platform, sum(impressions) as impressions from campaign_daily where objective = 'awareness' and date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:year'],
  },
  {
    id: 'fr-depenses-campagnes-en-pause-annee-derniere',
    lang: 'fr',
    question: "Total des dépenses des campagnes en pause l'année dernière",
    sql: `select sum(spend) as spend from campaign_daily where campaign_status = 'paused' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:last-year'],
  },
  {
    id: 'fr-leads-linkedin-par-campagne-depuis-debut-annee',
    lang: 'fr',
    question: "Leads LinkedIn par campagne depuis le début de l'année",
    sql: `select campaign_name, sum(conversions) as conversions from campaign_daily where platform = 'linkedin' and date between '2026-01-01' and '2026-04-01' group by campaign_name`,
    tags: ['ads', 'breakdown', 'filter', 'time:year-to-date'],
  },
  {
    id: 'fr-ca-campagnes-noel-decembre',
    lang: 'fr',
    question: 'CA des campagnes dont le nom contient « Noël » en décembre',
    sql: `select sum(conversion_value) as conversion_value from campaign_daily where campaign_name ilike '%noël%' and date between '2025-12-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-valeur-conversion-pmax-par-campagne-trimestre-dernier',
    lang: 'fr',
    question: 'Valeur de conversion des campagnes PMax par campagne le trimestre dernier',
    sql: `select campaign_name, sum(conversion_value) as conversion_value from campaign_daily where campaign_name ilike '%pmax%' and date between '2026-01-01' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'breakdown', 'filter', 'time:quarter'],
  },
  {
    id: 'fr-cpa-campagnes-objectif-leads-par-plateforme',
    lang: 'fr',
    question: 'CPA des campagnes à objectif leads par plateforme en 2025',
    sql: `select platform, ${CPA} as cpa from campaign_daily where objective = 'leads' and date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:year'],
  },
  {
    id: 'fr-clics-campagnes-trafic-2024',
    lang: 'fr',
    question: 'Nombre total de clics des campagnes de trafic en 2024',
    sql: `select sum(clicks) as clicks from campaign_daily where objective = 'traffic' and date between '2024-01-01' and '2024-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'fr-depenses-campagnes-supprimees-par-plateforme',
    lang: 'fr',
    question: 'Dépenses des campagnes supprimées par plateforme en 2024',
    sql: `select platform, sum(spend) as spend from campaign_daily where campaign_status = 'removed' and date between '2024-01-01' and '2024-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'filter', 'time:year'],
  },
  {
    id: 'fr-roas-campagnes-retargeting-par-compte',
    lang: 'fr',
    question: 'ROAS des campagnes Retargeting par compte sur les 3 derniers mois',
    sql: `select account_name, ${ROAS} as roas from campaign_daily where campaign_name ilike '%retargeting%' and date between '2026-01-01' and '2026-03-31' group by account_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-n-months'],
  },

  // GA4.
  {
    id: 'fr-sessions-par-groupe-de-canaux-mois-dernier',
    lang: 'fr',
    question: 'Sessions par groupe de canaux le mois dernier',
    sql: `select channel_group, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-01' and '2026-03-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:last-month'],
  },
  {
    id: 'fr-evenements-cles-par-source-fevrier',
    lang: 'fr',
    question: 'Événements clés par source en février',
    sql: `select source, sum(key_events) as key_events from web_traffic_daily where date between '2026-02-01' and '2026-02-28' group by source`,
    tags: ['web', 'breakdown', 'time:named-month'],
  },
  {
    id: 'fr-ca-site-par-groupe-de-canaux-2025',
    lang: 'fr',
    question: 'CA du site par groupe de canaux en 2025',
    sql: `select channel_group, sum(revenue) as revenue from web_traffic_daily where date between '2025-01-01' and '2025-12-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:year'],
  },
  {
    id: 'fr-nouveaux-utilisateurs-par-mois-2025',
    lang: 'fr',
    question: 'Nouveaux utilisateurs par mois en 2025',
    sql: `select date_trunc('month', date) as month, sum(new_users) as new_users from web_traffic_daily where date between '2025-01-01' and '2025-12-31' group by month order by month`,
    tags: ['web', 'series', 'time:year'],
  },
  {
    id: 'fr-pages-vues-hier',
    lang: 'fr',
    question: 'Pages vues hier',
    sql: `select sum(page_views) as page_views from web_traffic_daily where date = '2026-03-31'`,
    tags: ['web', 'total', 'time:yesterday'],
  },
  {
    id: 'fr-sessions-engagees-par-support-semaine-derniere',
    lang: 'fr',
    question: 'Sessions engagées par support la semaine dernière',
    sql: `select medium, sum(engaged_sessions) as engaged_sessions from web_traffic_daily where date between '2026-03-23' and '2026-03-29' group by medium`,
    tags: ['web', 'breakdown', 'time:last-week'],
  },
  {
    id: 'fr-transactions-par-source-support-depuis-debut-annee',
    lang: 'fr',
    question: "Transactions par source et support depuis le début de l'année",
    sql: `select source, medium, sum(transactions) as transactions from web_traffic_daily where date between '2026-01-01' and '2026-04-01' group by source, medium`,
    tags: ['web', 'breakdown', 'time:year-to-date'],
  },
  {
    id: 'fr-sessions-par-jour-semaine-derniere',
    lang: 'fr',
    question: 'Sessions GA4 par jour la semaine dernière',
    sql: `select date, sum(sessions) as sessions from web_traffic_daily where date between '2026-03-23' and '2026-03-29' group by date order by date`,
    tags: ['web', 'series', 'time:last-week'],
  },
  {
    id: 'fr-evenements-cles-total-mars-2026',
    lang: 'fr',
    question: 'Combien d’événements clés sur le site en mars 2026 ?',
    sql: `select sum(key_events) as key_events from web_traffic_daily where date between '2026-03-01' and '2026-03-31'`,
    tags: ['web', 'total', 'time:named-month'],
  },

  // Search Console.
  {
    id: 'fr-clics-organiques-par-pays-mois-dernier',
    lang: 'fr',
    question: 'Clics organiques par pays le mois dernier',
    sql: `select country, sum(clicks) as clicks from search_console_daily where date between '2026-03-01' and '2026-03-31' group by country`,
    tags: ['search-console', 'breakdown', 'time:last-month'],
  },
  {
    id: 'fr-position-moyenne-par-appareil-30-jours',
    lang: 'fr',
    question: 'Position moyenne par appareil sur les 30 derniers jours',
    sql: `select device, ${POSITION} as position from search_console_daily where date between '2026-03-02' and '2026-03-31' group by device`,
    tags: ['search-console', 'breakdown', 'time:last-n-days'],
  },
  {
    id: 'fr-impressions-referencement-naturel-2025',
    lang: 'fr',
    question: 'Impressions en référencement naturel en 2025',
    sql: `select sum(impressions) as impressions from search_console_daily where date between '2025-01-01' and '2025-12-31'`,
    tags: ['search-console', 'total', 'time:year'],
  },
  {
    id: 'fr-clics-search-console-par-page-semaine-derniere',
    lang: 'fr',
    question: 'Clics Search Console par page la semaine dernière',
    sql: `select page, sum(clicks) as clicks from search_console_daily where date between '2026-03-23' and '2026-03-29' group by page`,
    tags: ['search-console', 'breakdown', 'time:last-week'],
  },
  {
    id: 'fr-clics-organiques-par-mois-6-derniers-mois',
    lang: 'fr',
    question: 'Clics SEO par mois sur les 6 derniers mois',
    sql: `select date_trunc('month', date) as month, sum(clicks) as clicks from search_console_daily where date between '2025-10-01' and '2026-03-31' group by month order by month`,
    tags: ['search-console', 'series', 'time:last-n-months'],
  },
  {
    id: 'fr-position-moyenne-hier',
    lang: 'fr',
    question: 'Position moyenne Search Console hier',
    sql: `select ${POSITION} as position from search_console_daily where date = '2026-03-31'`,
    tags: ['search-console', 'total', 'time:yesterday'],
  },

  // D'autres périodes, filtres et tournures.
  {
    id: 'fr-conversions-google-cette-annee',
    lang: 'fr',
    question: 'Conversions Google Ads cette année',
    sql: `select sum(conversions) as conversions from campaign_daily where platform = 'google_ads' and date between '2026-01-01' and '2026-04-01'`,
    tags: ['ads', 'total', 'filter', 'time:year-to-date'],
  },
  {
    id: 'fr-depenses-2-dernieres-semaines-par-plateforme',
    lang: 'fr',
    question: 'Dépenses par plateforme sur les 2 dernières semaines',
    sql: `select platform, sum(spend) as spend from campaign_daily where date between '2026-03-16' and '2026-03-29' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-n-weeks'],
  },
  {
    id: 'fr-campagnes-au-moins-50-conversions-semaine-derniere',
    lang: 'fr',
    question: 'Campagnes avec au moins 50 conversions la semaine dernière',
    sql: `select campaign_name, sum(conversions) as conversions from campaign_daily where date between '2026-03-23' and '2026-03-29' group by campaign_name having conversions >= 50`,
    tags: ['ads', 'threshold', 'time:last-week'],
  },
  {
    id: 'fr-roas-objectif-ventes-par-plateforme',
    lang: 'fr',
    question: "ROAS des campagnes à objectif ventes par plateforme sur l'année dernière",
    sql: `select platform, ${ROAS} as roas from campaign_daily where objective = 'sales' and date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-year'],
  },
  {
    id: 'fr-depenses-entre-deux-dates-fevrier',
    lang: 'fr',
    question: 'Dépenses et CA entre le 2026-02-01 et le 2026-02-14',
    sql: `select sum(spend) as spend, sum(conversion_value) as conversion_value from campaign_daily where date between '2026-02-01' and '2026-02-14'`,
    tags: ['ads', 'total', 'time:between'],
  },
  {
    id: 'fr-cpa-tiktok-en-juin',
    lang: 'fr',
    question: 'CPA TikTok en juin',
    sql: `select ${CPA} as cpa from campaign_daily where platform = 'tiktok' and date between '2025-06-01' and '2025-06-30'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-5-campagnes-moins-de-clics-mars-2026',
    lang: 'fr',
    question: 'Les 5 campagnes avec le moins de clics en mars 2026',
    sql: `select campaign_name, sum(clicks) as clicks from campaign_daily where date between '2026-03-01' and '2026-03-31' group by campaign_name order by clicks asc limit 5`,
    tags: ['ads', 'top-bottom', 'time:named-month'],
  },
  {
    id: 'fr-impressions-clics-par-campagne-linkedin-trimestre-dernier',
    lang: 'fr',
    question: 'Impressions et clics par campagne LinkedIn le trimestre dernier',
    sql: `select campaign_name, sum(impressions) as impressions, sum(clicks) as clicks from campaign_daily where platform = 'linkedin' and date between '2026-01-01' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'breakdown', 'filter', 'time:quarter'],
  },
  {
    id: 'fr-nouveaux-utilisateurs-par-canal-mois-dernier',
    lang: 'fr',
    question: 'Nouveaux utilisateurs par groupe de canaux le mois dernier',
    sql: `select channel_group, sum(new_users) as new_users from web_traffic_daily where date between '2026-03-01' and '2026-03-31' group by channel_group`,
    tags: ['web', 'breakdown', 'time:last-month'],
  },
  {
    id: 'fr-pages-vues-par-mois-3-derniers-mois',
    lang: 'fr',
    question: 'Pages vues par mois sur les 3 derniers mois',
    sql: `select date_trunc('month', date) as month, sum(page_views) as page_views from web_traffic_daily where date between '2026-01-01' and '2026-03-31' group by month order by month`,
    tags: ['web', 'series', 'time:last-n-months'],
  },
  {
    id: 'fr-impressions-organiques-par-appareil-t4',
    lang: 'fr',
    question: 'Impressions organiques par appareil au T4',
    sql: `select device, sum(impressions) as impressions from search_console_daily where date between '2025-10-01' and '2025-12-31' group by device`,
    tags: ['search-console', 'breakdown', 'time:quarter'],
  },
  {
    id: 'fr-position-moyenne-par-pays-semaine-vs-precedente',
    lang: 'fr',
    question: 'Position moyenne par pays la semaine dernière vs la semaine précédente',
    sql: versus({
      dimensions: ['country'],
      metrics: { position: POSITION },
      from: 'search_console_daily',
      current: LAST_WEEK,
      previous: WEEK_BEFORE,
    }),
    tags: ['search-console', 'comparison', 'breakdown', 'time:last-week', 'time:previous-period'],
  },

  // Tournures de tous les jours.
  {
    id: 'fr-donne-moi-depenses-clics-conversions-par-plateforme',
    lang: 'fr',
    question:
      'Donne-moi les dépenses, les clics et les conversions par plateforme la semaine dernière',
    sql: `select platform, sum(spend) as spend, sum(clicks) as clicks, sum(conversions) as conversions from campaign_daily where date between '2026-03-23' and '2026-03-29' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-week'],
  },
  {
    id: 'fr-peux-tu-taux-de-clic-par-campagne-tiktok',
    lang: 'fr',
    question: 'Peux-tu me sortir le taux de clic par campagne TikTok sur les 14 derniers jours ?',
    sql: `select campaign_name, ${CTR} as ctr from campaign_daily where platform = 'tiktok' and date between '2026-03-18' and '2026-03-31' group by campaign_name`,
    tags: ['ads', 'kpi', 'breakdown', 'filter', 'time:last-n-days'],
  },
  {
    id: 'fr-combien-on-a-depense-hier',
    lang: 'fr',
    question: 'combien on a dépensé hier',
    sql: `select sum(spend) as spend from campaign_daily where date = '2026-03-31'`,
    tags: ['ads', 'total', 'time:yesterday'],
  },
  {
    id: 'fr-roas-google-mois-dernier',
    lang: 'fr',
    question: 'Quel a été le ROAS de Google Ads le mois dernier ?',
    sql: `select ${ROAS} as roas from campaign_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31'`,
    tags: ['ads', 'kpi', 'total', 'filter', 'time:last-month'],
  },
  {
    id: 'fr-trois-meilleures-campagnes-ca-trimestre-dernier',
    lang: 'fr',
    question: "Les trois meilleures campagnes par chiffre d'affaires au trimestre dernier",
    sql: `select campaign_name, sum(conversion_value) as conversion_value from campaign_daily where date between '2026-01-01' and '2026-03-31' group by campaign_name order by conversion_value desc limit 3`,
    tags: ['ads', 'top-bottom', 'time:quarter'],
  },
  {
    id: 'fr-cout-par-acquisition-par-plateforme-t4-2025',
    lang: 'fr',
    question: 'Coût par acquisition par plateforme au T4 2025',
    sql: `select platform, ${CPA} as cpa from campaign_daily where date between '2025-10-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'fr-budget-depense-linkedin-2025',
    lang: 'fr',
    question: 'Budget dépensé sur LinkedIn en 2025',
    sql: `select sum(spend) as spend from campaign_daily where platform = 'linkedin' and date between '2025-01-01' and '2025-12-31'`,
    tags: ['ads', 'total', 'filter', 'time:year'],
  },
  {
    id: 'fr-liste-campagnes-roas-superieur-5-7-jours',
    lang: 'fr',
    question: 'Liste des campagnes avec un ROAS supérieur à 5 sur les 7 derniers jours',
    sql: `select campaign_name, ${ROAS} as roas from campaign_daily where date between '2026-03-25' and '2026-03-31' group by campaign_name having roas > 5`,
    tags: ['ads', 'kpi', 'threshold', 'time:last-n-days'],
  },
  {
    id: 'fr-conversions-meta-par-jour-du-1er-au-7-mars-2026',
    lang: 'fr',
    question: 'Conversions Meta par jour du 1er au 7 mars 2026',
    sql: `select date, sum(conversions) as conversions from campaign_daily where platform = 'meta' and date between '2026-03-01' and '2026-03-07' group by date order by date`,
    tags: ['ads', 'series', 'filter', 'time:between'],
  },
  {
    id: 'fr-revenu-par-plateforme-an-dernier',
    lang: 'fr',
    question: "Revenu par plateforme l'an dernier",
    sql: `select platform, sum(conversion_value) as conversion_value from campaign_daily where date between '2025-01-01' and '2025-12-31' group by platform`,
    tags: ['ads', 'breakdown', 'time:last-year'],
  },
  {
    id: 'fr-3-annonces-google-plus-de-clics-semaine-derniere',
    lang: 'fr',
    question: 'Les 3 annonces Google Ads avec le plus de clics la semaine dernière',
    sql: `select ad_name, sum(clicks) as clicks from ad_daily where platform = 'google_ads' and date between '2026-03-23' and '2026-03-29' group by ad_name order by clicks desc limit 3`,
    tags: ['ads', 'ad-level', 'top-bottom', 'filter', 'time:last-week'],
  },
  {
    id: 'fr-sessions-par-semaine-8-dernieres-semaines',
    lang: 'fr',
    question: 'Sessions par semaine sur les 8 dernières semaines',
    sql: `select date_trunc('week', date) as week, sum(sessions) as sessions from web_traffic_daily where date between '2026-02-02' and '2026-03-29' group by week order by week`,
    tags: ['web', 'series', 'time:last-n-weeks'],
  },
  {
    id: 'fr-position-moyenne-par-requete-7-jours',
    lang: 'fr',
    question: 'Position moyenne par requête sur les 7 derniers jours',
    sql: `select query, ${POSITION} as position from search_console_daily where date between '2026-03-25' and '2026-03-31' group by query`,
    tags: ['search-console', 'breakdown', 'time:last-n-days'],
  },
  {
    id: 'fr-sessions-engagees-fevrier',
    lang: 'fr',
    question: 'Combien de sessions engagées en février ?',
    sql: `select sum(engaged_sessions) as engaged_sessions from web_traffic_daily where date between '2026-02-01' and '2026-02-28'`,
    tags: ['web', 'total', 'time:named-month'],
  },
  {
    id: 'fr-evenements-cles-mois-dernier-vs-an-dernier',
    lang: 'fr',
    question: "Événements clés le mois dernier par rapport à l'an dernier",
    sql: versus({
      metrics: { key_events: 'sum(key_events)' },
      from: 'web_traffic_daily',
      current: MARCH_2026,
      previous: MARCH_2025,
    }),
    tags: ['web', 'comparison', 'total', 'time:last-month', 'time:same-period-last-year'],
  },
  {
    id: 'fr-conversions-cpa-par-compte-t1-2026',
    lang: 'fr',
    question: 'Conversions et CPA par compte au T1 2026',
    sql: `select account_name, sum(conversions) as conversions, ${CPA} as cpa from campaign_daily where date between '2026-01-01' and '2026-03-31' group by account_name`,
    tags: ['ads', 'kpi', 'breakdown', 'time:quarter'],
  },
  {
    id: 'fr-impressions-cpm-par-objectif-mois-dernier',
    lang: 'fr',
    question: 'Impressions et CPM par objectif le mois dernier',
    sql: `select objective, sum(impressions) as impressions, cpm(sum(spend), sum(impressions)) as cpm from campaign_daily where date between '2026-03-01' and '2026-03-31' group by objective`,
    tags: ['ads', 'kpi', 'breakdown', 'time:last-month'],
  },
  {
    id: 'fr-taux-conversion-par-groupe-annonces-google-mars-2026',
    lang: 'fr',
    question: "Taux de conversion par groupe d'annonces Google Ads en mars 2026",
    sql: `select ad_group_name, cvr(sum(conversions), sum(clicks)) as cvr from ad_daily where platform = 'google_ads' and date between '2026-03-01' and '2026-03-31' group by ad_group_name`,
    tags: ['ads', 'ad-level', 'kpi', 'breakdown', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-ca-site-par-source-trimestre-dernier',
    lang: 'fr',
    question: "J'aimerais voir le CA du site par source le trimestre dernier",
    sql: `select source, sum(revenue) as revenue from web_traffic_daily where date between '2026-01-01' and '2026-03-31' group by source`,
    tags: ['web', 'breakdown', 'time:quarter'],
  },
  {
    id: 'fr-5-pages-plus-de-clics-organiques-semaine-derniere',
    lang: 'fr',
    question: 'Les 5 pages avec le plus de clics organiques la semaine dernière',
    sql: `select page, sum(clicks) as clicks from search_console_daily where date between '2026-03-23' and '2026-03-29' group by page order by clicks desc limit 5`,
    tags: ['search-console', 'top-bottom', 'time:last-week'],
  },

  // KPI NULL : dénominateur nul, et lignes NULL hors du top N.
  {
    id: 'fr-3-campagnes-linkedin-meilleur-cpa-septembre-2025',
    lang: 'fr',
    question: 'Les 3 campagnes LinkedIn avec le meilleur CPA en septembre 2025',
    sql: `select campaign_name, ${CPA} as cpa from campaign_daily where platform = 'linkedin' and date between '2025-09-01' and '2025-09-30' group by campaign_name having cpa is not null order by cpa asc limit 3`,
    tags: ['ads', 'kpi', 'top-bottom', 'filter', 'time:named-month'],
  },
  {
    id: 'fr-top-5-campagnes-conversions-7-jours-vs-precedente',
    lang: 'fr',
    question:
      'Top 5 des campagnes en conversions sur les 7 derniers jours vs la période précédente',
    sql: `${versus({
      dimensions: ['campaign_name'],
      metrics: { conversions: CONVERSIONS },
      from: 'campaign_daily',
      current: LAST_7_DAYS,
      previous: PREVIOUS_7_DAYS,
    })} order by conversions desc nulls last limit 5`,
    tags: ['ads', 'comparison', 'top-bottom', 'time:last-n-days', 'time:previous-period'],
  },
];

/** Questions the engine must refuse, in both languages. */
const refusals: AskQuestion[] = [
  // Forecasts.
  {
    id: 'en-refuse-forecast-spend-next-month',
    lang: 'en',
    question: 'How much will we spend next month?',
    refuse: true,
    why: 'A forecast: the model holds what happened, not what will.',
    tags: ['refuse:forecast'],
  },
  {
    id: 'en-refuse-forecast-black-friday',
    lang: 'en',
    question: 'Predict our conversions for Black Friday 2026',
    refuse: true,
    why: 'A forecast of a future period.',
    tags: ['refuse:forecast'],
  },
  {
    id: 'en-refuse-forecast-roas-end-of-quarter',
    lang: 'en',
    question: 'What ROAS should we expect by the end of the quarter?',
    refuse: true,
    why: 'A projection, not a measure of past data.',
    tags: ['refuse:forecast'],
  },
  {
    id: 'fr-refuse-prevision-depenses-mois-prochain',
    lang: 'fr',
    question: 'Combien allons-nous dépenser le mois prochain ?',
    refuse: true,
    why: 'Une prévision : le modèle ne contient que le passé.',
    tags: ['refuse:forecast'],
  },
  {
    id: 'fr-refuse-prevision-ventes-decembre',
    lang: 'fr',
    question: 'Prévois les ventes de décembre 2026',
    refuse: true,
    why: 'Une prévision sur une période future.',
    tags: ['refuse:forecast'],
  },
  // Why-questions.
  {
    id: 'en-refuse-why-cpa-up',
    lang: 'en',
    question: 'Why did our CPA go up last week?',
    refuse: true,
    why: 'A cause, not a figure: one SQL statement cannot explain why.',
    tags: ['refuse:why'],
  },
  {
    id: 'en-refuse-why-meta-roas-dropping',
    lang: 'en',
    question: "Why is Meta's ROAS dropping?",
    refuse: true,
    why: 'A cause, not a figure.',
    tags: ['refuse:why'],
  },
  {
    id: 'fr-refuse-pourquoi-ctr-tiktok',
    lang: 'fr',
    question: 'Pourquoi le CTR de TikTok a-t-il baissé ?',
    refuse: true,
    why: 'Une cause, pas un chiffre.',
    tags: ['refuse:why'],
  },
  {
    id: 'fr-refuse-pourquoi-conversions-meta',
    lang: 'fr',
    question: 'pourquoi les conversions meta ont chuté la semaine derniere',
    refuse: true,
    why: 'Une cause, pas un chiffre.',
    tags: ['refuse:why'],
  },
  // Metrics the model does not have.
  {
    id: 'en-refuse-bounce-rate',
    lang: 'en',
    question: 'What was the bounce rate last month?',
    refuse: true,
    why: 'No bounce rate in the model (GA4 sessions, engaged sessions, ... only).',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'en-refuse-profit-google',
    lang: 'en',
    question: 'What profit did we make from Google Ads last quarter?',
    refuse: true,
    why: 'No costs of goods or margins in the model: profit is unknown.',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'en-refuse-ltv-tiktok',
    lang: 'en',
    question: 'What is the lifetime value of customers acquired on TikTok?',
    refuse: true,
    why: 'No customer-level data: LTV is unknown.',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'en-refuse-email-open-rate',
    lang: 'en',
    question: 'What was the open rate of our newsletter last month?',
    refuse: true,
    why: 'No email platform data in the model.',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'fr-refuse-taux-de-rebond',
    lang: 'fr',
    question: 'Taux de rebond par page le mois dernier',
    refuse: true,
    why: "Pas de taux de rebond dans le modèle (et GA4 n'y a pas de page).",
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'fr-refuse-marge-brute',
    lang: 'fr',
    question: 'Quelle est notre marge brute sur les ventes Google Ads ?',
    refuse: true,
    why: "Pas de coût des marchandises : la marge n'est pas connue.",
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'fr-refuse-ltv-par-plateforme',
    lang: 'fr',
    question: 'Valeur vie client (LTV) par plateforme',
    refuse: true,
    why: 'Pas de données client : la LTV est inconnue.',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'fr-refuse-taux-de-reachat',
    lang: 'fr',
    question: 'Taux de réachat des clientes sur les 6 derniers mois',
    refuse: true,
    why: 'Pas de données client : le réachat est inconnu.',
    tags: ['refuse:unknown-metric'],
  },
  // Dimensions the model does not have.
  {
    id: 'en-refuse-conversions-by-age',
    lang: 'en',
    question: 'Conversions by age group last month',
    refuse: true,
    why: 'No age in the model.',
    tags: ['refuse:unknown-dimension'],
  },
  {
    id: 'en-refuse-ctr-by-gender',
    lang: 'en',
    question: 'CTR by gender on Meta last week',
    refuse: true,
    why: 'No gender in the model.',
    tags: ['refuse:unknown-dimension'],
  },
  {
    id: 'en-refuse-cpa-by-hour',
    lang: 'en',
    question: 'Which hour of the day has the best CPA?',
    refuse: true,
    why: 'The model is daily: no hour of day.',
    tags: ['refuse:unknown-dimension'],
  },
  {
    id: 'fr-refuse-conversions-par-tranche-age',
    lang: 'fr',
    question: "Répartition des conversions par tranche d'âge en 2025",
    refuse: true,
    why: "Pas d'âge dans le modèle.",
    tags: ['refuse:unknown-dimension'],
  },
  {
    id: 'fr-refuse-depenses-meta-par-sexe',
    lang: 'fr',
    question: 'Dépenses Meta par sexe le mois dernier',
    refuse: true,
    why: 'Pas de sexe dans le modèle.',
    tags: ['refuse:unknown-dimension'],
  },
  {
    id: 'fr-refuse-heure-de-la-journee',
    lang: 'fr',
    question: 'À quelle heure de la journée nos annonces convertissent-elles le mieux ?',
    refuse: true,
    why: "Le modèle est journalier : pas d'heure.",
    tags: ['refuse:unknown-dimension'],
  },
  // Platforms Baton has no data for.
  {
    id: 'en-refuse-snapchat-spend',
    lang: 'en',
    question: 'How much did we spend on Snapchat last month?',
    refuse: true,
    why: 'No Snapchat data: the platforms are Google Ads, Meta, TikTok and LinkedIn.',
    tags: ['refuse:unknown-platform'],
  },
  {
    id: 'en-refuse-pinterest-clicks',
    lang: 'en',
    question: 'Pinterest clicks yesterday',
    refuse: true,
    why: 'No Pinterest data.',
    tags: ['refuse:unknown-platform'],
  },
  {
    id: 'en-refuse-bing-ads-cpc',
    lang: 'en',
    question: 'What was our Microsoft Advertising (Bing Ads) CPC in March?',
    refuse: true,
    why: 'No Microsoft Advertising data (Bing appears only as an organic GA4 source).',
    tags: ['refuse:unknown-platform'],
  },
  {
    id: 'fr-refuse-snapchat-depenses-mars',
    lang: 'fr',
    question: 'Dépenses Snapchat en mars',
    refuse: true,
    why: 'Pas de données Snapchat.',
    tags: ['refuse:unknown-platform'],
  },
  {
    id: 'fr-refuse-pinterest-roas',
    lang: 'fr',
    question: "ROAS Pinterest depuis le début de l'année",
    refuse: true,
    why: 'Pas de données Pinterest.',
    tags: ['refuse:unknown-platform'],
  },
  {
    id: 'fr-refuse-amazon-ads-ventes',
    lang: 'fr',
    question: 'Combien de ventes via Amazon Ads le mois dernier ?',
    refuse: true,
    why: 'Pas de données Amazon Ads.',
    tags: ['refuse:unknown-platform'],
  },
  // Actions.
  {
    id: 'en-refuse-pause-campaign',
    lang: 'en',
    question: 'Pause the campaign FR | Search | Concurrents',
    refuse: true,
    why: 'An action on an ad account: ask only reads data.',
    tags: ['refuse:action'],
  },
  {
    id: 'en-refuse-raise-budget',
    lang: 'en',
    question: 'Increase the budget of TT_FR_Conversions_Serum_SparkAds by 20%',
    refuse: true,
    why: 'An action on an ad account.',
    tags: ['refuse:action'],
  },
  {
    id: 'fr-refuse-supprimer-campagnes',
    lang: 'fr',
    question: 'Supprime les campagnes Black Friday 2024',
    refuse: true,
    why: 'Une action sur un compte publicitaire.',
    tags: ['refuse:action'],
  },
  {
    id: 'fr-refuse-pause-annonces-cpa',
    lang: 'fr',
    question: 'Mets en pause les annonces avec un CPA supérieur à 50 €',
    refuse: true,
    why: 'Une action, même si elle contient un seuil que le moteur sait lire.',
    tags: ['refuse:action'],
  },
  // Off-topic.
  {
    id: 'en-refuse-weather-paris',
    lang: 'en',
    question: "What's the weather in Paris tomorrow?",
    refuse: true,
    why: 'Off-topic.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'en-refuse-write-poem',
    lang: 'en',
    question: 'Write a short poem about our new vitamin C serum',
    refuse: true,
    why: 'Off-topic: not a question about the data.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'en-refuse-competitor-spend',
    lang: 'en',
    question: 'How much are our competitors spending on Google Ads?',
    refuse: true,
    why: 'Only our own accounts are in the model.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'fr-refuse-capitale-australie',
    lang: 'fr',
    question: "Quelle est la capitale de l'Australie ?",
    refuse: true,
    why: 'Hors sujet.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'fr-refuse-rediger-post-linkedin',
    lang: 'fr',
    question: 'Rédige un post LinkedIn pour annoncer notre nouveau sérum',
    refuse: true,
    why: 'Hors sujet : pas une question sur les données.',
    tags: ['refuse:off-topic'],
  },
  // Combinations one table cannot answer.
  {
    id: 'en-refuse-sessions-by-ad',
    lang: 'en',
    question: 'Sessions by ad last month',
    refuse: true,
    why: 'Sessions are in GA4, ads in the ad platforms: one question reads one table.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'en-refuse-position-by-campaign',
    lang: 'en',
    question: 'Average Search Console position by campaign',
    refuse: true,
    why: 'Search Console has no campaigns.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'en-refuse-cpa-by-channel-group',
    lang: 'en',
    question: 'CPA by channel group last month',
    refuse: true,
    why: 'Spend is in the ad tables, channel groups in GA4.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'en-refuse-spend-by-device',
    lang: 'en',
    question: 'Spend by device last week',
    refuse: true,
    why: 'Devices are in Search Console only; the ad tables have none.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'fr-refuse-sessions-par-annonce',
    lang: 'fr',
    question: 'Sessions par annonce sur les 7 derniers jours',
    refuse: true,
    why: 'Les sessions sont dans GA4, les annonces dans les plateformes publicitaires.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'fr-refuse-position-par-campagne-google',
    lang: 'fr',
    question: 'Position moyenne Search Console par campagne Google Ads',
    refuse: true,
    why: "Search Console n'a pas de campagnes.",
    tags: ['refuse:cross-table'],
  },
  {
    id: 'fr-refuse-roas-par-pays',
    lang: 'fr',
    question: 'ROAS par pays le mois dernier',
    refuse: true,
    why: 'Les pays ne sont que dans Search Console, qui n’a ni dépenses ni CA.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'fr-refuse-conversions-par-requete',
    lang: 'fr',
    question: 'Taux de conversion par requête Search Console',
    refuse: true,
    why: "Search Console n'a pas de conversions.",
    tags: ['refuse:cross-table'],
  },
  // Look answerable, are not.
  {
    id: 'en-refuse-which-campaign-to-pause',
    lang: 'en',
    question: 'Which campaign should I pause?',
    refuse: true,
    why: 'A recommendation, not a figure: recommendations are another cell.',
    tags: ['refuse:action'],
  },
  {
    id: 'en-refuse-reach-meta',
    lang: 'en',
    question: 'What was our reach on Meta last month?',
    refuse: true,
    why: 'Reach is non-additive across days: no sum of the daily rows answers it.',
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'en-refuse-sessions-by-device',
    lang: 'en',
    question: 'Sessions by device last month',
    refuse: true,
    why: 'GA4 rows have no device; devices are in Search Console only.',
    tags: ['refuse:cross-table'],
  },
  {
    id: 'en-refuse-cpa-vs-industry-benchmark',
    lang: 'en',
    question: 'How does our CPA compare with the industry benchmark?',
    refuse: true,
    why: 'No benchmark data in the model.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'en-refuse-meta-cost-will-this-month',
    lang: 'en',
    question: 'How much will Meta cost us by the end of this month?',
    refuse: true,
    why: 'A projection of the rest of the month.',
    tags: ['refuse:forecast'],
  },
  {
    id: 'fr-refuse-quelle-campagne-couper',
    lang: 'fr',
    question: 'Quelle campagne devrais-je couper ?',
    refuse: true,
    why: "Une recommandation, pas un chiffre : c'est une autre cellule.",
    tags: ['refuse:action'],
  },
  {
    id: 'fr-refuse-couverture-meta',
    lang: 'fr',
    question: 'Couverture Meta le mois dernier',
    refuse: true,
    why: "La couverture (reach) ne s'additionne pas d'un jour à l'autre.",
    tags: ['refuse:unknown-metric'],
  },
  {
    id: 'fr-refuse-sessions-par-appareil',
    lang: 'fr',
    question: 'Sessions par appareil la semaine dernière',
    refuse: true,
    why: "GA4 n'a pas d'appareil dans le modèle ; les appareils sont dans Search Console.",
    tags: ['refuse:cross-table'],
  },
  {
    id: 'fr-refuse-cpa-vs-moyenne-secteur',
    lang: 'fr',
    question: 'Quel est notre CPA par rapport à la moyenne du secteur ?',
    refuse: true,
    why: 'Pas de données de référence sectorielles.',
    tags: ['refuse:off-topic'],
  },
  {
    id: 'fr-refuse-roas-juin-prevision',
    lang: 'fr',
    question: 'Quel sera notre ROAS en juin ?',
    refuse: true,
    why: 'Une prévision (futur).',
    tags: ['refuse:forecast'],
  },
];

/** Every question, English then French, answerable then refused. */
export const QUESTIONS: readonly AskQuestion[] = [...english, ...french, ...refusals];
