/**
 * Words of the `recommend` cell in the editor: its actions as cards, their evidence and the
 * switch to the raw table. The action names and the impact phrases are those of a published
 * report's action cards (core's report/action-words), so the editor and the report read the same.
 * The engine's own text (reasons, evidence labels) and the evidence's figure names are data and
 * are shown as they are.
 */
import {
  ACTION_NAMES,
  ACTION_PHRASES,
  IMPACT_WORDS,
  STAKE_WORDS,
} from '@baton/core/report/action-words';
import { localized, type Catalog } from './index.ts';

const en = {
  /** An action type in words (an unknown type shows as it is). */
  actionName: (type: string) => ACTION_NAMES.en[type] ?? type,
  /** What an impact's figure measures. */
  impactWord: (metric: string) => IMPACT_WORDS.en[metric] ?? '',
  /** What an investigation's figure is: money at stake, not a saving. */
  stakeWord: (metric: string) => STAKE_WORDS.en[metric] ?? '',
  ...ACTION_PHRASES.en,
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
  ...ACTION_PHRASES.fr,
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
