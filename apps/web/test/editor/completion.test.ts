import type { SchemaView } from '@baton/server';
import { describe, expect, test } from 'vitest';
import {
  completionItems,
  qualifierBefore,
  tableAliases,
  type CompletionSources,
} from '#lib/editor/completion.ts';

const schema: SchemaView = {
  tables: [
    {
      schema: 'main',
      name: 'campaign_daily',
      kind: 'table',
      columns: [
        { name: 'date', type: 'DATE' },
        { name: 'spend', type: 'DECIMAL(18,2)' },
        { name: 'platform', type: 'VARCHAR' },
      ],
    },
    {
      schema: 'main',
      name: 'ad_groups',
      kind: 'view',
      columns: [{ name: 'ad_group_id', type: 'VARCHAR' }],
    },
    {
      schema: 'raw_demo',
      name: 'campaign_daily',
      kind: 'table',
      columns: [{ name: 'spend', type: 'DECIMAL(18,2)' }],
    },
  ],
  cells: [{ name: 'daily', columns: [{ name: 'total_spend', type: 'DOUBLE' }] }],
  macros: ['cpa', 'roas'],
};

const sources: CompletionSources = { schema, cellNames: ['daily', 'new_cell'] };
const labels = (items: { label: string }[]) => items.map((item) => item.label);

describe('completion', () => {
  test('tables, cells, macros and keywords at a plain position', () => {
    const items = completionItems(sources, 'select * from ', 'select * from ');
    expect(
      items.filter((item) => item.kind === 'table' || item.kind === 'view').map((i) => i.label),
    ).toEqual(['campaign_daily', 'ad_groups', 'raw_demo.campaign_daily']);
    expect(items.filter((item) => item.kind === 'cell').map((i) => i.label)).toEqual([
      'daily',
      'new_cell',
    ]);
    expect(items.find((item) => item.label === 'cpa')).toMatchObject({
      kind: 'macro',
      insertText: 'cpa(',
    });
    expect(labels(items)).toContain('qualify');
    expect(items.find((item) => item.label === 'daily')?.detail).toBe('cell · 1 columns');
  });

  test('plain columns of the tables the statement reads come first', () => {
    const text = 'select  from campaign_daily';
    const items = completionItems(sources, 'select ', text);
    const columns = items.filter((item) => item.kind === 'column');
    expect(labels(columns)).toEqual(['date', 'spend', 'platform']);
    expect(columns[1]).toMatchObject({ detail: 'DECIMAL(18,2) · campaign_daily' });
    expect(
      columns.every((item) => item.sortText < items.find((i) => i.kind === 'table')!.sortText),
    ).toBe(true);
  });

  test('after table. only its columns', () => {
    const before = 'select campaign_daily.';
    expect(labels(completionItems(sources, before, `${before} from campaign_daily`))).toEqual([
      'date',
      'spend',
      'platform',
    ]);
  });

  test('after alias. the columns of the aliased table or cell', () => {
    const text = 'select c.sp from campaign_daily as c join daily d on true';
    expect(labels(completionItems(sources, 'select c.sp', text))).toEqual([
      'date',
      'spend',
      'platform',
    ]);
    expect(labels(completionItems(sources, 'select d.', text))).toEqual(['total_spend']);
  });

  test('after a schema name, its tables', () => {
    expect(labels(completionItems(sources, 'from main.', 'from main.'))).toEqual([
      'campaign_daily',
      'ad_groups',
    ]);
  });

  test('after an unknown qualifier, nothing', () => {
    expect(completionItems(sources, 'select zz.', 'select zz.')).toEqual([]);
  });

  test('aliases ignore keywords after the table', () => {
    const aliases = tableAliases(
      'select * from campaign_daily where x join main.ad_groups g on 1 = 1',
    );
    expect([...aliases.entries()]).toEqual([
      ['campaign_daily', 'campaign_daily'],
      ['ad_groups', 'ad_groups'],
      ['main.ad_groups', 'ad_groups'],
      ['g', 'ad_groups'],
    ]);
  });

  test('the qualifier before the cursor', () => {
    expect(qualifierBefore('select d.')).toBe('d');
    expect(qualifierBefore('select "My Table".co')).toBe('My Table');
    expect(qualifierBefore('select 1.5')).toBeUndefined();
    expect(qualifierBefore('select d')).toBeUndefined();
  });
});
