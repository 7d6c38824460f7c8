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
