/**
 * The editor's document model: the notebook's Markdown text is the source of truth, and every
 * edit goes through core's minimal-diff edit functions, so the saved file changes only where
 * the user changed something. Each function takes the text and returns the new text.
 */
import {
  duplicateCell,
  insertCell,
  insertProse,
  moveCell,
  parseNotebook,
  removeCell,
  serializeNotebook,
  setFrontMatter,
  updateCell,
  updateProse,
  type Block,
  type CellKind,
  type CellPosition,
  type Notebook,
} from '@baton/core/notebook';

/** What the add menu offers: the five cell kinds and prose. */
export type AddKind = CellKind | 'prose';
export const ADD_KINDS: readonly AddKind[] = ['sql', 'chart', 'prose', 'ask', 'check', 'recommend'];

/** The parsed notebook of a text (never throws: problems become diagnostics). */
export function parse(text: string): Notebook {
  return parseNotebook(text).notebook;
}

const NAME_PREFIX: Record<CellKind, string> = {
  sql: 'query',
  chart: 'chart',
  ask: 'question',
  check: 'check',
  recommend: 'actions',
};

/** The first free `<prefix>_<n>` name of the notebook (`query_1`, `query_2`, ...). */
export function freeName(notebook: Notebook, kind: CellKind): string {
  const taken = new Set(notebook.cells.map((cell) => cell.name));
  let n = 1;
  while (taken.has(`${NAME_PREFIX[kind]}_${n}`)) n++;
  return `${NAME_PREFIX[kind]}_${n}`;
}

/** The name of the last named cell before `after` (or the last one), for a new cell to read. */
function lastResultName(notebook: Notebook, after?: string): string | undefined {
  const index = after ? notebook.cells.findIndex((cell) => cell.id === after) : -1;
  const cells = index === -1 ? notebook.cells : notebook.cells.slice(0, index + 1);
  return cells.findLast((cell) => cell.name !== undefined && cell.kind !== 'chart')?.name;
}

/** A useful starting body for a new cell of each kind. */
export function starterBody(kind: CellKind, source = 'campaign_daily'): string {
  switch (kind) {
    case 'sql':
      return `select date, platform, sum(spend) as spend, sum(conversions) as conversions\nfrom ${source}\ngroup by all\norder by date`;
    case 'chart':
      return `data: ${source}\nmark: line\nencoding:\n  x: { field: date, type: temporal }\n  y: { field: spend, type: quantitative }`;
    case 'ask':
      return 'question: Which five campaigns had the best ROAS last month?';
    case 'check':
      return `on: ${source}\ntime: date\nmetric: cpa\nby: [platform]\ndirection: up\nsensitivity: normal`;
    case 'recommend':
      return `from: [${source}]\ngoal: conversions\nmax_actions: 5`;
  }
}

export const STARTER_PROSE = 'Write a note for readers: what changed, and why it matters.';

export interface AddResult {
  text: string;
  /** The id of the new cell, or the index of the new prose block. */
  cellId?: string;
  blockIndex?: number;
}

/**
 * Adds a cell of `kind` (named `<kind prefix>_<n>`, with a starter body reading the previous
 * result) or a prose block, after the cell `after` (or at the end).
 */
export function addBlock(text: string, kind: AddKind, after?: string): AddResult {
  const notebook = parse(text);
  const position: CellPosition = after ? { after } : {};
  if (kind === 'prose') {
    const next = insertProse(notebook, STARTER_PROSE, position);
    const afterIndex = after
      ? next.blocks.findIndex((block) => block.type === 'cell' && block.cell.id === after)
      : -1;
    const isNew = (block: Block, index: number) =>
      index > afterIndex && block.type === 'prose' && block.prose.text.includes(STARTER_PROSE);
    const blockIndex = after ? next.blocks.findIndex(isNew) : next.blocks.findLastIndex(isNew);
    return { text: serializeNotebook(next), blockIndex };
  }
  const name = freeName(notebook, kind);
  const source =
    kind === 'sql' ? 'campaign_daily' : (lastResultName(notebook, after) ?? 'campaign_daily');
  const next = insertCell(notebook, { kind, name, body: starterBody(kind, source) }, position);
  return { text: serializeNotebook(next), cellId: name };
}

