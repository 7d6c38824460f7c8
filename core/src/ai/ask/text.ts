/**
 * A question as the recognizers read it: quoted texts set aside, then lower case with accents,
 * punctuation and elisions (l', d', qu') removed, so "Quelles campagnes ont dépensé" and
 * "quelles campagnes ont depense" read the same.
 */

export type Language = 'en' | 'fr';

export interface QuestionText {
  /** The question as typed. */
  original: string;
  /** Normalized text, with each quoted text replaced by a `quotedN` marker. */
  text: string;
  /** The quoted texts, in order, as typed (accents kept). */
  quoted: string[];
  language: Language;
}

/** Quote pairs: "...", “...”, «...», and '...' when it is not an apostrophe. */
const QUOTED = /"([^"]+)"|“([^”]+)”|«\s*([^»]+?)\s*»|(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu;

/** Lower case, no accents (é → e, œ → oe), apostrophes and dashes as spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

export function readQuestion(question: string): QuestionText {
  const quoted: string[] = [];
  const unquoted = question.replace(QUOTED, (...groups: unknown[]) => {
    const inner = groups.slice(1, 5).find((group) => typeof group === 'string') as string;
    quoted.push(inner.trim());
    return ` quoted${quoted.length - 1} `;
  });
  const text = normalize(unquoted);
  return { original: question, text, quoted, language: languageOf(text) };
}

/**
 * Folded text with word characters, numbers (1,5 and 2.5 kept), dates (2026-03-01, 01/03/2026),
 * `%`, `<`, `>`, `=`, currency signs; everything else is a space.
 */
export function normalize(text: string): string {
  return (
    fold(text)
      .replace(/[’`´]/g, "'")
      // Elisions: l'année, d'acquisition, qu'on → l année, d acquisition, qu on.
      .replace(/\b([ldjmnstc]|qu|jusqu)'/g, '$1 ')
      .replace(/'/g, ' ')
      .replace(/(\d)\s?(?:€|eur(?:os?)?\b)/g, '$1 ')
      .replace(/[€$£]\s?(\d)/g, '$1')
      .replace(/(\d)[  ](\d{3})\b/g, '$1$2')
      .replace(/(\p{L})-(\p{L})/gu, '$1 $2')
      .replace(/[^\p{L}\p{N}%<>=.,/\-+ ]/gu, ' ')
      // A full stop, comma or dash not inside a number is a space.
      .replace(/(?<!\d)[.,]|[.,](?!\d)/g, ' ')
      .replace(/(?<![\d])-|-(?![\d])/g, ' ')
      .replace(/(?<!\d)\/|\/(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const FRENCH = new Set(
  (
    'le la les des du de un une et ou est sont quel quelle quels quelles combien par pour sur ' +
    'dans nous notre nos avons ont depuis dernier derniere derniers dernieres mois semaine ' +
    'jours annee campagne campagnes depenses depense cout taux meilleures meilleurs pire ' +
    'trimestre hier aujourd hui plateforme plateformes moyenne ce cette ces entre au aux'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the a an of and or is are was were what which how much many by per for on in our we did ' +
    'last days week month year campaign campaigns spend cost best worst top between this ' +
    'yesterday today platform platforms average than with'
  ).split(' '),
);

/** French when French words outnumber English ones; English otherwise. */
function languageOf(text: string): Language {
  let french = 0;
  let english = 0;
  for (const word of text.split(' ')) {
    if (FRENCH.has(word)) french++;
    if (ENGLISH.has(word)) english++;
  }
  return french > english ? 'fr' : 'en';
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quatorze: 14,
  quinze: 15,
  vingt: 20,
  trente: 30,
  soixante: 60,
};
// "six" is the same word in both languages.

/** Regex source of a count written as digits or a word (one..thirty, un..trente). */
export const COUNT = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')})`;

/** The value of a count matched by `COUNT`. */
export function countValue(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]!;
}

/** A decimal as typed: 1,5 and 1.5 (French and English decimals), 5,000 (English thousands). */
export function decimalValue(text: string, language: Language): number {
  if (language === 'en' && /^\d{1,3}(?:,\d{3})+$/.test(text)) return Number(text.replace(/,/g, ''));
  return Number(text.replace(',', '.'));
}
