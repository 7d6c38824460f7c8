/**
 * The column definitions of the marketing model (docs: marketing-model.md).
 *
 * Two sides of one contract: the raw streams connectors land in `raw_<plugin>.<stream>`, money
 * in the account's own currency with a `currency` column; and the model views in `main`, which
 * union every plugin's rows and convert money to the workspace's reporting currency.
 */

export interface StreamColumn {
  name: string;
  /** DuckDB type, e.g. `VARCHAR`, `DECIMAL(18,2)`, `DATE`. */
  type: string;
  /** Money in the row's `currency`: the views convert it and keep the original as `<name>_native`. */
  money?: boolean;
}

const DATE = 'DATE';
const TEXT = 'VARCHAR';
const COUNT = 'BIGINT';
const MONEY = 'DECIMAL(18,2)';
const REAL = 'DOUBLE';

const text = (...names: string[]): StreamColumn[] => names.map((name) => ({ name, type: TEXT }));
const counts = (...names: string[]): StreamColumn[] => names.map((name) => ({ name, type: COUNT }));
const money = (name: string): StreamColumn => ({ name, type: MONEY, money: true });

/** Who a campaign is: the columns every campaign-level stream starts with. */
const CAMPAIGN_IDENTITY = text(
  'platform',
  'account_id',
  'account_name',
  'campaign_id',
  'campaign_name',
  'campaign_status',
  'objective',
);
const CAMPAIGN_KEYS = [{ name: 'date', type: DATE }, ...CAMPAIGN_IDENTITY];
const DELIVERY = [
  ...counts('impressions', 'clicks'),
  money('spend'),
  { name: 'conversions', type: REAL },
  money('conversion_value'),
  ...counts('video_views'),
];

/** Streams every workspace has as a view, empty when no connector provides them. */
export const MODEL_STREAMS = [
  'fx_rates', // first: the other views join it
  'campaign_daily',
  'ad_daily',
  'campaigns',
  'web_traffic_daily',
  'search_console_daily',
] as const;
/** Streams only some connectors provide (the demo): a view exists while a raw table does. */
export const EXTRA_STREAMS = ['weather_daily', 'demo_truth'] as const;

export type ModelStream = (typeof MODEL_STREAMS)[number];
export type ExtraStream = (typeof EXTRA_STREAMS)[number];
export type RawStream = ModelStream | ExtraStream;

/**
 * Columns of each raw stream, in order. Money columns are in the row's `currency`
 * (ISO 4217); ids are text; unused hierarchy levels are '' (LinkedIn has no ad groups).
 *
 * @example createRawTableSql('raw_meta', 'ad_daily') // CREATE TABLE IF NOT EXISTS ...
 */
export const RAW_STREAM_COLUMNS: Record<RawStream, readonly StreamColumn[]> = {
  campaign_daily: [...CAMPAIGN_KEYS, ...DELIVERY, { name: 'currency', type: TEXT }],
  ad_daily: [
    ...CAMPAIGN_KEYS,
    ...text('ad_group_id', 'ad_group_name', 'ad_id', 'ad_name'),
    ...DELIVERY,
    { name: 'reach', type: COUNT },
    { name: 'frequency', type: REAL },
    { name: 'currency', type: TEXT },
  ],
  campaigns: [
    ...CAMPAIGN_IDENTITY,
    money('daily_budget'),
    { name: 'start_date', type: DATE },
    { name: 'end_date', type: DATE },
    { name: 'currency', type: TEXT },
  ],
  web_traffic_daily: [
    { name: 'date', type: DATE },
    ...text('property_id', 'channel_group', 'source', 'medium', 'campaign'),
    ...counts('sessions', 'engaged_sessions', 'new_users', 'total_users', 'page_views'),
    { name: 'key_events', type: REAL },
    ...counts('transactions'),
    money('revenue'),
    { name: 'currency', type: TEXT },
  ],
  search_console_daily: [
    { name: 'date', type: DATE },
    ...text('site_url', 'query', 'page', 'country', 'device'),
    ...counts('clicks', 'impressions'),
    { name: 'position', type: REAL },
    { name: 'position_weighted', type: REAL },
  ],
  /** `1 base_currency = rate quote_currency` on `date` (ECB style: base EUR). */
  fx_rates: [
    { name: 'date', type: DATE },
    ...text('base_currency', 'quote_currency'),
    { name: 'rate', type: REAL },
  ],
  weather_daily: [
    { name: 'date', type: DATE },
    ...text('city'),
    { name: 'temperature_c', type: REAL },
    { name: 'sunshine_hours', type: REAL },
  ],
  demo_truth: [
    ...text('kind', 'platform', 'account_id', 'campaign_id', 'campaign_name', 'ad_id'),
    { name: 'start_date', type: DATE },
    { name: 'end_date', type: DATE },
    ...text('metric', 'direction'),
    { name: 'magnitude', type: REAL },
    ...text('description'),
  ],
};

