/**
 * Precision and recall on seeded synthetic series: anomaly-free ones with realistic noise
 * (gamma-Poisson counts), a weekly pattern and a slow trend; and the same with one injected
 * anomaly each. The figures are printed for the closing note of the issue.
 */
import { describe, expect, it } from 'vitest';
import { scoreSeries } from '@baton/core/checks';
import { cleanMeans, countsAround, prng, type CleanSeriesOptions } from './detector-fixtures.ts';

const SERIES = 200;
const WEEKS = 52;

function options(random: () => number, minBase: number): CleanSeriesOptions {
  return {
    days: WEEKS * 7,
    base: minBase * Math.exp(random() * Math.log(2000 / minBase)),
    shape: 10 + random() * 90,
    weekly: 0.1 + random() * 0.3,
    trend: -0.3 + random() * 0.8,
  };
}

describe('detector quality', () => {
  it('raises at most 1 alert per 20 series-weeks on anomaly-free series', () => {
    const random = prng(2026);
    let flags = 0;
    for (let s = 0; s < SERIES; s++) {
      const shape = options(random, 2);
      const values = countsAround(random, cleanMeans(random, shape), shape.shape);
      flags += scoreSeries(values).flag.reduce((a, b) => a + b, 0);
    }
    const per20 = flags / ((SERIES * WEEKS) / 20);
    console.log(
      `false alerts: ${flags} flagged points in ${SERIES} series x ${WEEKS} weeks = ${per20.toFixed(3)} per 20 series-weeks`,
    );
    expect(per20).toBeLessThanOrEqual(1);
  });

  it('finds injected spikes, drops, level shifts and zero runs', () => {
    const random = prng(7);
    const kinds = ['spike', 'drop', 'level shift', 'zero run'] as const;
    const found = { spike: 0, drop: 0, 'level shift': 0, 'zero run': 0 };
    const tried = { spike: 0, drop: 0, 'level shift': 0, 'zero run': 0 };
    for (let s = 0; s < SERIES; s++) {
      const kind = kinds[s % kinds.length]!;
      const shape = options(random, 30);
      const means = cleanMeans(random, shape);
      const at = 70 + Math.floor(random() * (shape.days - 100));
      if (kind === 'spike') means[at] = means[at]! * (2.5 + random());
      if (kind === 'drop') means[at] = means[at]! * (0.15 + 0.15 * random());
      if (kind === 'level shift') {
        const factor = random() < 0.5 ? 2 + random() : 0.3 + 0.2 * random();
        for (let i = at; i < shape.days; i++) means[i] = means[i]! * factor;
      }
      const values = countsAround(random, means, shape.shape);
      if (kind === 'zero run') for (let i = at; i < at + 5; i++) values[i] = 0;
      const { flag } = scoreSeries(values);
      // Found when flagged on the day, or within 3 days of a level shift's start.
      const window = kind === 'spike' || kind === 'drop' ? 1 : 3;
      tried[kind]++;
      if (flag.slice(at, at + window).some((f) => f === 1)) found[kind]++;
    }
    const recall = Object.fromEntries(kinds.map((kind) => [kind, found[kind] / tried[kind]]));
    const total = kinds.reduce((sum, kind) => sum + found[kind], 0) / SERIES;
    console.log(
      `recall: ${kinds.map((kind) => `${kind} ${recall[kind]!.toFixed(2)}`).join(', ')}; all ${total.toFixed(2)}`,
    );
    expect(total).toBeGreaterThanOrEqual(0.9);
    for (const kind of kinds) expect(recall[kind]).toBeGreaterThanOrEqual(0.8);
  });
});
