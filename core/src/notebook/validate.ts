/**
 * Semantic checks of a parsed notebook: names, inputs, cell specs, prose references. Every
 * diagnostic carries the 1-based line to fix and says what to write instead.
 */

import { DATE_RANGE_PRESETS, readDate, readDateRange } from './dates.ts';
import {
  FRONT_MATTER_KEYS,
  INPUT_TYPES,
  inputEntriesOf,
  isPlainObject,
  type InputEntry,
} from './front-matter.ts';
import { capitalize, cellLabel, parseCellSpec } from './specs.ts';
import { scanTemplates } from './template.ts';
import type { Notebook, NotebookDiagnostic } from './types.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Any fixed date works: validation only asks whether a default can be read, not its value. */
const SOME_DAY = new Date(Date.UTC(2026, 0, 15));

/**
 * Checks a notebook; `parseNotebook`'s own diagnostics (syntax) come on top of these.
 * Sorted by line.
 */
export function validateNotebook(notebook: Notebook): NotebookDiagnostic[] {
  const diagnostics: NotebookDiagnostic[] = [
    ...validateFrontMatter(notebook),
    ...validateCells(notebook),
    ...validateProse(notebook),
  ];
  return diagnostics.sort((a, b) => a.line - b.line);
}

function validateFrontMatter(notebook: Notebook): NotebookDiagnostic[] {
  const { frontMatter } = notebook;
  const diagnostics: NotebookDiagnostic[] = [];
  const line = frontMatter.line ?? 1;
  if (frontMatter.title.trim() === '') {
    diagnostics.push({
      severity: 'error',
      line,
      message:
        frontMatter.source === undefined
          ? 'The notebook has no title: start the file with front matter, e.g. ---, title: Weekly performance, ---.'
          : 'The front matter has no title: add a line like `title: Weekly performance`.',
    });
  }
  for (const key of Object.keys(frontMatter.raw)) {
    if (!FRONT_MATTER_KEYS.includes(key)) {
      diagnostics.push({
        severity: 'warning',
        line,
        message: `Unknown front matter key "${key}" (ignored): known keys are ${FRONT_MATTER_KEYS.join(', ')}.`,
      });
    }
  }
  if (frontMatter.raw.inputs !== undefined && !isPlainObject(frontMatter.raw.inputs)) {
    diagnostics.push({
      severity: 'error',
      line,
      message:
        '`inputs` must be a mapping of input names to definitions, e.g. `period: { type: date_range, default: last_28_days }`.',
    });
  }
  const entries = inputEntriesOf(frontMatter);
  const params = new Map<string, string>();
  for (const entry of entries) {
    const names =
      isPlainObject(entry.value) && entry.value.type === 'date_range'
        ? [`${entry.name}_start`, `${entry.name}_end`]
        : [entry.name];
    for (const name of names) {
      const other = params.get(name);
      if (other !== undefined) {
        diagnostics.push({
          severity: 'error',
          line: entry.line,
          message: `Input "${entry.name}" binds $${name}, which input "${other}" binds too: rename one of them.`,
        });
      }
      params.set(name, entry.name);
    }
  }
  for (const entry of entries) diagnostics.push(...validateInput(entry, notebook));
  return diagnostics;
}

