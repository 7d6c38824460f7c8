/** Small statistics the rules share. */

/** P(X <= k) for X ~ Poisson(lambda), k rounded down (a sum of terms, fine for k up to thousands). */
export function poissonCdf(k: number, lambda: number): number {
  if (!(lambda > 0)) return 1;
  const top = Math.floor(k);
  if (top < 0) return 0;
  let term = Math.exp(-lambda);
  // Large lambda underflows exp(-lambda): use the normal approximation there.
  if (term === 0) return normalCdf((top + 0.5 - lambda) / Math.sqrt(lambda));
  let sum = term;
  for (let i = 1; i <= top; i++) {
    term *= lambda / i;
    sum += term;
    if (term < 1e-16 * sum && i > lambda) break;
  }
  return Math.min(1, sum);
}

/** The standard normal CDF (Abramowitz-Stegun 7.1.26 through erf). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-((z / Math.SQRT2) ** 2));
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
