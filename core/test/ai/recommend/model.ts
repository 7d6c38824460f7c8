/**
 * A real DuckDB warehouse holding the unified model, filled from synthetic rows: raw tables in
 * `raw_test`, then the model views and KPI macros as a workspace has them (`refreshModel`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Warehouse } from '../../../src/engine/index.ts';
import { createRawTableSql, rawColumnNames, refreshModel } from '../../../src/model/index.ts';
import type { RawStream } from '../../../src/model/index.ts';

export type Row = Record<string, string | number | null>;

export interface ModelWarehouse {
  warehouse: Warehouse;
  dispose(): Promise<void>;
}

/** Opens a warehouse with the given raw rows (missing columns NULL, `currency` EUR). */
export async function openModel(rows: Partial<Record<RawStream, Row[]>>): Promise<ModelWarehouse> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-recommend-'));
  const warehouse = await Warehouse.open({
    path: path.join(dir, 'w.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  await warehouse.execute('create schema raw_test');
  for (const [stream, streamRows] of Object.entries(rows) as [RawStream, Row[]][]) {
    await warehouse.execute(createRawTableSql('raw_test', stream));
    const columns = rawColumnNames(stream);
    if (streamRows.length === 0) continue;
    await warehouse.ingest(`raw_test.${stream}`, {
      columns,
      data: columns.map((column) =>
        streamRows.map((row) => row[column] ?? (column === 'currency' ? 'EUR' : null)),
      ),
    });
  }
  await refreshModel(warehouse, { reportingCurrency: 'EUR' });
  return {
    warehouse,
    async dispose() {
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `YYYY-MM-DD` of day `index` counted from `start`. */
export function dayOf(start: string, index: number): string {
  return new Date(Date.parse(start) + index * 86_400_000).toISOString().slice(0, 10);
}

/** A deterministic generator (mulberry32) for noise. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth for small means, normal approximation above 50). */
export function poisson(next: () => number, mean: number): number {
  if (mean > 50) {
    const u = Math.max(next(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = next();
  while (product > limit) {
    count++;
    product *= next();
  }
  return count;
}

/** A campaign's identity columns. */
export function campaign(id: string, fields: Partial<Row> = {}): Row {
  return {
    platform: 'google_ads',
    account_id: 'acc-1',
    account_name: 'Account',
    campaign_id: id,
    campaign_name: `Campaign ${id}`,
    campaign_status: 'active',
    objective: 'sales',
    ...fields,
  };
}

export interface DayFigures {
  spend: number;
  conversions: number;
  clicks?: number;
  impressions?: number;
  conversion_value?: number;
}

/** Daily rows of one campaign from day 0 to `days - 1` after `start`. */
export function dailyRows(
  identity: Row,
  start: string,
  days: number,
  figures: (day: number) => DayFigures,
): Row[] {
  return Array.from({ length: days }, (_, day) => {
    const { spend, conversions, clicks, impressions, conversion_value } = figures(day);
    return {
      ...identity,
      date: dayOf(start, day),
      spend: Math.round(spend * 100) / 100,
      conversions,
      clicks: Math.round(clicks ?? spend),
      impressions: Math.round(impressions ?? spend * 40),
      conversion_value: Math.round((conversion_value ?? conversions * 60) * 100) / 100,
    };
  });
}
