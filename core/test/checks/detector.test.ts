import { describe, expect, it } from 'vitest';
import { scoreRatioSeries, scoreSeries, SENSITIVITY_THRESHOLDS } from '@baton/core/checks';
import { cleanSeries, prng } from './detector-fixtures.ts';

function series(seed = 1, days = 140, base = 200): Float64Array {
  return cleanSeries(prng(seed), { days, base, shape: 60, weekly: 0.3, trend: 0.1 });
}

describe('scoreSeries', () => {
  it('is causal: a prefix scores the same as the full series over that prefix', () => {
    const full = series(3, 200);
    const whole = scoreSeries(full);
    for (const cut of [30, 77, 150]) {
      const prefix = scoreSeries(full.slice(0, cut));
      expect(Array.from(prefix.score)).toEqual(Array.from(whole.score.slice(0, cut)));
      expect(Array.from(prefix.flag)).toEqual(Array.from(whole.flag.slice(0, cut)));
      expect(Array.from(prefix.expected)).toEqual(Array.from(whole.expected.slice(0, cut)));
    }
  });

  it('gives a score in 0..1 for every point, NaN for missing ones only', () => {
    const values = series(4);
    values[50] = NaN;
    const { score, flag } = scoreSeries(values);
    values.forEach((_, i) => {
      if (i === 50) {
        expect(score[i]).toBeNaN();
      } else {
        expect(score[i]).toBeGreaterThanOrEqual(0);
        expect(score[i]).toBeLessThanOrEqual(1);
      }
    });
    expect(flag[50]).toBe(0);
  });

  it('flags a spike and a drop', () => {
    const values = series(5);
    values[100] = values[100]! * 2.5;
    values[110] = values[110]! * 0.2;
    const { flag, sign } = scoreSeries(values);
    expect(flag[100]).toBe(1);
    expect(sign[100]).toBe(1);
    expect(flag[110]).toBe(1);
    expect(sign[110]).toBe(-1);
  });

  it('follows the weekly pattern: a quiet weekend is not an anomaly', () => {
    const values = new Float64Array(140).map((_, i) => (i % 7 >= 5 ? 40 : 200));
    const { flag, expected } = scoreSeries(values);
    expect(flag.reduce((a, b) => a + b, 0)).toBe(0);
    expect(expected[133]).toBeCloseTo(200);
    expect(expected[131]).toBeCloseTo(40);
  });

  it('learns a weekly cycle on top of the daily one for hourly data', () => {
    const random = prng(21);
    const hours = 24 * 7 * 8;
    const values = new Float64Array(hours);
    for (let hour = 0; hour < hours; hour++) {
      const daytime = hour % 24 >= 8 && hour % 24 < 20 ? 3 : 1;
      const weekend = Math.floor(hour / 24) % 7 >= 5 ? 0.3 : 1;
      values[hour] = Math.round(100 * daytime * weekend * (1 + 0.1 * (random() - 0.5)));
    }
    values[hours - 30] = values[hours - 30]! * 3;
    const withWeek = scoreSeries(values, { period: 24, longPeriod: 168 });
    // Weekends surprise the first weeks only, while the weekly medians fill.
    const flags = withWeek.flag.slice(24 * 7 * 3).reduce((a, b) => a + b, 0);
    expect(withWeek.flag[hours - 30]).toBe(1);
    expect(flags).toBeLessThanOrEqual(2);
    // The expected value of a weekend afternoon in the last week follows the weekend.
    const saturday = 24 * 7 * 7 + 24 * 5 + 14;
    expect(withWeek.expected[saturday]).toBeLessThan(150);
  });

  it('flags a level shift at its start, then adapts within days', () => {
    const values = series(6, 200);
    for (let i = 120; i < 200; i++) values[i] = values[i]! * 2;
    const { flag } = scoreSeries(values);
    expect(flag.slice(120, 124).some((f) => f === 1)).toBe(true);
    expect(flag.slice(130, 200).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
  });

  it('handles missing days without flagging their neighbours', () => {
    const values = series(7, 200);
    for (let i = 90; i < 100; i++) values[i] = NaN;
    const { flag, score } = scoreSeries(values);
    expect(flag.reduce((a, b) => a + b, 0)).toBe(0);
    expect(score[100]).toBeGreaterThanOrEqual(0);
  });

  it('flags every day of a zero run (a tracking outage) and not the recovery', () => {
    const values = series(8, 200, 80);
    for (let i = 120; i < 125; i++) values[i] = 0;
    const { flag } = scoreSeries(values);
    expect(Array.from(flag.slice(120, 125))).toEqual([1, 1, 1, 1, 1]);
    expect(flag.slice(125, 140).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('does not flag the noise of a low-volume series', () => {
    let flags = 0;
    for (let seed = 0; seed < 20; seed++) {
      const values = cleanSeries(prng(100 + seed), {
        days: 364,
        base: 1.5,
        shape: 5,
        weekly: 0.3,
        trend: 0,
      });
      flags += scoreSeries(values).flag.reduce((a, b) => a + b, 0);
    }
    expect(flags).toBeLessThanOrEqual(2);
  });

  it("expects a move within a known event's allowance and keeps it out of the baseline", () => {
    const values = series(9);
    values[100] = values[100]! * 2.4;
    values[107] = values[107]! * 4;
    const events = new Set([100]);
    const { flag, score, expected } = scoreSeries(values, { events });
    expect(flag[100]).toBe(0);
    expect(score[100]).toBeLessThan(scoreSeries(values).score[100]! / 2);
    expect(flag[107]).toBe(1);
    expect(scoreSeries(values).expected[101]).toBeGreaterThanOrEqual(expected[101]! - 1e-9);
  });

  it('still flags a move far beyond an event, and on a peak a fall', () => {
    const values = series(9);
    values[100] = values[100]! * 10;
    values[110] = values[110]! * 0.3;
    const { flag, sign } = scoreSeries(values, { events: new Set([100]), peaks: new Set([110]) });
    expect(flag[100]).toBe(1);
    expect(flag[110]).toBe(1);
    expect(sign[110]).toBe(-1);
  });

  it("learns an event's own level from its first days", () => {
    const values = series(11, 160);
    // A three-week sale at x2.5, which halves for three days in its third week.
    const peaks = new Set<number>();
    for (let day = 100; day < 121; day++) {
      peaks.add(day);
      values[day] = values[day]! * (day >= 114 && day < 117 ? 1.1 : 2.5);
    }
    const { flag } = scoreSeries(values, { peaks });
    expect(Array.from(flag.slice(100, 114)).every((one) => one === 0)).toBe(true);
    expect(Array.from(flag.slice(114, 117))).toContain(1);
  });

  it('orders sensitivities: high flags a superset of normal, normal of low', () => {
    expect(SENSITIVITY_THRESHOLDS.high).toBeLessThan(SENSITIVITY_THRESHOLDS.normal);
    expect(SENSITIVITY_THRESHOLDS.normal).toBeLessThan(SENSITIVITY_THRESHOLDS.low);
    const values = series(10, 300);
    for (let i = 60; i < 300; i += 17) values[i] = values[i]! * (1 + ((i % 5) - 2) * 0.3);
    const counts = (['low', 'normal', 'high'] as const).map((sensitivity) => {
      const { flag } = scoreSeries(values, { sensitivity });
      return flag;
    });
    for (let i = 0; i < 300; i++) {
      expect(counts[1]![i]!).toBeGreaterThanOrEqual(counts[0]![i]!);
      expect(counts[2]![i]!).toBeGreaterThanOrEqual(counts[1]![i]!);
    }
    const total = counts.map((flag) => flag.reduce((a, b) => a + b, 0));
    expect(total[2]).toBeGreaterThan(total[0]!);
  });

  it('honours the direction', () => {
    const values = series(11);
    values[100] = values[100]! * 3;
    expect(scoreSeries(values, { direction: 'down' }).flag[100]).toBe(0);
    expect(scoreSeries(values, { direction: 'up' }).flag[100]).toBe(1);
  });
});

describe('scoreRatioSeries', () => {
  it('does not flag a CPA jump made of three conversions, flags it at volume', () => {
    const random = prng(12);
    const days = 140;
    const lowSpend = new Float64Array(days);
    const lowConversions = new Float64Array(days);
    const highSpend = new Float64Array(days);
    const highConversions = new Float64Array(days);
    for (let i = 0; i < days; i++) {
      lowSpend[i] = 150 + 20 * random();
      lowConversions[i] = 3 + Math.round(random() * 2);
      highSpend[i] = 15000 + 2000 * random();
      highConversions[i] = 300 + Math.round(random() * 20);
    }
    // CPA doubles on day 120 in both.
    lowConversions[120] = 2;
    lowSpend[120] = 200;
    highConversions[120] = 160;
    const low = scoreRatioSeries(lowSpend, lowConversions);
    const high = scoreRatioSeries(highSpend, highConversions);
    expect(low.flag[120]).toBe(0);
    expect(high.flag[120]).toBe(1);
    expect(high.sign[120]).toBe(1);
    expect(high.upper[120]! - high.lower[120]!).toBeLessThan(low.upper[120]! - low.lower[120]!);
  });

  it('takes the counts behind a ROAS: few conversions, a wide band', () => {
    const days = 120;
    const revenue = new Float64Array(days);
    const spend = new Float64Array(days).fill(1000);
    for (let i = 0; i < days; i++) revenue[i] = 3000 + (i % 3) * 200;
    revenue[110] = 1200; // ROAS 3.2 -> 1.2
    const few = scoreRatioSeries(revenue, spend, { counts: new Float64Array(days).fill(3) });
    const many = scoreRatioSeries(revenue, spend, { counts: new Float64Array(days).fill(300) });
    expect(few.flag[110]).toBe(0);
    expect(many.flag[110]).toBe(1);
    expect(many.sign[110]).toBe(-1);
  });

  it('is missing where the denominator is zero', () => {
    const spend = new Float64Array(30).fill(100);
    const conversions = new Float64Array(30).fill(10);
    conversions[20] = 0;
    const { score } = scoreRatioSeries(spend, conversions);
    expect(score[20]).toBeNaN();
    expect(score[21]).toBeGreaterThanOrEqual(0);
  });
});