function validateInput(entry: InputEntry, notebook: Notebook): NotebookDiagnostic[] {
  const diagnostics: NotebookDiagnostic[] = [];
  const problem = (message: string, key?: string) =>
    diagnostics.push({
      severity: 'error',
      line: (key && entry.keyLines[key]) || entry.line,
      message: `Input "${entry.name}"${key === 'default' ? ', default' : ''}: ${message}`,
    });
  if (!IDENTIFIER.test(entry.name)) {
    problem(
      'the name is not a SQL identifier (it is bound as a $parameter): use lower-case letters, digits and _, starting with a letter or _.',
    );
  }
  const definition = entry.value;
  if (!isPlainObject(definition)) {
    problem(
      'write its definition as a mapping, e.g. `{ type: select, options: [a, b], default: a }`.',
    );
    return diagnostics;
  }
  const type = definition.type;
  if (!(INPUT_TYPES as readonly unknown[]).includes(type)) {
    problem(
      `${type === undefined ? 'add a `type`' : `unknown type ${JSON.stringify(type)}`}: use one of ${INPUT_TYPES.join(', ')}.`,
      'type',
    );
    return diagnostics;
  }
  const hasDefault = 'default' in definition && definition.default !== null;
  const value = definition.default;
  const options = definition.options;
  const from = definition.options_from;
  switch (type) {
    case 'date_range': {
      const range = hasDefault ? readDateRange(value, SOME_DAY) : undefined;
      if (range && 'problem' in range) problem(range.problem, 'default');
      if (!hasDefault) {
        diagnostics.push({
          severity: 'warning',
          line: entry.line,
          message: `Input "${entry.name}" has no default, so cells reading it get no rows until a reader picks dates: add e.g. \`default: last_28_days\` (or ${DATE_RANGE_PRESETS.filter((p) => p !== 'last_28_days').join(', ')}).`,
        });
      }
      break;
    }
    case 'date': {
      const date = hasDefault ? readDate(value, SOME_DAY) : undefined;
      if (typeof date === 'object') problem(date.problem, 'default');
      break;
    }
    case 'number':
      if (hasDefault && (typeof value !== 'number' || !Number.isFinite(value))) {
        problem(
          `${JSON.stringify(value)} is not a number: write digits, e.g. \`default: 100\`.`,
          'default',
        );
      }
      break;
    case 'select':
    case 'multi_select': {
      if (options === undefined && from === undefined) {
        problem(
          'a select needs its choices: add `options: [a, b, c]` or `options_from: <cell>.<column>`.',
        );
        break;
      }
      if (options !== undefined && from !== undefined)
        problem('give `options` or `options_from`, not both.', 'options_from');
      if (
        options !== undefined &&
        (!Array.isArray(options) ||
          options.length === 0 ||
          options.some((o) => typeof o !== 'string' && typeof o !== 'number'))
      ) {
        problem(
          '`options` must be a non-empty list of values, e.g. `options: [all, google_ads, meta]`.',
          'options',
        );
        break;
      }
      if (from !== undefined) {
        const match = typeof from === 'string' ? /^([^.\s]+)\.([^.\s]+)$/.exec(from) : null;
        if (!match)
          problem(
            `\`options_from\` must be written <cell>.<column>, e.g. \`options_from: campaigns.campaign_name\`.`,
            'options_from',
          );
        else if (!notebook.cells.some((cell) => cell.name === match[1])) {
          problem(
            `\`options_from\` names cell "${match[1]}", but no cell has that name.`,
            'options_from',
          );
        }
      }
      if (hasDefault && Array.isArray(options)) {
        const defaults = type === 'multi_select' && Array.isArray(value) ? value : [value];
        const missing = defaults.filter(
          (item) => !options.some((option) => String(option) === String(item)),
        );
        if (type === 'multi_select' && !Array.isArray(value) && typeof value !== 'string') {
          problem(
            'the default of a multi_select is a list, e.g. `default: [google_ads, meta]`.',
            'default',
          );
        } else if (missing.length > 0) {
          problem(
            `${missing.map((item) => JSON.stringify(item)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the options (${options.join(', ')}).`,
            'default',
          );
        }
      }
      break;
    }
  }
  return diagnostics;
}

function validateCells(notebook: Notebook): NotebookDiagnostic[] {
  const diagnostics: NotebookDiagnostic[] = [];
  const named = new Map<string, number>();
  for (const cell of notebook.cells) {
    const at = { line: cell.line, cellId: cell.id };
    if (cell.name !== undefined) {
      if (!IDENTIFIER.test(cell.name)) {
        diagnostics.push({
          severity: 'error',
          ...at,
          message: `Cell name "${cell.name}" is not a SQL identifier: use lower-case letters, digits and _, starting with a letter or _ (e.g. ${suggestName(cell.name)}).`,
        });
      }
      const first = named.get(cell.name);
      if (first !== undefined) {
        diagnostics.push({
          severity: 'error',
          ...at,
          message: `Cell name "${cell.name}" is already used by the cell on line ${first}: rename one of them (names must be unique, other cells read them as tables).`,
        });
      } else named.set(cell.name, cell.line);
    }
    if (cell.kind === 'sql') {
      if (cell.body.trim() === '') {
        diagnostics.push({
          severity: 'warning',
          ...at,
          message: `${capitalize(cellLabel(cell))} is empty: write one SQL query, or remove the cell.`,
        });
      }
      continue;
    }
    const result = parseCellSpec(cell);
    diagnostics.push(...result.diagnostics);
    if (cell.kind === 'chart' && 'spec' in result) {
      const data = (result.spec as { data: string }).data;
      if (!notebook.cells.some((other) => other.name === data)) {
        diagnostics.push({
          severity: 'error',
          ...at,
          message: `${capitalize(cellLabel(cell))} draws \`data: ${data}\`, but no cell is named ${data}: name the cell whose rows it draws.`,
        });
      }
    }
  }
  return diagnostics;
}

function validateProse(notebook: Notebook): NotebookDiagnostic[] {
  const diagnostics: NotebookDiagnostic[] = [];
  const names = new Set(notebook.cells.flatMap((cell) => cell.name ?? []));
  for (const block of notebook.blocks) {
    if (block.type !== 'prose') continue;
    const { text, line } = block.prose;
    const lineAt = (offset: number) => line + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    const { refs, problems } = scanTemplates(text);
    for (const problem of problems)
      diagnostics.push({
        severity: 'error',
        line: lineAt(problem.start),
        message: problem.message,
      });
    for (const ref of refs) {
      if (names.has(ref.cell)) continue;
      diagnostics.push({
        severity: 'error',
        line: lineAt(ref.start),
        message: `${text.slice(ref.start, ref.end)} reads cell "${ref.cell}", but no cell has that name: use one of ${[...names].join(', ') || '(no named cells yet)'}.`,
      });
    }
  }
  return diagnostics;
}

function suggestName(name: string): string {
  const suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^(?=[0-9])/, '_');
  return IDENTIFIER.test(suggestion) && suggestion !== name ? suggestion : 'spend_by_day';
}
