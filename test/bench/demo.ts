/**
 * The demo build (sync the demo connector: two years of data generated in JS, ingested, then the
 * model views) against
 * DuckDB generating tables of the same row counts and widths by itself with range() and
 * random(): the floor for "this many rows into a fresh database file".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Warehouse } from '@baton/core/engine';
import { RAW_STREAM_COLUMNS, type RawStream } from '@baton/core/model';
import { buildDemoWorkspace } from '../support/demo.ts';
import { timeMedian, type Benchmark, type BenchResult } from './harness.ts';

const OPTIONS = { seed: 42, end: '2026-03-31' };

async function withWarehouse<T>(run: (warehouse: Warehouse) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-bench-demo-'));
  const warehouse = await Warehouse.open({
    path: path.join(dir, 'demo.duckdb'),
    importsDir: path.join(dir, 'imports'),
  });
  try {
    return await run(warehouse);
  } finally {
    await warehouse.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One table per stream, as wide as the raw stream, filled by DuckDB alone. */
function baselineSql(stream: RawStream, rows: number): string {
  const columns = RAW_STREAM_COLUMNS[stream].map(({ name, type }, index) => {
    if (type === 'DATE') return `DATE '2024-04-01' + CAST(i % 730 AS INTEGER) AS ${name}`;
    if (type === 'VARCHAR') return `'v' || CAST((i * ${index + 7}) % 997 AS VARCHAR) AS ${name}`;
    if (type === 'BIGINT') return `CAST(random() * 10000 AS BIGINT) AS ${name}`;
    return `CAST(random() * 1000 AS ${type}) AS ${name}`;
  });
  return `CREATE OR REPLACE TABLE baseline_${stream} AS SELECT ${columns.join(', ')} FROM range(${rows}) AS t(i)`;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'demo: build the default demo workspace (seed 42) into a fresh file',
    async run(): Promise<BenchResult[]> {
      let rows: Record<RawStream, number> | undefined;
      const subjectMs = await timeMedian(
        () =>
          withWarehouse(async (warehouse) => {
            rows = (await buildDemoWorkspace(warehouse, OPTIONS)).rows;
          }),
        3,
      );
      const counts = rows!;
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      const baselineMs = await timeMedian(
        () =>
          withWarehouse(async (warehouse) => {
            for (const stream of Object.keys(counts) as RawStream[])
              await warehouse.execute(baselineSql(stream, counts[stream]));
          }),
        3,
      );
      return [
        {
          name: `demo build, ${total.toLocaleString('en')} rows (time subject/baseline; the issue's budget is 15 s)`,
          subject: {
            label: 'demo connector sync',
            ms: subjectMs,
            perSecond: (total * 1000) / subjectMs,
          },
          baseline: {
            label: 'DuckDB range() + random(), same rows',
            ms: baselineMs,
            perSecond: (total * 1000) / baselineMs,
          },
          ratioLabel: 'time subject/baseline',
          ratio: subjectMs / baselineMs,
          target: { atMost: 3 },
        },
      ];
    },
  },
];
