/**
 * Maison Lumière, a fictional French cosmetics brand: its ad accounts, campaigns (named the way
 * real teams name them), ad groups and ads, with budgets and flight dates relative to `end`.
 */
import {
  isoDay,
  retailEvents,
  type DemoCalendar,
  type Market,
  type RetailEvent,
} from './calendar.ts';
import type { Currency } from './fx.ts';
import { Random } from './prng.ts';

export const BRAND = {
  name: 'Maison Lumière',
  siteUrl: 'https://www.maisonlumiere.fr/',
  ga4PropertyId: '318452976',
};

export type Platform = 'google_ads' | 'meta' | 'tiktok' | 'linkedin';
export type Objective = 'sales' | 'leads' | 'traffic' | 'awareness' | 'app';
export type CampaignStatus = 'active' | 'paused' | 'removed';
export type Product =
  'brand' | 'serum' | 'sunscreen' | 'moisturizer' | 'bestsellers' | 'gift' | 'pro' | 'app';
export type Kind =
  | 'search_brand'
  | 'search_generic'
  | 'shopping'
  | 'pmax'
  | 'video'
  | 'app'
  | 'social_prospecting'
  | 'social_retargeting'
  | 'social_dpa'
  | 'social_awareness'
  | 'social_leads'
  | 'social_traffic'
  | 'tiktok_awareness'
  | 'tiktok_sales'
  | 'tiktok_traffic'
  | 'linkedin_leads'
  | 'linkedin_awareness';
export type AdFormat =
  'text' | 'image' | 'video' | 'carousel' | 'catalog' | 'asset_group' | 'document';

export interface Account {
  key: string;
  platform: Platform;
  id: string;
  name: string;
  currency: Currency;
  market: Market;
}

export interface Ad {
  id: string;
  name: string;
  format: AdFormat;
  /** Day indexes of the window (inclusive) during which the ad runs. */
  first: number;
  last: number;
  weight: number;
  ctr: number;
  cvr: number;
  cost: number;
  frequency: number;
}

export interface AdGroup {
  id: string;
  name: string;
  ads: Ad[];
}

export interface Campaign {
  /** Stable key for the planted anomalies, e.g. `google_fr_generic_face`. */
  key: string;
  id: string;
  name: string;
  account: Account;
  kind: Kind;
  objective: Objective;
  product: Product;
  status: CampaignStatus;
  startDate: string;
  endDate: string | null;
  /** Active day indexes (inclusive, clipped to the window). */
  first: number;
  last: number;
  /** Daily budget per day, native currency; the last value is the current budget. */
  budget: Float64Array;
  currentBudget: number;
  /** Multiplier on conversion rate (a campaign that simply works better). */
  strength: number;
  adGroups: AdGroup[];
}

const ACCOUNTS: ReadonlyArray<Omit<Account, 'id'> & { idLength: number; idPrefix: string }> = [
  {
    key: 'google_fr',
    platform: 'google_ads',
    name: 'Maison Lumière - FR',
    currency: 'EUR',
    market: 'FR',
    idLength: 10,
    idPrefix: '4',
  },
  {
    key: 'google_uk',
    platform: 'google_ads',
    name: 'Maison Lumière - UK',
    currency: 'GBP',
    market: 'UK',
    idLength: 10,
    idPrefix: '7',
  },
  {
    key: 'meta_fr',
    platform: 'meta',
    name: 'Maison Lumière France',
    currency: 'EUR',
    market: 'FR',
    idLength: 16,
    idPrefix: '10',
  },
  {
    key: 'meta_uk',
    platform: 'meta',
    name: 'Maison Lumière UK',
    currency: 'GBP',
    market: 'UK',
    idLength: 16,
    idPrefix: '10',
  },
  {
    key: 'meta_us',
    platform: 'meta',
    name: 'Maison Lumiere US',
    currency: 'USD',
    market: 'US',
    idLength: 16,
    idPrefix: '10',
  },
  {
    key: 'meta_ch',
    platform: 'meta',
    name: 'Maison Lumière Suisse',
    currency: 'CHF',
    market: 'CH',
    idLength: 16,
    idPrefix: '10',
  },
  {
    key: 'tiktok_fr',
    platform: 'tiktok',
    name: 'Maison Lumière FR',
    currency: 'EUR',
    market: 'FR',
    idLength: 19,
    idPrefix: '7',
  },
  {
    key: 'linkedin_pro',
    platform: 'linkedin',
    name: 'Maison Lumière Professionnel',
    currency: 'EUR',
    market: 'B2B',
    idLength: 9,
    idPrefix: '5',
  },
];

