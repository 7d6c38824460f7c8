/**
 * The engine's words back to the analyst, in the question's language: what it understood (shown
 * above the SQL for review), and for a refusal, why and what to ask instead.
 */
import type { Intent, Refusal, Understood } from './intent.ts';
import type { Period } from './periods.ts';
import type { Language } from './text.ts';

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/** "1–31 March 2026", "1 March 2025 – 28 February 2026", "12 March 2026". */
export function describePeriod(period: Period, language: Language): string {
  const [startYear, startMonth, startDay] = period.start.split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const [endYear, endMonth, endDay] = period.end.split('-').map(Number) as [number, number, number];
  const months = MONTHS[language];
  const day = (value: number): string => (language === 'fr' && value === 1 ? '1er' : String(value));
  const end = `${day(endDay)} ${months[endMonth - 1]} ${endYear}`;
  if (period.start === period.end) return end;
  if (startYear === endYear && startMonth === endMonth) return `${day(startDay)}–${end}`;
  if (startYear === endYear) return `${day(startDay)} ${months[startMonth - 1]} – ${end}`;
  return `${day(startDay)} ${months[startMonth - 1]} ${startYear} – ${end}`;
}

function list(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${language === 'fr' ? 'et' : 'and'} ${items.at(-1)}`;
}

/** "CPA and spend by campaign, Meta, 1–31 March 2026, vs 1–28 February 2026; 5 best by CPA". */
export function describeIntent(intent: Intent): string {
  const { language } = intent;
  const fr = language === 'fr';
  const parts: string[] = [];
  let head = list(
    intent.metrics.map((metric) => metric[language]),
    language,
  );
  if (intent.average) {
    const unit = { day: ['day', 'jour'], week: ['week', 'semaine'], month: ['month', 'mois'] }[
      intent.average
    ];
    head += fr ? ` par ${unit[1]} (moyenne)` : ` per ${unit[0]} (average)`;
  }
  head = head.charAt(0).toUpperCase() + head.slice(1);
  if (intent.dimensions.length) {
    head += ` ${fr ? 'par' : 'by'} ${list(
      intent.dimensions.map((dimension) => dimension[language]),
      language,
    )}`;
  }
  parts.push(head);
  for (const filter of intent.filters) {
    if (filter.kind === 'equals')
      parts.push(
        `${filter.column.replace('_', ' ')} = ${filter.values.join(fr ? ' ou ' : ' or ')}`,
      );
    else parts.push(`${fr ? 'nom contenant' : 'name containing'} “${filter.text}”`);
  }
  parts.push(
    intent.period ? describePeriod(intent.period, language) : fr ? 'toutes les dates' : 'all dates',
  );
  if (intent.comparison) {
    parts.push(
      `${fr ? 'comparé à' : 'compared with'} ${describePeriod(intent.comparison.period, language)}`,
    );
  }
  if (intent.threshold) {
    const { metric, operator, value } = intent.threshold;
    parts.push(`${metric[language]} ${operator} ${value}`);
  }
  if (intent.share) parts.push(fr ? 'avec la part de chacun' : 'with each one’s share');
  if (intent.rank) {
    const { order, metric, limit, per } = intent.rank;
    const words = fr
      ? limit === 1
        ? { best: 'meilleur', worst: 'pire', highest: 'plus élevé', lowest: 'plus bas' }
        : { best: 'meilleurs', worst: 'pires', highest: 'plus élevés', lowest: 'plus bas' }
      : { best: 'best', worst: 'worst', highest: 'highest', lowest: 'lowest' };
    const within = per ? (fr ? ` par ${per.fr}` : ` per ${per.en}`) : '';
    parts.push(
      `${limit !== undefined ? `${limit} ` : ''}${words[order]} ${fr ? 'en' : 'by'} ${metric[language]}${within}`,
    );
  }
  return parts.join(', ');
}

/** What was understood before the engine gave up, or nothing. */
function describeUnderstood(understood: Understood): string {
  const { language } = understood;
  const parts = [
    ...understood.metrics.map((metric) => metric[language]),
    ...understood.dimensions.map(
      (dimension) => `${language === 'fr' ? 'par' : 'by'} ${dimension[language]}`,
    ),
    ...(understood.period ? [describePeriod(understood.period, language)] : []),
  ];
  return [...new Set(parts)].join(', ');
}

export function describeRefusal(refusal: Refusal, understood: Understood): string {
  const fr = understood.language === 'fr';
  const reason = refusalReason(refusal, fr);
  const seen = describeUnderstood(understood);
  const lead = fr ? 'Je ne peux pas répondre à cette question' : 'I cannot answer this question';
  const tail = seen ? (fr ? ` J’ai compris : ${seen}.` : ` I understood: ${seen}.`) : '';
  return `${lead}${fr ? ' : ' : ': '}${reason}.${tail}`;
}

function refusalReason(refusal: Refusal, fr: boolean): string {
  switch (refusal.kind) {
    case 'blocked':
      return `“${refusal.text}”: ${fr ? refusal.blocker.fr : refusal.blocker.en}`;
    case 'unknown-words':
      return fr
        ? `je ne connais pas ${refusal.words.length > 1 ? 'les mots' : 'le mot'} « ${refusal.words.join(' ')} » (ni une mesure, ni une ventilation, ni un nom de campagne)`
        : `I do not know “${refusal.words.join(' ')}” (not a metric, a breakdown or a campaign name)`;
    case 'no-metric':
      return fr
        ? 'elle ne dit pas quelle mesure donner (dépenses, conversions, CPA, ROAS, sessions, ...)'
        : 'it does not say which metric to report (spend, conversions, CPA, ROAS, sessions, ...)';
    case 'no-source':
      return fr
        ? `aucune table ne contient à la fois ${[...refusal.metrics.map((metric) => metric.fr), ...refusal.dimensions.map((dimension) => `la ventilation par ${dimension.fr}`)].join(', ')} (les plateformes publicitaires, GA4 et Search Console sont des tables séparées)`
        : `no table holds ${[...refusal.metrics.map((metric) => metric.en), ...refusal.dimensions.map((dimension) => `a breakdown by ${dimension.en}`)].join(', ')} together (ad platforms, GA4 and Search Console are separate tables)`;
    case 'comparison-without-period':
      return fr
        ? 'une comparaison demande une période (par exemple « le mois dernier par rapport au mois précédent »)'
        : 'a comparison needs a period (for example “last month vs the previous month”)';
    case 'comparison-by-time':
      return fr
        ? 'une comparaison de périodes ne se ventile pas par jour, semaine ou mois'
        : 'a comparison of periods cannot also be broken down by day, week or month';
    case 'future':
      return fr ? 'la période est dans le futur' : 'the period is in the future';
    case 'empty':
      return fr ? 'la question est vide' : 'the question is empty';
  }
}

/** Questions the engine answers, close to what it understood. */
export function suggestions(understood: Understood): string[] {
  const fr = understood.language === 'fr';
  const metric = understood.metrics[0];
  const dimension = understood.dimensions.find((candidate) => !candidate.time);
  const picks: string[] = [];
  if (metric && dimension) {
    picks.push(
      fr
        ? `${cap(metric.fr)} par ${dimension.fr} le mois dernier`
        : `${cap(metric.en)} by ${dimension.en} last month`,
    );
  } else if (metric) {
    picks.push(
      fr
        ? `${cap(metric.fr)} par plateforme le mois dernier`
        : `${cap(metric.en)} by platform last month`,
      fr
        ? `${cap(metric.fr)} par semaine sur les 8 dernières semaines`
        : `Weekly ${metric.en} over the last 8 weeks`,
    );
  } else if (dimension) {
    picks.push(
      fr
        ? `Dépenses et CPA par ${dimension.fr} le mois dernier`
        : `Spend and CPA by ${dimension.en} last month`,
    );
  }
  picks.push(
    ...(fr
      ? [
          'Quelles sont les 5 campagnes avec le meilleur ROAS le mois dernier ?',
          'Dépenses par plateforme sur les 30 derniers jours par rapport à la période précédente',
          'Campagnes avec un CPA supérieur à 40 sur les 30 derniers jours',
        ]
      : [
          'Top 5 campaigns by ROAS last month',
          'Spend by platform in the last 30 days vs the previous period',
          'Campaigns with a CPA above 40 in the last 30 days',
        ]),
  );
  return picks;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
