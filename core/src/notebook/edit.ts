/**
 * Edits that return a new notebook and leave every byte they do not touch as it was, so the
 * git diff of an edit shows only that edit. Each edit works on the file's text, block by block,
 * then parses the result: line numbers and ids in the returned notebook are always current.
 */

import { BatonError } from '../errors.ts';
import { toLf, withLineEnding, type LineEnding } from './lines.ts';
import { parseNotebook } from './parse.ts';
import { blockText, cellText, frontMatterText, renderCell } from './serialize.ts';
import type { Cell, CellKind, Notebook } from './types.ts';
import { patchYaml } from './yaml-patch.ts';

/** An edit that cannot apply: unknown cell, name taken, a name that is not an identifier. */
export class NotebookEditError extends BatonError {
  constructor(message: string, hint?: string) {
    super('usage', message, hint);
  }
}

export interface CellChanges {
  body?: string;
  /** A new name; `null` makes the cell unnamed. */
  name?: string | null;
  attributes?: Record<string, string>;
}

export interface NewCell {
  kind: CellKind;
  name?: string;
  body: string;
  attributes?: Record<string, string>;
}

/** Where a cell goes: after the cell with this id, or `'start'` (right after the front matter). */
export interface CellPosition {
  after?: string | 'start';
}

/** The file as pieces: front matter first (no id), then one piece per block. */
interface Piece {
  text: string;
  cellId?: string;
}

function piecesOf(notebook: Notebook): Piece[] {
  const lineEnding = notebook.lineEnding ?? '\n';
  return [
    { text: frontMatterText(notebook.frontMatter, lineEnding) },
    ...notebook.blocks.map((block) => ({
      text: blockText(block, lineEnding),
      ...(block.type === 'cell' ? { cellId: block.cell.id } : {}),
    })),
  ];
}

function finish(notebook: Notebook, pieces: Piece[]): Notebook {
  const text = pieces.map((piece) => piece.text).join('');
  return parseNotebook((notebook.bom ? '\uFEFF' : '') + text).notebook;
}

function unknownCell(id: string, ids: string[]) {
  return new NotebookEditError(
    `No cell has id "${id}".`,
    `Cell ids in this notebook: ${ids.join(', ') || '(none)'}.`,
  );
}

function cellIndex(pieces: Piece[], id: string): number {
  const index = pieces.findIndex((piece) => piece.cellId === id);
  if (index === -1)
    throw unknownCell(
      id,
      pieces.flatMap((piece) => piece.cellId ?? []),
    );
  return index;
}

function findCell(notebook: Notebook, id: string): Cell {
  const cell = notebook.cells.find((candidate) => candidate.id === id);
  if (!cell)
    throw unknownCell(
      id,
      notebook.cells.map((candidate) => candidate.id),
    );
  return cell;
}

function checkName(notebook: Notebook, name: string, except?: Cell) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new NotebookEditError(
      `Cell name "${name}" is not a SQL identifier.`,
      'Use lower-case letters, digits and _, starting with a letter or _ (e.g. spend_by_day).',
    );
  }
  const taken = notebook.cells.find((cell) => cell.name === name && cell !== except);
  if (taken) {
    throw new NotebookEditError(
      `Cell name "${name}" is already used on line ${taken.line}.`,
      'Pick another name.',
    );
  }
}