interface CampaignSpec {
  key: string;
  account: string;
  /** `{year}` and `{yy}` are filled for seasonal campaigns. */
  name: string;
  kind: Kind;
  product: Product;
  budget: number;
  objective?: Objective;
  /** Started this many days before `end` (default: before the window). */
  since?: number;
  /** Stopped this many days before `end` (default: still running). */
  until?: number;
  /** One campaign per occurrence of this retail event in the window. */
  season?: RetailEvent['kind'];
  removed?: boolean;
  /** [days before end, new budget]: explicit budget changes; implies no automatic ones. */
  budgetChanges?: Array<[number, number]>;
  strength?: number;
  adGroups: string[];
  /** The first ad of the first ad group runs unchanged for this many days up to `end`. */
  heroAdDays?: number;
  /** Ads running side by side in each ad group (default: by kind). */
  slots?: number;
}

// prettier-ignore
const SPECS: readonly CampaignSpec[] = [
  { key: 'google_fr_brand', account: 'google_fr', name: 'FR | Search | Marque | Exact', kind: 'search_brand', product: 'brand', budget: 120, adGroups: ['Marque - Exact', 'Marque - Fautes de frappe', 'Marque + Avis', 'Marque + Promo'] },
  { key: 'google_fr_brand_product', account: 'google_fr', name: 'FR | Search | Marque + Produit', kind: 'search_brand', product: 'bestsellers', budget: 90, adGroups: ['Marque + Sérum', 'Marque + Solaire', 'Marque + Crème', 'Marque + Coffret', 'Marque + Boutique'] },
  { key: 'google_fr_generic_face', account: 'google_fr', name: 'FR | Search | Générique | Soin Visage', kind: 'search_generic', product: 'serum', budget: 180, adGroups: ['Sérum vitamine C', 'Sérum anti-âge', 'Sérum anti-taches', 'Crème hydratante visage', 'Soin visage bio', 'Routine soin visage'] },
  { key: 'google_fr_generic_sun', account: 'google_fr', name: 'FR | Search | Générique | Solaire', kind: 'search_generic', product: 'sunscreen', budget: 150, adGroups: ['Crème solaire visage', 'SPF 50 peau sensible', 'Crème solaire bio', 'Écran solaire teinté'] },
  { key: 'google_fr_competitors', account: 'google_fr', name: 'FR | Search | Concurrents', kind: 'search_generic', product: 'serum', budget: 60, since: 520, until: 240, strength: 0.55, adGroups: ['Concurrents - Sérums', 'Concurrents - Solaires'] },
  { key: 'google_fr_shopping', account: 'google_fr', name: 'FR | Shopping | Best-sellers | Standard', kind: 'shopping', product: 'bestsellers', budget: 220, budgetChanges: [[58, 110]], strength: 2, adGroups: ['Best-sellers', 'Soin visage', 'Solaires'] },
  { key: 'google_fr_pmax', account: 'google_fr', name: 'FR | PMax | Soin Visage', kind: 'pmax', product: 'serum', budget: 200, since: 300, adGroups: ['AG | Sérum Éclat | Audience Beauté', 'AG | Crème Hydratante | Peaux sèches', 'AG | Best-sellers | Acheteurs'] },
  { key: 'google_fr_pmax_summer', account: 'google_fr', name: 'FR | PMax | Solaires | Été {year}', kind: 'pmax', product: 'sunscreen', budget: 150, season: 'summer', adGroups: ['AG | SPF50 | Plage', 'AG | SPF50 | Ville'] },
  { key: 'google_fr_bf', account: 'google_fr', name: 'FR | Search | Black Friday {year}', kind: 'search_generic', product: 'bestsellers', budget: 250, season: 'black_friday', adGroups: ['Black Friday beauté', 'Promo soin visage'] },
  { key: 'google_fr_youtube', account: 'google_fr', name: 'FR | YouTube | Notoriété | Sérum Éclat', kind: 'video', product: 'serum', budget: 80, objective: 'awareness', since: 460, until: 300, adGroups: ['Bumper 6s', 'In-stream 15s'] },
  { key: 'google_fr_app', account: 'google_fr', name: 'App | iOS | Installs | FR', kind: 'app', product: 'app', budget: 40, objective: 'app', since: 380, until: 90, adGroups: ['Installs iOS'] },
  { key: 'google_uk_brand', account: 'google_uk', name: 'UK | Search | Brand | Exact', kind: 'search_brand', product: 'brand', budget: 40, adGroups: ['Brand - Exact', 'Brand - Misspellings'] },
  { key: 'google_uk_generic', account: 'google_uk', name: 'UK | Search | Generic | Vitamin C Serum', kind: 'search_generic', product: 'serum', budget: 70, adGroups: ['Vitamin C serum', 'French skincare', 'Glow serum', 'Face sunscreen SPF50'] },
  { key: 'google_uk_pmax', account: 'google_uk', name: 'UK | PMax | Skincare', kind: 'pmax', product: 'bestsellers', budget: 90, since: 410, adGroups: ['AG | Best-sellers | UK'] },
  { key: 'meta_fr_asc', account: 'meta_fr', name: 'FR - Prospecting - Best-sellers - Advantage+', kind: 'social_prospecting', product: 'bestsellers', budget: 350, slots: 10, adGroups: ['Advantage+ Shopping'] },
  { key: 'meta_fr_serum', account: 'meta_fr', name: 'FR - Prospecting - Sérum Éclat - Broad', kind: 'social_prospecting', product: 'serum', budget: 180, adGroups: ['FR_F25-54_Broad', 'LAL 2% Acheteurs 180j', 'Intérêts Skincare F25-44'] },
  { key: 'meta_fr_retargeting', account: 'meta_fr', name: 'FR - Retargeting - Visiteurs 30j', kind: 'social_retargeting', product: 'bestsellers', budget: 80, adGroups: ['Visiteurs site 30j', 'Engagés IG 60j'] },
  { key: 'meta_fr_dpa', account: 'meta_fr', name: 'FR - Catalogue - DPA - Tous produits', kind: 'social_dpa', product: 'bestsellers', budget: 90, adGroups: ['DPA - Vus pas achetés 14j', 'DPA - Panier abandonné 7j'] },
  { key: 'meta_fr_soldes_ete', account: 'meta_fr', name: "Soldes d'été {year} – Retargeting DPA", kind: 'social_dpa', product: 'bestsellers', budget: 120, season: 'soldes_ete', adGroups: ['DPA - Visiteurs 30j'] },
  { key: 'meta_fr_soldes_hiver', account: 'meta_fr', name: "Soldes d'hiver {year} – Retargeting DPA", kind: 'social_dpa', product: 'bestsellers', budget: 110, season: 'soldes_hiver', adGroups: ['DPA - Visiteurs 30j'] },
  { key: 'meta_fr_awareness', account: 'meta_fr', name: 'FR - Notoriété - Reach - Vidéo Marque', kind: 'social_awareness', product: 'brand', budget: 60, objective: 'awareness', adGroups: ['FR_F18-45_Broad_Reach', 'FR_F25-54_ThruPlay'] },
  { key: 'meta_fr_leads', account: 'meta_fr', name: 'FR - Leads - Jeu Concours Newsletter', kind: 'social_leads', product: 'brand', budget: 40, objective: 'leads', since: 250, until: 190, adGroups: ['Formulaire instantané - Jeu concours'] },
  { key: 'meta_fr_bf', account: 'meta_fr', name: 'FR - Black Friday {year} - ASC', kind: 'social_prospecting', product: 'bestsellers', budget: 400, season: 'black_friday', adGroups: ['Advantage+ Shopping'] },
  { key: 'meta_fr_xmas', account: 'meta_fr', name: 'FR - Noël {year} - Coffrets - Conversions', kind: 'social_prospecting', product: 'gift', budget: 220, season: 'christmas', adGroups: ['Idées cadeaux F25-55', 'Acheteurs coffrets LAL'] },
  { key: 'meta_fr_mothers', account: 'meta_fr', name: 'FR - Fête des Mères {year} - Coffrets', kind: 'social_prospecting', product: 'gift', budget: 150, season: 'fete_des_meres', adGroups: ['Cadeau maman F25-45'] },
  { key: 'meta_fr_traffic', account: 'meta_fr', name: 'FR - Trafic - Blog Routine Beauté', kind: 'social_traffic', product: 'brand', budget: 30, objective: 'traffic', since: 600, until: 390, removed: true, adGroups: ['Intérêts beauté 18-34'] },
  { key: 'meta_uk_summer', account: 'meta_uk', name: 'UK - Prospecting - Summer Glow {year} - Advantage+', kind: 'social_prospecting', product: 'sunscreen', budget: 90, season: 'summer', adGroups: ['Advantage+ Audience'] },
  { key: 'meta_uk_dpa', account: 'meta_uk', name: 'UK - Retargeting - DPA - All Products', kind: 'social_dpa', product: 'bestsellers', budget: 35, adGroups: ['Viewed not purchased 14d', 'Add to cart 7d'] },
  { key: 'meta_us_prospecting', account: 'meta_us', name: 'US - Prospecting - Clean Beauty - Broad', kind: 'social_prospecting', product: 'serum', budget: 150, since: 430, heroAdDays: 85, adGroups: ['US_F25-54_Broad', 'US_LAL_Purchasers_3%'] },
  { key: 'meta_us_retargeting', account: 'meta_us', name: 'US - Retargeting - ATC 14d', kind: 'social_retargeting', product: 'bestsellers', budget: 40, since: 430, adGroups: ['Add to cart 14d'] },
  { key: 'meta_ch_prospecting', account: 'meta_ch', name: 'CH - Prospecting - Romandie - Broad', kind: 'social_prospecting', product: 'bestsellers', budget: 60, since: 320, adGroups: ['CH_FR_F25-54_Broad'] },
  { key: 'tiktok_awareness', account: 'tiktok_fr', name: 'TT_FR_Awareness_SPF50_UGC', kind: 'tiktok_awareness', product: 'sunscreen', budget: 70, objective: 'awareness', adGroups: ['AG_FR_18-34_Beauty_Interests', 'AG_FR_25-44_Broad'] },
  { key: 'tiktok_sales', account: 'tiktok_fr', name: 'TT_FR_Conversions_Serum_SparkAds', kind: 'tiktok_sales', product: 'serum', budget: 80, since: 410, budgetChanges: [[200, 120], [5, 1200]], adGroups: ['AG_FR_Spark_Creators', 'AG_FR_Broad_Purchase'] },
  { key: 'tiktok_bf', account: 'tiktok_fr', name: 'TT_FR_BlackFriday_{year}_VSA', kind: 'tiktok_sales', product: 'bestsellers', budget: 200, season: 'black_friday', adGroups: ['AG_FR_VSA_Catalog'] },
  { key: 'tiktok_traffic', account: 'tiktok_fr', name: 'TT_FR_Traffic_Routine_Matin', kind: 'tiktok_traffic', product: 'serum', budget: 40, objective: 'traffic', since: 640, until: 470, removed: true, adGroups: ['AG_FR_18-24_Skincare'] },
  { key: 'linkedin_salons', account: 'linkedin_pro', name: 'ML Pro | Lead Gen | Instituts de beauté | FR', kind: 'linkedin_leads', product: 'pro', budget: 90, objective: 'leads', adGroups: [''] },
  { key: 'linkedin_distributors', account: 'linkedin_pro', name: 'ML Pro | Lead Gen | Distributeurs | EU', kind: 'linkedin_leads', product: 'pro', budget: 70, objective: 'leads', since: 365, adGroups: [''] },
  { key: 'linkedin_event', account: 'linkedin_pro', name: 'ML Pro | Notoriété | Salon Beauté Selective', kind: 'linkedin_awareness', product: 'pro', budget: 50, objective: 'awareness', since: 225, until: 195, adGroups: [''] },
];

