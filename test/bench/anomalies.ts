/**
 * Anomaly scoring speed: 10,000 synthetic daily series x 730 days (7.3M points) scored with
 * `scoreSeriesInto` (one output and scratch state reused across series, as a check over many
 * series would), against a plain DuckDB `GROUP BY series` (avg, stddev) over the same rows in
 * an in-memory database, measured in the same run. The target is absolute: scoring in
 * at most 2 s. Rounds alternate both sides; medians are compared.
 */
import { DuckDBDataChunk, DuckDBInstance, DOUBLE, INTEGER } from '@duckdb/node-api';
import { DetectorState, scoreSeriesInto } from '@baton/core/checks';
import { median, type BenchResult, type Benchmark } from './harness.ts';

const SERIES = 10_000;
const DAYS = 730;
const ROUNDS = 5;
const CHUNK = 2048;

/** Seeded counts: a level per series, a weekly pattern, a slow trend, multiplicative noise. */
function syntheticSeries(): Float64Array[] {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const all: Float64Array[] = [];
  for (let s = 0; s < SERIES; s++) {
    const base = 5 + random() * 2000;
    const trend = (random() - 0.3) / DAYS;
    const values = new Float64Array(DAYS);
    for (let day = 0; day < DAYS; day++) {
      const weekly = day % 7 >= 5 ? 0.7 : 1.1;
      const noise = 1 + 0.15 * (random() + random() + random() - 1.5);
      values[day] = Math.round(base * weekly * (1 + trend * day) * noise);
    }
    all.push(values);
  }
  return all;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'anomalies: score 10,000 series x 730 days vs a DuckDB GROUP BY',
    async run(): Promise<BenchResult[]> {
      const series = syntheticSeries();
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        await connection.run('CREATE TABLE points (series INTEGER, day INTEGER, value DOUBLE)');
        const appender = await connection.createAppender('points');
        const ids: number[] = [];
        const days: number[] = [];
        const values: number[] = [];
        const flush = () => {
          const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, DOUBLE], ids.length);
          chunk.setColumns([ids, days, values]);
          appender.appendDataChunk(chunk);
          ids.length = 0;
          days.length = 0;
          values.length = 0;
        };
        series.forEach((points, id) => {
          for (let day = 0; day < DAYS; day++) {
            ids.push(id);
            days.push(day);
            values.push(points[day]!);
            if (ids.length === CHUNK) flush();
          }
        });
        if (ids.length > 0) flush();
        appender.closeSync();

        const groupBy = async () => {
          const reader = await connection.runAndReadAll(
            'SELECT series, avg(value) AS mean, stddev(value) AS sd FROM points GROUP BY series',
          );
          if (reader.currentRowCount !== SERIES) throw new Error('GROUP BY lost series');
        };
        let flagged = 0;
        // Many series: one output and one scratch state, reused (scoreSeriesInto's purpose).
        const out = {
          expected: new Float64Array(DAYS),
          lower: new Float64Array(DAYS),
          upper: new Float64Array(DAYS),
          score: new Float64Array(DAYS),
          flag: new Uint8Array(DAYS),
          sign: new Int8Array(DAYS),
        };
        const state = new DetectorState(7);
        const score = () => {
          flagged = 0;
          for (const points of series) {
            scoreSeriesInto(points, out, {}, state);
            for (let day = 0; day < DAYS; day++) flagged += out.flag[day]!;
          }
        };
        score(); // warm-up: JIT
        await groupBy();
        const subjectTimes: number[] = [];
        const baselineTimes: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          let start = performance.now();
          score();
          subjectTimes.push(performance.now() - start);
          start = performance.now();
          await groupBy();
          baselineTimes.push(performance.now() - start);
        }
        const subjectMs = median(subjectTimes);
        const baselineMs = median(baselineTimes);
        const points = SERIES * DAYS;
        return [
          {
            name: `anomaly scoring, ${SERIES.toLocaleString('en')} series x ${DAYS} days (${flagged} flagged)`,
            subject: {
              label: 'scoreSeriesInto',
              ms: subjectMs,
              perSecond: points / (subjectMs / 1000),
            },
            baseline: {
              label: 'DuckDB GROUP BY series (avg, stddev)',
              ms: baselineMs,
              perSecond: points / (baselineMs / 1000),
            },
            ratioLabel: 'time subject/baseline',
            ratio: subjectMs / baselineMs,
            target: {},
            limit: { label: 'scoring time', value: subjectMs, unit: 'ms', atMost: 2000 },
          },
        ];
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    },
  },
];