/**
 * Columns of each model view in `main`, in order: the raw columns with every money column
 * converted to the reporting currency, `currency` the reporting code, and the original amounts
 * kept as `<money>_native` with `native_currency`. `fx_rates` is reshaped to
 * (date, currency, rate_to_reporting).
 */
/** The grain of each raw stream: the columns that make a row unique. */
export const RAW_STREAM_PRIMARY_KEYS: Record<RawStream, readonly string[]> = {
  campaign_daily: ['date', 'platform', 'account_id', 'campaign_id'],
  ad_daily: ['date', 'platform', 'account_id', 'campaign_id', 'ad_group_id', 'ad_id'],
  campaigns: ['platform', 'account_id', 'campaign_id'],
  web_traffic_daily: ['date', 'property_id', 'channel_group', 'source', 'medium', 'campaign'],
  search_console_daily: ['date', 'site_url', 'query', 'page', 'country', 'device'],
  fx_rates: ['date', 'base_currency', 'quote_currency'],
  weather_daily: ['date', 'city'],
  demo_truth: ['kind', 'platform', 'campaign_id', 'ad_id', 'start_date', 'metric'],
};

export function modelViewColumns(stream: RawStream): StreamColumn[] {
  if (stream === 'fx_rates') {
    return [
      { name: 'date', type: DATE },
      { name: 'currency', type: TEXT },
      { name: 'rate_to_reporting', type: REAL },
    ];
  }
  // The campaigns view lists campaigns by account id only, as the contract does.
  const raw = RAW_STREAM_COLUMNS[stream].filter(
    (column) => !(stream === 'campaigns' && column.name === 'account_name'),
  );
  const columns = raw.map(({ name, type }) => ({ name, type }));
  const moneyColumns = raw.filter((column) => column.money);
  if (moneyColumns.length === 0) return columns;
  return [
    ...columns,
    ...moneyColumns.map(({ name, type }) => ({ name: `${name}_native`, type })),
    { name: 'native_currency', type: TEXT },
  ];
}

/** The column names of a raw stream, in order (the order of the demo's batches too). */
export function rawColumnNames(stream: RawStream): string[] {
  return RAW_STREAM_COLUMNS[stream].map((column) => column.name);
}

/** Quotes an identifier for DuckDB. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** DDL for a raw stream's table, e.g. in `raw_demo` (the engine's `ingest` needs it to exist). */
export function createRawTableSql(
  schema: string,
  stream: RawStream,
  { replace = false } = {},
): string {
  const columns = RAW_STREAM_COLUMNS[stream]
    .map((column) => `${quoteIdentifier(column.name)} ${column.type}`)
    .join(', ');
  const verb = replace ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE IF NOT EXISTS';
  return `${verb} ${quoteIdentifier(schema)}.${quoteIdentifier(stream)} (${columns})`;
}
