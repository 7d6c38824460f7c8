/**
 * Words of the `ask` cell in the editor: the question field, the drafted SQL to review, the
 * pinned SQL and a refusal's suggestions. The engine's own messages (what it understood, why it
 * refused) arrive in the question's language and are shown as they are.
 */
import { localized, type Catalog } from './index.ts';

const en = {
  questionLabel: 'Question',
  questionPlaceholder: 'Ask about your marketing data, e.g. spend by platform last month',
  questionHelp: 'Enter runs the notebook and drafts SQL for you to review.',
  questionHelpPinned: 'Enter runs the notebook with the pinned SQL below.',
  showYaml: 'Edit YAML',
  hideYaml: 'Hide YAML',
  yamlUnreadable: 'The cell’s YAML cannot be read, so the question field is off.',
  yamlUnreadableHint: 'Fix the YAML below; the question field comes back once it parses.',
  notMapping: 'An ask cell is a YAML mapping: `question:` and, once accepted, `sql:`.',
  notRun: 'Run the notebook to draft SQL for this question. Nothing is pinned yet.',
  draftTitle: 'Draft — not pinned',
  draftExplain:
    'Review the SQL and its result. Readers never see a draft: a published report runs only pinned SQL.',
  understood: 'Understood',
  engine: 'Written by',
  engineBuiltin: 'the built-in engine',
  engineModel: (model: string) => `the model ${model}`,
  draftSqlLabel: 'Drafted SQL (read-only)',
  accept: 'Accept SQL',
  acceptTitle: 'Pin this SQL into the cell: reports run it as it is',
  acceptFailed: 'The SQL could not be pinned.',
  draftOutdated: (question: string) =>
    `This draft answers “${question}”. Run the notebook to draft SQL for the question as it is now.`,
  pinnedTitle: 'Pinned SQL',
  pinnedExplain: 'Reports run this SQL. Edit it here, or unpin to draft again from the question.',
  pinnedSqlLabel: 'Pinned SQL',
  unpin: 'Unpin / draft again',
  unpinTitle: 'Remove the pinned SQL: the next run drafts SQL from the question again',
  questionChanged: (question: string) =>
    `The question changed: the pinned SQL answers the earlier question, “${question}”.`,
  refusalTitle: 'This question could not be answered',
  tryTitle: 'Questions it can answer (click one to ask it):',
  trySuggestion: (question: string) => `Ask “${question}” and run`,
  hint: 'What to do',
};

const fr: typeof en = {
  questionLabel: 'Question',
  questionPlaceholder:
    'Posez une question sur vos données marketing, par ex. dépenses par plateforme le mois dernier',
  questionHelp: 'Entrée exécute le notebook et rédige un SQL à relire.',
  questionHelpPinned: 'Entrée exécute le notebook avec le SQL épinglé ci-dessous.',
  showYaml: 'Modifier le YAML',
  hideYaml: 'Masquer le YAML',
  yamlUnreadable: 'Le YAML de la cellule est illisible : le champ de question est désactivé.',
  yamlUnreadableHint: 'Corrigez le YAML ci-dessous ; le champ revient dès qu’il est lisible.',
  notMapping:
    'Une cellule question est un dictionnaire YAML : `question:` et, une fois accepté, `sql:`.',
  notRun: 'Exécutez le notebook pour rédiger le SQL de cette question. Rien n’est encore épinglé.',
  draftTitle: 'Brouillon — non épinglé',
  draftExplain:
    'Relisez le SQL et son résultat. Les lecteurs ne voient jamais un brouillon : un rapport publié n’exécute que du SQL épinglé.',
  understood: 'Compris',
  engine: 'Rédigé par',
  engineBuiltin: 'le moteur intégré',
  engineModel: (model: string) => `le modèle ${model}`,
  draftSqlLabel: 'SQL proposé (lecture seule)',
  accept: 'Accepter le SQL',
  acceptTitle: 'Épingler ce SQL dans la cellule : les rapports l’exécutent tel quel',
  acceptFailed: 'Le SQL n’a pas pu être épinglé.',
  draftOutdated: (question: string) =>
    `Ce brouillon répond à « ${question} ». Exécutez le notebook pour rédiger le SQL de la question actuelle.`,
  pinnedTitle: 'SQL épinglé',
  pinnedExplain:
    'Les rapports exécutent ce SQL. Modifiez-le ici, ou désépinglez-le pour repartir de la question.',
  pinnedSqlLabel: 'SQL épinglé',
  unpin: 'Désépingler / nouveau brouillon',
  unpinTitle:
    'Retirer le SQL épinglé : la prochaine exécution rédige de nouveau le SQL à partir de la question',
  questionChanged: (question: string) =>
    `La question a changé : le SQL épinglé répond à la question précédente, « ${question} ».`,
  refusalTitle: 'Cette question n’a pas pu recevoir de réponse',
  tryTitle: 'Questions auxquelles il sait répondre (cliquez pour la poser) :',
  trySuggestion: (question: string) => `Poser « ${question} » et exécuter`,
  hint: 'Que faire',
};

const catalog: Catalog<typeof en> = { en, fr };

/** The ask cell's words in the interface language. */
export const askText = localized(catalog);
