/**
 * The model views: each one the union (by name) of every `raw_*` schema's table of that stream,
 * read from the catalog at refresh time, so a new connector's tables appear with no manual step.
 * Money is converted to the reporting currency with the `fx_rates` of the row's date.
 */
import { BatonError } from '../errors.ts';
import { createKpiMacros } from './macros.ts';
import {
  EXTRA_STREAMS,
  MODEL_STREAMS,
  RAW_STREAM_COLUMNS,
  modelViewColumns,
  quoteIdentifier,
  type RawStream,
} from './schema.ts';
import type { ModelWarehouse } from './warehouse.ts';

export interface RefreshModelOptions {
  /** ISO 4217 code every money column is converted to, e.g. `EUR`. */
  reportingCurrency: string;
}

/** Which raw tables each view reads, e.g. `{ campaign_daily: ['raw_demo', 'raw_meta'] }`. */
export type ModelSources = Record<RawStream, string[]>;

interface RawTable {
  schema: string;
  /** Lower-cased column names the table has. */
  columns: Set<string>;
}

/**
 * (Re)creates the KPI macros and every model view in `main` from the raw tables present now.
 *
 * @example await refreshModel(warehouse, { reportingCurrency: 'EUR' })
 */
export async function refreshModel(
  warehouse: Pick<ModelWarehouse, 'execute' | 'query'>,
  options: RefreshModelOptions,
): Promise<ModelSources> {
  const currency = options.reportingCurrency;
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new BatonError(
      'config',
      `Reporting currency "${currency}" is not an ISO 4217 code.`,
      'Use three capital letters, e.g. EUR.',
    );
  }
  const tables = await readRawTables(warehouse);
  await createKpiMacros(warehouse);
  const sources = {} as ModelSources;
  for (const stream of MODEL_STREAMS) {
    const raw = tables.get(stream) ?? [];
    await warehouse.execute(modelViewSql(stream, raw, currency));
    sources[stream] = raw.map((table) => table.schema);
  }
  const mainViews = await readMainViews(warehouse);
  for (const stream of EXTRA_STREAMS) {
    const raw = tables.get(stream) ?? [];
    sources[stream] = raw.map((table) => table.schema);
    if (raw.length > 0) await warehouse.execute(modelViewSql(stream, raw, currency));
    else if (mainViews.has(stream))
      await warehouse.execute(`DROP VIEW main.${quoteIdentifier(stream)}`);
  }
  return sources;
}

async function readRawTables(
  warehouse: Pick<ModelWarehouse, 'query'>,
): Promise<Map<string, RawTable[]>> {
  const result = await warehouse.query(
    `SELECT table_schema, table_name, column_name FROM information_schema.columns
     WHERE table_catalog = current_database() AND starts_with(table_schema, 'raw_')
     ORDER BY table_schema, table_name, ordinal_position`,
    { rowCap: 1_000_000 },
  );
  const [schemas = [], names = [], columns = []] = result.data;
  const byStream = new Map<string, RawTable[]>();
  for (let i = 0; i < result.rowCount; i++) {
    const stream = String(names[i]).toLowerCase();
    const schema = String(schemas[i]);
    const list = byStream.get(stream) ?? [];
    let table = list.find((candidate) => candidate.schema === schema);
    if (!table) {
      table = { schema, columns: new Set() };
      list.push(table);
      byStream.set(stream, list);
    }
    table.columns.add(String(columns[i]).toLowerCase());
  }
  return byStream;
}

