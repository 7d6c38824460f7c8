/**
 * The anomaly detector: a causal, seasonal, robust baseline per series, scored point by point.
 *
 * Non-negative series are modelled on log1p(value) (multiplicative patterns and noise). For
 * point i (phase j = i mod period) the expected value is
 *   median(last 8 same-phase values) + median(last M residuals against those medians)
 * The first term carries the seasonal pattern; the second (the level correction) follows a
 * level shift or a trend within about M/2 points instead of the 4 cycles the phase medians
 * need. The residual scale is a Huber-clipped EWMA of absolute residuals, floored by Poisson
 * noise when the series holds counts. z = |value - expected| / scale, or the run rule's over 3
 * to 7 same-sign deviations (a level shift's first days), is mapped to a score in 0..1 (0.5 at
 * the `normal` threshold) and flagged when it reaches the sensitivity's threshold. Known events
 * are judged beyond an allowance around their own learned level, breaks and long gaps re-learn
 * the level, and a move the series made a year before is discounted. Everything is computed
 * from points 0..i only; no allocation happens per point. See docs/anomalies.md.
 */

import { RunRule } from './run-rule.ts';
import { yearDiscount, yearLevelDiscount } from './yearly.ts';

export type Sensitivity = 'low' | 'normal' | 'high';
export type Direction = 'up' | 'down' | 'both';

export interface DetectOptions {
  /** Default 'normal'. */
  sensitivity?: Sensitivity;
  /** Default 'both'. */
  direction?: Direction;
  /** Points per seasonal cycle: 7 for daily data (default), 24 for hourly (also weekly 168). */
  period?: number;
  /**
   * A longer cycle on top of `period`, in points: 168 (a week) for hourly data with `period`
   * 24. Once a phase of the long cycle has 2 past values, the seasonal term is the median of
   * that phase's values (the same hour of the same weekday) instead of the short cycle's.
   * Default none.
   */
  longPeriod?: number;
  /** Indexes of points on known events (holidays, sales): scored but never flagged, and kept out of the baseline. */
  events?: Set<number>;
  /**
   * Indexes of points on expected peaks (sales, Mother's Day): kept out of the baseline, and
   * flagged only below it. The ratio detector treats them as `events` (a peak may move a ratio
   * either way).
   */
  peaks?: Set<number>;
  /** A deviation smaller than this (in the series' unit) is never flagged; default 0. */
  minImpact?: number;
  /**
   * Indexes of points where the series is known to change level: a campaign launched inside
   * an aggregate. The baseline re-learns the level from there (as after a gap longer than a
   * cycle), and the first RELEARN_POINTS points after it are not flagged.
   */
  breaks?: Set<number>;
  /**
   * Points in a year (364 for daily data: the same weekday). With more than a year of history,
   * a flagged move the series also made around the same time a year before is discounted by
   * that move: sunscreen spend falls in October every year. Default none.
   */
  yearPeriod?: number;
  /**
   * The mean absolute residual (log scale) under which the scale's clip does not shrink. Check
   * cells pass 5%: spend flat under a budget cap learns the swings of the demand below it when
   * they come, instead of flagging them for weeks. Default 0 (a generic series).
   */
  scaleFloor?: number;
}

export interface SeriesScores {
  expected: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** 0..1 for every point (NaN only for missing points). */
  score: Float64Array;
  /** 1 when the detector flags the point at this sensitivity. */
  flag: Uint8Array;
  /** +1 above, -1 below, 0 none. */
  sign: Int8Array;
}

/**
 * Robust z thresholds (deviation / robust scale) at which a point is flagged. `normal` is
 * tuned so anomaly-free series with realistic noise raise well under 1 alert per 20
 * series-weeks (core/test/checks/detector-quality.test.ts).
 */
export const SENSITIVITY_THRESHOLDS: Record<Sensitivity, number> = {
  low: 5.5,
  normal: 4,
  high: 3,
};