const DEFAULT_OBJECTIVE: Partial<Record<Kind, Objective>> = {
  video: 'awareness',
  app: 'app',
  social_awareness: 'awareness',
  social_leads: 'leads',
  social_traffic: 'traffic',
  tiktok_awareness: 'awareness',
  tiktok_traffic: 'traffic',
  linkedin_leads: 'leads',
  linkedin_awareness: 'awareness',
};

/** Creative angles per product: the words that end up in ad names. */
const ANGLES: Record<Product, { fr: string[]; en: string[] }> = {
  brand: {
    fr: ['Manifesto', 'Atelier_Grasse', 'Fondatrice', 'Savoir-faire'],
    en: ['Manifesto', 'Grasse_Atelier', 'Founder_Story'],
  },
  serum: {
    fr: ['Léa_Routine', 'Avant-Après', 'Texture', 'Avis_Dermato', 'Éclat_30j'],
    en: ['Glow_Routine', 'Before_After', 'Texture', 'Derm_Review'],
  },
  sunscreen: {
    fr: ['Plage', 'Citadin', 'Sport', 'Sans_Traces', 'Famille'],
    en: ['Beach', 'City_Glow', 'No_White_Cast', 'Holiday'],
  },
  moisturizer: { fr: ['Peau_Sèche', 'Hiver', 'Camille_Routine'], en: ['Dry_Skin', 'Winter_Care'] },
  bestsellers: {
    fr: ['Top3', 'Avis_Clients', 'Routine_Complète', 'Made_in_France'],
    en: ['Top3', 'Reviews', 'Full_Routine', 'Made_in_France'],
  },
  gift: {
    fr: ['Coffret_Éclat', 'Idées_Cadeaux', 'Coffret_Prestige'],
    en: ['Gift_Set', 'Gift_Ideas'],
  },
  pro: {
    fr: ['Instituts_Partenaires', 'Catalogue_Pro', 'Formation_Pro', 'Marge_Revendeurs'],
    en: ['Partner_Salons', 'Pro_Catalogue'],
  },
  app: { fr: ['Diagnostic_Peau', 'Fidélité'], en: ['Skin_Quiz'] },
};

