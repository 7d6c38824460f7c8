import { describe, expect, it } from 'vitest';
import type { SqlValue } from '@baton/core/engine';
import {
  compareResults,
  hasOuterOrderBy,
  normalizeValue,
  valuesEqual,
  type ResultTable,
} from './compare.ts';

/** A result from row arrays, as `warehouse.query` returns it (columnar). */
function table(names: string[], rows: SqlValue[][]): ResultTable {
  return {
    columns: names.map((name) => ({ name, type: 'ANY' })),
    data: names.map((_, column) => rows.map((row) => row[column]!)),
    rowCount: rows.length,
  };
}

const unordered = { ordered: false };
const ordered = { ordered: true };

describe('compareResults', () => {
  const reference = table(
    ['platform', 'spend'],
    [
      ['meta', 100.5],
      ['google_ads', 80],
      ['tiktok', null],
    ],
  );

  it('matches the same rows in another order when order does not matter', () => {
    const engine = table(
      ['platform', 'spend'],
      [
        ['tiktok', null],
        ['meta', 100.5],
        ['google_ads', 80],
      ],
    );
    expect(compareResults(reference, engine, unordered)).toEqual({ type: 'result-matched' });
  });

  it('rejects the same rows in another order when order matters', () => {
    const engine = table(
      ['platform', 'spend'],
      [
        ['google_ads', 80],
        ['meta', 100.5],
        ['tiktok', null],
      ],
    );
    const comparison = compareResults(reference, engine, ordered);
    expect(comparison.type).toBe('result-differed');
    expect(comparison).toMatchObject({ reason: expect.stringContaining('row 1') });
  });

  it('ignores column names and order, and allows extra engine columns', () => {
    const engine = table(
      ['cost', 'impressions', 'network'],
      [
        [80, 1000, 'google_ads'],
        [100.5, 2000, 'meta'],
        [null, 10, 'tiktok'],
      ],
    );
    expect(compareResults(reference, engine, unordered)).toEqual({ type: 'result-matched' });
  });

  it('rejects an extra row', () => {
    const engine = table(
      ['platform', 'spend'],
      [
        ['meta', 100.5],
        ['google_ads', 80],
        ['tiktok', null],
        ['linkedin', 5],
      ],
    );
    expect(compareResults(reference, engine, unordered)).toEqual({
      type: 'result-differed',
      reason: 'expected 3 row(s), got 4',
    });
  });

  it('rejects a column whose values were swapped between rows', () => {
    // Each column holds the same multiset, but the pairs are wrong.
    const engine = table(
      ['platform', 'spend'],
      [
        ['meta', 80],
        ['google_ads', 100.5],
        ['tiktok', null],
      ],
    );
    const comparison = compareResults(reference, engine, unordered);
    expect(comparison.type).toBe('result-differed');
    expect(comparison).toMatchObject({
      reason: expect.stringContaining('reference row 1 ("meta", 100.5)'),
    });
  });

  it('rejects a missing column and names the first differing value', () => {
    const engine = table(
      ['platform', 'spend'],
      [
        ['meta', 100.5],
        ['google_ads', 81],
        ['tiktok', null],
      ],
    );
    const comparison = compareResults(reference, engine, ordered);
    expect(comparison).toEqual({
      type: 'result-differed',
      reason:
        'no engine column has the values of reference column 2 (spend); closest is engine column 2 (spend), which differs at row 2: expected 80, got 81',
    });
  });

  it('needs a distinct engine column for each reference column', () => {
    const twice = table(
      ['spend', 'spend_again'],
      [
        [1, 1],
        [2, 2],
      ],
    );
    const once = table(['spend'], [[1], [2]]);
    expect(compareResults(twice, once, ordered).type).toBe('result-differed');
    expect(
      compareResults(
        twice,
        table(
          ['a', 'b'],
          [
            [1, 1],
            [2, 2],
          ],
        ),
        ordered,
      ),
    ).toEqual({ type: 'result-matched' });
  });

  it('tries another column assignment when the first one fails on rows', () => {
    // Reference columns x and y hold the same values; only one assignment pairs the rows right.
    const expected = table(
      ['x', 'y'],
      [
        [1, 2],
        [2, 3],
        [3, 1],
      ],
    );
    const actual = table(
      ['b', 'a'],
      [
        [2, 1],
        [3, 2],
        [1, 3],
      ],
    );
    expect(compareResults(expected, actual, unordered)).toEqual({ type: 'result-matched' });
    const wrong = table(
      ['b', 'a'],
      [
        [2, 1],
        [1, 2],
        [3, 3],
      ],
    );
    expect(compareResults(expected, wrong, unordered).type).toBe('result-differed');
  });

  it('compares numbers within a relative tolerance, across DECIMAL, BIGINT and DOUBLE', () => {
    const expected = table(['spend', 'clicks', 'ctr'], [[1234.5, 120, 0.0123456789]]);
    const close = table(['spend', 'clicks', 'ctr'], [[1234.5000004, 120n, 0.01234567891]]);
    const far = table(['spend', 'clicks', 'ctr'], [[1234.51, 120, 0.0123456789]]);
    expect(compareResults(expected, close, ordered)).toEqual({ type: 'result-matched' });
    expect(compareResults(expected, far, ordered).type).toBe('result-differed');
  });

  it('compares dates and midnight timestamps as days', () => {
    const expected = table(['week', 'spend'], [['2026-03-02T00:00:00.000', 10]]);
    const actual = table(['week', 'spend'], [['2026-03-02', 10]]);
    expect(compareResults(expected, actual, ordered)).toEqual({ type: 'result-matched' });
    const otherDay = table(['week', 'spend'], [['2026-03-03', 10]]);
    expect(compareResults(expected, otherDay, ordered).type).toBe('result-differed');
  });

  it('treats NULL as equal to NULL only', () => {
    const expected = table(['cpa'], [[null]]);
    expect(compareResults(expected, table(['cpa'], [[null]]), ordered).type).toBe('result-matched');
    expect(compareResults(expected, table(['cpa'], [[0]]), ordered).type).toBe('result-differed');
  });

  it('matches empty results', () => {
    expect(compareResults(table(['spend'], []), table(['total'], []), unordered)).toEqual({
      type: 'result-matched',
    });
  });
});

describe('valuesEqual', () => {
  it('uses an absolute tolerance near zero', () => {
    expect(valuesEqual(0, 1e-10)).toBe(true);
    expect(valuesEqual(0, 1e-6)).toBe(false);
    expect(valuesEqual(1e6, 1e6 + 0.5)).toBe(true);
    expect(valuesEqual(1e6, 1e6 + 5)).toBe(false);
  });

  it('keeps text and numbers apart', () => {
    expect(valuesEqual(normalizeValue('12'), normalizeValue(12))).toBe(false);
  });
});

describe('hasOuterOrderBy', () => {
  it('sees an ORDER BY of the outer query only', () => {
    expect(hasOuterOrderBy('select a from t order by a desc limit 5')).toBe(true);
    expect(hasOuterOrderBy('with x as (select a from t order by a) select * from x')).toBe(false);
    expect(hasOuterOrderBy('select a, rank() over (order by a) from t')).toBe(false);
    expect(hasOuterOrderBy("select 'order by' as a from t")).toBe(false);
    expect(hasOuterOrderBy('select a -- order by a\nfrom t')).toBe(false);
    expect(hasOuterOrderBy('with x as (select 1 as a) select a from x ORDER\n BY a')).toBe(true);
  });
});
