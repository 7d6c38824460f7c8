/**
 * Writes the demo into a warehouse: raw tables under `raw_demo`, then the model views (so the
 * demo reads exactly like connector data), including `demo_truth` and `weather_daily`.
 */
import type { ColumnarBatch } from '../../engine/types.ts';
import {
  RAW_STREAM_COLUMNS,
  createRawTableSql,
  quoteIdentifier,
  type RawStream,
} from '../schema.ts';
import { refreshModel } from '../views.ts';
import type { ModelWarehouse } from '../warehouse.ts';
import { generateDemo, type DemoOptions } from './generate.ts';

export const DEMO_SCHEMA = 'raw_demo';

/** Progress of a long step, as the CLI's progress bar takes it. */
export interface DemoProgress {
  step: string;
  done: number;
  total?: number;
}

export interface BuildDemoOptions extends DemoOptions {
  /** Default `EUR`. */
  reportingCurrency?: string;
  onProgress?: (update: DemoProgress) => void;
}

export interface DemoBuild {
  /** Rows written per raw stream. */
  rows: Record<RawStream, number>;
}

/**
 * Builds the demo workspace: replaces every `raw_demo` table, then refreshes the model.
 *
 * @example await buildDemoWorkspace(warehouse, { seed: 42, end: '2026-03-31' })
 */
export async function buildDemoWorkspace(
  warehouse: ModelWarehouse,
  options: BuildDemoOptions,
): Promise<DemoBuild> {
  const demo = generateDemo(options);
  const counts = demo.rowCounts();
  const rows = {} as Record<RawStream, number>;
  await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(DEMO_SCHEMA)}`);
  for (const stream of Object.keys(RAW_STREAM_COLUMNS) as RawStream[]) {
    await warehouse.execute(createRawTableSql(DEMO_SCHEMA, stream, { replace: true }));
    const total = counts[stream];
    let done = 0;
    options.onProgress?.({ step: stream, done, total });
    const report = function* (batches: Iterable<ColumnarBatch>): Generator<ColumnarBatch> {
      for (const batch of batches) {
        yield batch;
        done += batch.data[0]?.length ?? 0;
        options.onProgress?.({ step: stream, done, total });
      }
    };
    await warehouse.ingest(`${DEMO_SCHEMA}.${stream}`, report(demo.streams[stream]()));
    rows[stream] = done;
  }
  options.onProgress?.({ step: 'model views', done: 0 });
  await refreshModel(warehouse, { reportingCurrency: options.reportingCurrency ?? 'EUR' });
  options.onProgress?.({ step: 'model views', done: 1, total: 1 });
  return { rows };
}