interface AdPlan {
  slots: number;
  /** Mean days before a creative is replaced. */
  refresh: number;
  formats: AdFormat[];
}

function adPlan(kind: Kind): AdPlan {
  switch (kind) {
    case 'search_brand':
    case 'search_generic':
      return { slots: 3, refresh: 600, formats: ['text'] };
    case 'shopping':
      return { slots: 1, refresh: 10_000, formats: ['catalog'] };
    case 'pmax':
      return { slots: 1, refresh: 10_000, formats: ['asset_group'] };
    case 'video':
      return { slots: 2, refresh: 200, formats: ['video'] };
    case 'app':
      return { slots: 2, refresh: 150, formats: ['video', 'image'] };
    case 'social_dpa':
      return { slots: 2, refresh: 360, formats: ['catalog', 'carousel'] };
    case 'social_prospecting':
      return { slots: 5, refresh: 200, formats: ['video', 'image', 'video', 'carousel', 'image'] };
    case 'social_retargeting':
      return { slots: 4, refresh: 220, formats: ['carousel', 'image', 'video', 'image'] };
    case 'social_awareness':
    case 'social_traffic':
    case 'social_leads':
      return { slots: 4, refresh: 180, formats: ['video', 'image', 'video', 'video'] };
    case 'tiktok_awareness':
    case 'tiktok_sales':
    case 'tiktok_traffic':
      return { slots: 5, refresh: 110, formats: ['video'] };
    case 'linkedin_leads':
    case 'linkedin_awareness':
      return { slots: 5, refresh: 200, formats: ['image', 'document', 'video', 'image', 'video'] };
  }
}

