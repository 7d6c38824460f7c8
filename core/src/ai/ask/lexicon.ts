/**
 * What the built-in engine knows: the metrics, dimensions and filters of the unified model and
 * the English and French words for them (folded: lower case, no accents). Word lists are regex
 * sources, longest phrases first where one contains another.
 */

/** The model table a question reads: ads (campaign level, or ad level), GA4, Search Console. */
export type Source = 'ads' | 'web' | 'search';

export const TABLES = {
  ads: 'campaign_daily',
  ads_by_ad: 'ad_daily',
  web: 'web_traffic_daily',
  search: 'search_console_daily',
} as const;

/** Builds an aggregate over a column (`sum(spend)`, or `sum(spend) filter (where ...)`). */
export type Aggregate = (column: string) => string;

export type MetricId =
  | 'spend'
  | 'impressions'
  | 'clicks'
  | 'conversions'
  | 'conversion_value'
  | 'video_views'
  | 'ctr'
  | 'cpc'
  | 'cpm'
  | 'cpa'
  | 'roas'
  | 'cvr'
  | 'sessions'
  | 'engaged_sessions'
  | 'new_users'
  | 'page_views'
  | 'transactions'
  | 'key_events'
  | 'revenue'
  | 'position';

export interface Metric {
  id: MetricId;
  /** The SQL per source that has it. */
  sql: Partial<Record<Source, (sum: Aggregate) => string>>;
  /** Which way is good: costs and position are better low. */
  better: 'high' | 'low';
  /** A fraction (CTR, CVR): "2%" in a threshold means 0.02. */
  fraction?: boolean;
  /** Money in the reporting currency. */
  money?: boolean;
  words: string[];
  en: string;
  fr: string;
}

const total =
  (column: string) =>
  (sum: Aggregate): string =>
    sum(column);
const kpi =
  (macro: string, numerator: string, denominator: string) =>
  (sum: Aggregate): string =>
    `${macro}(${sum(numerator)}, ${sum(denominator)})`;

const COST_PER = '(?:cost|costs|price) per';
const COUT_PAR = '(?:cout|couts|prix) (?:par|d une?|de la|du)';

