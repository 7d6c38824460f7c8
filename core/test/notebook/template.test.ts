import { describe, expect, it } from 'vitest';
import { findTemplateRefs, parseTemplateFormat, scanTemplates } from '../../src/notebook/index.ts';

describe('findTemplateRefs', () => {
  it('finds references with and without formats, with offsets', () => {
    const text =
      'Spend {{ totals.spend | currency }}, CVR {{totals.cvr|percent}} and {{ totals.clicks }}.';
    expect(findTemplateRefs(text)).toEqual([
      { cell: 'totals', column: 'spend', format: 'currency', start: 6, end: 35 },
      { cell: 'totals', column: 'cvr', format: 'percent', start: 41, end: 63 },
      { cell: 'totals', column: 'clicks', start: 68, end: 87 },
    ]);
    expect(text.slice(6, 35)).toBe('{{ totals.spend | currency }}');
  });

  it('keeps unknown formats as references and reports them; skips malformed ones', () => {
    const { refs, problems } = scanTemplates('{{ a.b | money }} {{ nope }} {{ a.b | number:2 }}');
    expect(refs.map((ref) => ref.format)).toEqual(['money', 'number:2']);
    expect(problems.map((problem) => problem.message)).toEqual([
      'Unknown format "money" in {{ a.b | money }}: use number, number:2, percent, currency or date.',
      '{{ nope }} is not a value reference: write {{ <cell>.<column> }} or {{ <cell>.<column> | <format> }}.',
    ]);
  });
});

describe('parseTemplateFormat', () => {
  it('reads the formats of the spec', () => {
    expect(parseTemplateFormat('number')).toEqual({ type: 'number', decimals: 0 });
    expect(parseTemplateFormat('number:2')).toEqual({ type: 'number', decimals: 2 });
    expect(parseTemplateFormat('percent')).toEqual({ type: 'percent', decimals: 1 });
    expect(parseTemplateFormat('currency')).toEqual({ type: 'currency' });
    expect(parseTemplateFormat('date')).toEqual({ type: 'date' });
    expect(parseTemplateFormat('currency:2')).toBeUndefined();
    expect(parseTemplateFormat('money')).toBeUndefined();
  });
});
