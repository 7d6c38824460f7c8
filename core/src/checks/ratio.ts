/**
 * The ratio detector: CPA, ROAS, CTR, frequency as ratios of sums, with count noise (three
 * conversions are not a trend), the run rule, a drift rule for slow declines, known events and
 * yearly seasonality. See docs/anomalies.md.
 */
import {
  ABS_TO_SIGMA,
  beyond,
  emptyScores,
  EVENT_LEARNED,
  RATIO_EVENT_ALLOWANCE,
  RATIO_LEARNED_ALLOWANCE,
  RELEARN_POINTS,
  SCALE_ALPHA,
  SCALE_CLIP,
  SCORE_MIDPOINT,
  SENSITIVITY_THRESHOLDS,
  type DetectOptions,
  type SeriesScores,
} from './detector.ts';
import { RunRule } from './run-rule.ts';
import { yearDiscount, yearLevelDiscount } from './yearly.ts';

export interface RatioOptions extends DetectOptions {
  /**
   * The counts behind the ratio's noise, when neither side is one: conversions for ROAS
   * (revenue / spend). By default the numerator and the denominator are read as counts (CTR:
   * clicks / impressions; CPA: spend / conversions, where the conversions dominate).
   */
  counts?: Float64Array;
}

/** Points in the trailing ratio-of-sums baseline of `scoreRatioSeries`. */
const RATIO_WINDOW = 28;
/** Points before a ratio may be flagged: a full baseline, and its noise with it. */
const RATIO_WARMUP = RATIO_WINDOW;
/** The drift rule compares the last DRIFT_WEEK points with the RATIO_WINDOW points before. */
const DRIFT_WEEK = 7;
/** Smallest drift (log of the weeks' ratio) worth an alert: 25%. */
const DRIFT_MIN = Math.log(1.25);
const RING = DRIFT_WEEK - 1 + RATIO_WINDOW;

/** A log ratio's deviation from the expected one, and its variance. */
interface Measured {
  deviation: number;
  variance: number;
}

/**
 * Measures log(top / bottom) against `expected` with its count variance. Each side is read as a
 * count (+0.5 so zeros stay finite) that is at least what the expected ratio implies from the
 * other side: a fall in conversions is judged against the conversions expected, not the few
 * left. With `counted` events behind a numerator in money (ROAS: the conversions behind
 * revenue, each worth about `unit`), the numerator is smoothed by half an event's worth, the
 * events are at least those the expected ratio implies, and a sum of c random amounts has a
 * relative variance of about (1 + cv^2) / c: 2 / c for amounts as spread as they are large.
 */
function measure(
  top: number,
  bottom: number,
  counted: number,
  expected: number,
  unit: number,
): Measured {
  if (counted === counted) {
    const expectedEvents = (bottom * expected) / unit;
    const events = counted > expectedEvents ? counted : expectedEvents;
    return {
      deviation: Math.log((top + 0.5 * unit) / (bottom * expected + 0.5 * unit)),
      variance: 2 / (events + 0.5),
    };
  }
  const topCount = top > bottom * expected ? top : bottom * expected;
  const bottomCount = bottom > top / expected ? bottom : top / expected;
  return {
    deviation: Math.log((top + 0.5) / (bottom + 0.5)) - Math.log(expected),
    variance: 1 / (topCount + 0.5) + 1 / (bottomCount + 0.5),
  };
}

/**
 * The trailing sums of a ratio series (numerator, denominator and counts): the baseline (the
 * last RATIO_WINDOW points), and for the drift rule the last DRIFT_WEEK - 1 points (`recent`,
 * the current point completes the week) and the RATIO_WINDOW points before them (`older`).
 */
class RatioWindows {
  readonly base = new Float64Array(3);
  readonly recent = new Float64Array(3);
  readonly older = new Float64Array(3);
  /** Points pushed since the last reset. */
  count = 0;
  private readonly ring = new Float64Array(RING * 3);

  reset(): void {
    this.count = 0;
    this.base.fill(0);
    this.recent.fill(0);
    this.older.fill(0);
  }

