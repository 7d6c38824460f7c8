import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from '../../src/notebook/index.ts';
import { fixtures } from './golden.ts';

/** Every `*.md` directly in a folder (none if the folder does not exist yet). */
function markdownFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(folder, name));
}

const repositoryNotebooks = markdownFiles(join(import.meta.dirname, '../../../notebooks'));
const files = [
  ...repositoryNotebooks,
  ...markdownFiles(join(fixtures, 'input')),
  ...markdownFiles(join(fixtures, 'output')),
];

describe('round trip: parse then serialize gives the same bytes', () => {
  it('finds files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(relative(join(import.meta.dirname, '../../..'), file), async () => {
      const text = await readFile(file, 'utf8');
      const { notebook } = parseNotebook(text);
      expect(serializeNotebook(notebook)).toBe(text);
      // Parsing what we wrote gives the same IR again.
      expect(parseNotebook(serializeNotebook(notebook)).notebook).toEqual(notebook);
    });
  }
});

describe('round trip of awkward text', () => {
  const samples = {
    'only a BOM': '\uFEFF',
    'only newlines': '\n\n\n',
    'mixed line endings': '---\r\ntitle: x\n---\r\n\r\n```sql a\r\nselect 1\nfrom t\r\n```\n',
    'lone carriage return': 'a\rb\n```sql a\rselect 1\n```\r',
    'fence in the middle of a line': 'text ```sql a\nselect 1\n```\n',
    'closing fence with trailing spaces': '```sql a\nselect 1\n```   \n',
    'four-space indent is not a fence': '    ```sql a\n    select 1\n    ```\n',
    'front matter closed with dots': '---\ntitle: x\n...\n\n```sql a\nselect 1\n```\n',
    'unicode in bodies': "---\ntitle: Café ☕\n---\n\n```sql a\nselect 'naïve 🚀' as x\n```\n",
  };
  for (const [name, text] of Object.entries(samples)) {
    it(name, () => {
      expect(serializeNotebook(parseNotebook(text).notebook)).toBe(text);
    });
  }
});