export const METRICS: Metric[] = [
  {
    id: 'cpa',
    sql: { ads: kpi('cpa', 'spend', 'conversions') },
    better: 'low',
    money: true,
    words: [
      'cpa',
      'cpl',
      'cpo',
      `${COST_PER} (?:acquisition|conversion|lead|sale|purchase|order|result)s?`,
      `${COUT_PAR} ?(?:acquisition|conversion|lead|vente|achat|commande|prospect|resultat)s?`,
      'cout d acquisition',
      'couts d acquisition',
      'acquisition cost',
    ],
    en: 'CPA',
    fr: 'CPA',
  },
  {
    id: 'cpc',
    sql: { ads: kpi('cpc', 'spend', 'clicks') },
    better: 'low',
    money: true,
    words: ['cpc', `${COST_PER} click`, `${COUT_PAR} ?clic`, 'cout du clic', 'cout au clic'],
    en: 'CPC',
    fr: 'CPC',
  },
  {
    id: 'cpm',
    sql: { ads: kpi('cpm', 'spend', 'impressions') },
    better: 'low',
    money: true,
    words: [
      'cpm',
      `${COST_PER} (?:thousand|mille|1000) impressions?`,
      `${COST_PER} (?:thousand|mille)`,
      'cout pour mille(?: impressions)?',
      'cout par mille(?: impressions)?',
    ],
    en: 'CPM',
    fr: 'CPM',
  },
  {
    id: 'roas',
    sql: { ads: kpi('roas', 'conversion_value', 'spend') },
    better: 'high',
    words: [
      'roas',
      'return on ad spend',
      'return on advertising spend',
      'return on spend',
      'retour sur (?:les )?depenses? publicitaires?',
      'retour sur investissement publicitaire',
      'rendement publicitaire',
    ],
    en: 'ROAS',
    fr: 'ROAS',
  },
  {
    id: 'cvr',
    sql: { ads: kpi('cvr', 'conversions', 'clicks') },
    better: 'high',
    fraction: true,
    words: ['cvr', 'conversion rates?', 'conv rates?', 'taux de conversions?', 'tx de conversion'],
    en: 'conversion rate',
    fr: 'taux de conversion',
  },
  {
    id: 'ctr',
    sql: { ads: kpi('ctr', 'clicks', 'impressions'), search: kpi('ctr', 'clicks', 'impressions') },
    better: 'high',
    fraction: true,
    words: [
      'ctr',
      'click through rates?',
      'clickthrough rates?',
      'click rates?',
      'taux de clics?',
      'tx de clics?',
      'tdc',
    ],
    en: 'CTR',
    fr: 'CTR',
  },
  {
    id: 'position',
    sql: { search: (sum) => `${sum('position_weighted')} / nullif(${sum('impressions')}, 0)` },
    better: 'low',
    words: [
      'average (?:search )?position',
      'avg position',
      'average ranking',
      'average rank',
      'positions? moyennes?',
      'classement moyen',
      'positionnee?s?',
      'positionnes',
      'positions?',
    ],
    en: 'average position',
    fr: 'position moyenne',
  },
  {
    id: 'key_events',
    sql: { web: total('key_events') },
    better: 'high',
    words: [
      'key events?',
      'evenements? cles?',
      'web conversions',
      'website conversions',
      'site conversions',
      'ga4 conversions',
      'conversions? (?:du site|web|ga4|sur le site)',
    ],
    en: 'key events',
    fr: 'événements clés',
  },
  {
    id: 'revenue',
    sql: { web: total('revenue') },
    better: 'high',
    money: true,
    words: [
      '(?:site|website|web|ga4|ecommerce|e commerce|analytics|online store) (?:revenue|sales value)',
      '(?:chiffre d affaires|ca|revenus?) (?:du site|web|ga4|e commerce|ecommerce|en ligne)',
      'ventes? en ligne',
    ],
    en: 'site revenue',
    fr: 'chiffre d’affaires du site',
  },
  {
    id: 'engaged_sessions',
    sql: { web: total('engaged_sessions') },
    better: 'high',
    words: ['engaged sessions?', 'sessions? engagees?'],
    en: 'engaged sessions',
    fr: 'sessions engagées',
  },
  {
    id: 'new_users',
    sql: { web: total('new_users') },
    better: 'high',
    words: ['new users?', 'new visitors?', 'nouveaux utilisateurs', 'nouveaux visiteurs'],
    en: 'new users',
    fr: 'nouveaux utilisateurs',
  },
  {
    id: 'page_views',
    sql: { web: total('page_views') },
    better: 'high',
    words: ['page ?views?', 'pages? vues?', 'vues de pages?', 'pages? consultees?'],
    en: 'page views',
    fr: 'pages vues',
  },
  {
    id: 'transactions',
    sql: { web: total('transactions') },
    better: 'high',
    words: ['transactions?'],
    en: 'transactions',
    fr: 'transactions',
  },
  {
    id: 'sessions',
    sql: { web: total('sessions') },
    better: 'high',
    words: ['sessions?', 'visits?', 'visites?'],
    en: 'sessions',
    fr: 'sessions',
  },
  {
    id: 'video_views',
    sql: { ads: total('video_views') },
    better: 'high',
    words: ['video views?', 'vues? (?:de )?videos?', 'vues'],
    en: 'video views',
    fr: 'vues de vidéos',
  },
  {
    id: 'conversion_value',
    sql: { ads: total('conversion_value'), web: total('revenue') },
    better: 'high',
    money: true,
    words: [
      'conversions? values?',
      'sales values?',
      'purchase values?',
      'revenues?',
      'turnover',
      'income',
      'valeurs? (?:de |des )?conversions?',
      'chiffre d affaires',
      'chiffres d affaires',
      'ca',
      'revenus?',
      'recettes?',
    ],
    en: 'revenue',
    fr: 'chiffre d’affaires',
  },
  {
    id: 'spend',
    sql: { ads: total('spend') },
    better: 'high',
    money: true,
    words: [
      '(?:ad|ads|media|advertising|marketing|total) (?:spend|spending|costs?)',
      'spend',
      'spends',
      'spent',
      'spending',
      'costs?',
      'cost us',
      'depenses? (?:publicitaires?|media|marketing)',
      'budget depense',
      'investissements? (?:publicitaires?|media)',
      'depenses?',
      'depensee?s?',
      'depensiere?s?',
      'depensiers',
      'depenser',
      'depensons',
      'couts?',
      'coute',
      'investi',
    ],
    en: 'spend',
    fr: 'dépenses',
  },
  {
    id: 'impressions',
    sql: { ads: total('impressions'), search: total('impressions') },
    better: 'high',
    words: ['impressions?', 'impr'],
    en: 'impressions',
    fr: 'impressions',
  },
  {
    id: 'clicks',
    sql: { ads: total('clicks'), search: total('clicks') },
    better: 'high',
    words: ['clicks?', 'clics?', 'cliquee?s?', 'clique', 'cliques'],
    en: 'clicks',
    fr: 'clics',
  },
  {
    id: 'conversions',
    sql: { ads: total('conversions') },
    better: 'high',
    words: [
      'conversions?',
      'convs?',
      'purchases?',
      'orders?',
      'sales',
      'leads?',
      'acquisitions?',
      'ventes?',
      'achats?',
      'commandes?',
      'prospects?',
      'converti',
      'convertis',
      'converted',
    ],
    en: 'conversions',
    fr: 'conversions',
  },
];