/** z at which the score is 0.5: the `normal` threshold, whatever the sensitivity asked. */
export const SCORE_MIDPOINT = SENSITIVITY_THRESHOLDS.normal;
/** Same-phase values kept per phase. */
const PHASE_WINDOW = 8;
/** Weight of a new absolute residual in the scale EWMA. */
export const SCALE_ALPHA = 0.05;
/** Residuals are clipped at this many scales before they update the scale. */
export const SCALE_CLIP = 3;
/** E|r| = 0.8 sigma for a normal residual. */
export const ABS_TO_SIGMA = 1.2533;
/**
 * On a known event the detector learns the event's own level from its days so far (the median
 * effect of its last EVENT_WINDOW days, once EVENT_LEARNED are in), and a move within an
 * allowance around it is expected. Before that, the allowance is wider around the usual level:
 * up to x3 up on a peak (a fall there is news), x2.5 either way on another event (Christmas
 * has its troughs); once learned, x2 up and x1.5 down (Black Friday towers over its week).
 * Ratios move less: x1.5 either way, then x1.2 around the event's own ratio of sums.
 */
const EVENT_WINDOW = 7;
export const EVENT_LEARNED = 3;
const PEAK_ALLOWANCE = Math.log(3);
const EVENT_ALLOWANCE = Math.log(2.5);
const LEARNED_UP = Math.log(2);
const LEARNED_DOWN = Math.log(1.5);
export const RATIO_EVENT_ALLOWANCE = Math.log(1.5);
export const RATIO_LEARNED_ALLOWANCE = Math.log(1.2);

/** Cycles of history before a point may be flagged. */
export const WARMUP_CYCLES = 2;
/**
 * Points not flagged after a break or a gap longer than a cycle (a long event, missing days):
 * the level before it is stale, and this many new points re-learn it.
 */
export const RELEARN_POINTS = 3;

/** Output arrays for a series of `n` points. */
export function emptyScores(n: number): SeriesScores {
  return {
    expected: new Float64Array(n),
    lower: new Float64Array(n),
    upper: new Float64Array(n),
    score: new Float64Array(n),
    flag: new Uint8Array(n),
    sign: new Int8Array(n),
  };
}

/** Scores one series causally: point i depends on points 0..i only. NaN = missing. */
export function scoreSeries(values: Float64Array, options: DetectOptions = {}): SeriesScores {
  const n = values.length;
  const out = emptyScores(n);
  scoreSeriesInto(values, out, options, stateFor(options.period ?? 7, options.longPeriod ?? 0));
  return out;
}

/** The last state used, reused by the next series of the same cycles (scoring is synchronous). */
let lastState: DetectorState | undefined;

function stateFor(period: number, longPeriod: number): DetectorState {
  if (lastState?.period !== period || lastState.longPeriod !== longPeriod) {
    lastState = new DetectorState(period, longPeriod);
  }
  return lastState;
}

/** Scratch memory of the detector, reusable across series of the same period. */
export class DetectorState {
  readonly period: number;
  readonly levelWindow: number;
  /** Last PHASE_WINDOW values of each phase, oldest overwritten first. */
  readonly phaseValues: Float64Array;
  /** The same values, sorted within each phase. */
  readonly phaseSorted: Float64Array;
  readonly phaseCount: Int32Array;
  readonly levelResiduals: Float64Array;
  readonly levelSorted: Float64Array;
  readonly longPeriod: number;
  /** Last PHASE_WINDOW values of each phase of the long cycle, and the same sorted. */
  readonly longValues: Float64Array;
  readonly longSorted: Float64Array;
  readonly longCount: Int32Array;
  /** Effects (log scale) of the current event's last days, and the same sorted. */
  readonly eventEffects = new Float64Array(EVENT_WINDOW);
  readonly eventSorted = new Float64Array(EVENT_WINDOW);
  readonly runs = new RunRule();

