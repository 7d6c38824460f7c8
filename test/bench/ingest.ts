/**
 * Ingest throughput: 1M campaign-day rows given as JS objects (what connectors yield), turned
 * into columnar batches with `rowsToBatch` and appended with `Warehouse.ingest`, against DuckDB's
 * own `read_csv` of the same rows from a CSV file written beforehand. Both write into the same
 * table of the same hardened workspace database. Runs alternate (subject, baseline, ...) so a
 * busy neighbour slows both alike; medians are compared.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rowsToBatch, Warehouse } from '@baton/core/engine';
import { CAMPAIGN_DAY_COLUMNS, campaignDays, type CampaignDay } from './campaign-days.ts';
import { median, type BenchResult, type Benchmark, type Measurement } from './harness.ts';

const ROWS = 1_000_000;
const BATCH_ROWS = 100_000;
const RUNS = 5;

const COLUMNS = CAMPAIGN_DAY_COLUMNS;

export const benchmarks: Benchmark[] = [
  {
    name: 'ingest: 1M campaign-day rows, rowsToBatch + appender vs read_csv',
    async run(): Promise<BenchResult[]> {
      const dir = await mkdtemp(path.join(tmpdir(), 'baton-bench-ingest-'));
      const warehouse = await Warehouse.open({
        path: path.join(dir, 'bench.duckdb'),
        importsDir: path.join(dir, 'imports'),
      });
      try {
        const rows = campaignDays(ROWS);
        const csvPath = path.join(warehouse.options.importsDir, 'campaign_days.csv');
        await writeFile(csvPath, toCsv(rows));
        const createTable = `CREATE OR REPLACE TABLE campaign_days (${Object.entries(COLUMNS)
          .map(([name, type]) => `${name} ${type}`)
          .join(', ')})`;
        const csvColumns = Object.entries(COLUMNS)
          .map(([name, type]) => `'${name}': '${type}'`)
          .join(', ');
        const readCsv = `INSERT INTO campaign_days SELECT * FROM read_csv('${csvPath}', header = true, columns = {${csvColumns}})`;

        const subject = async () => {
          await warehouse.ingest('campaign_days', batches(rows));
        };
        const baseline = async () => {
          await warehouse.execute(readCsv);
        };
        const times = { subject: [] as number[], baseline: [] as number[] };
        for (let run = 0; run <= RUNS; run++) {
          for (const [label, fn] of [
            ['subject', subject],
            ['baseline', baseline],
          ] as const) {
            await warehouse.execute(createTable);
            const started = performance.now();
            await fn();
            const elapsed = performance.now() - started;
            if (run > 0) times[label].push(elapsed); // run 0 warms up
          }
        }
        await checkSameRows(warehouse, rows, readCsv, createTable);

        const measure = (label: string, samples: number[]): Measurement => {
          const ms = median(samples);
          return { label, ms, perSecond: (ROWS / ms) * 1000 };
        };
        const subjectMeasurement = measure(
          'rowsToBatch + Warehouse.ingest (appender)',
          times.subject,
        );
        const baselineMeasurement = measure(
          "read_csv of the same rows (DuckDB's own reader)",
          times.baseline,
        );
        return [
          {
            name: 'ingest 1M x 11 columns',
            subject: subjectMeasurement,
            baseline: baselineMeasurement,
            ratioLabel: 'throughput subject/baseline',
            ratio: subjectMeasurement.perSecond! / baselineMeasurement.perSecond!,
            target: { atLeast: 0.8 },
          },
        ];
      } finally {
        await warehouse.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];

/** Connector pages: the row objects of each page become one columnar batch, inside the timed path. */
function* batches(rows: CampaignDay[]) {
  for (let start = 0; start < rows.length; start += BATCH_ROWS)
    yield rowsToBatch(rows.slice(start, start + BATCH_ROWS));
}

function toCsv(rows: CampaignDay[]): string {
  const names = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
  return `${names.join(',')}\n${rows.map((row) => names.map((name) => row[name]).join(',')).join('\n')}\n`;
}

/** Both paths must store the same rows, or the comparison means nothing. */
async function checkSameRows(
  warehouse: Warehouse,
  rows: CampaignDay[],
  readCsv: string,
  createTable: string,
): Promise<void> {
  await warehouse.execute(createTable);
  await warehouse.ingest('campaign_days', batches(rows));
  await warehouse.execute(createTable.replace('campaign_days', 'campaign_days_csv'));
  await warehouse.execute(readCsv.replace('INTO campaign_days', 'INTO campaign_days_csv'));
  const { data } = await warehouse.query(
    `SELECT (SELECT count(*) FROM (FROM campaign_days EXCEPT ALL FROM campaign_days_csv)) + (SELECT count(*) FROM (FROM campaign_days_csv EXCEPT ALL FROM campaign_days)) AS differing, (SELECT count(*) FROM campaign_days) AS stored`,
  );
  const [differing, stored] = data.map((column) => column[0]);
  if (differing !== 0 || stored !== rows.length)
    throw new Error(
      `ingest and read_csv disagree: ${String(differing)} differing rows, ${String(stored)} stored`,
    );
}
