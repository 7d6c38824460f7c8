import { describe, expect, it } from 'vitest';
import {
  insertCell,
  moveCell,
  NotebookEditError,
  parseNotebook,
  removeCell,
  serializeNotebook,
  setFrontMatter,
  updateCell,
  updateProse,
} from '../../src/notebook/index.ts';

const parse = (text: string) => parseNotebook(text).notebook;
const text = '---\ntitle: T\n---\n\n```sql a\nselect 1\n```\n\n```sql b\nselect 2\n```\n';

describe('cell edits', () => {
  it('returns a new notebook and leaves the old one as it was', () => {
    const before = parse(text);
    const after = updateCell(before, 'a', { body: 'select 10' });
    expect(serializeNotebook(before)).toBe(text);
    expect(after.cells[0]).toMatchObject({ id: 'a', body: 'select 10', line: 5 });
    expect(after.cells[1]!.source).toBe(before.cells[1]!.source);
  });

  it('gives an unnamed cell a new id when its body changes (ids are content hashes)', () => {
    const notebook = parse('```sql\nselect 1\n```\n');
    const id = notebook.cells[0]!.id;
    expect(id).toMatch(/^_[0-9a-f]{8}$/);
    expect(updateCell(notebook, id, { body: 'select 2' }).cells[0]!.id).not.toBe(id);
  });

  it('writes a new cell into an empty file in canonical form', () => {
    const notebook = insertCell(parse(''), { kind: 'sql', name: 'a', body: 'select 1\n' });
    expect(serializeNotebook(notebook)).toBe('```sql a\nselect 1\n```\n');
  });

  it('removes the only cell of a file', () => {
    expect(serializeNotebook(removeCell(parse('```sql a\nselect 1\n```\n'), 'a'))).toBe('');
  });

  it('keeps the notebook when a cell moves after itself', () => {
    const notebook = parse(text);
    expect(moveCell(notebook, 'a', { after: 'a' })).toBe(notebook);
  });

  it('says which ids exist when an id is unknown', () => {
    expect(() => removeCell(parse(text), 'c')).toThrow(NotebookEditError);
    try {
      removeCell(parse(text), 'c');
    } catch (error) {
      expect((error as NotebookEditError).hint).toBe('Cell ids in this notebook: a, b.');
    }
  });

  it('refuses names that are not identifiers or are taken', () => {
    expect(() => updateCell(parse(text), 'a', { name: 'Bad name' })).toThrow(
      /not a SQL identifier/,
    );
    expect(() => updateCell(parse(text), 'a', { name: 'b' })).toThrow(/already used on line 9/);
    expect(() => insertCell(parse(text), { kind: 'sql', name: 'a', body: '' })).toThrow(
      /already used/,
    );
  });

  it('uses a tilde fence when an attribute value holds a backtick', () => {
    const notebook = insertCell(parse(''), {
      kind: 'sql',
      body: 'select 1',
      attributes: { title: 'a `b`' },
    });
    expect(serializeNotebook(notebook)).toBe('~~~sql title="a `b`"\nselect 1\n~~~\n');
  });

  it('keeps prose separators when prose is replaced or emptied', () => {
    const notebook = parse('```sql a\nselect 1\n```\n\nSome text.\n\n```sql b\nselect 2\n```\n');
    const emptied = updateProse(notebook, 1, '  \n');
    expect(serializeNotebook(emptied)).toBe('```sql a\nselect 1\n```\n\n```sql b\nselect 2\n```\n');
    expect(() => updateProse(notebook, 0, 'x')).toThrow(/not a prose block/);
  });
});

describe('setFrontMatter', () => {
  const edit = (yaml: string, patch: Record<string, unknown>) =>
    serializeNotebook(setFrontMatter(parse(`---\n${yaml}---\n`), patch)).slice(4, -4);

  it('quotes values that YAML would misread', () => {
    expect(edit('title: T\n', { title: 'a: b # c' })).toBe('title: "a: b # c"\n');
    expect(edit('title: T\n', { title: '2026' })).toBe('title: "2026"\n');
    expect(edit('x: { a: 1 }\n', { x: { a: 'p, q' } })).toBe('x: { a: "p, q" }\n');
  });

  it('keeps the quote style of a replaced string', () => {
    expect(edit("title: 'T' # c\n", { title: 'U' })).toBe("title: 'U' # c\n");
  });

  it('edits flow maps: first, middle, last and only entries', () => {
    expect(edit('x: { a: 1, b: 2, c: 3 }\n', { x: { b: 2, c: 3 } })).toBe('x: { b: 2, c: 3 }\n');
    expect(edit('x: { a: 1, b: 2, c: 3 }\n', { x: { a: 1, c: 3 } })).toBe('x: { a: 1, c: 3 }\n');
    expect(edit('x: { a: 1, b: 2, c: 3 }\n', { x: { a: 1, b: 2 } })).toBe('x: { a: 1, b: 2 }\n');
    expect(edit('x: { a: 1 }\n', { x: {} })).toBe('x: {}\n');
    expect(edit('x: {}\n', { x: { a: 1 } })).toBe('x: { a: 1 }\n');
  });

  it('replaces a block value with a block value, and a scalar with a map', () => {
    expect(edit('a: |\n  old\n  text\nb: 1\n', { a: 'new\ntext\n' })).toBe(
      'a: |\n  new\n  text\nb: 1\n',
    );
    expect(edit('a: 1 # c\n', { a: { x: [1, 2] } })).toBe('a: { x: [1, 2] } # c\n');
    expect(edit('a:\n  - 1\n  - 2\nb: 1\n', { a: [3] })).toBe('a:\n  - 3\nb: 1\n');
  });

  it('adds keys to an empty front matter', () => {
    expect(edit('', { title: 'T' })).toBe('title: T\n');
  });

  it('changes nothing when the values are the same', () => {
    const notebook = parse('---\ntitle:   T   # c\n---\n');
    expect(serializeNotebook(setFrontMatter(notebook, { title: 'T' }))).toBe(
      '---\ntitle:   T   # c\n---\n',
    );
  });

  it('refuses to edit front matter that does not parse', () => {
    expect(() => setFrontMatter(parse('---\na: [1\n---\n'), { title: 'T' })).toThrow(
      NotebookEditError,
    );
  });
});
