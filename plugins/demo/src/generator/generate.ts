/**
 * The demo dataset as per-stream batch generators: pure and deterministic for a seed and an end
 * date (no clock, no Math.random), so a `demo` connector can yield the same batches.
 */
import type { ColumnarBatch, SqlValue } from './types.ts';
import { rawColumnNames, type RawStream } from './types.ts';
import {
  isoDay,
  makeCalendar,
  marketSeasonality,
  type DemoCalendar,
  type Market,
} from './calendar.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { generateFx } from './fx.ts';
import { simulatePerformance, type Performance } from './performance.ts';
import { generateSearchConsole } from './search.ts';
import { planAnomalies, truthBatch, type PlantedAnomaly } from './truth.ts';
import { generateWeather } from './weather.ts';
import { generateWebTraffic } from './web.ts';

export interface DemoOptions {
  seed: number;
  /** Last day of data, `YYYY-MM-DD`. */
  end: string;
  /** Days of history (default two years). */
  days?: number;
}

export interface DemoData {
  calendar: DemoCalendar;
  catalog: Catalog;
  anomalies: PlantedAnomaly[];
  /** Batches per raw stream, in the column order of `MODEL_STREAM_COLUMNS`. */
  streams: Record<RawStream, () => Generator<ColumnarBatch>>;
  /** Rows per stream (computes the data if not done yet). */
  rowCounts(): Record<RawStream, number>;
}

const MARKETS: readonly Market[] = ['FR', 'UK', 'US', 'CH', 'B2B'];

/**
 * @example const demo = generateDemo({ seed: 42, end: '2026-03-31' });
 *          for (const batch of demo.streams.ad_daily()) ...
 */
export function generateDemo({ seed, end, days = 730 }: DemoOptions): DemoData {
  const calendar = makeCalendar(end, days);
  const catalog = buildCatalog(seed, calendar);
  const anomalies = planAnomalies(catalog, calendar);
  let world: World | undefined;
  const get = (): World => (world ??= simulate(seed, calendar, catalog, anomalies));
  const one = (pick: (world: World) => ColumnarBatch | ColumnarBatch[]) =>
    function* (): Generator<ColumnarBatch> {
      const picked = pick(get());
      yield* Array.isArray(picked) ? picked : [picked];
    };
  const streams: DemoData['streams'] = {
    campaign_daily: one((w) => w.performance.campaignBatches),
    ad_daily: one((w) => w.performance.adBatches),
    campaigns: one(() => campaignsBatch(catalog)),
    web_traffic_daily: one((w) => w.web),
    search_console_daily: one((w) => w.search),
    fx_rates: one((w) => w.fx),
    weather_daily: one((w) => w.weather),
    demo_truth: one(() => truthBatch(anomalies, calendar)),
  };
  return {
    calendar,
    catalog,
    anomalies,
    streams,
    rowCounts() {
      const counts = {} as Record<RawStream, number>;
      for (const [name, batches] of Object.entries(streams) as [
        RawStream,
        () => Generator<ColumnarBatch>,
      ][]) {
        counts[name] = 0;
        for (const batch of batches()) counts[name] += batch.data[0]?.length ?? 0;
      }
      return counts;
    },
  };
}

interface World {
  performance: Performance;
  web: ColumnarBatch;
  search: ColumnarBatch;
  fx: ColumnarBatch;
  weather: ColumnarBatch;
}

function simulate(
  seed: number,
  calendar: DemoCalendar,
  catalog: Catalog,
  anomalies: PlantedAnomaly[],
): World {
  const fx = generateFx(seed, calendar, isoDay);
  const weather = generateWeather(seed, calendar);
  const seasonality = Object.fromEntries(
    MARKETS.map((market) => [market, marketSeasonality(calendar, market)]),
  ) as Record<Market, ReturnType<typeof marketSeasonality>>;
  const performance = simulatePerformance({
    seed,
    calendar,
    campaigns: catalog.campaigns,
    anomalies,
    seasonality,
    sunscreen: weather.sunscreen,
    perEuro: fx.perEuro,
  });
  // Awareness spend (1 = its average day) lifts brand searches and direct visits.
  const awarenessIndex = new Float64Array(calendar.days);
  let total = 0;
  for (const summary of performance.summaries) {
    if (summary.campaign.objective !== 'awareness') continue;
    for (let t = 0; t < calendar.days; t++) awarenessIndex[t]! += summary.spendEur[t]!;
  }
  for (let t = 0; t < calendar.days; t++) total += awarenessIndex[t]!;
  const mean = total / calendar.days || 1;
  for (let t = 0; t < calendar.days; t++) awarenessIndex[t] = awarenessIndex[t]! / mean;
  const search = generateSearchConsole({
    seed,
    calendar,
    seasonality,
    sunscreen: weather.sunscreen,
    awarenessIndex,
  });
  const web = generateWebTraffic({
    seed,
    calendar,
    summaries: performance.summaries,
    demand: seasonality,
    organicClicks: search.clicksPerDay,
    awarenessIndex,
  });
  return { performance, web, search: search.batch, fx: fx.batch, weather: weather.batch };
}

function campaignsBatch(catalog: Catalog): ColumnarBatch {
  const columns = rawColumnNames('campaigns');
  const data: SqlValue[][] = columns.map(() => []);
  for (const campaign of catalog.campaigns) {
    const { account } = campaign;
    // prettier-ignore
    const row: SqlValue[] = [
      account.platform, account.id, account.name, campaign.id, campaign.name, campaign.status, campaign.objective,
      campaign.currentBudget, campaign.startDate, campaign.endDate, account.currency,
    ];
    row.forEach((value, index) => data[index]!.push(value));
  }
  return { columns, data };
}
