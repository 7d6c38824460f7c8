/**
 * Words of the `recommend` cell in the editor: its actions as cards, their evidence and the
 * switch to the raw table. The action names and the impact phrases are those of a published
 * report's action cards (core's report/actions), so the editor and the report read the same.
 * The engine's own text (reasons, evidence labels) and the evidence's figure names are data and
 * are shown as they are.
 */
import { localized, type Catalog } from './index.ts';

const ACTION_NAMES: Record<'en' | 'fr', Record<string, string>> = {
  en: {
    pause_campaign: 'Pause',
    cut_budget: 'Cut the budget',
    raise_budget: 'Raise the budget',
    shift_budget: 'Shift budget',
    refresh_creative: 'Refresh the creative',
    fix_tracking: 'Fix tracking',
    investigate_anomaly: 'Investigate',
  },
  fr: {
    pause_campaign: 'Mettre en pause',
    cut_budget: 'Baisser le budget',
    raise_budget: 'Augmenter le budget',
    shift_budget: 'Déplacer du budget',
    refresh_creative: 'Renouveler la création',
    fix_tracking: 'Réparer le suivi',
    investigate_anomaly: 'Enquêter',
  },
};

const IMPACT_WORDS: Record<'en' | 'fr', Record<string, string>> = {
  en: { conversions: 'conversions', revenue: 'revenue', spend: 'spend saved' },
  fr: { conversions: 'conversions', revenue: 'chiffre d’affaires', spend: 'dépenses économisées' },
};

/** An investigation's figure is money at stake, not a saving: no "saved". */
const STAKE_WORDS: Record<'en' | 'fr', Record<string, string>> = {
  en: { conversions: 'conversions', revenue: 'revenue', spend: '' },
  fr: { conversions: 'conversions', revenue: 'chiffre d’affaires', spend: '' },
};

const en = {
  /** An action type in words (an unknown type shows as it is). */
  actionName: (type: string) => ACTION_NAMES.en[type] ?? type,
  /** What an impact's figure measures. */
  impactWord: (metric: string) => IMPACT_WORDS.en[metric] ?? '',
  /** What an investigation's figure is: money at stake, not a saving. */
  stakeWord: (metric: string) => STAKE_WORDS.en[metric] ?? '',
  impact: (range: string, days: string) => `Expected: ${range} over ${days} days`,
  atStake: (range: string, days: string) => `At stake: ${range} over ${days} days`,
  unrecorded: (range: string, days: string) => `Unrecorded: ${range} over ${days} days`,
  confidence: (value: string) => `confidence ${value}`,
  none: 'No action to recommend: nothing stands out in the data.',
  listLabel: 'Recommended actions, most valuable first',
  summaryTitle: 'The model’s summary',
  count: (count: string, one: boolean) => `${count} ${one ? 'action' : 'actions'}, best first`,
  rank: (rank: string) => `Priority ${rank}`,
  showTable: 'Show the table',
  showCards: 'Show the cards',
  toggleTitle: 'Switch between the action cards and the table the cell returns',
  evidence: (count: string) => `Evidence (${count})`,
  evidenceLabel: (action: string) => `Evidence of “${action}”`,
  noEvidence: 'This action records no evidence.',
  rowsOf: (table: string) => `rows of ${table}`,
  addSql: 'Add as SQL cell',
  addSqlTitle: (label: string) =>
    `Insert a SQL cell below with the query behind “${label}”; run it to see the rows`,
  added: (name: string) => `Added the SQL cell ${name} below. Run the notebook to see its rows.`,
  addFailed: 'The SQL cell could not be added.',
  unreadable: 'This result does not have the columns of an action table: it shows as a table.',
  firstRows: (shown: string, total: string) =>
    `The cards show the first ${shown} actions of ${total}.`,
};

const fr: typeof en = {
  actionName: (type: string) => ACTION_NAMES.fr[type] ?? type,
  impactWord: (metric: string) => IMPACT_WORDS.fr[metric] ?? '',
  stakeWord: (metric: string) => STAKE_WORDS.fr[metric] ?? '',
  impact: (range: string, days: string) => `Attendu : ${range} sur ${days} jours`,
  atStake: (range: string, days: string) => `En jeu : ${range} sur ${days} jours`,
  unrecorded: (range: string, days: string) => `Non enregistré : ${range} sur ${days} jours`,
  confidence: (value: string) => `confiance ${value}`,
  none: 'Aucune action à recommander : rien ne ressort des données.',
  listLabel: 'Actions recommandées, les plus utiles d’abord',
  summaryTitle: 'Le résumé du modèle',
  count: (count: string, one: boolean) =>
    `${count} ${one ? 'action' : 'actions'}, les plus utiles d’abord`,
  rank: (rank: string) => `Priorité ${rank}`,
  showTable: 'Voir le tableau',
  showCards: 'Voir les cartes',
  toggleTitle: 'Passer des cartes d’actions au tableau que renvoie la cellule, et inversement',
  evidence: (count: string) => `Preuves (${count})`,
  evidenceLabel: (action: string) => `Preuves de « ${action} »`,
  noEvidence: 'Cette action n’enregistre aucune preuve.',
  rowsOf: (table: string) => `lignes de ${table}`,
  addSql: 'Ajouter en cellule SQL',
  addSqlTitle: (label: string) =>
    `Insérer en dessous une cellule SQL avec la requête de « ${label} » ; exécutez-la pour voir les lignes`,
  added: (name: string) =>
    `Cellule SQL ${name} ajoutée en dessous. Exécutez le notebook pour voir ses lignes.`,
  addFailed: 'La cellule SQL n’a pas pu être ajoutée.',
  unreadable: 'Ce résultat n’a pas les colonnes d’un tableau d’actions : il s’affiche en tableau.',
  firstRows: (shown: string, total: string) =>
    `Les cartes montrent les ${shown} premières actions sur ${total}.`,
};

const catalog: Catalog<typeof en> = { en, fr };

/** The recommend cell's words in the interface language. */
export const recommendText = localized(catalog);