  constructor(period: number, longPeriod = 0) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`period must be a whole number >= 1; got ${period}`);
    }
    this.period = period;
    // A week of points for daily data; half a cycle (at least 7) for finer grains.
    this.levelWindow = Math.max(7, Math.min(period, Math.round(period / 2)));
    this.phaseValues = new Float64Array(period * PHASE_WINDOW);
    this.phaseCount = new Int32Array(period);
    this.phaseSorted = new Float64Array(period * PHASE_WINDOW);
    this.levelResiduals = new Float64Array(this.levelWindow);
    this.levelSorted = new Float64Array(this.levelWindow);
    if (!Number.isInteger(longPeriod) || longPeriod < 0) {
      throw new RangeError(`longPeriod must be a whole number >= 0; got ${longPeriod}`);
    }
    this.longPeriod = longPeriod;
    this.longValues = new Float64Array(longPeriod * PHASE_WINDOW);
    this.longSorted = new Float64Array(longPeriod * PHASE_WINDOW);
    this.longCount = new Int32Array(longPeriod);
  }

  reset(): void {
    this.phaseCount.fill(0);
    this.longCount.fill(0);
  }

  /**
   * Moves the level the correction has re-learned (the median of its `have` residuals) into
   * the seasonal terms, so that the phase medians do not swing to it weeks later, one weekday
   * at a time. Adding a constant keeps every sorted window sorted.
   */
  foldLevel(have: number): void {
    if (have < 3) return;
    const shift = medianOf(this.levelSorted, 0, have);
    for (const values of [this.phaseValues, this.phaseSorted, this.longValues, this.longSorted]) {
      for (let index = 0; index < values.length; index++) values[index]! += shift;
    }
    for (let index = 0; index < have; index++) {
      this.levelResiduals[index]! -= shift;
      this.levelSorted[index]! -= shift;
    }
  }
}

/**
 * Same as `scoreSeries`, writing into `out` (arrays at least as long as `values`) and reusing
 * `state`: the benchmark's path for many series.
 */