/** Inserts a cell as given (undo of a delete), after the cell `after`, `'start'` or the end. */
export function insert(
  text: string,
  cell: { kind: CellKind; name?: string; body: string; attributes?: Record<string, string> },
  after?: string,
): string {
  const position: CellPosition = after ? { after } : {};
  const { kind, name, body, attributes } = cell;
  return serializeNotebook(
    insertCell(parse(text), { kind, ...(name ? { name } : {}), body, attributes }, position),
  );
}

/** Moves a cell one place up (`-1`) or down (`1`) among the cells; unchanged at the edges. */
export function moveBy(text: string, id: string, delta: -1 | 1): string {
  const notebook = parse(text);
  const index = notebook.cells.findIndex((cell) => cell.id === id);
  const target = index + delta;
  if (index === -1 || target < 0 || target >= notebook.cells.length) return text;
  const after =
    delta === -1
      ? target === 0
        ? 'start'
        : notebook.cells[target - 1]!.id
      : notebook.cells[target]!.id;
  return serializeNotebook(moveCell(notebook, id, { after }));
}

/** Inserts a copy of the cell right after it; returns the copy's id too. */
export function duplicate(text: string, id: string): { text: string; cellId?: string } {
  const notebook = parse(text);
  const next = duplicateCell(notebook, id);
  const index = next.cells.findIndex((cell) => cell.id === id);
  return { text: serializeNotebook(next), cellId: next.cells[index + 1]?.id };
}

/** Removes a cell (and one blank line next to it). */
export function remove(text: string, id: string): string {
  return serializeNotebook(removeCell(parse(text), id));
}

/**
 * Renames a cell; an empty name makes it unnamed. Throws NotebookEditError on a bad name.
 * Reads of the old name follow: `from`/`join` in SQL, `data:`/`on:`/`from:` in YAML cells and
 * `{{ old.column }}` in prose (other uses, e.g. in SQL strings, are left as written).
 */
export function rename(text: string, id: string, name: string): string {
  const trimmed = name.trim();
  const notebook = parse(text);
  const before = notebook.cells.find((cell) => cell.id === id)?.name;
  let next = updateCell(notebook, id, { name: trimmed === '' ? null : trimmed });
  if (before === undefined || trimmed === '' || before === trimmed) return serializeNotebook(next);
  for (const cell of next.cells) {
    if (cell.name === trimmed) continue;
    const body = renameReads(cell.kind, cell.body, before, trimmed);
    if (body !== cell.body) next = updateCell(next, cell.id, { body });
  }
  next.blocks.forEach((block, index) => {
    if (block.type !== 'prose') return;
    const prose = block.prose.text.replace(
      new RegExp(`(\\{\\{\\s*)${before}(\\.)`, 'g'),
      `$1${trimmed}$2`,
    );
    if (prose !== block.prose.text) next = updateProse(next, index, prose);
  });
  return serializeNotebook(next);
}

/** A cell body with its reads of `from` turned into reads of `to`. */
export function renameReads(kind: CellKind, body: string, from: string, to: string): string {
  const word = `(?<![\\w$."])${from}(?![\\w$"])`;
  if (kind === 'sql') {
    return body.replace(new RegExp(`(\\b(?:from|join)\\s+)${from}(?![\\w$."])`, 'gi'), `$1${to}`);
  }
  return body
    .split('\n')
    .map((line) => {
      const match = /^(\s*(?:data|on|from)\s*:\s*)(.*)$/.exec(line);
      if (!match) return line;
      return match[1] + match[2]!.replace(new RegExp(word, 'g'), to);
    })
    .join('\n');
}

/** Replaces a cell's body. */
export function setBody(text: string, id: string, body: string): string {
  return serializeNotebook(updateCell(parse(text), id, { body }));
}

/** Replaces the Markdown of the prose block at `blocks[index]`. */
export function setProse(text: string, index: number, markdown: string): string {
  return serializeNotebook(updateProse(parse(text), index, markdown));
}

/** Sets the front matter title. */
export function setTitle(text: string, title: string): string {
  return serializeNotebook(setFrontMatter(parse(text), { title }));
}

/** Whether an editor's text is the cell body (the file keeps no final newline of a body). */
export function sameBody(editorValue: string, body: string): boolean {
  return editorValue.replace(/\r\n?/g, '\n').replace(/\n$/, '') === body;
}