async function readMainViews(warehouse: Pick<ModelWarehouse, 'query'>): Promise<Set<string>> {
  const result = await warehouse.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'VIEW'`,
    { rowCap: 1_000_000 },
  );
  return new Set((result.data[0] ?? []).map((name) => String(name)));
}

/** One raw table projected onto the stream's columns: missing ones NULL, all cast to type. */
function projection(stream: RawStream, table: RawTable): string {
  const columns = RAW_STREAM_COLUMNS[stream].map(({ name, type }) => {
    const source = table.columns.has(name) ? quoteIdentifier(name) : 'NULL';
    return `CAST(${source} AS ${type}) AS ${quoteIdentifier(name)}`;
  });
  return `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(table.schema)}.${quoteIdentifier(stream)}`;
}

function unionSql(stream: RawStream, tables: RawTable[]): string {
  if (tables.length === 0) {
    const columns = RAW_STREAM_COLUMNS[stream].map(
      ({ name, type }) => `CAST(NULL AS ${type}) AS ${quoteIdentifier(name)}`,
    );
    return `SELECT ${columns.join(', ')} WHERE false`;
  }
  return tables.map((table) => projection(stream, table)).join('\nUNION ALL BY NAME\n');
}

export function modelViewSql(stream: RawStream, tables: RawTable[], currency: string): string {
  const view = `CREATE OR REPLACE VIEW main.${quoteIdentifier(stream)} AS`;
  const source = unionSql(stream, tables);
  const code = `'${currency}'`;
  if (stream === 'fx_rates') return `${view}\n${fxRatesSql(source, code)}`;
  const moneyColumns = RAW_STREAM_COLUMNS[stream]
    .filter((column) => column.money)
    .map((column) => column.name);
  const columns = modelViewColumns(stream);
  if (moneyColumns.length === 0) {
    return `${view}\nSELECT ${columns.map((column) => quoteIdentifier(column.name)).join(', ')} FROM (${source})`;
  }
  const select = columns.map(({ name, type }) => {
    const quoted = quoteIdentifier(name);
    if (moneyColumns.includes(name)) {
      return `CAST(CASE WHEN s.currency = ${code} THEN s.${quoted} ELSE s.${quoted} * fx.rate_to_reporting END AS ${type}) AS ${quoted}`;
    }
    if (name === 'currency') return `CAST(${code} AS VARCHAR) AS currency`;
    if (name === 'native_currency') return 's.currency AS native_currency';
    if (name.endsWith('_native'))
      return `s.${quoteIdentifier(name.slice(0, -'_native'.length))} AS ${quoted}`;
    return `s.${quoted}`;
  });
  // A budget is converted at the last rate of its flight (the latest one while it runs).
  const rateDay = stream === 'campaigns' ? `coalesce(end_date, DATE '9999-12-31')` : 'date';
  return `${view}
WITH src AS (${source}),
dated AS (SELECT *, ${rateDay} AS _rate_day FROM src)
SELECT ${select.join(',\n  ')}
FROM dated AS s ASOF LEFT JOIN main.fx_rates AS fx ON s.currency = fx.currency AND s._rate_day >= fx.date`;
}

/**
 * Rates to the reporting currency from `1 base = rate quote` rows: direct, inverse, or
 * crossed through a shared base (EUR rates give GBP->USD), plus the reporting currency itself.
 */
function fxRatesSql(source: string, code: string): string {
  return `WITH src AS (${source}),
pairs AS (
  SELECT date, base_currency AS from_currency, quote_currency AS to_currency, rate FROM src WHERE rate > 0
  UNION ALL SELECT date, quote_currency, base_currency, 1 / rate FROM src WHERE rate > 0
),
candidates AS (
  SELECT DISTINCT date, ${code} AS currency, 1.0::DOUBLE AS rate, 0 AS priority FROM pairs
  UNION ALL SELECT date, from_currency, rate, 1 FROM pairs WHERE to_currency = ${code} AND from_currency <> ${code}
  UNION ALL SELECT a.date, a.from_currency, a.rate * b.rate, 2
    FROM pairs AS a JOIN pairs AS b ON a.date = b.date AND a.to_currency = b.from_currency
    WHERE b.to_currency = ${code} AND a.from_currency <> ${code}
)
SELECT CAST(date AS DATE) AS date, CAST(currency AS VARCHAR) AS currency,
  CAST(first(rate ORDER BY priority, rate) AS DOUBLE) AS rate_to_reporting
FROM candidates GROUP BY date, currency`;
}