export function scoreSeriesInto(
  values: Float64Array,
  out: SeriesScores,
  options: DetectOptions = {},
  state: DetectorState = new DetectorState(options.period ?? 7, options.longPeriod ?? 0),
): void {
  const n = values.length;
  const period = state.period;
  const threshold = SENSITIVITY_THRESHOLDS[options.sensitivity ?? 'normal'];
  const direction = options.direction ?? 'both';
  const events = options.events;
  const peaks = options.peaks;
  const minImpact = options.minImpact ?? 0;
  const yearPeriod = options.yearPeriod ?? 0;
  const scaleFloor = options.scaleFloor ?? 0;
  const { phaseValues, phaseSorted, phaseCount, levelResiduals, levelSorted, levelWindow } = state;
  const { longPeriod, longValues, longSorted, longCount, eventEffects, eventSorted } = state;
  let eventDays = 0; // days of the current event run so far
  let inPeak = false; // whether the previous point was on a peak
  let longPhase = 0;
  state.reset();
  const { expected, lower, upper, score, flag, sign } = out;

  let levelCount = 0; // residuals pushed into the level ring so far
  let absDev = 0; // decayed sum of clipped absolute residuals
  let scaleWeight = 0; // decayed count of them: absDev / scaleWeight is their EWMA
  let observed = 0;
  let countLike = true; // every value so far a non-negative whole number
  // Non-negative series are modelled on log1p(value): weekly patterns and noise of marketing
  // metrics are multiplicative, and a drop then weighs as much as a spike. The first negative
  // value switches to the raw scale for good and restarts the baseline.
  let logScale = true;
  let zeroRun = 0;
  // The run rule's recent signed z (a level shift shows as several moderate deviations of one
  // sign before the level correction follows it).
  const runs = state.runs;
  runs.reset();
  let lastLevel = NaN; // fallback expectation before any phase history
  const breaks = options.breaks;
  let gap = 0; // consecutive points kept out of the baseline (missing, events)
  let rebase = false; // a break waits for the next point that enters the baseline
  let settling = 0; // points left before flags resume after a break or a long gap
  let gapEvents = 0; // event points in the current gap
  // After a long event, while the level re-learns: the level before the event and the event's
  // own effect. A point that neither explains is news (a budget halved during the holidays).
  let pinnedLevel = NaN;
  let eventShift = NaN;

  for (let i = 0, phase = 0; i < n; i++, phase = phase + 1 === period ? 0 : phase + 1) {
    const value = values[i]!;
    // NaN and infinities are missing points.
    if (breaks !== undefined && breaks.has(i)) rebase = true;
    if (value - value !== 0) {
      expected[i] = NaN;
      lower[i] = NaN;
      upper[i] = NaN;
      score[i] = NaN;
      flag[i] = 0;
      sign[i] = 0;
      gap++;
      continue;
    }
    const isPeak = peaks !== undefined && peaks.has(i);
    const isEvent = isPeak || (events !== undefined && events.has(i));
    if (!isEvent && (rebase || gap > period) && observed > 0) {
      // The level before the break is stale: the level correction starts again, and the run
      // rule with it.
      const afterEvent = !rebase && gapEvents > 0;
      const levelHave = levelCount < levelWindow ? levelCount : levelWindow;
      pinnedLevel = afterEvent ? (levelHave >= 3 ? medianOf(levelSorted, 0, levelHave) : 0) : NaN;
      const eventHave = eventDays < EVENT_WINDOW ? eventDays : EVENT_WINDOW;
      eventShift =
        afterEvent && eventHave >= EVENT_LEARNED ? medianOf(eventSorted, 0, eventHave) : NaN;
      levelCount = 0;
      settling = RELEARN_POINTS;
      runs.reset();
    }
    if (!isEvent) {
      rebase = false;
      gap = 0;
      gapEvents = 0;
    }
    // A new event (a peak giving way to Christmas) has a level of its own to learn.
    if (!isEvent || isPeak !== inPeak) eventDays = 0;
    inPeak = isPeak;
    if (countLike && (value < 0 || value !== Math.floor(value))) countLike = false;
    if (logScale && value < 0) {
      logScale = false;
      state.reset();
      levelCount = 0;
      absDev = 0;
      scaleWeight = 0;
      observed = 0;
      lastLevel = NaN;
    }
    // log(1 + v) rather than log1p: as exact here (v >= 0, a count or an amount) and faster.
    const x = logScale ? Math.log(value + 1) : value;

    // Seasonal term: median of the last same-phase values.
    const count = phaseCount[phase]!;
    const have = count < PHASE_WINDOW ? count : PHASE_WINDOW;
    let longTotal = 0;
    let longHave = 0;
    if (longPeriod > 0) {
      longPhase = i % longPeriod;
      longTotal = longCount[longPhase]!;
      longHave = longTotal < PHASE_WINDOW ? longTotal : PHASE_WINDOW;
    }
    let seasonal: number;
    if (longHave >= 2) {
      seasonal = medianOf(longSorted, longPhase * PHASE_WINDOW, longHave);
    } else if (have > 0) {
      seasonal = medianOf(phaseSorted, phase * PHASE_WINDOW, have);
    } else {
      seasonal = lastLevel === lastLevel ? lastLevel : x;
    }
    // Level correction: median of recent residuals against the seasonal term; while it
    // re-learns after an event, the level before the event.
    const levelHave = levelCount < levelWindow ? levelCount : levelWindow;
    const pinned = settling > 0 && !isEvent && pinnedLevel === pinnedLevel;
    const level = pinned ? pinnedLevel : levelHave >= 3 ? medianOf(levelSorted, 0, levelHave) : 0;
    let center = seasonal + level;
    // The current event's own level, once its first days are in.
    const eventHave = eventDays < EVENT_WINDOW ? eventDays : EVENT_WINDOW;
    const learned = isEvent && eventHave >= EVENT_LEARNED;
    const usual = center;
    if (learned) center += medianOf(eventSorted, 0, eventHave);
    if (logScale && center < 0) center = 0;

    const residual = x - center;
    const centerValue = logScale ? Math.exp(center) - 1 : center;
    let sigma = scaleWeight > 0 ? (absDev / scaleWeight) * ABS_TO_SIGMA : NaN;
    if (countLike) {
      // Poisson noise: sd sqrt(mean), on the log1p scale about 1/sqrt(mean + 1); widened
      // for small means, where log1p stretches the gap between 0 and 1.
      const root = 1 / Math.sqrt(centerValue + 1);
      const poisson = root * (1 + 2 * root);
      if (!(sigma >= poisson)) sigma = poisson;
    }
    // A break inside an event waits for the event's end to re-learn; until then, no flag.
    const warm =
      observed >= WARMUP_CYCLES * period &&
      have >= 2 &&
      scaleWeight >= 5 &&
      (settling === 0 || pinned) &&
      !rebase;
    // On a known event, only the part of the move beyond its allowance counts (all of it off
    // the log scale, where no allowance is known).
    let excess = residual;
    if (pinned && eventShift === eventShift) excess = nearest(residual, residual - eventShift);
    else if (isEvent && !logScale) excess = 0;
    else if (learned) excess = beyond(residual, LEARNED_UP, LEARNED_DOWN);
    else if (isEvent) {
      excess = beyond(
        residual,
        isPeak ? PEAK_ALLOWANCE : EVENT_ALLOWANCE,
        isPeak ? 0 : EVENT_ALLOWANCE,
      );
    }
    const z = warm && sigma > 0 ? Math.abs(excess) / sigma : 0;
    const direct = residual > 0 ? 1 : residual < 0 ? -1 : 0;

    // A zero where the seasonal baseline is far from zero (a tracking outage) stays flagged
    // for up to one cycle, and is kept out of the baseline meanwhile, even once the level
    // correction would have followed it down.
    let outage = false;
    if (value === 0 && warm && zeroRun < period && seasonal > 0) {
      const seasonalValue = logScale ? Math.exp(seasonal) - 1 : seasonal;
      const poissonZero = countLike && seasonalValue >= 0.6 * threshold * threshold;
      outage = seasonal / sigma >= threshold || poissonZero;
    }
    zeroRun = value === 0 ? zeroRun + 1 : 0;

    let zScore = outage && z < threshold ? threshold : z;
    // Outages have a rule of their own: they break a run.
    const signedZ = outage ? 0 : direct * z;
    const run = runs.push(signedZ);
    if (run > zScore) zScore = run;
    const directionOk = direction === 'both' || (direction === 'up' ? direct > 0 : direct < 0);
    const impact = value - centerValue;
    if (yearPeriod > 0 && logScale && zScore >= threshold) {
      // Last year's move around this date (events have their own allowance), and last year's
      // level on this weekday.
      const move = isEvent ? 1 : yearDiscount(excess, values, undefined, i, yearPeriod);
      const level = yearLevelDiscount(residual, values, undefined, i, yearPeriod, period);
      zScore *= move < level ? move : level;
    }
    const flagged =
      warm && directionOk && zScore >= threshold && (impact < 0 ? -impact : impact) >= minImpact;

    expected[i] = centerValue;
    if (warm) {
      const band = threshold * sigma;
      if (logScale) {
        // expm1(center +- band), with one exp.
        const factor = Math.exp(band);
        lower[i] = center > band ? (centerValue + 1) / factor - 1 : 0;
        upper[i] = (centerValue + 1) * factor - 1;
      } else {
        lower[i] = center - band;
        upper[i] = center + band;
      }
    } else {
      lower[i] = NaN;
      upper[i] = NaN;
    }
    score[i] = (zScore * zScore) / (zScore * zScore + SCORE_MIDPOINT * SCORE_MIDPOINT);
    flag[i] = flagged ? 1 : 0;
    sign[i] = flagged ? direct : 0;

    if (isEvent) {
      gap++;
      gapEvents++;
      if (!outage) {
        // The event's effect against the usual level enters the event's own window.
        const slot = eventDays % EVENT_WINDOW;
        pushSorted(
          eventSorted,
          0,
          eventHave,
          eventEffects[slot]!,
          x - usual,
          eventDays >= EVENT_WINDOW,
        );
        eventEffects[slot] = x - usual;
        eventDays++;
      }
      continue;
    }
    if (outage) continue;
    // Update the baseline with this point.
    observed++;
    const phaseSlot = phase * PHASE_WINDOW + (count % PHASE_WINDOW);
    pushSorted(
      phaseSorted,
      phase * PHASE_WINDOW,
      have,
      phaseValues[phaseSlot]!,
      x,
      count >= PHASE_WINDOW,
    );
    phaseValues[phaseSlot] = x;
    if (longPeriod > 0) {
      const longSlot = longPhase * PHASE_WINDOW + (longTotal % PHASE_WINDOW);
      pushSorted(
        longSorted,
        longPhase * PHASE_WINDOW,
        longHave,
        longValues[longSlot]!,
        x,
        longTotal >= PHASE_WINDOW,
      );
      longValues[longSlot] = x;
      longCount[longPhase] = longTotal + 1;
    }
    phaseCount[phase] = count + 1;
    if (have > 0) {
      const levelSlot = levelCount % levelWindow;
      const levelValue = x - seasonal;
      pushSorted(
        levelSorted,
        0,
        levelHave,
        levelResiduals[levelSlot]!,
        levelValue,
        levelCount >= levelWindow,
      );
      levelResiduals[levelSlot] = levelValue;
      levelCount++;
    }
    if (settling > 0) {
      // Residuals against a stale level are not noise: they stay out of the scale.
      settling--;
      if (settling === 0) state.foldLevel(levelCount < levelWindow ? levelCount : levelWindow);
    } else if (have > 0) {
      // The sums make an EWMA that is a plain average while few residuals are in.
      absDev = absDev * (1 - SCALE_ALPHA) + scaleUpdate(absDev, scaleWeight, residual, scaleFloor);
      scaleWeight = scaleWeight * (1 - SCALE_ALPHA) + 1;
    }
    lastLevel = x;
  }
}