function adName(
  platform: Platform,
  kind: Kind,
  format: AdFormat,
  group: string,
  angle: string,
  version: number,
  english: boolean,
): string {
  const plain = angle.replaceAll('_', ' ');
  switch (platform) {
    case 'google_ads':
      if (format === 'catalog') return `Annonce produit | ${group}`;
      if (format === 'asset_group') return `Groupe d'assets | ${group.replace(/^AG \| /, '')}`;
      if (format === 'video')
        return `YT | ${plain} | ${version % 2 ? '15s' : 'Bumper 6s'} | v${version}`;
      if (kind === 'app') return `App | ${plain} | v${version}`;
      return `RSA | ${group} | V${version}`;
    case 'meta': {
      const tag = {
        video: english ? 'UGC' : 'UGC',
        image: english ? 'Static' : 'Statique',
        carousel: english ? 'Carousel' : 'Carrousel',
        catalog: 'DPA',
      }[format as 'video' | 'image' | 'carousel' | 'catalog'];
      const ratio = format === 'video' ? '_9x16' : format === 'image' ? '_4x5' : '';
      return `${tag ?? 'Ad'}_${angle}${ratio}_v${version}`;
    }
    case 'tiktok':
      return version % 3 === 0
        ? `Spark_@creatrice_${angle}_v${version}`
        : `TT_UGC_${angle}_v${version}`;
    case 'linkedin': {
      const label =
        { image: 'Single Image', document: 'Document Ad', video: 'Video' }[
          format as 'image' | 'document' | 'video'
        ] ?? 'Ad';
      return `${label} - ${plain} - v${version}`;
    }
  }
}

