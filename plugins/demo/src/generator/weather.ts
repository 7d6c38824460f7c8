/**
 * A daily weather series for a few cities (temperature, sunshine) and the sunscreen demand it
 * drives: warm sunny days sell SPF, grey winters do not.
 */
import type { DemoCalendar, Market } from './calendar.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { Random } from './prng.ts';

interface City {
  name: string;
  market: 'FR' | 'UK';
  meanTemperature: number;
  amplitude: number;
  /** Half the difference between the longest and the shortest day, in hours (latitude). */
  daylightSwing: number;
  clearSky: number;
}

const CITIES: readonly City[] = [
  {
    name: 'Paris',
    market: 'FR',
    meanTemperature: 12.6,
    amplitude: 8.4,
    daylightSwing: 4.1,
    clearSky: 0.42,
  },
  {
    name: 'Lyon',
    market: 'FR',
    meanTemperature: 12.8,
    amplitude: 9.6,
    daylightSwing: 3.8,
    clearSky: 0.47,
  },
  {
    name: 'Marseille',
    market: 'FR',
    meanTemperature: 15.8,
    amplitude: 8.6,
    daylightSwing: 3.4,
    clearSky: 0.62,
  },
  {
    name: 'Bordeaux',
    market: 'FR',
    meanTemperature: 14.1,
    amplitude: 7.9,
    daylightSwing: 3.6,
    clearSky: 0.5,
  },
  {
    name: 'Lille',
    market: 'FR',
    meanTemperature: 11.2,
    amplitude: 7.4,
    daylightSwing: 4.3,
    clearSky: 0.36,
  },
  {
    name: 'London',
    market: 'UK',
    meanTemperature: 11.6,
    amplitude: 7.3,
    daylightSwing: 4.4,
    clearSky: 0.36,
  },
];

export interface WeatherSeries {
  batch: ColumnarBatch;
  /** Sunscreen demand multiplier per day and market (mean about 1 over a year). */
  sunscreen: Record<Market, Float64Array>;
}

/** Sales multiplier for sunscreen from one day's weather. */
function sunscreenFactor(temperature: number, sunshine: number): number {
  return Math.min(
    4,
    Math.max(0.12, Math.exp(0.075 * (temperature - 17)) * (0.45 + 0.065 * sunshine)),
  );
}

export function generateWeather(seed: number, calendar: DemoCalendar): WeatherSeries {
  const random = new Random(seed, 'weather');
  const days = calendar.days;
  // A regional anomaly shared by the French cities, plus each city's own wiggle.
  const national = new Float64Array(days);
  let anomaly = 0;
  for (let t = 0; t < days; t++) {
    anomaly = 0.82 * anomaly + 1.7 * random.normal();
    national[t] = anomaly;
  }
  const date: SqlValue[] = [];
  const city: SqlValue[] = [];
  const temperatureColumn: SqlValue[] = [];
  const sunshineColumn: SqlValue[] = [];
  const factorSum: Record<'FR' | 'UK', Float64Array> = {
    FR: new Float64Array(days),
    UK: new Float64Array(days),
  };
  const cityCount = { FR: 0, UK: 0 };
  for (const spec of CITIES) {
    const local = new Random(seed, `weather:${spec.name}`);
    cityCount[spec.market]++;
    let wiggle = 0;
    for (let t = 0; t < days; t++) {
      wiggle = 0.6 * wiggle + 0.9 * local.normal();
      const season = Math.cos((2 * Math.PI * (calendar.dayOfYear[t]! - 200)) / 365.25);
      const shared =
        spec.market === 'FR' ? national[t]! : 0.6 * national[t]! + 1.2 * local.normal();
      const temperature = spec.meanTemperature + spec.amplitude * season + 0.85 * shared + wiggle;
      const daylight = 12.2 + spec.daylightSwing * season;
      const clear = Math.min(
        1,
        Math.max(0, spec.clearSky + 0.12 * season + 0.05 * shared + 0.22 * local.normal()),
      );
      const sunshine = Math.round(daylight * clear * 10) / 10;
      const rounded = Math.round(temperature * 10) / 10;
      date.push(calendar.dates[t]!);
      city.push(spec.name);
      temperatureColumn.push(rounded);
      sunshineColumn.push(sunshine);
      factorSum[spec.market][t]! += sunscreenFactor(rounded, sunshine);
    }
  }
  const normalize = (sums: Float64Array, count: number): Float64Array => {
    const out = new Float64Array(days);
    let total = 0;
    for (let t = 0; t < days; t++) total += sums[t]! / count;
    const mean = total / days;
    for (let t = 0; t < days; t++) out[t] = sums[t]! / count / mean;
    return out;
  };
  const france = normalize(factorSum.FR, cityCount.FR);
  const uk = normalize(factorSum.UK, cityCount.UK);
  // No US or Swiss city in the series: the US follows the French seasons, Switzerland France.
  return {
    batch: {
      columns: ['date', 'city', 'temperature_c', 'sunshine_hours'],
      data: [date, city, temperatureColumn, sunshineColumn],
    },
    sunscreen: { FR: france, CH: france, B2B: new Float64Array(days).fill(1), UK: uk, US: france },
  };
}