/** Metrics that are plain sums: their groups add up to a total (shares), and their mean per day is
 * a total over a number of days (averages). */
export const ADDITIVE_METRICS = new Set<Metric['id']>([
  'spend',
  'impressions',
  'clicks',
  'conversions',
  'conversion_value',
  'video_views',
  'sessions',
  'engaged_sessions',
  'new_users',
  'page_views',
  'transactions',
  'key_events',
  'revenue',
]);

export type DimensionId =
  | 'platform'
  | 'account'
  | 'campaign'
  | 'ad_group'
  | 'ad'
  | 'objective'
  | 'status'
  | 'day'
  | 'week'
  | 'month'
  | 'channel_group'
  | 'source'
  | 'medium'
  | 'query'
  | 'page'
  | 'country'
  | 'device';

export interface DimensionSql {
  select: string;
  name: string;
  /** The grain, when it is an id rather than the name shown (names repeat). */
  group?: string;
  /** A column shown before it, so the row says whose it is (an ad's campaign). */
  context?: string;
}

export interface Dimension {
  id: DimensionId;
  /** Per source: the selected expression and its column name; `group` when the grain is an id. */
  sql: Partial<Record<Source, DimensionSql>>;
  /** Needs the ad-level table. */
  adLevel?: boolean;
  time?: boolean;
  /** Singular and plural nouns, and "by X" words (time dimensions are only ever "by"). */
  singular: string[];
  plural: string[];
  en: string;
  fr: string;
}

const column = (name: string) => ({ select: name, name });
const everywhere = (select: string, name: string) => ({
  ads: { select, name },
  web: { select, name },
  search: { select, name },
});

