/**
 * Words of the cell components (results grid, chart view, chart builder). Counts arrive already
 * formatted for the locale, so a message only places them.
 */
import { localized, type Catalog, type Message } from './index.ts';

const en = {
  rows: (count: string, total: number) => `${count} ${total === 1 ? 'row' : 'rows'}`,
  capNote: (shown: string, total: string) =>
    `The browser shows the first ${shown} rows of ${total}.`,
  capHint: 'Add a where clause or a limit to the query to narrow the result.',
  sortedBy: (column: string, descending: boolean) =>
    `Sorted by ${column}, ${descending ? 'descending' : 'ascending'}, over the whole result.`,
  sortBy: (column: string) => `Sort by ${column}`,
  loadingRows: 'Loading rows…',
  loadFailed: (message: string) => `Some rows could not be loaded: ${message}`,
  retry: 'Retry',
  emptyTitle: 'No rows',
  emptyHint: 'The query ran and returned nothing. Check its filters and the period.',
  rowNumber: 'Row',
  chartLoading: 'Drawing the chart…',
  chartFailed: 'This chart could not be drawn.',
  chartHint: "Check the chart's fields: each one must be a column of its data cell.",
  builderLabel: 'Chart settings',
  builderData: 'Data',
  builderMark: 'Mark',
  builderX: 'X axis',
  builderY: 'Y axis',
  builderColor: 'Colour',
  builderTitle: 'Title',
  builderTitlePlaceholder: 'A title for the chart',
  builderNone: 'None',
  builderTheta: 'Value (angle)',
  builderXArc: 'A pie has no X axis: its slices come from the colour.',
  builderMissingField: (name: string) => `${name} (not in the data)`,
  builderChoose: 'Choose…',
  builderNoSources: 'Name a SQL cell above this chart to draw its result.',
  builderUnknownSource: (name: string) => `${name} (not run yet)`,
  builderParseError: 'The chart YAML cannot be read, so the builder leaves it untouched.',
  builderParseHint: 'Fix the YAML in the editor; the controls come back once it parses.',
  builderNotMapping: 'The chart must be a YAML mapping (keys such as data, mark, encoding).',
  markBar: 'Bar',
  markLine: 'Line',
  markArea: 'Area',
  markPoint: 'Point',
  markArc: 'Arc (pie)',
} satisfies Record<string, Message>;

/** The cell components' catalog; the grid and the chart view pick a language by their `locale` prop. */
export const cellsCatalog: Catalog<typeof en> = {
  en,
  fr: {
    rows: (count: string, total: number) => `${count} ${total >= 2 ? 'lignes' : 'ligne'}`,
    capNote: (shown: string, total: string) =>
      `Le navigateur affiche les ${shown} premières lignes sur ${total}.`,
    capHint: 'Ajoutez une clause where ou un limit à la requête pour réduire le résultat.',
    sortedBy: (column: string, descending: boolean) =>
      `Trié par ${column}, ordre ${descending ? 'décroissant' : 'croissant'}, sur tout le résultat.`,
    sortBy: (column: string) => `Trier par ${column}`,
    loadingRows: 'Chargement des lignes…',
    loadFailed: (message: string) => `Des lignes n’ont pas pu être chargées : ${message}`,
    retry: 'Réessayer',
    emptyTitle: 'Aucune ligne',
    emptyHint: 'La requête a abouti sans rien renvoyer. Vérifiez ses filtres et la période.',
    rowNumber: 'Ligne',
    chartLoading: 'Tracé du graphique…',
    chartFailed: 'Ce graphique n’a pas pu être tracé.',
    chartHint:
      'Vérifiez les champs du graphique : chacun doit être une colonne de sa cellule de données.',
    builderLabel: 'Réglages du graphique',
    builderData: 'Données',
    builderMark: 'Forme',
    builderX: 'Axe X',
    builderY: 'Axe Y',
    builderColor: 'Couleur',
    builderTitle: 'Titre',
    builderTitlePlaceholder: 'Un titre pour le graphique',
    builderNone: 'Aucune',
    builderTheta: 'Valeur (angle)',
    builderXArc: 'Un camembert n’a pas d’axe X : ses parts viennent de la couleur.',
    builderMissingField: (name: string) => `${name} (absent des données)`,
    builderChoose: 'Choisir…',
    builderNoSources: 'Nommez une cellule SQL au-dessus de ce graphique pour tracer son résultat.',
    builderUnknownSource: (name: string) => `${name} (pas encore exécutée)`,
    builderParseError: 'Le YAML du graphique est illisible : le constructeur n’y touche pas.',
    builderParseHint:
      'Corrigez le YAML dans l’éditeur ; les réglages reviennent dès qu’il est lisible.',
    builderNotMapping:
      'Le graphique doit être un dictionnaire YAML (des clés comme data, mark, encoding).',
    markBar: 'Barres',
    markLine: 'Ligne',
    markArea: 'Aire',
    markPoint: 'Points',
    markArc: 'Secteurs',
  },
};

export type CellsText = typeof en;

/** The catalog in the interface language (for components without a `locale` prop). */
export const cellsText = localized(cellsCatalog);