  push(top: number, bottom: number, counted: number): void {
    const { ring, base, recent, older } = this;
    const k = this.count;
    const slot = (k % RING) * 3;
    const at = (back: number) => ((k - back) % RING) * 3;
    for (let side = 0; side < 3; side++) {
      if (k >= RATIO_WINDOW) base[side]! -= ring[at(RATIO_WINDOW) + side]!;
      if (k >= DRIFT_WEEK - 1) {
        const moving = ring[at(DRIFT_WEEK - 1) + side]!;
        recent[side]! -= moving;
        older[side]! += moving;
      }
      // The slot about to be overwritten holds the point leaving `older`.
      if (k >= RING) older[side]! -= ring[slot + side]!;
    }
    ring[slot] = top;
    ring[slot + 1] = bottom;
    ring[slot + 2] = counted;
    for (let side = 0; side < 3; side++) {
      const value = ring[slot + side]!;
      base[side]! += value;
      recent[side]! += value;
    }
    this.count++;
  }
}

/**
 * A ratio metric (CPA = spend/conversions, ROAS = revenue/spend) computed as a ratio of sums,
 * with uncertainty that grows when volumes are small (3 conversions are not a trend).
 *
 * Expected ratio: sum(numerator) / sum(denominator) over the last RATIO_WINDOW points.
 * The log of the observed ratio is compared with it; its count noise is
 * sqrt(1/numerator + 1/denominator) (each side read as a count, +0.5 so zeros stay finite),
 * scaled by an overdispersion factor estimated robustly from past points. A point whose
 * denominator is zero or missing has no ratio: it is missing (NaN).
 */
