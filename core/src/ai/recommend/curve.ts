/**
 * Diminishing-returns response curves: a campaign's daily result (conversions or revenue) as
 * `a * spend^b` with 0 < b < 1, fitted on its daily history by least squares on logs, with one
 * level per weekday (demand differs by weekday, and so often does spend: without them the fit
 * would read the weekly cycle as a response to spend). The slope is shrunk toward a prior when
 * spend barely varied (a campaign always capped at one budget says little about b), and the
 * curve's `confidence` says how much its history pins down.
 */

/** One day of a campaign: what it spent, what it got, which weekday (0 = Sunday). */
export interface CurvePoint {
  spend: number;
  result: number;
  weekday: number;
}

export interface ResponseCurve {
  /** Result per day at spend 1, on an average weekday (`result = a * spend^b`). */
  a: number;
  /** Elasticity: +1% spend gives +b% result. */
  b: number;
  /** The slope the data gave before shrinkage and bounds (above 1: spend followed demand). */
  fittedB: number;
  /** Its standard error (infinite when spend never moved). */
  fittedBError: number;
  /** Standard error of `b` after shrinkage. */
  bError: number;
  /** Share of the log variance the fit explains. */
  r2: number;
  days: number;
  /** 0..1: how well the history pins the curve down (days, spread of spend, fit, shrinkage). */
  confidence: number;
}

/**
 * Prior elasticity and its spread: marketing response studies put most paid-media elasticities
 * between 0.3 and 0.9; 0.6 +- 0.25 lets a well-spread history move b anywhere in that band.
 */
export const PRIOR_ELASTICITY = 0.6;
export const PRIOR_ELASTICITY_SD = 0.25;
/** b stays in (0, 1): the curve must bend (b >= 1 would say "spend everything here"). */
export const MIN_ELASTICITY = 0.05;
export const MAX_ELASTICITY = 0.95;
/** Curves less sure than this are not used (no raise, no shift): their marginal returns are guesses. */
export const MIN_CURVE_CONFIDENCE = 0.2;
/** What is left of a curve's confidence when its slope went far above 1 (see `fitResponseCurve`). */
export const CONFOUNDED_FLOOR = 0.2;
/** Fewer days than this cannot separate the weekday levels from the slope. */
export const MIN_FIT_DAYS = 28;

/**
 * Fits `result = a * spend^b` (times a weekday level) on the days with spend. When some days
 * have no result, every day gets a small offset (a tenth of the mean result) rather than losing
 * those days, so a thin campaign's fit is noisy and its confidence low, not biased up. Undefined with fewer
 * than `MIN_FIT_DAYS` days or no result at all.
 *
 * @example const curve = fitResponseCurve(points); predict(curve, 120)
 */