export const DIMENSIONS: Dimension[] = [
  {
    id: 'channel_group',
    sql: { web: column('channel_group') },
    singular: [
      '(?:default )?channel group(?:ing)?',
      'groupe de canaux',
      'canal d acquisition',
      'traffic channel',
    ],
    plural: ['(?:default )?channel groups', 'groupes de canaux', 'canaux d acquisition'],
    en: 'channel group',
    fr: 'groupe de canaux',
  },
  {
    id: 'ad_group',
    sql: {
      ads: {
        select: 'ad_group_name',
        name: 'ad_group_name',
        group: 'ad_group_id',
        context: 'campaign_name',
      },
    },
    adLevel: true,
    singular: ['ad ?group', 'ad ?set', 'groupe d annonces', 'ensemble de publicites'],
    plural: [
      'ad ?groups',
      'ad ?sets',
      'groupes d annonces',
      'ensembles de publicites',
      'ensembles de pubs',
    ],
    en: 'ad group',
    fr: 'groupe d’annonces',
  },
  {
    id: 'account',
    sql: { ads: column('account_name') },
    singular: ['ad account', 'account', 'compte publicitaire', 'compte'],
    plural: ['ad accounts', 'accounts', 'comptes publicitaires', 'comptes'],
    en: 'account',
    fr: 'compte',
  },
  {
    id: 'campaign',
    sql: { ads: column('campaign_name'), web: column('campaign') },
    singular: ['campaign', 'campagne', 'camp'],
    plural: ['campaigns', 'campagnes'],
    en: 'campaign',
    fr: 'campagne',
  },
  {
    id: 'ad',
    sql: { ads: { select: 'ad_name', name: 'ad_name', group: 'ad_id', context: 'campaign_name' } },
    adLevel: true,
    singular: ['ad', 'creative', 'annonce', 'publicite', 'pub', 'crea', 'visuel'],
    plural: ['ads', 'creatives', 'annonces', 'publicites', 'pubs', 'creas', 'visuels'],
    en: 'ad',
    fr: 'annonce',
  },
  {
    id: 'platform',
    sql: { ads: column('platform') },
    singular: [
      'ad platform',
      'platform',
      'network',
      'channel',
      'plateforme',
      'regie',
      'reseau',
      'canal',
      'levier',
    ],
    plural: [
      'ad platforms',
      'platforms',
      'networks',
      'channels',
      'plateformes',
      'regies',
      'reseaux',
      'canaux',
      'leviers',
    ],
    en: 'platform',
    fr: 'plateforme',
  },
  {
    id: 'objective',
    sql: { ads: column('objective') },
    singular: ['campaign objective', 'objective', 'goal', 'objectif'],
    plural: ['campaign objectives', 'objectives', 'goals', 'objectifs'],
    en: 'objective',
    fr: 'objectif',
  },
  {
    id: 'status',
    sql: { ads: column('campaign_status') },
    singular: ['campaign status', 'status', 'statut', 'etat'],
    plural: ['statuses', 'statuts'],
    en: 'status',
    fr: 'statut',
  },
  {
    id: 'source',
    sql: { web: column('source') },
    singular: ['traffic source', 'source'],
    plural: ['traffic sources', 'sources'],
    en: 'source',
    fr: 'source',
  },
  {
    id: 'medium',
    sql: { web: column('medium') },
    singular: ['medium', 'support'],
    plural: ['mediums', 'media', 'supports'],
    en: 'medium',
    fr: 'support',
  },
  {
    id: 'query',
    sql: { search: column('query') },
    singular: [
      'search query',
      'search term',
      'query',
      'keyword',
      'requete',
      'mot cle',
      'recherche',
    ],
    plural: [
      'search queries',
      'search terms',
      'queries',
      'keywords',
      'requetes',
      'mots cles',
      'recherches',
    ],
    en: 'query',
    fr: 'requête',
  },
  {
    id: 'page',
    sql: { search: column('page') },
    singular: ['landing page', 'page', 'url', 'page de destination'],
    plural: ['landing pages', 'pages', 'urls', 'pages de destination'],
    en: 'page',
    fr: 'page',
  },
  {
    id: 'country',
    sql: { search: column('country') },
    singular: ['country', 'pays'],
    plural: ['countries'],
    en: 'country',
    fr: 'pays',
  },
  {
    id: 'device',
    sql: { search: column('device') },
    singular: ['device', 'device type', 'appareil', 'terminal', 'type d appareil'],
    plural: ['devices', 'appareils', 'terminaux'],
    en: 'device',
    fr: 'appareil',
  },
  {
    id: 'day',
    sql: everywhere('date', 'date'),
    time: true,
    singular: ['day', 'date', 'jour', 'journee'],
    plural: ['days', 'dates', 'jours'],
    en: 'day',
    fr: 'jour',
  },
  {
    id: 'week',
    sql: everywhere("date_trunc('week', date)::date", 'week'),
    time: true,
    singular: ['week', 'semaine'],
    plural: ['weeks', 'semaines'],
    en: 'week',
    fr: 'semaine',
  },
  {
    id: 'month',
    sql: everywhere("date_trunc('month', date)::date", 'month'),
    time: true,
    singular: ['month', 'mois'],
    plural: ['months'],
    en: 'month',
    fr: 'mois',
  },
];

