/**
 * The demo connector: the deterministic demo dataset (a fictional French cosmetics brand) as
 * streams, so the demo workspace is built through the same sync path as real data and lands in
 * `raw_demo.<stream>` like any connector's rows.
 *
 * The generator lives here (`src/generator/`, pure code: no clock, no Math.random). Like every
 * plugin, this one takes nothing from core but `@baton/core/spec`; the raw model columns are
 * `MODEL_STREAM_COLUMNS` from there.
 */
import {
  ConfigError,
  MODEL_STREAM_COLUMNS,
  MODEL_STREAM_PRIMARY_KEYS,
  defineConnector,
  type ConnectorContext,
  type ReadMessage,
  type Row,
  type StreamDefinition,
  z,
} from '@baton/core/spec';
import { generateDemo, type DemoData } from './generator/generate.ts';
import type { RawStream } from './generator/types.ts';

/** How far back a first sync reads, and so the most history the demo offers. */
const INITIAL_DAYS = 730;

const config = z.object({
  seed: z
    .number()
    .int()
    .default(42)
    .meta({ label: 'Seed', description: 'The same seed and end date give the same data.' }),
  end: z.iso
    .date()
    .optional()
    .meta({ label: 'Last day', description: '`YYYY-MM-DD`; default yesterday.' }),
  days: z
    .number()
    .int()
    .min(365)
    .max(INITIAL_DAYS)
    .default(INITIAL_DAYS)
    .meta({ label: 'Days of history', description: 'One to two years; default two.' }),
});

export type DemoConfig = z.output<typeof config>;

/** Dated streams re-read this many days back: the demo's conversion lag on the last days. */
const LOOKBACK_DAYS = 7;
const BATCH_ROWS = 5_000;

const DESCRIPTIONS: Record<RawStream, string> = {
  campaign_daily: 'Ad platform delivery per campaign and day, in the account currency.',
  ad_daily: 'Ad platform delivery per ad and day, in the account currency.',
  campaigns: 'Every campaign with its status, objective and daily budget.',
  web_traffic_daily: 'GA4 sessions, key events and revenue per channel and day.',
  search_console_daily: 'Search Console clicks, impressions and position per query and day.',
  fx_rates: 'Published exchange rates (base EUR) on business days.',
  weather_daily: 'Temperature and sunshine per city and day (they move sunscreen sales).',
  demo_truth: 'The anomalies planted in the demo, for measuring checks and recommendations.',
};

const streams: StreamDefinition[] = (Object.keys(MODEL_STREAM_COLUMNS) as RawStream[]).map(
  (name) => {
    const columns = MODEL_STREAM_COLUMNS[name].map(({ name: column, type }) => ({
      name: column,
      type,
    }));
    const dated = columns[0]?.name === 'date';
    return {
      name,
      description: DESCRIPTIONS[name],
      columns,
      primaryKey: [...MODEL_STREAM_PRIMARY_KEYS[name]],
      ...(dated
        ? {
            cursor: {
              field: 'date',
              lookbackDays: LOOKBACK_DAYS,
              initialDays: INITIAL_DAYS,
              // Generating is cheap and all-or-nothing: one chunk per stream keeps the build fast.
              chunkDays: INITIAL_DAYS + 1,
            },
            writeMode: 'replace-window' as const,
          }
        : { writeMode: 'replace' as const }),
    };
  },
);

/** Yesterday in UTC, from the context's clock. */
function yesterday(context: ConnectorContext<DemoConfig>): string {
  const day = context.now();
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

// Generating two years takes about a second; a sync reads every stream of one config in turn.
let cached: { key: string; demo: DemoData } | undefined;
function demoFor(seed: number, end: string, days: number): DemoData {
  const key = `${seed}|${end}|${days}`;
  if (cached?.key !== key) cached = { key, demo: generateDemo({ seed, end, days }) };
  return cached.demo;
}

export default defineConnector({
  specificationVersion: 'v1',
  id: 'demo',
  name: 'Demo data',
  version: '0.1.0',
  docsUrl: 'docs/marketing-model.md#the-demo-workspace',
  config,
  check(context) {
    const end = context.config.end ?? yesterday(context);
    if (end > context.now().toISOString().slice(0, 10)) {
      return Promise.resolve({
        ok: false,
        kind: 'config',
        reason: `The last day ${end} is in the future.`,
        hint: 'Leave the last day empty (yesterday) or pick a past day.',
      });
    }
    return Promise.resolve({ ok: true });
  },
  streams,
  async *read(context, stream, request) {
    const name = stream.name as RawStream;
    if (!(name in MODEL_STREAM_COLUMNS)) {
      throw new ConfigError(`The demo has no stream "${stream.name}".`);
    }
    const { seed, days } = context.config;
    const end = context.config.end ?? yesterday(context);
    context.signal.throwIfAborted();
    const demo = demoFor(seed, end, days);
    // `date` is the first column of every dated stream; the window applies to it.
    const window = stream.cursor ? request.window : undefined;
    let done = 0;
    const emit = function* (rows: Row[]): Generator<ReadMessage> {
      context.signal.throwIfAborted();
      yield { type: 'record-batch', rows };
      context.signal.throwIfAborted();
      done += rows.length;
      yield { type: 'progress', done, unit: 'rows' };
    };
    for (const batch of demo.streams[name]()) {
      const count = batch.data[0]?.length ?? 0;
      const dateColumn = window ? batch.data[batch.columns.indexOf(stream.cursor!.field)] : null;
      let rows: Row[] = [];
      for (let index = 0; index < count; index++) {
        if (window && dateColumn) {
          const day = dateColumn[index] as string;
          if (day < window.start || day > window.end) continue;
        }
        const row: Row = {};
        batch.columns.forEach((column, position) => {
          row[column] = (batch.data[position]?.[index] ?? null) as Row[string];
        });
        rows.push(row);
        if (rows.length === BATCH_ROWS) {
          yield* emit(rows);
          rows = [];
        }
      }
      if (rows.length > 0) yield* emit(rows);
    }
  },
});
