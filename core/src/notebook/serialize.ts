/**
 * IR to Markdown text. Each part is written from its `source` while that still matches the IR,
 * so an unedited notebook gives back its exact bytes; changed cells are written in canonical
 * form, keeping the old fence style and info string where they still fit.
 */

import { stringify } from 'yaml';
import { fenceLength, formatCellInfo, openingFence, readCellSource } from './fences.ts';
import { splitLines, toLf, withLineEnding, type LineEnding } from './lines.ts';
import type { Block, Cell, FrontMatter, Notebook } from './types.ts';

/**
 * Writes a notebook back to Markdown.
 *
 * @example
 * serializeNotebook(parseNotebook(text).notebook) === text; // for any text
 */
export function serializeNotebook(notebook: Notebook): string {
  const lineEnding = notebook.lineEnding ?? '\n';
  let text = frontMatterText(notebook.frontMatter, lineEnding);
  for (const block of notebook.blocks) {
    // Every block starts on a line of its own, even if a hand-built prose block lacks a newline.
    if (text !== '' && !text.endsWith('\n')) text += lineEnding;
    text += blockText(block, lineEnding);
  }
  return (notebook.bom ? '\uFEFF' : '') + text;
}

export function blockText(block: Block, lineEnding: LineEnding): string {
  if (block.type === 'cell') return cellText(block.cell, lineEnding);
  const { text, source } = block.prose;
  return source !== undefined && toLf(source) === text ? source : withLineEnding(text, lineEnding);
}

/** The front matter as written: its `source`, or YAML made from `raw` for a hand-built notebook. */
export function frontMatterText(frontMatter: FrontMatter, lineEnding: LineEnding): string {
  if (frontMatter.source !== undefined) return frontMatter.source;
  const data = { ...frontMatter.raw };
  if (frontMatter.title !== '') data.title = frontMatter.title;
  if (Object.keys(data).length === 0) return '';
  return withLineEnding(`---\n${stringify(data)}---\n`, lineEnding);
}

/** The cell's `source` if it still says what the cell says, else the cell rewritten. */
export function cellText(cell: Cell, lineEnding: LineEnding): string {
  const read = cell.source === undefined ? undefined : readCellSource(cell.source);
  if (read && sameCell(read.info, read.body, cell)) return cell.source!;
  return renderCell(cell, cell.source, lineEnding);
}

function sameCell(
  info: NonNullable<ReturnType<typeof readCellSource>>['info'],
  body: string,
  cell: Cell,
) {
  return (
    info.kind === cell.kind &&
    info.name === cell.name &&
    body === cell.body &&
    JSON.stringify(info.attributes) === JSON.stringify(cell.attributes)
  );
}

/**
 * A cell in canonical form (```` ```kind name key=value ````, body, closing fence). Given the
 * cell's previous `source`, keeps its fence character, indent, line ending and, when the kind,
 * name and attributes are unchanged, its exact opening and closing lines.
 */
export function renderCell(cell: Cell, previous: string | undefined, lineEnding: LineEnding) {
  const lines = previous === undefined ? [] : splitLines(previous);
  const old = previous === undefined ? undefined : readCellSource(previous);
  const fence = lines[0] && openingFence(lines[0].text);
  const eol = lines[0]?.eol || lineEnding;
  const info = formatCellInfo(cell.kind, cell.name, cell.attributes);
  // A backtick in an attribute value cannot go in a backtick fence's info string.
  const marker = info.includes('`') ? '~' : (fence?.marker ?? '`');
  const indent = ' '.repeat(fence?.indent ?? 0);
  const length = fenceLength(cell.body, marker, marker === fence?.marker ? fence.length : 3);

  const sameHeader =
    old !== undefined &&
    fence !== undefined &&
    formatCellInfo(old.info.kind, old.info.name, old.info.attributes) === info &&
    fence.marker === marker &&
    fence.length === length;
  const opening = sameHeader ? lines[0]!.text : `${indent}${marker.repeat(length)}${info}`;
  const closingLine = old?.closed ? lines[lines.length - 1]!.text : undefined;
  const closing =
    sameHeader && closingLine !== undefined ? closingLine : `${indent}${marker.repeat(length)}`;
  const body =
    cell.body === '' ? [] : cell.body.split('\n').map((line) => (line === '' ? '' : indent + line));
  return [opening, ...body, closing].join(eol) + eol;
}
