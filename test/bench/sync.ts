/**
 * Sync host overhead: a plugin yielding 1M campaign-day rows in 10k-row record batches, synced by
 * `SyncHost.sync` (window, staging, the replace-window transaction, cursor, run records, model
 * refresh), against `rowsToBatch` + `Warehouse.ingest` of the same batches into a fresh table.
 * Same workspace, runs alternate; the ratio is the median of each run's subject/baseline pair,
 * which a busy machine (other tests, other benches) skews less than a ratio of medians.
 * Target: at most 1.2x the time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rowsToBatch } from '@baton/core/engine';
import type { Connector, Row } from '@baton/core/spec';
import { openWorkspace } from '@baton/core/store';
import { SyncHost } from '@baton/core/sync';
// The connector lives with the sync tests, beside zod (a dependency of core, not of test/).
import { rowsConnector } from '../../core/test/sync/connector.ts';
import { CAMPAIGN_DAY_COLUMNS, campaignDays } from './campaign-days.ts';
import { median, type BenchResult, type Benchmark, type Measurement } from './harness.ts';

const ROWS = 1_000_000;
const BATCH_ROWS = 10_000;
const RUNS = 7;

const COLUMNS = CAMPAIGN_DAY_COLUMNS;

export const benchmarks: Benchmark[] = [
  {
    name: 'sync: 1M rows in 10k batches through SyncHost.sync vs Warehouse.ingest',
    async run(): Promise<BenchResult[]> {
      const dir = await mkdtemp(path.join(tmpdir(), 'baton-bench-sync-'));
      const { warehouse } = await openWorkspace(dir, { create: true });
      const rows = campaignDays(ROWS);
      const host = await SyncHost.open({
        workspaceDir: dir,
        warehouse,
        connectors: [benchConnector(rows)],
        reportingCurrency: 'EUR',
        secretKey: Buffer.alloc(32, 1).toString('base64'),
        now: () => new Date('2026-01-01T12:00:00Z'),
        chunkDays: 400,
      });
      try {
        await host.addConnection({ name: 'bench', plugin: 'bench-ads', config: {} });
        const columns = Object.keys(COLUMNS);
        const createTable = `CREATE OR REPLACE TABLE ingest_days (${Object.entries(COLUMNS)
          .map(([name, type]) => `${name} ${type}`)
          .join(', ')})`;
        const subject = async () => {
          await warehouse.execute('DROP SCHEMA IF EXISTS raw_bench_ads CASCADE');
          const [record] = await host.sync({ fullRefresh: true });
          if (record?.status !== 'succeeded' || record.rows !== ROWS)
            throw new Error(`sync failed: ${JSON.stringify(record)}`);
        };
        const baseline = async () => {
          await warehouse.execute(createTable);
          await warehouse.ingest('ingest_days', batches(rows, columns));
        };
        const times = { subject: [] as number[], baseline: [] as number[] };
        for (let run = 0; run <= RUNS; run++) {
          for (const [label, fn] of [
            ['subject', subject],
            ['baseline', baseline],
          ] as const) {
            const started = performance.now();
            await fn();
            if (run > 0) times[label].push(performance.now() - started); // run 0 warms up
          }
        }
        const { data } = await warehouse.query(
          `SELECT (SELECT count(*) FROM (SELECT ${columns.join(', ')} FROM raw_bench_ads.bench_daily EXCEPT ALL FROM ingest_days)), (SELECT count(*) FROM raw_bench_ads.bench_daily)`,
        );
        if (data[0]?.[0] !== 0 || data[1]?.[0] !== ROWS)
          throw new Error('the sync and ingest stored different rows');
        const measure = (label: string, samples: number[]): Measurement => {
          const ms = median(samples);
          return { label, ms, perSecond: (ROWS / ms) * 1000 };
        };
        const subjectMeasurement = measure(
          'SyncHost.sync (replace-window, 1 chunk)',
          times.subject,
        );
        const baselineMeasurement = measure('rowsToBatch + Warehouse.ingest', times.baseline);
        return [
          {
            name: 'sync 1M x 11 columns, 10k-row batches',
            subject: subjectMeasurement,
            baseline: baselineMeasurement,
            ratioLabel: 'time subject/baseline (median of paired runs)',
            ratio: median(times.subject.map((ms, index) => ms / times.baseline[index]!)),
            target: { atMost: 1.2 },
          },
        ];
      } finally {
        await host.close();
        await warehouse.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];

function benchConnector(rows: Row[]): Connector {
  const columns = Object.entries(COLUMNS).map(([name, type]) => ({ name, type }));
  return rowsConnector(rows, columns, BATCH_ROWS) as Connector;
}

function* batches(rows: Row[], columns: string[]) {
  for (let start = 0; start < rows.length; start += BATCH_ROWS)
    yield rowsToBatch(rows.slice(start, start + BATCH_ROWS), columns);
}
