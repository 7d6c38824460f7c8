import type { CellView } from '@baton/server';
import { describe, expect, test } from 'vitest';
import { formatterFor } from '#lib/format.ts';
import { proseHtml } from '#lib/editor/prose.ts';

const totals: CellView = {
  cellId: 'totals',
  name: 'totals',
  kind: 'sql',
  status: 'finished',
  page: {
    columns: [
      { name: 'spend', type: 'DOUBLE' },
      { name: 'ctr', type: 'DOUBLE' },
    ],
    rows: [[1234.5, 0.034]],
    offset: 0,
    totalRows: 1,
    cap: 10000,
  },
};
const views = new Map([['totals', totals]]);

describe('prose with values', () => {
  test('fills values from the first row, formatted for the locale', () => {
    const html = proseHtml(
      'Spend **{{ totals.spend | currency }}**, CTR {{ totals.ctr }}',
      views,
      formatterFor('fr', 'EUR'),
    );
    expect(html).toContain('<strong><span class="value">1');
    expect(html).toMatch(/234,50\s€/);
    expect(html).toMatch(/3,4\s%/);
  });

  test('marks values it cannot fill', () => {
    const html = proseHtml(
      '{{ weekly.spend }} and {{ totals.nope }}',
      views,
      formatterFor('en', 'EUR'),
    );
    expect(html).toContain('class="value-missing"');
    expect(html).toContain('no result yet');
    expect(html).toContain('has no column nope');
  });

  test('escapes raw HTML', () => {
    expect(proseHtml('<script>x</script>', views, formatterFor('en', 'EUR'))).not.toContain(
      '<script>',
    );
  });
});
