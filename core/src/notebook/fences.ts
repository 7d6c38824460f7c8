/**
 * Fenced code blocks as CommonMark reads them (up to three spaces of indent, three or more
 * backticks or tildes, a closing fence of the same character at least as long), and the info
 * string of a cell: `<kind> <name> key=value key="a value"`.
 */

import { CELL_KINDS, type CellKind } from './types.ts';
import { type Line, splitLines } from './lines.ts';

export interface Fence {
  indent: number;
  marker: '`' | '~';
  length: number;
  /** The info string, trimmed. */
  info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function openingFence(text: string): Fence | undefined {
  const match = OPENING.exec(text);
  if (!match) return undefined;
  const marker = match[2]![0] as '`' | '~';
  const info = match[3]!.trim();
  // A backtick fence's info string may not contain backticks (it would be inline code).
  if (marker === '`' && info.includes('`')) return undefined;
  return { indent: match[1]!.length, marker, length: match[2]!.length, info };
}

export function isClosingFence(text: string, fence: Fence): boolean {
  const match = CLOSING.exec(text);
  return match !== null && match[1]![0] === fence.marker && match[1]!.length >= fence.length;
}

/** The index of the line closing `fence` opened at `open`, or undefined when it never closes. */
export function findClosingFence(lines: readonly Line[], open: number, fence: Fence) {
  for (let i = open + 1; i < lines.length; i++) if (isClosingFence(lines[i]!.text, fence)) return i;
  return undefined;
}

/** The body between the fences: `\n` line endings, the fence's indent removed, no final newline. */
export function fencedBody(lines: readonly Line[], from: number, to: number, indent: number) {
  const body: string[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    const spaces = /^ */.exec(text)![0].length;
    body.push(text.slice(Math.min(spaces, indent)));
  }
  return body.join('\n');
}

export interface CellInfo {
  kind: CellKind;
  name?: string;
  attributes: Record<string, string>;
  /** Words that are neither the name nor `key=value`, to report. */
  stray: string[];
  /** Attribute keys given more than once (the last value wins). */
  repeated: string[];
}

const TOKEN = /([^\s="]+)=("(?:[^"\\]|\\.)*"|[^\s"]*)|(\S+)/g;

/** Reads a cell's info string; undefined when the first word is not a cell kind. */
export function parseCellInfo(info: string): CellInfo | undefined {
  const [, kind = '', rest = ''] = /^(\S*)(.*)$/s.exec(info)!;
  if (!(CELL_KINDS as readonly string[]).includes(kind)) return undefined;
  const result: CellInfo = { kind: kind as CellKind, attributes: {}, stray: [], repeated: [] };
  for (const match of rest.matchAll(TOKEN)) {
    const [, key, value, word] = match;
    if (key !== undefined && value !== undefined) {
      if (key in result.attributes) result.repeated.push(key);
      result.attributes[key] = unquote(value);
    } else if (word !== undefined) {
      if (
        result.name === undefined &&
        Object.keys(result.attributes).length === 0 &&
        result.stray.length === 0
      ) {
        result.name = word;
      } else {
        result.stray.push(word);
      }
    }
  }
  return result;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/** The canonical info string: `kind name key=value`, quoting values that need it. */
export function formatCellInfo(
  kind: CellKind,
  name: string | undefined,
  attributes: Record<string, string>,
) {
  const words: string[] = [kind];
  if (name !== undefined) words.push(name);
  for (const [key, value] of Object.entries(attributes)) {
    words.push(`${key}=${/^[^\s"]+$/.test(value) ? value : JSON.stringify(value)}`);
  }
  return words.join(' ');
}

/** The shortest fence of `marker` (at least `minimum`) that no line of `body` would close. */
export function fenceLength(body: string, marker: '`' | '~', minimum = 3): number {
  let length = minimum;
  // Any line made only of a fence run could close the fence, whatever its indent.
  for (const line of body.split('\n')) {
    const run = /^\s*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1] ?? '';
    if (run[0] === marker && run.length >= length) length = run.length + 1;
  }
  return length;
}

/** What a cell's `source` says: used to tell whether the source still matches the cell. */
export function readCellSource(source: string) {
  const lines = splitLines(source);
  const fence = lines[0] && openingFence(lines[0].text);
  const info = fence && parseCellInfo(fence.info);
  if (!fence || !info) return undefined;
  const close = findClosingFence(lines, 0, fence);
  const end = close ?? lines.length;
  return {
    fence,
    info,
    closed: close !== undefined,
    body: fencedBody(lines, 1, end, fence.indent),
  };
}
