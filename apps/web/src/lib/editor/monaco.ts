/**
 * Monaco, loaded lazily (only the notebook editor route pays for it): the slim editor API, the
 * DuckDB language, the editor worker through Vite's `?worker`, themes that follow the app's,
 * and one completion provider fed by `setCompletionSources`.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api';
import { completionItems, type CompletionKind, type CompletionSources } from './completion.ts';
import { DUCKDB_LANGUAGE_ID, duckdbConfiguration, duckdbLanguage } from './duckdb-language.ts';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | undefined;
let sources: CompletionSources = { schema: { tables: [], cells: [], macros: [] }, cellNames: [] };

/** What completion offers from now on (after the schema loads, after each run, on edits). */
export function setCompletionSources(next: CompletionSources): void {
  sources = next;
}

/** Monaco's API, loaded once. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Monaco> {
  const [monaco, { default: EditorWorker }] = await Promise.all([
    import('monaco-editor/editor/editor.api'),
    import('monaco-editor/editor/editor.worker?worker'),
    import('./monaco-contributions.ts'),
  ]);
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: DUCKDB_LANGUAGE_ID, aliases: ['DuckDB SQL'] });
  monaco.languages.setLanguageConfiguration(DUCKDB_LANGUAGE_ID, duckdbConfiguration);
  monaco.languages.setMonarchTokensProvider(DUCKDB_LANGUAGE_ID, duckdbLanguage);
  defineThemes(monaco);
  registerCompletion(monaco);
  return monaco;
}

function defineThemes(monaco: Monaco): void {
  const rules = (dark: boolean) => [
    { token: 'keyword', foreground: dark ? 'f08a4b' : 'b34d1c', fontStyle: 'bold' },
    { token: 'predefined', foreground: dark ? '7cb7ff' : '1f5fbf' },
    { token: 'variable', foreground: dark ? 'd7a6ff' : '7a3db8' },
    { token: 'string', foreground: dark ? '8fd19e' : '1f7a45' },
    { token: 'number', foreground: dark ? 'e0c36b' : '9a6a00' },
    { token: 'comment', foreground: dark ? '7d8799' : '7a8294', fontStyle: 'italic' },
  ];
  monaco.editor.defineTheme('baton-light', {
    base: 'vs',
    inherit: true,
    rules: rules(false),
    colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#a3a9b6' },
  });
  monaco.editor.defineTheme('baton-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: rules(true),
    colors: { 'editor.background': '#1a1f29', 'editorLineNumber.foreground': '#5d6678' },
  });
}

function registerCompletion(monaco: Monaco): void {
  const kinds: Record<CompletionKind, MonacoApi.languages.CompletionItemKind> = {
    table: monaco.languages.CompletionItemKind.Struct,
    view: monaco.languages.CompletionItemKind.Interface,
    cell: monaco.languages.CompletionItemKind.Module,
    column: monaco.languages.CompletionItemKind.Field,
    macro: monaco.languages.CompletionItemKind.Function,
    keyword: monaco.languages.CompletionItemKind.Keyword,
  };
  monaco.languages.registerCompletionItemProvider(DUCKDB_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({
        startLineNumber: 1,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      return {
        suggestions: completionItems(sources, before, model.getValue()).map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          detail: item.detail,
          insertText: item.insertText,
          sortText: item.sortText,
          range,
        })),
      };
    },
  });
}

/** The Monaco theme for the app's current look. */
export function monacoTheme(dark: boolean): string {
  return dark ? 'baton-dark' : 'baton-light';
}