function idMaker(
  random: Random,
  platform: Platform,
): (level: 'campaign' | 'ad_group' | 'ad') => string {
  return (level) => {
    switch (platform) {
      case 'google_ads':
        return random.digits(
          level === 'campaign' ? 11 : 12,
          level === 'campaign' ? '2' : level === 'ad_group' ? '1' : '6',
        );
      case 'meta':
        return random.digits(18, '1202');
      case 'tiktok':
        return random.digits(19, '17');
      case 'linkedin':
        return random.digits(9, level === 'campaign' ? '2' : '3');
    }
  };
}

export interface Catalog {
  accounts: Account[];
  campaigns: Campaign[];
}

/** Builds the accounts and campaigns for the window of `calendar`. Deterministic for a seed. */
export function buildCatalog(seed: number, calendar: DemoCalendar): Catalog {
  const lastDay = calendar.days - 1;
  const accounts = ACCOUNTS.map(({ idLength, idPrefix, ...account }) => ({
    ...account,
    id: new Random(seed, `account:${account.key}`).digits(idLength, idPrefix),
  }));
  const events = retailEvents(calendar);
  const campaigns: Campaign[] = [];
  for (const spec of SPECS) {
    const account = accounts.find((candidate) => candidate.key === spec.account)!;
    const flights = spec.season
      ? events
          .filter((event) => event.kind === spec.season)
          .map((event) => ({ event, first: event.first, last: event.last }))
      : [
          {
            event: undefined,
            first: spec.since === undefined ? -1 : lastDay - spec.since,
            last: lastDay - (spec.until ?? 0),
          },
        ];
    for (const flight of flights) {
      const year = flight.event?.year ?? 0;
      const name = spec.name.replace('{year}', String(year)).replace('{yy}', String(year).slice(2));
      const random = new Random(seed, `campaign:${name}`);
      const startDay =
        flight.first >= 0
          ? calendar.start + flight.first
          : calendar.start - random.integer(20, 500);
      const first = Math.max(0, flight.first);
      const last = Math.min(lastDay, flight.last);
      if (last < 0 || first > lastDay) continue;
      const ended = last < lastDay;
      const status: CampaignStatus = !ended
        ? 'active'
        : spec.removed || (spec.season && lastDay - last > 150)
          ? 'removed'
          : 'paused';
      const budget = budgetSeries(spec, account.market, calendar, random, events);
      const newId = idMaker(random, account.platform);
      campaigns.push({
        key: spec.season ? `${spec.key}_${year}` : spec.key,
        id: newId('campaign'),
        name,
        account,
        kind: spec.kind,
        objective: spec.objective ?? DEFAULT_OBJECTIVE[spec.kind] ?? 'sales',
        product: spec.product,
        status,
        startDate: isoDay(startDay),
        endDate: spec.season ? isoDay(calendar.start + flight.last) : null,
        first,
        last,
        budget,
        currentBudget: budget[last]!,
        strength: spec.strength ?? 1,
        adGroups: buildAdGroups(spec, account, random, newId, first, last, lastDay),
      });
    }
  }
  return { accounts, campaigns };
}

