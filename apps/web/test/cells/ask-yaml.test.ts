import { parseCellSpec, parseNotebook } from '@baton/core/notebook';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  editSql,
  readAsk,
  removeSql,
  setQuestion,
  setSql,
  suggestionsOf,
} from '#lib/cells/ask-yaml.ts';

const DRAFT = [
  'select platform, sum(spend) as spend',
  'from campaign_daily',
  "where date between date '2026-03-01' and date '2026-03-31'",
  'group by platform',
  'order by spend desc',
].join('\n');

describe('ask cell YAML', () => {
  test('reads the question and the pinned SQL', () => {
    expect(readAsk('question: Spend by platform')).toEqual({
      type: 'ask-read',
      question: 'Spend by platform',
    });
    expect(readAsk('question: q\nsql: |\n  select 1')).toEqual({
      type: 'ask-read',
      question: 'q',
      sql: 'select 1\n',
    });
    expect(readAsk('question: [unclosed').type).toBe('ask-unreadable');
    expect(readAsk('- a list').type).toBe('ask-unreadable');
  });

  test('accepting pins the exact SQL as a block scalar, keeping the question and comments', () => {
    const body = '# asked by the CMO\nquestion: Spend by platform last month # March';
    const pinned = setSql(body, DRAFT);
    expect(pinned).toBe(
      '# asked by the CMO\nquestion: Spend by platform last month # March\nsql: |-\n' +
        DRAFT.split('\n')
          .map((line) => `  ${line}`)
          .join('\n'),
    );
    expect(parse(pinned)).toEqual({ question: 'Spend by platform last month', sql: DRAFT });
  });

  test('the pinned body reads back exactly through the notebook parser', () => {
    const text = '# Report\n\n```ask spend\n# why: weekly\nquestion: Spend by platform\n```\n';
    const cell = parseNotebook(text).notebook.cells[0]!;
    for (const sql of [DRAFT, `${DRAFT}\n`, '  select 1\nfrom x', 'select 1\n\n  -- end']) {
      const body = setSql(cell.body, sql);
      const spec = parseCellSpec({ ...cell, body });
      expect(spec).toMatchObject({ spec: { question: 'Spend by platform', sql } });
      expect(body).toContain('# why: weekly');
    }
  });

  test('a body that ends with a newline keeps it, and an existing sql is replaced in place', () => {
    expect(setSql('question: q\n', 'select 1')).toBe('question: q\nsql: |-\n  select 1\n');
    const body = 'question: q\nsql: |\n  select 1\n# kept\nlimit: 3';
    expect(setSql(body, 'select 2\nfrom t')).toBe(
      'question: q\nsql: |-\n  select 2\n  from t\n# kept\nlimit: 3',
    );
  });

  test('an edit from the SQL editor keeps the block’s final newline', () => {
    const body = 'question: q\nsql: |\n  select 1';
    expect(editSql(body, 'select 1 as one')).toBe('question: q\nsql: |\n  select 1 as one');
    expect(readAsk(editSql(body, 'select 1 as one'))).toMatchObject({ sql: 'select 1 as one\n' });
  });

  test('an emptied SQL editor leaves an empty sql, which the next keystroke replaces', () => {
    const emptied = setSql('question: q\nsql: |-\n  select 1', '');
    expect(emptied).toBe('question: q\nsql: ""');
    expect(readAsk(emptied)).toEqual({ type: 'ask-read', question: 'q', sql: '' });
    expect(setSql(emptied, 's')).toBe('question: q\nsql: |-\n  s');
  });

  test('unpinning removes sql and nothing else', () => {
    expect(removeSql('question: q # c\nsql: |-\n  select 1\n  from t')).toBe('question: q # c');
    expect(removeSql('# top\nsql: |-\n  select 1\nquestion: q\n')).toBe('# top\nquestion: q\n');
    expect(removeSql('question: q')).toBe('question: q');
  });

  test('the question is replaced in place, quoted only when it must be', () => {
    expect(setQuestion('question: old # note\nsql: |-\n  select 1', 'new one')).toBe(
      'question: new one # note\nsql: |-\n  select 1',
    );
    expect(setQuestion('question: "old"', 'new')).toBe('question: "new"');
    expect(readAsk(setQuestion('question: q', 'CPA: by platform?'))).toMatchObject({
      question: 'CPA: by platform?',
    });
    expect(setQuestion('question: q', 'line one\nline two')).toBe('question: line one line two');
    expect(setQuestion('', 'Spend')).toBe('question: Spend');
    expect(setQuestion('sql: |-\n  select 1', 'Spend')).toBe(
      'question: Spend\nsql: |-\n  select 1',
    );
  });

  test('reads the suggested questions of a refusal hint', () => {
    expect(
      suggestionsOf(
        'Questions it can answer: “Spend by platform last month”, “Top 5 campaigns by ROAS”.',
      ),
    ).toEqual(['Spend by platform last month', 'Top 5 campaigns by ROAS']);
    expect(suggestionsOf('Rephrase the question.')).toEqual([]);
    expect(suggestionsOf(undefined)).toEqual([]);
  });
});
