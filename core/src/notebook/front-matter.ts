/**
 * YAML front matter: finding the `---` block at the top of the file and reading it into
 * `FrontMatter`, with diagnostics that point at lines of the file.
 */

import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Line } from './lines.ts';
import type { FrontMatter, InputDefinition, InputType, NotebookDiagnostic } from './types.ts';

export const INPUT_TYPES: readonly InputType[] = [
  'date_range',
  'date',
  'select',
  'multi_select',
  'number',
  'text',
];

export const FRONT_MATTER_KEYS = ['title', 'description', 'inputs', 'refresh'];

/**
 * Where the front matter ends: the index of the line after its closing `---` (or `...`).
 * `unclosed` when line 1 is `---` and no closing line follows; `absent` otherwise.
 */
export function findFrontMatter(lines: readonly Line[]): number | 'absent' | 'unclosed' {
  if (!lines[0] || !/^---[ \t]*$/.test(lines[0].text)) return 'absent';
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!.text)) return i + 1;
  }
  return 'unclosed';
}

/** The YAML between the delimiter lines of a front matter `source`. */
export function frontMatterYaml(source: string): string {
  const start = source.indexOf('\n') + 1;
  const lastLine = source.replace(/\r?\n$/, '').lastIndexOf('\n') + 1;
  return start > 0 && lastLine > start ? source.slice(start, lastLine) : '';
}

/** One entry under `inputs:`, as written, with the line of its key. */
export interface InputEntry {
  name: string;
  line: number;
  /** The definition as plain data (normally a map with `type`). */
  value: unknown;
  /** The line of each key of the definition (for flow maps, all the same line). */
  keyLines: Record<string, number>;
}

export interface ParsedYaml {
  document: Document.Parsed;
  /** 1-based line in the file of a character offset in the YAML text. */
  lineAt(offset: number): number;
  diagnostics: NotebookDiagnostic[];
}

/**
 * Parses YAML whose first line is line `firstLine` of the file. Syntax errors and warnings become
 * diagnostics; `context` names the place (e.g. `front matter`, `chart cell "trend"`).
 */
export function parseYaml(text: string, firstLine: number, context: string, cellId?: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => firstLine + lineCounter.linePos(offset).line - 1;
  const diagnostics: NotebookDiagnostic[] = [];
  for (const [severity, problems] of [
    ['error', document.errors],
    ['warning', document.warnings],
  ] as const) {
    for (const problem of problems) {
      const line = lineAt(problem.pos[0]);
      const message = `YAML ${severity} in ${context}: ${problem.message.replace(/ at line \d+, column \d+.*$/s, '')}. Fix the YAML on line ${line}.`;
      diagnostics.push({ severity, line, ...(cellId ? { cellId } : {}), message });
    }
  }
  return { document, lineAt, diagnostics } satisfies ParsedYaml;
}

/** Plain data of a parsed document, or undefined when it cannot be built (broken YAML). */
export function toPlain(document: Document.Parsed): unknown {
  try {
    return document.toJS();
  } catch {
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries under `inputs:` of a parsed front matter, with their lines. */
export function readInputEntries(parsed: ParsedYaml): InputEntry[] {
  const root = parsed.document.contents;
  const inputs = isMap(root) ? root.get('inputs', true) : undefined;
  if (!isMap(inputs)) return [];
  const entries: InputEntry[] = [];
  for (const pair of inputs.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    const value = pair.value as Node | null;
    const keyLines: Record<string, number> = {};
    if (isMap(value)) {
      for (const inner of value.items) {
        const innerKey = inner.key as Node | null;
        if (isScalar(innerKey) && innerKey.range) {
          keyLines[String(innerKey.value)] = parsed.lineAt(innerKey.range[0]);
        }
      }
    }
    entries.push({
      name: String(key.value),
      line: parsed.lineAt(key.range?.[0] ?? 0),
      value: value?.toJSON() ?? null,
      keyLines,
    });
  }
  return entries;
}

/** Input entries of a notebook's front matter (re-read from its source, for the lines). */
export function inputEntriesOf(frontMatter: FrontMatter): InputEntry[] {
  if (frontMatter.source !== undefined) {
    return readInputEntries(parseYaml(frontMatterYaml(frontMatter.source), 2, 'front matter'));
  }
  const inputs = frontMatter.raw.inputs;
  if (!isPlainObject(inputs)) return [];
  return Object.entries(inputs).map(([name, value]) => ({ name, line: 1, value, keyLines: {} }));
}

/** The typed definition of an entry, or undefined when its `type` is not a known input type. */
export function toInputDefinition(entry: InputEntry): InputDefinition | undefined {
  const value = entry.value;
  if (!isPlainObject(value) || !(INPUT_TYPES as readonly unknown[]).includes(value.type)) {
    return undefined;
  }
  const input: InputDefinition = { name: entry.name, type: value.type as InputType };
  if (typeof value.label === 'string') input.label = value.label;
  if ('default' in value) input.default = value.default;
  if (Array.isArray(value.options)) {
    input.options = value.options.filter(
      (option): option is string | number =>
        typeof option === 'string' || typeof option === 'number',
    );
  }
  const from =
    typeof value.options_from === 'string'
      ? /^([^.\s]+)\.([^.\s]+)$/.exec(value.options_from)
      : null;
  if (from) input.optionsFrom = { cell: from[1]!, column: from[2]! };
  input.line = entry.line;
  return input;
}

/** Reads front matter YAML (its first line is line 2 of the file) into `FrontMatter`. */
export function readFrontMatter(source: string) {
  const parsed = parseYaml(frontMatterYaml(source), 2, 'front matter');
  const diagnostics = [...parsed.diagnostics];
  const plain = toPlain(parsed.document);
  const raw = isPlainObject(plain) ? plain : {};
  if (plain !== undefined && plain !== null && !isPlainObject(plain)) {
    diagnostics.push({
      severity: 'error',
      line: 2,
      message: 'Front matter must be YAML `key: value` lines (a mapping), starting with `title:`.',
    });
  }
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
  const description = text(raw.description);
  const refresh = text(raw.refresh);
  const frontMatter: FrontMatter = {
    title: text(raw.title) ?? '',
    ...(description !== undefined ? { description } : {}),
    inputs: readInputEntries(parsed).flatMap((entry) => toInputDefinition(entry) ?? []),
    ...(refresh !== undefined ? { refresh } : {}),
    raw,
    source,
    line: 1,
  };
  return { frontMatter, diagnostics };
}

/** Front matter for a file that has none. */
export function emptyFrontMatter(): FrontMatter {
  return { title: '', inputs: [], raw: {} };
}
