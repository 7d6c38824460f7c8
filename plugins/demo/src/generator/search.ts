/**
 * Search Console rows by query, page, country and device: brand and non-brand queries in
 * French and English, positions that drift, CTR that falls with position. Zero-impression
 * rows are left out, as the API does.
 */
import type { DemoCalendar, Market } from './calendar.ts';
import { BRAND } from './catalog.ts';
import type { ColumnarBatch, SqlValue } from './types.ts';
import { rawColumnNames } from './types.ts';
import { Random } from './prng.ts';

const SEARCH_COLUMNS = rawColumnNames('search_console_daily');

type Theme = 'brand' | 'serum' | 'sun' | 'cream' | 'gift' | 'general';

/** [query, page, theme, impressions on an average day, average position]. */
// prettier-ignore
const FRENCH: ReadonlyArray<[string, string, Theme, number, number]> = [
  ['maison lumière', '/', 'brand', 2600, 1.05],
  ['maison lumiere', '/', 'brand', 1300, 1.1],
  ['maison lumière avis', '/fr/avis-clients', 'brand', 240, 1.6],
  ['maison lumière sérum', '/fr/serum-eclat-vitamine-c', 'brand', 310, 1.2],
  ['maison lumiere serum eclat', '/fr/serum-eclat-vitamine-c', 'brand', 150, 1.15],
  ['maison lumière crème solaire', '/fr/ecran-solaire-visage-spf50', 'brand', 160, 1.3],
  ['maison lumière code promo', '/fr/offres', 'brand', 190, 2.4],
  ['maison lumière coffret', '/fr/coffrets-cadeaux', 'brand', 70, 1.4],
  ['maison lumière sephora', '/fr/points-de-vente', 'brand', 60, 3.2],
  ['maison lumière pro', '/fr/pro', 'brand', 25, 1.3],
  ['sérum vitamine c', '/fr/serum-eclat-vitamine-c', 'serum', 1900, 8.5],
  ['serum vitamine c', '/fr/serum-eclat-vitamine-c', 'serum', 1100, 9.2],
  ['meilleur sérum vitamine c', '/fr/blog/meilleur-serum-vitamine-c', 'serum', 420, 5.4],
  ['sérum éclat visage', '/fr/serum-eclat-vitamine-c', 'serum', 260, 4.1],
  ['sérum anti-âge', '/fr/serum-eclat-vitamine-c', 'serum', 900, 17.5],
  ['sérum anti tâches', '/fr/serum-eclat-vitamine-c', 'serum', 520, 14.2],
  ['vitamine c peau', '/fr/blog/vitamine-c-peau', 'serum', 330, 6.8],
  ['niacinamide ou vitamine c', '/fr/blog/niacinamide-ou-vitamine-c', 'serum', 140, 3.9],
  ['sérum visage', '/fr/soin-visage', 'serum', 1500, 21],
  ['crème solaire visage', '/fr/ecran-solaire-visage-spf50', 'sun', 1700, 11.3],
  ['crème solaire spf 50', '/fr/ecran-solaire-visage-spf50', 'sun', 1200, 12.8],
  ['écran solaire visage', '/fr/ecran-solaire-visage-spf50', 'sun', 600, 7.9],
  ['crème solaire peau sensible', '/fr/ecran-solaire-visage-spf50', 'sun', 380, 9.6],
  ['crème solaire bio', '/fr/ecran-solaire-visage-spf50', 'sun', 450, 15.4],
  ['crème solaire teintée', '/fr/ecran-solaire-visage-spf50', 'sun', 300, 18.7],
  ['comment choisir sa crème solaire', '/fr/blog/choisir-creme-solaire', 'sun', 160, 4.4],
  ['indice spf', '/fr/blog/choisir-creme-solaire', 'sun', 210, 7.2],
  ['crème hydratante visage', '/fr/creme-hydratante-24h', 'cream', 1300, 13.6],
  ['crème hydratante peau sèche', '/fr/creme-hydratante-24h', 'cream', 520, 9.8],
  ['meilleure crème hydratante', '/fr/creme-hydratante-24h', 'cream', 310, 12.1],
  ['crème de jour', '/fr/creme-hydratante-24h', 'cream', 700, 24],
  ['routine soin visage', '/fr/blog/routine-soin-visage', 'general', 640, 6.1],
  ['routine skincare', '/fr/blog/routine-soin-visage', 'general', 420, 8.4],
  ['coffret soin visage', '/fr/coffrets-cadeaux', 'gift', 380, 7.7],
  ['coffret cosmétique femme', '/fr/coffrets-cadeaux', 'gift', 340, 10.9],
  ['idée cadeau femme', '/fr/coffrets-cadeaux', 'gift', 900, 26],
  ['cosmétique made in france', '/fr/notre-histoire', 'general', 260, 5.2],
  ['marque cosmétique française', '/fr/notre-histoire', 'general', 300, 6.6],
  ['soin visage bio', '/fr/soin-visage', 'general', 520, 16.8],
];