/**
 * A residual's entry into the scale's EWMA: its absolute value, clipped at SCALE_CLIP times the
 * current mean (never under SCALE_CLIP times `floor`) so a spike does not inflate the scale for
 * weeks.
 */
function scaleUpdate(absDev: number, scaleWeight: number, residual: number, floor: number): number {
  const size = residual < 0 ? -residual : residual;
  if (absDev <= 0) return size;
  const mean = absDev / scaleWeight;
  const limit = SCALE_CLIP * (mean > floor ? mean : floor);
  return size > limit ? limit : size;
}

/**
 * The smaller of two deviations from two references, or 0 when they differ in sign: the value
 * lies between the level before an event and the event's own, which explain it.
 */
function nearest(fromBefore: number, fromEvent: number): number {
  if (fromBefore * fromEvent <= 0) return 0;
  return Math.abs(fromEvent) < Math.abs(fromBefore) ? fromEvent : fromBefore;
}

/** The part of a log move beyond an allowance of `up` above and `down` below (0 within). */
export function beyond(move: number, up: number, down: number): number {
  if (move > up) return move - up;
  if (move < -down) return move + down;
  return 0;
}

/** Median of the `count` sorted values of `sorted` from `offset`. */
function medianOf(sorted: Float64Array, offset: number, count: number): number {
  const mid = offset + (count >> 1);
  return count & 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Keeps `sorted[offset .. offset+count)` sorted as `value` enters the window and, when the window
 * is full (`replace`), `old` leaves it: O(window) with no allocation.
 */
function pushSorted(
  sorted: Float64Array,
  offset: number,
  count: number,
  old: number,
  value: number,
  replace: boolean,
): void {
  let at: number;
  if (replace) {
    at = offset;
    while (sorted[at] !== old) at++;
  } else {
    at = offset + count;
  }
  // Move the hole at `at` to where `value` belongs.
  const end = offset + count - (replace ? 1 : 0);
  while (at > offset && sorted[at - 1]! > value) {
    sorted[at] = sorted[at - 1]!;
    at--;
  }
  while (at < end && sorted[at + 1]! < value) {
    sorted[at] = sorted[at + 1]!;
    at++;
  }
  sorted[at] = value;
}