function budgetSeries(
  spec: CampaignSpec,
  market: Market,
  calendar: DemoCalendar,
  random: Random,
  events: RetailEvent[],
): Float64Array {
  const lastDay = calendar.days - 1;
  const budget = new Float64Array(calendar.days).fill(spec.budget);
  const setFrom = (day: number, value: number, until = lastDay) => {
    for (let t = Math.max(0, day); t <= until; t++) budget[t] = value;
  };
  if (spec.budgetChanges) {
    // Explicit changes only (the planted budget stories must not be blurred by random ones).
    for (const [daysBeforeEnd, value] of spec.budgetChanges)
      setFrom(lastDay - daysBeforeEnd, value);
    return budget;
  }
  if (spec.season) return budget;
  // A team raises or trims budgets a few times a year, and pushes sales campaigns in Q4.
  let current = spec.budget;
  for (let t = random.integer(60, 200); t < lastDay - 60; t += random.integer(90, 240)) {
    current = Math.round((current * random.uniform(0.85, 1.2)) / 5) * 5;
    setFrom(t, current);
  }
  if ((spec.objective ?? DEFAULT_OBJECTIVE[spec.kind] ?? 'sales') === 'sales') {
    const french = market === 'FR' || market === 'CH';
    for (const event of events) {
      const boost = {
        black_friday: 1.6,
        christmas: 1.25,
        soldes_hiver: french ? 1.2 : 1,
        soldes_ete: french ? 1.2 : 1,
        fete_des_meres: french ? 1.15 : 1,
        summer: 1,
      }[event.kind];
      // The last 60 days keep their budgets, so the planted stories stand out on their own.
      if (boost === 1 || event.last >= lastDay - 60) continue;
      for (let t = Math.max(0, event.first); t <= Math.min(lastDay, event.last); t++)
        budget[t] = Math.round(budget[t]! * boost);
    }
  }
  return budget;
}

function buildAdGroups(
  spec: CampaignSpec,
  account: Account,
  random: Random,
  newId: (level: 'campaign' | 'ad_group' | 'ad') => string,
  first: number,
  last: number,
  lastDay: number,
): AdGroup[] {
  const plan = { ...adPlan(spec.kind), ...(spec.slots ? { slots: spec.slots } : {}) };
  const english = account.market === 'UK' || account.market === 'US';
  const angles = ANGLES[spec.product][english ? 'en' : 'fr'];
  let version = 0;
  return spec.adGroups.map((groupName, groupIndex) => {
    const ads: Ad[] = [];
    for (let slot = 0; slot < plan.slots; slot++) {
      const format = plan.formats[slot % plan.formats.length]!;
      const hero =
        spec.heroAdDays !== undefined && groupIndex === 0 && slot === 0
          ? lastDay - spec.heroAdDays
          : undefined;
      // Slots start a little staggered; each creative runs `refresh` days give or take.
      let start = first + (slot === 0 ? 0 : random.integer(0, Math.min(20, last - first)));
      while (start <= last) {
        let end = Math.min(last, start + Math.round(plan.refresh * random.uniform(0.6, 1.5)) - 1);
        if (hero !== undefined && start < hero && end >= hero) end = hero - 1;
        if (hero !== undefined && start === hero) end = last;
        version++;
        const angle = angles[(version + groupIndex) % angles.length]!;
        ads.push({
          id: newId('ad'),
          name: adName(account.platform, spec.kind, format, groupName, angle, version, english),
          format,
          first: start,
          last: end,
          weight: random.noise(0.55),
          ctr: random.noise(0.22),
          cvr: random.noise(0.15),
          cost: random.noise(0.08),
          frequency: random.noise(0.1),
        });
        start = end + 1;
      }
    }
    return { id: account.platform === 'linkedin' ? '' : newId('ad_group'), name: groupName, ads };
  });
}
