/**
 * Values from the data that help a model write filters (platform codes, campaign names, GA4
 * channel groups, the dates covered). Everything read here is untrusted: it goes into the prompt
 * only inside a data fence.
 */
import type { SqlValue, Warehouse } from '../../engine/index.ts';

/** Text columns whose values are listed, per view, with the metric that ranks them. */
const LISTED: { table: string; rank: string; columns: string[]; limit: number }[] = [
  {
    table: 'campaign_daily',
    rank: 'sum(spend)',
    columns: ['platform', 'account_name', 'campaign_name', 'campaign_status', 'objective'],
    limit: 60,
  },
  { table: 'ad_daily', rank: 'sum(spend)', columns: ['ad_group_name', 'ad_name'], limit: 30 },
  {
    table: 'web_traffic_daily',
    rank: 'sum(sessions)',
    columns: ['channel_group', 'source', 'medium', 'campaign'],
    limit: 30,
  },
  {
    table: 'search_console_daily',
    rank: 'sum(clicks)',
    columns: ['country', 'device', 'query'],
    limit: 20,
  },
];

export interface TableValues {
  /** First and last day with rows; absent when the view is empty. */
  dates?: { first: string; last: string };
  /** The most important values of each text column (by spend, sessions or clicks). */
  values: Record<string, string[]>;
}

/** Reads the dates covered and the main values of the model's text columns (fixed SQL only). */
export async function readDataValues(
  warehouse: Pick<Warehouse, 'query'>,
): Promise<Record<string, TableValues>> {
  const context: Record<string, TableValues> = {};
  for (const { table, rank, columns, limit } of LISTED) {
    const range = await warehouse.query(
      `SELECT min(date)::VARCHAR, max(date)::VARCHAR FROM ${table}`,
    );
    const [first, last] = range.data.map((column) => column[0]);
    const values: Record<string, string[]> = {};
    for (const column of columns) {
      const result = await warehouse.query(
        `SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY ALL ORDER BY ${rank} DESC NULLS LAST, ${column} LIMIT ${limit}`,
      );
      const listed = (result.data[0] ?? []).map(text);
      if (listed.length > 0) values[column] = listed;
    }
    context[table] = {
      ...(typeof first === 'string' && typeof last === 'string' ? { dates: { first, last } } : {}),
      values,
    };
  }
  return context;
}

function text(value: SqlValue): string {
  return typeof value === 'string' ? value : String(value);
}
