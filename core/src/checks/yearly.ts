/**
 * Yearly seasonality for the detectors: with more than a year of history, a flagged move the
 * series also made around the same time a year before is discounted by that move (sunscreen
 * spend falls in October every year). It only ever lowers a flagged point's z, and runs for
 * flagged points only.
 */

/** Days over which a move a year before is measured, and how far its timing may drift. */
const YEAR_SPAN = 14;
const YEAR_DRIFT = 7;

/**
 * How much of a deviation (log scale) at point i is left once last year's move of the same
 * sign is expected: 1 - move / deviation, floored at 0. `year` is the points in a year (364
 * for daily data: the same weekday); `denominator` makes the series a ratio of sums.
 */
export function yearDiscount(
  deviation: number,
  values: Float64Array,
  denominator: Float64Array | undefined,
  i: number,
  year: number,
): number {
  if (deviation === 0) return 1;
  const move = lastYearMove(values, denominator, i, year, deviation > 0 ? 1 : -1);
  const left = 1 - move / deviation;
  return left > 0 ? left : 0;
}

/**
 * The series' largest move of `sign` over YEAR_SPAN points a year before point i (the log of a
 * week's mean, or ratio of sums, over the week YEAR_SPAN points earlier), for weeks centred up
 * to YEAR_DRIFT points either side of the same day: seasons do not keep to the date. 0 without
 * such a move or the history.
 */
function lastYearMove(
  values: Float64Array,
  denominator: Float64Array | undefined,
  i: number,
  year: number,
  sign: number,
): number {
  let largest = 0;
  for (let at = i - year - YEAR_DRIFT; at <= i - year + YEAR_DRIFT; at++) {
    if (at - YEAR_SPAN - 3 < 0) continue;
    const move =
      sign * (weekLog(values, denominator, at) - weekLog(values, denominator, at - YEAR_SPAN));
    if (move > largest) largest = move;
  }
  return sign * largest;
}

/** The log of the mean (or ratio of sums) of the 7 points centred on `at`; NaN if under 4. */
function weekLog(values: Float64Array, denominator: Float64Array | undefined, at: number): number {
  let top = 0;
  let bottom = 0;
  let count = 0;
  for (let j = at - 3; j <= at + 3; j++) {
    const value = values[j]!;
    const under = denominator === undefined ? 1 : denominator[j]!;
    if (value - value !== 0 || under - under !== 0 || value < 0 || under <= 0) continue;
    top += value;
    bottom += under;
    count++;
  }
  if (count < 4) return NaN;
  return denominator === undefined
    ? Math.log(top / count + 1)
    : Math.log((top + 0.5) / (bottom + 0.5));
}

/**
 * How much of a deviation (log scale) at point i is left once last year's level is expected:
 * the distance from the point to the level the series had on the same weekday a year before
 * (the median of the three same weekdays around that day, or their ratio of sums), over the
 * deviation, at most 1. The seasonal naive forecast: a value where the series stood a year ago
 * is not news, a runaway or an outage is far from it. 1 without that history.
 */
export function yearLevelDiscount(
  deviation: number,
  values: Float64Array,
  denominator: Float64Array | undefined,
  i: number,
  year: number,
  period: number,
): number {
  if (deviation === 0) return 1;
  const then = sameDayLog(values, denominator, i - year, period);
  const now = sameDayLog(values, denominator, i, 0);
  if (!(then === then) || !(now === now)) return 1;
  const distance = Math.abs(now - then);
  const size = Math.abs(deviation);
  return distance >= size ? 1 : distance / size;
}

/**
 * The log level at point `at`: with `period`, over `at` and the same phase a cycle either side
 * (the median for a series, the ratio of sums for a ratio); NaN when under 2 of them are there.
 */
function sameDayLog(
  values: Float64Array,
  denominator: Float64Array | undefined,
  at: number,
  period: number,
): number {
  const logs: number[] = [];
  let top = 0;
  let bottom = 0;
  const points = period > 0 ? [at - period, at, at + period] : [at];
  for (const j of points) {
    if (j < 0 || j >= values.length) continue;
    const value = values[j]!;
    const under = denominator === undefined ? 1 : denominator[j]!;
    if (value - value !== 0 || under - under !== 0 || value < 0 || under <= 0) continue;
    logs.push(Math.log(value + 1));
    top += value;
    bottom += under;
  }
  if (logs.length < (period > 0 ? 2 : 1)) return NaN;
  if (denominator !== undefined) return Math.log((top + 0.5) / (bottom + 0.5));
  logs.sort((a, b) => a - b);
  return logs.length === 3 ? logs[1]! : (logs[0]! + logs.at(-1)!) / 2;
}
