/**
 * Euro reference rates, ECB style: one row per business day and currency, `1 EUR = rate quote`.
 * Weekends have no row; the model views take the last published rate (as-of join).
 */
import type { DemoCalendar } from './calendar.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { Random } from './prng.ts';

export type Currency = 'EUR' | 'GBP' | 'USD' | 'CHF';

const CENTRES: Record<Exclude<Currency, 'EUR'>, { mean: number; volatility: number }> = {
  GBP: { mean: 0.853, volatility: 0.0035 },
  USD: { mean: 1.09, volatility: 0.0045 },
  CHF: { mean: 0.945, volatility: 0.003 },
};

/** Extra days of rates before the window, so its first weekend has a rate to look back to. */
const LEAD_DAYS = 7;

export interface FxSeries {
  batch: ColumnarBatch;
  /** Units of `currency` per euro, for every day of the window (weekends carry Friday's). */
  perEuro: Record<Currency, Float64Array>;
}

export function generateFx(
  seed: number,
  calendar: DemoCalendar,
  isoDay: (day: number) => string,
): FxSeries {
  const date: SqlValue[] = [];
  const base: SqlValue[] = [];
  const quote: SqlValue[] = [];
  const rate: SqlValue[] = [];
  const perEuro = { EUR: new Float64Array(calendar.days).fill(1) } as Record<
    Currency,
    Float64Array
  >;
  for (const [currency, centre] of Object.entries(CENTRES) as [
    Exclude<Currency, 'EUR'>,
    { mean: number; volatility: number },
  ][]) {
    const random = new Random(seed, `fx:${currency}`);
    const series = new Float64Array(calendar.days);
    let logRate = Math.log(centre.mean) + 0.02 * random.normal();
    let published = Math.exp(logRate);
    for (let t = -LEAD_DAYS; t < calendar.days; t++) {
      const day = calendar.start + t;
      const weekday = (((day + 3) % 7) + 7) % 7;
      if (weekday < 5) {
        // Mean-reverting random walk on the log rate.
        logRate += centre.volatility * random.normal() + 0.01 * (Math.log(centre.mean) - logRate);
        published = Math.round(Math.exp(logRate) * 10_000) / 10_000;
        date.push(t >= 0 ? calendar.dates[t]! : isoDay(day));
        base.push('EUR');
        quote.push(currency);
        rate.push(published);
      }
      if (t >= 0) series[t] = published;
    }
    perEuro[currency] = series;
  }
  return {
    batch: {
      columns: ['date', 'base_currency', 'quote_currency', 'rate'],
      data: [date, base, quote, rate],
    },
    perEuro,
  };
}
