import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  type CellChanges,
  type CellPosition,
  type NewCell,
  type Notebook,
} from '../../src/notebook/index.ts';
import { expectTextGolden, fixtureNames, fixtures, lineDiff } from './golden.ts';

/** One edit of `fixtures/edits/*.json`, applied in order. */
type Edit =
  | { op: 'updateCell'; id: string; changes: CellChanges }
  | { op: 'insertCell'; cell: NewCell; position?: CellPosition }
  | { op: 'removeCell'; id: string }
  | { op: 'moveCell'; id: string; position: CellPosition }
  | { op: 'duplicateCell'; id: string; options?: { name?: string } }
  | { op: 'updateProse'; index: number; text: string }
  | { op: 'insertProse'; text: string; position?: CellPosition }
  // JSON has no undefined: `remove` lists the keys to delete.
  | { op: 'setFrontMatter'; patch: Record<string, unknown>; remove?: string[] };

function apply(notebook: Notebook, edit: Edit): Notebook {
  switch (edit.op) {
    case 'updateCell':
      return updateCell(notebook, edit.id, edit.changes);
    case 'insertCell':
      return insertCell(notebook, edit.cell, edit.position);
    case 'removeCell':
      return removeCell(notebook, edit.id);
    case 'moveCell':
      return moveCell(notebook, edit.id, edit.position);
    case 'duplicateCell':
      return duplicateCell(notebook, edit.id, edit.options);
    case 'updateProse':
      return updateProse(notebook, edit.index, edit.text);
    case 'insertProse':
      return insertProse(notebook, edit.text, edit.position);
    case 'setFrontMatter': {
      const removed = edit.remove ?? [];
      const result = setFrontMatter(notebook, {
        ...edit.patch,
        ...Object.fromEntries(removed.map((key) => [key, undefined])),
      });
      // The YAML says what the patch asked for: patched keys replaced, removed keys gone.
      for (const [key, value] of Object.entries(edit.patch)) {
        expect(result.frontMatter.raw[key]).toEqual(value);
      }
      for (const key of removed) expect(result.frontMatter.raw).not.toHaveProperty(key);
      return result;
    }
  }
}

describe('edit goldens: output/<name>.md, and output/<name>.diff showing the change is minimal', () => {
  for (const name of fixtureNames('edits', '.json')) {
    it(name, async () => {
      const spec = JSON.parse(await readFile(join(fixtures, 'edits', name), 'utf8')) as {
        input: string;
        edits: Edit[];
      };
      const input = await readFile(join(fixtures, 'input', spec.input), 'utf8');
      const notebook = spec.edits.reduce(apply, parseNotebook(input).notebook);
      const output = serializeNotebook(notebook);
      expect(parseNotebook(output).notebook).toEqual(notebook);
      const base = name.replace(/\.json$/, '');
      await expectTextGolden(`${base}.md`, output);
      await expectTextGolden(`${base}.diff`, lineDiff(input, output));
    });
  }
});
