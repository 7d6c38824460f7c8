/**
 * Precision and recall of the ratio detector on seeded synthetic marketing series: CPA (spend
 * over conversions), CTR (clicks over impressions) and ROAS (revenue over spend, with the
 * conversions behind it), with weekly patterns, slow drifts and overdispersed counts from a
 * few conversions a day to thousands. The figures are printed for the issue's closing note.
 */
import { describe, expect, it } from 'vitest';
import { scoreRatioSeries, type RatioOptions } from '@baton/core/checks';
import { cleanMeans, countsAround, normal, prng } from './detector-fixtures.ts';

const SERIES = 150;
const WEEKS = 52;
const DAYS = WEEKS * 7;

type Kind = 'cpa' | 'ctr' | 'roas';
const KINDS: Kind[] = ['cpa', 'ctr', 'roas'];

interface RatioSeries {
  numerator: Float64Array;
  denominator: Float64Array;
  options: RatioOptions;
  /** The counted events a day on average (conversions, or clicks for CTR). */
  events: number;
}

const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;

/** Log-uniform between `low` and `high`. */
function between(random: () => number, low: number, high: number): number {
  return low * Math.exp(random() * Math.log(high / low));
}

/**
 * One anomaly-free series of `kind`; `effect(day)` multiplies the ratio's true value (1 = none):
 * the CPA, the CTR, or the revenue per conversion.
 */
function ratioSeries(
  random: () => number,
  kind: Kind,
  effect: (day: number) => number = () => 1,
): RatioSeries {
  const volume = cleanMeans(random, {
    days: DAYS,
    base: kind === 'ctr' ? between(random, 2_000, 200_000) : between(random, 30, 3_000),
    shape: 50,
    weekly: 0.1 + random() * 0.3,
    trend: -0.3 + random() * 0.8,
  });
  // The ratio itself drifts slowly (+-20% over the year) with a mild weekday pattern.
  const drift = -0.2 + random() * 0.4;
  const weekday = Array.from({ length: 7 }, () => 1 + 0.08 * (random() - 0.5));
  const truth = (day: number) => (1 + (drift * day) / DAYS) * weekday[day % 7]! * effect(day);
  const shape = 20 + random() * 80;
  if (kind === 'ctr') {
    const impressions = countsAround(random, volume, 200);
    const ctr = between(random, 0.004, 0.03);
    const clicks = countsAround(
      random,
      impressions.map((shown, day) => shown * ctr * truth(day)),
      shape,
    );
    return { numerator: clicks, denominator: impressions, options: {}, events: mean(clicks) };
  }
  // Spend in money, with its own noise; conversions from it at the true CPA.
  const spend = volume.map((mean) => Math.max(1, mean * (1 + 0.1 * normal(random))));
  const cpa = between(random, 10, 80);
  if (kind === 'cpa') {
    const conversions = countsAround(
      random,
      spend.map((amount, day) => amount / (cpa * truth(day))),
      shape,
    );
    return { numerator: spend, denominator: conversions, options: {}, events: mean(conversions) };
  }
  const conversions = countsAround(
    random,
    spend.map((amount) => amount / cpa),
    shape,
  );
  // Revenue: each order's value spread as much as it is large (cv 1), summed.
  const orderValue = cpa * between(random, 1.5, 5);
  const revenue = conversions.map((orders, day) =>
    orders === 0
      ? 0
      : Math.max(0, orders * orderValue * truth(day) * (1 + normal(random) / Math.sqrt(orders))),
  );
  return {
    numerator: revenue,
    denominator: spend,
    options: { counts: conversions },
    events: mean(conversions),
  };
}

describe('ratio detector quality', () => {
  it('raises at most 1 alert per 20 series-weeks on anomaly-free CPA, CTR and ROAS series', () => {
    const random = prng(2027);
    const flags = { cpa: 0, ctr: 0, roas: 0 };
    for (let s = 0; s < SERIES; s++) {
      const kind = KINDS[s % KINDS.length]!;
      const { numerator, denominator, options } = ratioSeries(random, kind);
      flags[kind] += scoreRatioSeries(numerator, denominator, options).flag.reduce(
        (a, b) => a + b,
        0,
      );
    }
    const total = flags.cpa + flags.ctr + flags.roas;
    const per20 = total / ((SERIES * WEEKS) / 20);
    console.log(
      `ratio false alerts: ${total} flagged points (CPA ${flags.cpa}, CTR ${flags.ctr}, ROAS ${flags.roas}) in ${SERIES} series x ${WEEKS} weeks = ${per20.toFixed(3)} per 20 series-weeks`,
    );
    expect(per20).toBeLessThanOrEqual(1);
  });

  it('finds a CPA doubled for a week, a ROAS fallen for three days and a CTR fading over a month, given the volume', () => {
    const random = prng(11);
    // Per kind and volume (counted events a day): [found, tried].
    const tiers = ['under 5', '5 to 20', '20 and more'] as const;
    const tally = new Map<string, [number, number]>();
    for (let s = 0; s < SERIES * 2; s++) {
      const kind = KINDS[s % KINDS.length]!;
      const at = 120 + Math.floor(random() * (DAYS - 160));
      const length = { cpa: 7, roas: 3, ctr: 35 }[kind];
      const effect = (day: number): number => {
        if (day < at || day >= at + length) return 1;
        if (kind === 'cpa') return 2.2;
        if (kind === 'roas') return 0.35;
        return 1 - (0.6 * (day - at + 1)) / length; // to 40% of itself
      };
      const { numerator, denominator, options, events } = ratioSeries(random, kind, effect);
      const { flag } = scoreRatioSeries(numerator, denominator, {
        ...options,
        direction: kind === 'cpa' ? 'up' : 'down',
      });
      const tier = tiers[events < 5 ? 0 : events < 20 ? 1 : 2];
      const counts = tally.get(`${kind} ${tier}`) ?? [0, 0];
      if (flag.slice(at, at + length).some((one) => one === 1)) counts[0]++;
      counts[1]++;
      tally.set(`${kind} ${tier}`, counts);
    }
    const recall = (key: string) => {
      const [found, tried] = tally.get(key) ?? [0, 0];
      return tried === 0 ? NaN : found / tried;
    };
    console.log(
      `ratio recall by events a day: ${KINDS.map(
        (kind) =>
          `${kind} ${tiers.map((tier) => `${tier}: ${recall(`${kind} ${tier}`).toFixed(2)}`).join(', ')}`,
      ).join('; ')}`,
    );
    // Three conversions are not a trend; twenty a day are.
    for (const kind of KINDS) expect(recall(`${kind} 20 and more`)).toBeGreaterThanOrEqual(0.8);
  });
});