// prettier-ignore
const ENGLISH: ReadonlyArray<[string, string, Theme, number, number]> = [
  ['maison lumiere skincare', '/en/', 'brand', 260, 1.1],
  ['maison lumiere review', '/en/reviews', 'brand', 60, 1.8],
  ['vitamin c serum', '/en/vitamin-c-serum', 'serum', 1600, 18.5],
  ['best vitamin c serum', '/en/vitamin-c-serum', 'serum', 420, 12.2],
  ['glow serum', '/en/vitamin-c-serum', 'serum', 180, 8.3],
  ['french skincare brands', '/en/our-story', 'general', 350, 6.4],
  ['french pharmacy skincare', '/en/our-story', 'general', 210, 11.9],
  ['spf 50 face sunscreen', '/en/spf50-face-sunscreen', 'sun', 520, 14.8],
  ['mineral sunscreen face', '/en/spf50-face-sunscreen', 'sun', 260, 19.5],
  ['moisturiser for dry skin', '/en/24h-moisturiser', 'cream', 300, 16.1],
  ['skincare gift set', '/en/gift-sets', 'gift', 240, 13.3],
];

const DEVICES: ReadonlyArray<[string, number, number, number]> = [
  // device, share of impressions, position offset, CTR factor
  ['MOBILE', 0.67, 0.4, 1],
  ['DESKTOP', 0.3, 0, 1.12],
  ['TABLET', 0.03, 0.7, 0.9],
];

export interface SearchInputs {
  seed: number;
  calendar: DemoCalendar;
  seasonality: Record<Market, { demand: Float64Array }>;
  sunscreen: Record<Market, Float64Array>;
  /** Awareness spend index (1 = average), which lifts brand searches. */
  awarenessIndex: Float64Array;
}

export interface SearchConsole {
  batch: ColumnarBatch;
  /** Clicks per day over every row (GA4's organic sessions follow them). */
  clicksPerDay: Float64Array;
}

export function generateSearchConsole(inputs: SearchInputs): SearchConsole {
  const { calendar } = inputs;
  const days = calendar.days;
  const columns: SqlValue[][] = SEARCH_COLUMNS.map(() => []);
  const [
    date,
    site,
    queryColumn,
    pageColumn,
    countryColumn,
    deviceColumn,
    clicksColumn,
    impressionsColumn,
    positionColumn,
    weightedColumn,
  ] = columns as [
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
    SqlValue[],
  ];
  const clicksPerDay = new Float64Array(days);
  const queries = [
    ...FRENCH.map((spec) => ({
      spec,
      countries: [
        ['fra', 0.86, 0],
        ['bel', 0.09, 1.5],
        ['che', 0.05, 1.8],
      ] as const,
      market: 'FR' as const,
    })),
    ...ENGLISH.map((spec) => ({
      spec,
      countries: [
        ['gbr', 0.88, 0],
        ['fra', 0.12, 2.5],
      ] as const,
      market: 'UK' as const,
    })),
  ];
  for (const { spec, countries, market } of queries) {
    const [query, page, theme, volume, basePosition] = spec;
    const random = new Random(inputs.seed, `search:${query}`);
    const demand = inputs.seasonality[market].demand;
    const sun = inputs.sunscreen[market];
    const url = `${BRAND.siteUrl.replace(/\/$/, '')}${page}`;
    // SEO drifts slowly: a mean-reverting walk on log position, with a gentle trend.
    let drift = 0;
    const trend = theme === 'brand' ? 0 : random.uniform(-0.25, 0.15);
    for (let t = 0; t < days; t++) {
      drift = 0.97 * drift + 0.03 * random.normal();
      const position0 = Math.max(1, basePosition * Math.exp(drift + (trend * t) / days));
      let factor: number;
      if (theme === 'brand')
        factor = Math.pow(demand[t]!, 0.6) * (0.8 + 0.2 * inputs.awarenessIndex[t]!);
      else if (theme === 'sun') factor = Math.pow(sun[t]!, 1.2) * Math.pow(demand[t]!, 0.2);
      else if (theme === 'gift') factor = Math.pow(demand[t]!, 1.6);
      else factor = Math.pow(demand[t]!, 0.3);
      // Fewer impressions when the page slips down the results.
      const visibility = Math.min(1.3, Math.pow(basePosition / position0, 0.8));
      for (const [country, countryShare, countryOffset] of countries) {
        for (const [device, deviceShare, deviceOffset, ctrFactor] of DEVICES) {
          const expected = volume * countryShare * deviceShare * factor * visibility;
          const impressions = random.round(expected * random.noise(0.25));
          if (impressions === 0) continue;
          const position =
            Math.round(
              Math.max(1, (position0 + countryOffset + deviceOffset) * random.noise(0.06)) * 100,
            ) / 100;
          const ctr =
            (theme === 'brand' ? 0.52 * Math.pow(position, -1.1) : 0.3 * Math.pow(position, -1.3)) *
            ctrFactor;
          const clicks = Math.min(
            impressions,
            random.round(impressions * ctr * random.noise(0.15)),
          );
          date.push(calendar.dates[t]!);
          site.push(BRAND.siteUrl);
          queryColumn.push(query);
          pageColumn.push(url);
          countryColumn.push(country);
          deviceColumn.push(device);
          clicksColumn.push(clicks);
          impressionsColumn.push(impressions);
          positionColumn.push(position);
          weightedColumn.push(position * impressions);
          clicksPerDay[t]! += clicks;
        }
      }
    }
  }
  return { batch: { columns: SEARCH_COLUMNS, data: columns }, clicksPerDay };
}
