/** Seeded synthetic series for the detector tests and the benchmark's shape. */

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson draw: Knuth for small means, a rounded normal approximation above 50. */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Gamma(shape, 1) by Marsaglia-Tsang (shape >= 1). */
function gamma(random: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface CleanSeriesOptions {
  days: number;
  /** Mean daily count, before the weekly pattern and trend. */
  base: number;
  /** Negative-binomial shape: smaller is noisier (variance = mean + mean^2/shape). */
  shape: number;
  /** Weekly amplitude, e.g. 0.3 for +-30% between weekdays. */
  weekly: number;
  /** Total relative drift over the series, e.g. 0.4 for +40%. */
  trend: number;
}

/** The mean of each day: weekly pattern times a slow trend (no noise). */
export function cleanMeans(random: () => number, options: CleanSeriesOptions): Float64Array {
  const { days, base, weekly, trend } = options;
  const pattern = Array.from({ length: 7 }, (_, day) =>
    day >= 5 ? 1 - weekly : 1 + weekly * (0.4 + 0.6 * random() - 0.5),
  );
  const means = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    means[i] = base * pattern[i % 7]! * (1 + (trend * i) / days);
  }
  return means;
}

/** Negative-binomial-ish counts around `means` (a gamma-Poisson mixture). */
export function countsAround(
  random: () => number,
  means: Float64Array,
  shape: number,
): Float64Array {
  const values = new Float64Array(means.length);
  for (let i = 0; i < means.length; i++) {
    const mean = means[i]! * (gamma(random, shape) / shape);
    values[i] = poisson(random, mean);
  }
  return values;
}

export function cleanSeries(random: () => number, options: CleanSeriesOptions): Float64Array {
  return countsAround(random, cleanMeans(random, options), options.shape);
}
