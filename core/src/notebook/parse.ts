/**
 * Markdown notebook text to IR. Never throws: problems in the file become diagnostics with the
 * line to fix, and every byte of the file lands in some `source` so it can be written back.
 */

import { sha256Hex } from './hash.ts';
import { fencedBody, findClosingFence, openingFence, parseCellInfo } from './fences.ts';
import { emptyFrontMatter, findFrontMatter, readFrontMatter } from './front-matter.ts';
import { joinLines, splitLines, toLf } from './lines.ts';
import type { Block, Cell, CellKind, Notebook, NotebookDiagnostic } from './types.ts';

export interface ParseResult {
  notebook: Notebook;
  /** Problems with the file's structure (YAML syntax, unclosed fences, info strings). */
  diagnostics: NotebookDiagnostic[];
}

/**
 * Parses a notebook file. Use `validateNotebook` on the result for the semantic checks.
 *
 * @example
 * const { notebook, diagnostics } = parseNotebook(await readFile('weekly.md', 'utf8'));
 */
export function parseNotebook(source: string): ParseResult {
  const bom = source.startsWith('\uFEFF');
  const lines = splitLines(bom ? source.slice(1) : source);
  const diagnostics: NotebookDiagnostic[] = [];

  let frontMatter = emptyFrontMatter();
  let first = 0;
  const frontMatterEnd = findFrontMatter(lines);
  if (typeof frontMatterEnd === 'number') {
    const read = readFrontMatter(joinLines(lines, 0, frontMatterEnd));
    frontMatter = read.frontMatter;
    diagnostics.push(...read.diagnostics);
    first = frontMatterEnd;
  } else if (frontMatterEnd === 'unclosed') {
    diagnostics.push({
      severity: 'error',
      line: 1,
      message:
        'The front matter opened by --- on line 1 is never closed: add a line with --- after its last key.',
    });
  }

  const blocks: Block[] = [];
  let proseStart = first;
  const flushProse = (end: number) => {
    if (end <= proseStart) return;
    const text = joinLines(lines, proseStart, end);
    blocks.push({ type: 'prose', prose: { text: toLf(text), line: proseStart + 1, source: text } });
  };

  for (let i = first; i < lines.length; i++) {
    const fence = openingFence(lines[i]!.text);
    if (!fence) continue;
    const close = findClosingFence(lines, i, fence);
    const info = parseCellInfo(fence.info);
    const fenceText = fence.marker.repeat(fence.length);
    if (!info) {
      // Any other code block stays prose; skip past it so fences inside it stay prose too.
      if (close === undefined) {
        diagnostics.push({
          severity: 'warning',
          line: i + 1,
          message: `The code block opened by ${fenceText} on line ${i + 1} is never closed, so the rest of the file is part of it: add a closing ${fenceText} line.`,
        });
      }
      i = close ?? lines.length;
      continue;
    }
    flushProse(i);
    const end = close ?? lines.length;
    const cell: Cell = {
      id: '',
      kind: info.kind,
      ...(info.name !== undefined ? { name: info.name } : {}),
      attributes: info.attributes,
      body: fencedBody(lines, i + 1, end, fence.indent),
      line: i + 1,
      bodyLine: i + 2,
      source: joinLines(lines, i, close === undefined ? end : close + 1),
    };
    blocks.push({ type: 'cell', cell });
    diagnostics.push(...infoDiagnostics(cell, info.stray, info.repeated, fence.info));
    if (close === undefined) {
      diagnostics.push({
        severity: 'error',
        line: i + 1,
        cellId: '',
        message: `The ${info.kind} cell opened by ${fenceText} on line ${i + 1} is never closed, so the rest of the file is read as its body: add a line with ${fenceText} after its body.`,
      });
    }
    i = end;
    proseStart = end + 1;
  }
  flushProse(lines.length);

  const cells = blocks.flatMap((block) => (block.type === 'cell' ? [block.cell] : []));
  assignIds(cells);
  // Diagnostics were made before ids were known; fill them in by line.
  for (const diagnostic of diagnostics) {
    if (diagnostic.cellId === '')
      diagnostic.cellId = cells.find((c) => c.line === diagnostic.line)!.id;
  }
  const lineEnding = lines.find((line) => line.eol !== '')?.eol || '\n';
  const notebook: Notebook = { frontMatter, blocks, cells, bom, lineEnding };
  return { notebook, diagnostics };
}

function infoDiagnostics(cell: Cell, stray: string[], repeated: string[], info: string) {
  const diagnostics: NotebookDiagnostic[] = [];
  const at = { line: cell.line, cellId: '' };
  if (stray.length > 0) {
    diagnostics.push({
      severity: 'error',
      ...at,
      message: `Unexpected ${stray.map((word) => `"${word}"`).join(', ')} in the info string "${info}": write \`${cell.kind} <name>\` then attributes as key=value.`,
    });
  }
  for (const key of new Set(repeated)) {
    diagnostics.push({
      severity: 'warning',
      ...at,
      message: `Attribute "${key}" is given more than once in "${info}"; the last value is used. Remove the others.`,
    });
  }
  return diagnostics;
}

/** Content-hash id of an unnamed cell: `_` and 8 hex digits of sha256(kind + "\n" + body). */
export function contentId(kind: CellKind, body: string): string {
  return `_${sha256Hex(`${kind}\n${body}`).slice(0, 8)}`;
}

/**
 * Named cells use their name; unnamed cells their content hash. A repeated id (two identical
 * unnamed cells, or a duplicated name) gets `~2`, `~3`, ... in file order, which no name can
 * contain, so ids stay unique and stable while the file does not change.
 */
function assignIds(cells: Cell[]) {
  const used = new Set<string>();
  for (const cell of cells) {
    const base = cell.name ?? contentId(cell.kind, cell.body);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    cell.id = id;
  }
}