export function scoreRatioSeries(
  numerator: Float64Array,
  denominator: Float64Array,
  options: RatioOptions = {},
): SeriesScores {
  const counts = options.counts;
  if (counts !== undefined && counts.length !== numerator.length) {
    throw new RangeError(
      `counts and numerator differ in length (${counts.length} and ${numerator.length})`,
    );
  }
  if (numerator.length !== denominator.length) {
    throw new RangeError(
      `numerator and denominator differ in length (${numerator.length} and ${denominator.length})`,
    );
  }
  const n = numerator.length;
  const threshold = SENSITIVITY_THRESHOLDS[options.sensitivity ?? 'normal'];
  const direction = options.direction ?? 'both';
  const { events, peaks } = options;
  const minImpact = options.minImpact ?? 0;
  const yearPeriod = options.yearPeriod ?? 0;
  const out = emptyScores(n);
  const windows = new RatioWindows();
  let absDev = 0;
  let scaleWeight = 0;
  let previousStandardized = NaN;
  let observed = 0;
  const breaks = options.breaks;
  let rebase = false;
  let settling = 0;
  const runs = new RunRule();
  // Sums over the current event's days so far: its own ratio, once EVENT_LEARNED are in.
  let eventTop = 0;
  let eventBottom = 0;
  let eventDays = 0;
  let inPeak = false;

  for (let i = 0; i < n; i++) {
    const top = numerator[i]!;
    const bottom = denominator[i]!;
    if (breaks !== undefined && breaks.has(i)) rebase = true;
    if (top !== top || bottom !== bottom || bottom <= 0 || top < 0) {
      out.expected[i] = NaN;
      out.lower[i] = NaN;
      out.upper[i] = NaN;
      out.score[i] = NaN;
      continue;
    }
    const isPeak = peaks !== undefined && peaks.has(i);
    const isEvent = isPeak || (events !== undefined && events.has(i));
    // A ratio does not move with volume, so the weeks before a long event still tell what to
    // expect after it; a launch changes the mix, and the baseline starts again.
    if (!isEvent && rebase && observed > 0) {
      windows.reset();
      settling = RELEARN_POINTS;
      runs.reset();
    }
    if (!isEvent) rebase = false;
    // A new event (a peak giving way to Christmas) has a ratio of its own to learn.
    if (!isEvent || isPeak !== inPeak) {
      eventDays = 0;
      eventTop = 0;
      eventBottom = 0;
    }
    inPeak = isPeak;
    const ratio = top / bottom;
    const { base, recent, older } = windows;
    const haveBaseline = base[0]! > 0 && base[1]! > 0;
    const learned = isEvent && eventDays >= EVENT_LEARNED && eventTop > 0;
    const expectedRatio = learned
      ? eventTop / eventBottom
      : haveBaseline
        ? base[0]! / base[1]!
        : ratio;
    const counted = counts === undefined ? NaN : counts[i]!;
    // The worth of one counted event (an order's revenue), from the baseline when it has some.
    const unit = base[2]! > 0 ? base[0]! / base[2]! : counted > 0 && top > 0 ? top / counted : 1;
    const point = measure(top, bottom, counted, expectedRatio, unit);
    const logResidual = point.deviation;
    const countNoise = Math.sqrt(point.variance);
    const standardized = logResidual / countNoise;
    const overdispersion = scaleWeight > 0 ? (absDev / scaleWeight) * ABS_TO_SIGMA : 1;
    const factor = overdispersion > 1 ? overdispersion : 1;
    const warm =
      haveBaseline && observed >= RATIO_WARMUP && scaleWeight >= 5 && settling === 0 && !rebase;
    const direct = logResidual > 0 ? 1 : logResidual < 0 ? -1 : 0;
    const allowance = learned ? RATIO_LEARNED_ALLOWANCE : RATIO_EVENT_ALLOWANCE;
    let deviation = isEvent ? beyond(logResidual, allowance, allowance) : logResidual;
    let z = warm ? Math.abs(deviation / countNoise) / factor : 0;
    // A run of moderate deviations (a CPC doubled for days) scores like a single large one.
    const signedZ = direct * z;
    const run = runs.push(signedZ);
    if (run > z) z = run;
    let drifting = false;
    // Drift: the week ending here against the four weeks before it, for the slow declines the
    // daily baseline follows (an ad's CTR fading over a month). Event days stay out of the
    // weeks but for the point itself, a seventh of the week: a drift goes on through an event.
    if (warm && windows.count >= RING && older[0]! > 0 && older[1]! > 0) {
      const olderRatio = older[0]! / older[1]!;
      const olderUnit = older[2]! > 0 ? older[0]! / older[2]! : unit;
      const olderCounted = counts === undefined ? NaN : older[2]!;
      const week = measure(
        recent[0]! + top,
        recent[1]! + bottom,
        recent[2]! + counted,
        olderRatio,
        olderUnit,
      );
      const drift = week.deviation;
      if (drift * direct > 0 && (drift < 0 ? -drift : drift) >= DRIFT_MIN) {
        const noise = Math.sqrt(
          week.variance +
            measure(older[0]!, older[1]!, olderCounted, olderRatio, olderUnit).variance,
        );
        const driftZ = (drift < 0 ? -drift : drift) / (noise * factor);
        if (driftZ > z) {
          z = driftZ;
          deviation = drift;
          drifting = true;
        }
      }
    }
    if (yearPeriod > 0 && z >= threshold) {
      // Last year's move around this date (an event has its own allowance; a drift through it
      // does not), and last year's ratio on this weekday.
      const move =
        isEvent && !drifting ? 1 : yearDiscount(deviation, numerator, denominator, i, yearPeriod);
      const level = yearLevelDiscount(logResidual, numerator, denominator, i, yearPeriod, 7);
      z *= move < level ? move : level;
    }
    const directionOk = direction === 'both' || (direction === 'up' ? direct > 0 : direct < 0);
    const flagged =
      warm && directionOk && z >= threshold && Math.abs(ratio - expectedRatio) >= minImpact;
    const band = threshold * factor * countNoise;
    out.expected[i] = expectedRatio;
    out.lower[i] = warm ? expectedRatio * Math.exp(-band) : NaN;
    out.upper[i] = warm ? expectedRatio * Math.exp(band) : NaN;
    out.score[i] = (z * z) / (z * z + SCORE_MIDPOINT * SCORE_MIDPOINT);
    out.flag[i] = flagged ? 1 : 0;
    out.sign[i] = flagged ? direct : 0;
    if (isEvent) {
      eventTop += top;
      eventBottom += bottom;
      eventDays++;
      continue;
    }

    observed++;
    if (settling > 0) settling--;
    else if (haveBaseline && previousStandardized === previousStandardized) {
      // The overdispersion comes from differences of consecutive standardized residuals: a
      // slow drift, which biases every residual the same way, cancels out of them.
      const difference = standardized - previousStandardized;
      let spread = (difference < 0 ? -difference : difference) * Math.SQRT1_2;
      if (absDev > 0) {
        const limit = (SCALE_CLIP * absDev) / scaleWeight;
        if (spread > limit) spread = limit;
      }
      absDev = absDev * (1 - SCALE_ALPHA) + spread;
      scaleWeight = scaleWeight * (1 - SCALE_ALPHA) + 1;
    }
    previousStandardized = haveBaseline ? standardized : NaN;
    windows.push(top, bottom, counted === counted ? counted : 0);
  }
  return out;
}