/** Adverbs that group by time: "daily spend", "dépenses mensuelles". */
export const TIME_ADVERBS: Record<string, DimensionId> = {
  daily: 'day',
  'day by day': 'day',
  'jour par jour': 'day',
  quotidien: 'day',
  quotidienne: 'day',
  quotidiens: 'day',
  quotidiennes: 'day',
  'per day': 'day',
  weekly: 'week',
  'week by week': 'week',
  'semaine par semaine': 'week',
  hebdomadaire: 'week',
  hebdomadaires: 'week',
  'per week': 'week',
  monthly: 'month',
  'month by month': 'month',
  'mois par mois': 'month',
  mensuel: 'month',
  mensuelle: 'month',
  mensuels: 'month',
  mensuelles: 'month',
  'per month': 'month',
};

export interface ValueFilter {
  column:
    | 'platform'
    | 'objective'
    | 'campaign_status'
    | 'channel_group'
    | 'source'
    | 'medium'
    | 'country'
    | 'device';
  value: string;
  words: string[];
}

export const PLATFORMS: ValueFilter[] = [
  {
    column: 'platform',
    value: 'google_ads',
    words: ['google ads', 'google adwords', 'adwords', 'google', 'gads'],
  },
  { column: 'platform', value: 'meta', words: ['meta', 'facebook', 'instagram', 'fb', 'insta'] },
  { column: 'platform', value: 'tiktok', words: ['tik tok', 'tiktok'] },
  { column: 'platform', value: 'linkedin', words: ['linked in', 'linkedin'] },
];

/** Objectives, read only next to a campaign word ("sales campaigns", "campagnes de notoriété"). */
export const OBJECTIVES: ValueFilter[] = [
  {
    column: 'objective',
    value: 'sales',
    words: ['sales', 'sale', 'conversion', 'conversions', 'ventes?', 'e commerce'],
  },
  {
    column: 'objective',
    value: 'leads',
    words: ['leads?', 'lead gen', 'lead generation', 'generation de leads', 'prospection'],
  },
  { column: 'objective', value: 'traffic', words: ['traffic', 'trafic'] },
  {
    column: 'objective',
    value: 'awareness',
    words: ['awareness', 'brand awareness', 'reach', 'notoriete', 'branding'],
  },
  {
    column: 'objective',
    value: 'app',
    words: ['app', 'apps', 'app install', 'app installs', 'application', 'applications'],
  },
];

export const STATUSES: ValueFilter[] = [
  {
    column: 'campaign_status',
    value: 'active',
    words: [
      'active',
      'actives',
      'actif',
      'actifs',
      'enabled',
      'live',
      'running',
      'en cours',
      'activees?',
    ],
  },
  {
    column: 'campaign_status',
    value: 'paused',
    words: ['paused', 'en pause', 'mises? en pause', 'suspendues?', 'stopped', 'arretees?'],
  },
  {
    column: 'campaign_status',
    value: 'removed',
    words: ['removed', 'deleted', 'archived', 'supprimees?', 'archivees?'],
  },
];

/** Search Console's countries (ISO 3166 alpha-3, lower case) and devices. */
export const COUNTRIES: ValueFilter[] = [
  ['fra', 'france'],
  ['bel', 'belgium|belgique'],
  ['che', 'switzerland|suisse'],
  ['gbr', 'uk|united kingdom|great britain|royaume uni|angleterre|england'],
  ['usa', 'usa|united states|etats unis|the us'],
  ['deu', 'germany|allemagne'],
  ['esp', 'spain|espagne'],
  ['ita', 'italy|italie'],
  ['can', 'canada'],
  ['lux', 'luxembourg'],
].map(([value, words]) => ({
  column: 'country' as const,
  value: value!,
  words: [`(?:in|from|en|au|aux|depuis|de|du|pour) (?:the |la |le |l )?(?:${words})`],
}));

