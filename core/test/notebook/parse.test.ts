import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseCellSpec,
  parseNotebook,
  serializeNotebook,
  validateNotebook,
  type Notebook,
} from '../../src/notebook/index.ts';
import { expectJsonGolden, fixtureNames, fixtures } from './golden.ts';

/** The IR as reviewed in goldens: `source` bytes are left out (the round-trip test covers them). */
function reviewable(notebook: Notebook) {
  const { source: _source, ...frontMatter } = notebook.frontMatter;
  return {
    ...notebook,
    frontMatter,
    blocks: notebook.blocks.map((block) => {
      if (block.type === 'prose') {
        const { source: _prose, ...prose } = block.prose;
        return { ...block, prose };
      }
      const { source: _cell, ...cell } = block.cell;
      return { ...block, cell };
    }),
    // The same objects as the cell blocks; listed by id to keep goldens short.
    cells: notebook.cells.map((cell) => cell.id),
  };
}

describe('parse goldens', () => {
  for (const name of fixtureNames('input', '.md')) {
    it(name, async () => {
      const text = await readFile(join(fixtures, 'input', name), 'utf8');
      const { notebook, diagnostics } = parseNotebook(text);
      expect(serializeNotebook(notebook)).toBe(text);
      expect(notebook.cells).toEqual(
        notebook.blocks.flatMap((b) => (b.type === 'cell' ? [b.cell] : [])),
      );
      const specs = Object.fromEntries(
        notebook.cells
          .filter((cell) => cell.kind !== 'sql')
          .map((cell) => [cell.id, parseCellSpec(cell)]),
      );
      await expectJsonGolden(name.replace(/\.md$/, '.json'), {
        diagnostics,
        validation: validateNotebook(notebook),
        specs,
        notebook: reviewable(notebook),
      });
    });
  }
});
