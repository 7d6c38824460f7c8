import { describe, expect, test } from 'vitest';
import {
  addBlock,
  duplicate,
  freeName,
  insert,
  moveBy,
  parse,
  remove,
  rename,
  sameBody,
  setBody,
  setProse,
  setTitle,
  STARTER_PROSE,
} from '#lib/editor/document.ts';

const NOTEBOOK = `---
title: Weekly performance
---

Intro text.

\`\`\`sql daily
select 1 as a
\`\`\`

\`\`\`sql totals
select sum(a) as a from daily
\`\`\`
`;

const names = (text: string) => parse(text).cells.map((cell) => cell.name ?? cell.id);

describe('editor document model', () => {
  test('adds a SQL cell at the end with a free name and a starter body', () => {
    const { text, cellId } = addBlock(NOTEBOOK, 'sql');
    expect(cellId).toBe('query_1');
    expect(text.startsWith(NOTEBOOK)).toBe(true);
    expect(text.slice(NOTEBOOK.length)).toMatch(
      /^\n```sql query_1\nselect .*\nfrom campaign_daily\n/,
    );
    expect(names(text)).toEqual(['daily', 'totals', 'query_1']);
  });

  test('adds a chart after a cell, reading that cell', () => {
    const { text, cellId } = addBlock(NOTEBOOK, 'chart', 'daily');
    expect(cellId).toBe('chart_1');
    expect(names(text)).toEqual(['daily', 'chart_1', 'totals']);
    expect(parse(text).cells[1]!.body).toContain('data: daily');
  });

  test.each(['ask', 'check', 'recommend'] as const)('adds a %s cell', (kind) => {
    const { text, cellId } = addBlock(NOTEBOOK, kind);
    const cell = parse(text).cells.find((candidate) => candidate.id === cellId)!;
    expect(cell.kind).toBe(kind);
    expect(cell.body.length).toBeGreaterThan(0);
  });

  test('adds prose and tells which block it is', () => {
    const { text, blockIndex } = addBlock(NOTEBOOK, 'prose', 'daily');
    const block = parse(text).blocks[blockIndex!]!;
    expect(block.type).toBe('prose');
    expect(block.type === 'prose' && block.prose.text).toContain(STARTER_PROSE);
    expect(text).toContain(`select 1 as a\n\`\`\`\n\n${STARTER_PROSE}\n\n\`\`\`sql totals`);
  });

  test('free names skip taken ones', () => {
    const { text } = addBlock(NOTEBOOK, 'sql');
    expect(freeName(parse(text), 'sql')).toBe('query_2');
  });

  test('moves a cell down and up, bytes of the cells unchanged', () => {
    const down = moveBy(NOTEBOOK, 'daily', 1);
    expect(names(down)).toEqual(['totals', 'daily']);
    expect(down).toContain('```sql daily\nselect 1 as a\n```');
    const up = moveBy(down, 'daily', -1);
    expect(names(up)).toEqual(['daily', 'totals']);
    expect(moveBy(NOTEBOOK, 'daily', -1)).toBe(NOTEBOOK);
    expect(moveBy(NOTEBOOK, 'totals', 1)).toBe(NOTEBOOK);
  });

  test('duplicates a cell right after it under a new name', () => {
    const { text, cellId } = duplicate(NOTEBOOK, 'daily');
    expect(cellId).toBe('daily_copy');
    expect(names(text)).toEqual(['daily', 'daily_copy', 'totals']);
    expect(text).toContain('```sql daily_copy\nselect 1 as a\n```');
  });

  test('removes a cell and one blank line', () => {
    const text = remove(NOTEBOOK, 'totals');
    expect(text).toBe(`---
title: Weekly performance
---

Intro text.

\`\`\`sql daily
select 1 as a
\`\`\`
`);
  });

  test('inserts a removed cell back where it was', () => {
    const cell = parse(NOTEBOOK).cells[1]!;
    const removed = remove(NOTEBOOK, 'totals');
    expect(insert(removed, cell, 'daily')).toBe(NOTEBOOK);
  });

  test('renames a cell, only its opening line changes', () => {
    const text = rename(NOTEBOOK, 'daily', 'by_day');
    expect(text).toBe(
      NOTEBOOK.replace('```sql daily', '```sql by_day').replace('from daily', 'from by_day'),
    );
    expect(() => rename(NOTEBOOK, 'daily', 'Not A Name')).toThrow(/not a SQL identifier/);
    expect(() => rename(NOTEBOOK, 'daily', 'totals')).toThrow(/already used/);
    expect(names(rename(NOTEBOOK, 'daily', ''))[0]).toMatch(/^_[0-9a-f]{8}$/);
  });

  test('a rename carries the reads of the old name along', () => {
    const text = `Total {{ daily.a | number }} and {{ other.a }}.

\`\`\`sql daily
select 1 as a
\`\`\`

\`\`\`sql totals
select sum(a) as a, 'daily' as label from daily d join daily_extra using (a)
\`\`\`

\`\`\`chart trend
data: daily
mark: line
title: daily spend
\`\`\`

\`\`\`recommend actions
from: [daily, totals]
\`\`\`
`;
    const renamed = rename(text, 'daily', 'by_day');
    expect(renamed).toBe(
      text
        .replace('{{ daily.a', '{{ by_day.a')
        .replace('```sql daily', '```sql by_day')
        .replace('from daily d', 'from by_day d')
        .replace('data: daily', 'data: by_day')
        .replace('from: [daily,', 'from: [by_day,'),
    );
  });

  test('sets a body, a prose block and the title', () => {
    expect(setBody(NOTEBOOK, 'daily', 'select 2 as a\n')).toBe(
      NOTEBOOK.replace('select 1 as a', 'select 2 as a'),
    );
    const proseIndex = parse(NOTEBOOK).blocks.findIndex(
      (block) => block.type === 'prose' && block.prose.text.includes('Intro'),
    );
    expect(setProse(NOTEBOOK, proseIndex, 'New intro.')).toBe(
      NOTEBOOK.replace('Intro text.', 'New intro.'),
    );
    expect(setTitle(NOTEBOOK, 'Monthly')).toBe(
      NOTEBOOK.replace('title: Weekly performance', 'title: Monthly'),
    );
  });

  test('an empty notebook gets a front matter-less cell', () => {
    const { text } = addBlock('', 'sql');
    expect(text).toMatch(/^```sql query_1\n/);
  });

  test('an editor value equals the body up to one final newline', () => {
    expect(sameBody('select 1\n', 'select 1')).toBe(true);
    expect(sameBody('select 1\r\n', 'select 1')).toBe(true);
    expect(sameBody('select 1\n\n', 'select 1')).toBe(false);
  });
});
