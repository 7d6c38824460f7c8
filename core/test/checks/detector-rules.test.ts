/**
 * The detectors' rules beyond a single point: breaks and gaps, a level after an event, yearly
 * seasonality, runs and drifts.
 */
import { describe, expect, it } from 'vitest';
import { scoreRatioSeries, scoreSeries } from '@baton/core/checks';
import { RunRule } from '../../src/checks/run-rule.ts';
import { cleanMeans, cleanSeries, countsAround, prng } from './detector-fixtures.ts';

function series(seed: number, days = 200): Float64Array {
  return cleanSeries(prng(seed), { days, base: 300, shape: 80, weekly: 0.2, trend: 0 });
}

const flagsIn = (flag: Uint8Array, from: number, to: number) =>
  Array.from(flag.slice(from, to)).reduce((sum, one) => sum + one, 0);

describe('the scale', () => {
  it('does not collapse when the first residual is exactly zero', () => {
    // The 8th value repeats the 1st: the first residual is 0, which once froze the band at 0.
    const values = Float64Array.from(series(12, 60), (value) => value / 40);
    values[7] = values[0]!;
    const { lower, upper } = scoreSeries(values);
    expect(upper[50]! - lower[50]!).toBeGreaterThan(0);
  });
});

describe('breaks and gaps', () => {
  it('re-learns the level at a break (a campaign launched inside an aggregate)', () => {
    const values = series(1);
    for (let day = 120; day < values.length; day++) values[day] = values[day]! * 2;
    expect(flagsIn(scoreSeries(values).flag, 120, 124)).toBeGreaterThan(0);
    expect(flagsIn(scoreSeries(values, { breaks: new Set([120]) }).flag, 120, 200)).toBe(0);
  });

  it('re-learns quietly after a long gap of missing days', () => {
    const values = series(2);
    for (let day = 100; day < 115; day++) values[day] = NaN;
    for (let day = 115; day < values.length; day++) values[day] = values[day]! * 1.8;
    expect(flagsIn(scoreSeries(values).flag, 115, 200)).toBe(0);
  });

  it('after a long event, flags a new level that neither the level before nor the event explains', () => {
    const events = new Set(Array.from({ length: 20 }, (_, index) => 100 + index));
    // The event lifts the series x1.8 and the level stays there: explained by the event.
    const lifted = series(3);
    for (let day = 100; day < lifted.length; day++) lifted[day] = lifted[day]! * 1.8;
    expect(flagsIn(scoreSeries(lifted, { events }).flag, 120, 200)).toBe(0);
    // A quiet event, then the level halves as it ends (a budget cut over the holidays).
    const cut = series(3);
    for (let day = 119; day < cut.length; day++) cut[day] = cut[day]! * 0.5;
    expect(flagsIn(scoreSeries(cut, { events }).flag, 120, 123)).toBeGreaterThan(0);
  });
});

describe('yearly seasonality', () => {
  it('expects a move the series made at the same time a year before', () => {
    const days = 364 * 2;
    const means = cleanMeans(prng(4), { days, base: 400, shape: 80, weekly: 0.2, trend: 0 });
    // Every autumn, demand halves within a week and stays low for a month.
    for (const start of [270, 270 + 364]) {
      for (let day = start; day < start + 35; day++) {
        means[day] = means[day]! * (day < start + 7 ? 1 - (0.5 * (day - start + 1)) / 7 : 0.5);
      }
    }
    const values = countsAround(prng(5), means, 80);
    const secondAutumn = [270 + 364, 270 + 364 + 35] as const;
    expect(flagsIn(scoreSeries(values).flag, ...secondAutumn)).toBeGreaterThan(0);
    expect(flagsIn(scoreSeries(values, { yearPeriod: 364 }).flag, ...secondAutumn)).toBe(0);
  });
});

describe('yearly level', () => {
  it('expects the level the series had on the same weekday a year before, not a new one', () => {
    const days = 364 * 2;
    const means = cleanMeans(prng(14), { days, base: 400, shape: 80, weekly: 0.2, trend: 0 });
    // A ten-day lull at the same dates each year; a runaway only in the second year.
    for (const start of [300, 300 + 364]) {
      for (let day = start; day < start + 10; day++) means[day] = means[day]! * 0.5;
    }
    const values = countsAround(prng(15), means, 80);
    values[700] = values[700]! * 4;
    const { flag } = scoreSeries(values, { yearPeriod: 364 });
    expect(flagsIn(flag, 300, 303)).toBeGreaterThan(0);
    expect(flagsIn(flag, 300 + 364, 310 + 364)).toBe(0);
    expect(flag[700]).toBe(1);
  });
});

describe('the run rule', () => {
  it('scores k same-sign deviations of at least 1 as their sum over sqrt(k), up to a week', () => {
    const runs = new RunRule();
    const scores = [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5].map((z) => runs.push(z));
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBeCloseTo(4.5 / Math.sqrt(3));
    expect(scores[6]).toBeCloseTo(10.5 / Math.sqrt(7));
    // A deviation under 1, or of the other sign, ends the run.
    expect(runs.push(-1.5)).toBe(0);
    expect(runs.push(0.5)).toBe(0);
  });

  it('flags a CPA doubled for a week on a few conversions a day, which no single day shows', () => {
    const random = prng(6);
    const days = 160;
    const spend = cleanMeans(random, { days, base: 200, shape: 80, weekly: 0.2, trend: 0 });
    // Eight conversions a day at a CPA of 25; twice that CPA on days 120-126.
    const conversions = countsAround(
      random,
      spend.map((amount, day) => amount / (day >= 120 && day < 127 ? 50 : 25)),
      200,
    );
    const { flag, score } = scoreRatioSeries(spend, conversions, { direction: 'up' });
    expect(flagsIn(flag, 120, 127)).toBeGreaterThan(0);
    expect(score[120]).toBeLessThan(0.5);
  });
});

describe('the drift rule', () => {
  it("flags an ad's CTR fading over a month, which the daily baseline follows", () => {
    const random = prng(8);
    const days = 160;
    const impressions = countsAround(
      random,
      cleanMeans(random, { days, base: 5000, shape: 200, weekly: 0.1, trend: 0 }),
      200,
    );
    const fade = (day: number) => (day < 120 ? 1 : 1 - (0.6 * (day - 119)) / 35);
    const clicks = countsAround(
      random,
      impressions.map((shown, day) => shown * 0.01 * fade(day)),
      100,
    );
    const { flag } = scoreRatioSeries(clicks, impressions, { direction: 'down' });
    expect(flagsIn(flag, 120, 155)).toBeGreaterThan(0);
    expect(flagsIn(flag, 0, 120)).toBe(0);
  });
});