export const DEVICES: ValueFilter[] = [
  ['MOBILE', 'mobiles?|smartphones?|phones?|telephones?'],
  ['DESKTOP', 'desktops?|computers?|ordinateurs?|pc'],
  ['TABLET', 'tablets?|tablettes?'],
].map(([value, words]) => ({
  column: 'device' as const,
  value: value!,
  words: [`(?:(?:on|from|sur|depuis|via) )?(?:${words})`],
}));

/** Words that send ambiguous metrics (clicks, impressions, revenue) to a source. */
export const SOURCE_WORDS: Record<Source, string[]> = {
  search: [
    'google search console',
    'search console',
    'google search',
    'google organic',
    'gsc',
    'organic search',
    'organic',
    'organiques?',
    'seo',
    'referencement naturel',
    'recherche naturelle',
    'naturels?',
  ],
  web: [
    'google analytics 4',
    'google analytics',
    'ga4',
    'ga',
    'analytics',
    'website',
    'web site',
    'on the site',
    'on our site',
    'site web',
    'web traffic',
    'website traffic',
    'trafic web',
    'trafic du site',
    'traffic',
    'trafic',
    'sur le site',
    'du site',
    'site',
    'web',
  ],
  ads: ['paid', 'payants?', 'payantes?', 'sponsorises?', 'advertising', 'publicitaires?'],
};

/**
 * Words that carry no meaning for the query: articles, pronouns, auxiliaries, question words,
 * politeness, "show me". A word not here and not understood makes the engine refuse.
 */
export const FILLERS = new Set(
  // English
  (
    'a an the of for in on at to from into our my your their its we us me i you it they ' +
    'is are was were be been being am do does did done have has had having will would ' +
    'what whats which who how much many show give list tell get got display report see find ' +
    'pull fetch bring return can could please and or with across over during by per each every ' +
    'all total totals overall combined sum altogether number amount value figure figures ' +
    'numbers data stats statistics metrics there that this these those so far far as well ' +
    'also just only up down out about be here let lets know want need like generate generated ' +
    'drive drove driven deliver delivered bring brought produce produced make made achieve ' +
    'achieved earn earned get gets getting have has run ran running level breakdown broken ' +
    'split wise vs versus s than then when where whose whole entire period time average ' +
    'avg mean break coming from between along like want wanna see need know curious looking ' +
    'look interested grab check view provide compute calculate extract retrieve quick quickly ' +
    'overview summary recap kindly hey hi hello d ll m re ve currently actually exactly trend ' +
    'trends compare comparing comparison sorted sort ordered ranked among ones went goes go came ' +
    'come comes money generates brings drives produces evolve evolved evolving ' +
    // French
    'le la les l un une des de du d en au aux a et ou est sont etait etaient sera ete avons ' +
    'avez ont ai as a on nous vous notre nos votre vos mon ma mes son sa ses leur leurs ce cet ' +
    'cette ces ci quel quelle quels quelles qui que qu quoi combien montre montrez montre moi ' +
    'moi donne donnez donne affiche affichez liste listez dis dites calcule calculez indique ' +
    'indiquez peux pouvez stp svp merci par pour sur dans avec chaque tous toutes tout toute ' +
    'total totale totaux global globale globaux ensemble cumul cumule somme nombre montant ' +
    'valeur chiffres donnees stats statistiques y il elles ils se s sommes fait faits faite ' +
    'realise realises realisee genere generes generee generees obtenu obtenus obtenue apporte ' +
    'apportes enregistre enregistres eu ete niveau detail detaille ventile ventilees ventiles ' +
    'repartition reparti repartis periode pendant durant lors sur quant moyen moyenne moyens ' +
    'moyennes t elle elles il ils totales venant provenant issu issus issues cote tu te toi je ' +
    'j me sortir voir aimerais voudrais souhaite souhaiterais besoin avoir connaitre savoir ' +
    'obtenir afficher montrer donner lister calculer extraire recuperer trouver bonjour salut ' +
    'ayant etant generent genere generer rapporte rapportent apportent produisent amenent amene ' +
    'rapidement vite resume recapitulatif apercu point actuellement tendance tendances compare ' +
    'comparer comparaison trie triees tries classe classees classes parmi'
  ).split(' '),
);