function checkAttributes(attributes: Record<string, string>) {
  for (const key of Object.keys(attributes)) {
    if (!/^[^\s="`]+$/.test(key)) {
      throw new NotebookEditError(
        `Attribute name "${key}" cannot be written in an info string.`,
        'Use letters, digits, - and _.',
      );
    }
  }
}

const endsWithBlankLine = (text: string) => /(^|\n)[ \t]*\r?\n$/.test(text);
const startsWithBlankLine = (text: string) => /^[ \t]*\r?\n/.test(text);

/** Inserts `text` (whole lines) at `index`, with one blank line between it and its neighbours. */
function insertPiece(
  pieces: Piece[],
  index: number,
  piece: Piece,
  lineEnding: LineEnding,
): Piece[] {
  const before = pieces
    .slice(0, index)
    .map((p) => p.text)
    .join('');
  const after = pieces
    .slice(index)
    .map((p) => p.text)
    .join('');
  let prefix = '';
  if (before !== '' && !before.endsWith('\n')) prefix = lineEnding + lineEnding;
  else if (before !== '' && !endsWithBlankLine(before)) prefix = lineEnding;
  const suffix = after !== '' && !startsWithBlankLine(after) ? lineEnding : '';
  return [
    ...pieces.slice(0, index),
    { ...piece, text: prefix + piece.text + suffix },
    ...pieces.slice(index),
  ];
}

/** Removes a piece and one of the blank lines that separated it, if it leaves two in a row. */
function removePiece(pieces: Piece[], index: number): Piece[] {
  const rest = pieces.filter((_, i) => i !== index);
  const before = rest
    .slice(0, index)
    .map((p) => p.text)
    .join('');
  const after = rest
    .slice(index)
    .map((p) => p.text)
    .join('');
  if ((before === '' || endsWithBlankLine(before)) && startsWithBlankLine(after)) {
    const next = rest.findIndex((p, i) => i >= index && p.text !== '');
    rest[next] = { ...rest[next]!, text: rest[next]!.text.replace(/^[ \t]*\r?\n/, '') };
  } else if (after === '' && endsWithBlankLine(before)) {
    const previous = rest.findLastIndex((p, i) => i < index && p.text !== '');
    rest[previous] = { ...rest[previous]!, text: rest[previous]!.text.replace(/[ \t]*\r?\n$/, '') };
  }
  return rest;
}

function positionIndex(pieces: Piece[], position: CellPosition): number {
  if (position.after === undefined) return pieces.length;
  if (position.after === 'start') return 1;
  return cellIndex(pieces, position.after) + 1;
}

/**
 * Changes a cell's body, name or attributes. Only that cell's lines change; its fence style
 * and, when the info string is unchanged, its opening and closing lines are kept.
 * An unnamed cell's id is a hash of its body, so it changes with the body.
 */
export function updateCell(notebook: Notebook, id: string, changes: CellChanges): Notebook {
  const cell = findCell(notebook, id);
  const updated: Cell = { ...cell };
  if (changes.body !== undefined) updated.body = toLf(changes.body).replace(/\n$/, '');
  if (changes.name === null) delete updated.name;
  else if (changes.name !== undefined && changes.name !== cell.name) {
    checkName(notebook, changes.name, cell);
    updated.name = changes.name;
  }
  if (changes.attributes !== undefined) {
    checkAttributes(changes.attributes);
    updated.attributes = { ...changes.attributes };
  }
  const pieces = piecesOf(notebook);
  const index = cellIndex(pieces, id);
  let text = renderCell(updated, cell.source, notebook.lineEnding ?? '\n');
  // A last cell written without a final newline stays without one.
  if (cell.source !== undefined && !cell.source.endsWith('\n')) text = text.replace(/\r?\n$/, '');
  pieces[index] = { ...pieces[index]!, text };
  return finish(notebook, pieces);
}

/**
 * Adds a cell in canonical form (```` ```kind name attrs ````, body, closing fence) with one
 * blank line on each side. By default at the end of the file.
 */
export function insertCell(
  notebook: Notebook,
  cell: NewCell,
  position: CellPosition = {},
): Notebook {
  if (cell.name !== undefined) checkName(notebook, cell.name);
  checkAttributes(cell.attributes ?? {});
  const pieces = piecesOf(notebook);
  const lineEnding = notebook.lineEnding ?? '\n';
  const text = renderNewCell(cell, lineEnding);
  return finish(
    notebook,
    insertPiece(pieces, positionIndex(pieces, position), { text }, lineEnding),
  );
}

function renderNewCell(cell: NewCell, lineEnding: LineEnding): string {
  const draft: Cell = {
    id: '',
    kind: cell.kind,
    ...(cell.name !== undefined ? { name: cell.name } : {}),
    attributes: { ...cell.attributes },
    body: toLf(cell.body).replace(/\n$/, ''),
    line: 0,
    bodyLine: 0,
  };
  return renderCell(draft, undefined, lineEnding);
}

/** Removes a cell and one blank line next to it. */
export function removeCell(notebook: Notebook, id: string): Notebook {
  const pieces = piecesOf(notebook);
  return finish(notebook, removePiece(pieces, cellIndex(pieces, id)));
}

/** Moves a cell, bytes unchanged, to after another cell (or `'start'`, or the end). */
export function moveCell(notebook: Notebook, id: string, position: CellPosition): Notebook {
  if (position.after === id) return notebook;
  const pieces = piecesOf(notebook);
  const index = cellIndex(pieces, id);
  const moved = pieces[index]!;
  const rest = removePiece(pieces, index);
  const text = moved.text.endsWith('\n') ? moved.text : moved.text + (notebook.lineEnding ?? '\n');
  return finish(
    notebook,
    insertPiece(
      rest,
      positionIndex(rest, position),
      { ...moved, text },
      notebook.lineEnding ?? '\n',
    ),
  );
}

/**
 * Inserts a copy of a cell right after it. A named cell's copy needs a new name: `name` if
 * given, else `<name>_copy` (`<name>_copy_2`, ... if taken).
 */
export function duplicateCell(
  notebook: Notebook,
  id: string,
  options: { name?: string } = {},
): Notebook {
  const cell = findCell(notebook, id);
  let name = options.name;
  if (name === undefined && cell.name !== undefined) {
    const names = new Set(notebook.cells.map((c) => c.name));
    name = `${cell.name}_copy`;
    for (let n = 2; names.has(name); n++) name = `${cell.name}_copy_${n}`;
  }
  if (name !== undefined) checkName(notebook, name);
  const copy: Cell = { ...cell, ...(name !== undefined ? { name } : {}) };
  const lineEnding = notebook.lineEnding ?? '\n';
  const pieces = piecesOf(notebook);
  const text = cellText({ ...copy, source: cell.source }, lineEnding);
  const ended = text.endsWith('\n') ? text : text + lineEnding;
  return finish(
    notebook,
    insertPiece(pieces, cellIndex(pieces, id) + 1, { text: ended }, lineEnding),
  );
}

/**
 * Replaces the Markdown of the prose block at `blocks[index]`. Blank lines at the edges of a
 * prose block separate it from its neighbours: they are kept, and `text` replaces what is
 * between them. Text that empties the block leaves one blank line.
 */
export function updateProse(notebook: Notebook, index: number, text: string): Notebook {
  const block = notebook.blocks[index];
  if (block?.type !== 'prose') {
    throw new NotebookEditError(
      `Block ${index} is not a prose block.`,
      'Pass the index of a prose block in notebook.blocks.',
    );
  }
  const old = block.prose.text;
  const content = toLf(text)
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
  const lead = /^(?:[ \t]*\n)*/.exec(old)![0];
  const last = index === notebook.blocks.length - 1;
  let next: string;
  if (content === '') next = last ? '' : '\n';
  else if (lead === old) next = '\n' + content + '\n' + (last ? '' : '\n');
  else next = lead + content + /(?:\n[ \t]*)*$/.exec(old.slice(lead.length))![0];
  if (next === old) return notebook;
  const pieces = piecesOf(notebook);
  pieces[index + 1] = { text: withLineEnding(next, notebook.lineEnding ?? '\n') };
  return finish(notebook, pieces);
}

/** Adds a prose block (Markdown) with one blank line on each side. */
export function insertProse(
  notebook: Notebook,
  text: string,
  position: CellPosition = {},
): Notebook {
  const lineEnding = notebook.lineEnding ?? '\n';
  const content = toLf(text)
    .replace(/^(\s*\n)+/, '')
    .replace(/\s+$/, '');
  if (content === '') return notebook;
  const pieces = piecesOf(notebook);
  const piece = { text: withLineEnding(content + '\n', lineEnding) };
  return finish(notebook, insertPiece(pieces, positionIndex(pieces, position), piece, lineEnding));
}

/**
 * Sets top-level front matter keys (`undefined` removes one). Each value replaces the old one,
 * but the text changes only where values differ: comments, key order, alignment and flow style
 * elsewhere stay byte for byte. Creates the front matter if the file has none.
 *
 * @example
 * setFrontMatter(nb, { title: 'Monthly performance' });
 * setFrontMatter(nb, { inputs: { ...nb.frontMatter.raw.inputs, min_spend: { type: 'number', default: 0 } } });
 */
export function setFrontMatter(notebook: Notebook, patch: Record<string, unknown>): Notebook {
  const lineEnding = notebook.lineEnding ?? '\n';
  const pieces = piecesOf(notebook);
  const source = notebook.frontMatter.source;
  if (source === undefined) {
    const fresh = patchYaml('', patch);
    if (fresh === '') return notebook;
    const rest = pieces
      .slice(1)
      .map((piece) => piece.text)
      .join('');
    const separator = rest === '' || startsWithBlankLine(rest) ? '' : '\n';
    pieces[0] = { text: withLineEnding(`---\n${fresh}---\n${separator}`, lineEnding) };
    return finish(notebook, pieces);
  }
  const open = source.indexOf('\n') + 1;
  const close = source.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
  let yaml: string;
  try {
    yaml = patchYaml(source.slice(open, close), patch);
  } catch (error) {
    throw new NotebookEditError(
      `Cannot edit the front matter: ${(error as Error).message}.`,
      'Fix the front matter YAML first (see the diagnostics of parseNotebook).',
    );
  }
  pieces[0] = { text: source.slice(0, open) + yaml + source.slice(close) };
  return finish(notebook, pieces);
}