export function fitResponseCurve(points: readonly CurvePoint[]): ResponseCurve | undefined {
  const days = points.filter((point) => point.spend > 0 && Number.isFinite(point.result));
  if (days.length < MIN_FIT_DAYS) return undefined;
  const meanResult = days.reduce((sum, point) => sum + point.result, 0) / days.length;
  if (!(meanResult > 0)) return undefined;
  const offset = days.some((point) => point.result <= 0) ? meanResult / 10 : 0;
  const x = days.map((point) => Math.log(point.spend));
  const y = days.map((point) => Math.log(point.result + offset));
  // Within-weekday regression: centre x and y on their weekday means (the weekday levels).
  const groups = new Map<number, number[]>();
  days.forEach((point, index) => {
    const group = groups.get(point.weekday) ?? [];
    group.push(index);
    groups.set(point.weekday, group);
  });
  const xc = new Float64Array(days.length);
  const yc = new Float64Array(days.length);
  const weekdayMean = new Map<number, { x: number; y: number }>();
  for (const [weekday, indexes] of groups) {
    const mx = indexes.reduce((sum, index) => sum + x[index]!, 0) / indexes.length;
    const my = indexes.reduce((sum, index) => sum + y[index]!, 0) / indexes.length;
    weekdayMean.set(weekday, { x: mx, y: my });
    for (const index of indexes) {
      xc[index] = x[index]! - mx;
      yc[index] = y[index]! - my;
    }
  }
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let index = 0; index < days.length; index++) {
    sxx += xc[index]! * xc[index]!;
    sxy += xc[index]! * yc[index]!;
    syy += yc[index]! * yc[index]!;
  }
  const freedom = Math.max(1, days.length - groups.size - 1);
  const olsB = sxx > 0 ? sxy / sxx : PRIOR_ELASTICITY;
  const residual = sxx > 0 ? Math.max(0, syy - olsB * sxy) : syy;
  const sigma2 = residual / freedom;
  const olsVariance = sxx > 0 ? sigma2 / sxx : Number.POSITIVE_INFINITY;
  // Shrink toward the prior by precision: a flat spend history keeps b near the prior.
  const priorPrecision = 1 / PRIOR_ELASTICITY_SD ** 2;
  const dataPrecision = Number.isFinite(olsVariance) && olsVariance > 0 ? 1 / olsVariance : 0;
  const shrunk =
    (olsB * dataPrecision + PRIOR_ELASTICITY * priorPrecision) / (dataPrecision + priorPrecision);
  const b = Math.min(MAX_ELASTICITY, Math.max(MIN_ELASTICITY, shrunk));
  const bError = Math.sqrt(1 / (dataPrecision + priorPrecision));
  // The level: the average over weekdays of each weekday's curve through its mean point, with
  // the residuals' smearing factor (the mean of exp(residual)) so the level is not biased low.
  let smearing = 0;
  for (let index = 0; index < days.length; index++)
    smearing += Math.exp(yc[index]! - b * xc[index]!);
  smearing /= days.length;
  let level = 0;
  for (const { x: mx, y: my } of weekdayMean.values()) level += Math.exp(my - b * mx);
  level /= weekdayMean.size;
  const a = Math.max(0, level * smearing - offset / Math.exp(b * mean(x)));
  const r2 = syy > 0 ? 1 - residual / syy : 0;
  // How sure: the slope's error against the width of the plausible band, times enough days.
  const pinned = Math.max(0, 1 - bError / PRIOR_ELASTICITY_SD);
  // A slope above 1 is not a response to spend but spend following demand (a search campaign
  // spends what its queries offer; a busy day raises both): the fit cannot tell them apart.
  const confounded = Math.max(CONFOUNDED_FLOOR, 1 - 2 * Math.max(0, olsB - 1));
  const confidence = clamp(
    (0.35 + 0.65 * pinned) *
      Math.min(1, days.length / 56) *
      (0.5 + 0.5 * Math.max(0, r2)) *
      confounded,
    0.05,
    0.9,
  );
  return {
    a,
    b,
    fittedB: olsB,
    fittedBError: Math.sqrt(olsVariance),
    bError,
    r2,
    days: days.length,
    confidence,
  };
}

/**
 * A slope this far above 1 is not a straight-line response with noise: spend followed demand.
 */
export const CONFOUNDED_MARGIN = 0.2;

/**
 * Whether the history shows spend following demand rather than driving results: a slope above
 * 1 by more than `CONFOUNDED_MARGIN` and by more than two standard errors (a flat, noisy history
 * can land above 1 by chance; a straight-line response lands near 1).
 */
export function confounded(curve: Pick<ResponseCurve, 'fittedB' | 'fittedBError'>): boolean {
  const excess = curve.fittedB - 1;
  return excess > CONFOUNDED_MARGIN && excess > 2 * curve.fittedBError;
}

/** The result per day the curve expects at `spend`. */
export function predict(curve: Pick<ResponseCurve, 'a' | 'b'>, spend: number): number {
  return spend > 0 ? curve.a * spend ** curve.b : 0;
}

/** The result of one more unit of spend at `spend`. */
export function marginal(curve: Pick<ResponseCurve, 'a' | 'b'>, spend: number): number {
  return spend > 0 ? curve.a * curve.b * spend ** (curve.b - 1) : Number.POSITIVE_INFINITY;
}

/**
 * The same curve bent to elasticity `b` and passing through (spend, result): how the gain
 * range is computed (the operating point is known; the bend is what is uncertain).
 */
export function throughPoint(spend: number, result: number, b: number): { a: number; b: number } {
  return { a: spend > 0 ? result / spend ** b : 0, b };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
