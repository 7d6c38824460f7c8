/**
 * Benchmarks compare a subject with a baseline measured in the same run, and print the ratio;
 * a result may also (or instead) hold an absolute limit, e.g. time to first chart <= 1500 ms.
 * Each bench module exports `benchmarks: Benchmark[]`; `main.ts` runs them all.
 */

export interface Measurement {
  label: string;
  /** Median wall time of the runs, in milliseconds. */
  ms: number;
  /** Optional throughput, e.g. rows per second. */
  perSecond?: number;
  /** Optional size, e.g. bytes of JavaScript a page loaded. */
  bytes?: number;
}

export interface BenchResult {
  name: string;
  baseline: Measurement;
  subject: Measurement;
  /** How the ratio is read, e.g. 'throughput subject/baseline' or 'time subject/baseline'. */
  ratioLabel: string;
  ratio: number;
  /** The target the issue sets, e.g. { atLeast: 0.8 } or { atMost: 1.15 }; {} for none. */
  target: { atLeast?: number; atMost?: number };
  /** An absolute target on a measured value, e.g. { label: 'JavaScript', value: 48, unit: 'KB', atMost: 300 }. */
  limit?: { label: string; value: number; unit: string; atMost: number };
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the median time. */
export async function timeMedian(
  fn: () => Promise<unknown>,
  runs = 3,
  warmup = 0,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function meets(result: BenchResult): boolean {
  const { atLeast, atMost } = result.target;
  return (
    (atLeast === undefined || result.ratio >= atLeast) &&
    (atMost === undefined || result.ratio <= atMost) &&
    (result.limit === undefined || result.limit.value <= result.limit.atMost)
  );
}
