import { describe, expect, it } from 'vitest';
import { columnFormat, humanize } from '../../src/report/columns.ts';
import { createFormatter } from '../../src/report/format.ts';
import { renderProse } from '../../src/report/markdown.ts';
import { valueFormatOf, type TemplateValue } from '../../src/report/template.ts';

const en = createFormatter({ locale: 'en', currency: 'EUR' });
const fr = createFormatter({ locale: 'fr', currency: 'EUR' });
/** Intl separates French groups with narrow no-break spaces; compare with plain spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('createFormatter', () => {
  it('formats the template formats in en and fr', () => {
    const cases = [
      [1234.56, valueFormatOf('number'), '1,235', '1 235'],
      [1234.5, valueFormatOf('number:2'), '1,234.50', '1 234,50'],
      [0.0342, valueFormatOf('percent'), '3.4%', '3,4 %'],
      [1234.56, valueFormatOf('currency'), '€1,234.56', '1 234,56 €'],
      ['2026-11-27', valueFormatOf('date'), '27 Nov 2026', '27 nov. 2026'],
    ] as const;
    for (const [value, format, english, french] of cases) {
      expect(en.format(value, format!)).toBe(english);
      expect(spaces(fr.format(value, format!))).toBe(french);
    }
  });

  it('formats what DuckDB returns: bigint, big numbers as text, null, lists, timestamps', () => {
    expect(en.format(12345678901n, { type: 'number', digits: 0 })).toBe('12,345,678,901');
    expect(en.format('123456789012345678901234', { type: 'text' })).toBe(
      '123456789012345678901234',
    );
    expect(en.format(null, { type: 'number', digits: 0 })).toBe('—');
    expect(en.format(['a', 'b'], { type: 'text' })).toBe('a, b');
    expect(en.format(true, { type: 'text' })).toBe('yes');
    expect(fr.format(false, { type: 'text' })).toBe('non');
    expect(en.format('2026-11-27 14:05:00', { type: 'datetime' })).toBe('27 Nov 2026, 14:05');
    expect(en.format('not a date', { type: 'date' })).toBe('not a date');
  });

  it('formats a date range the way people write it', () => {
    expect(spaces(fr.dateRange('2026-11-01', '2026-11-28'))).toBe('1–28 nov. 2026');
    expect(spaces(fr.dateRange('2026-11-01', '2026-12-03'))).toBe('1 nov. – 3 déc. 2026');
    expect(spaces(en.dateRange('2026-11-01', '2026-11-28'))).toMatch(/^1 ?– ?28 Nov 2026$/);
    expect(
      spaces(en.dateRange(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 31)))),
    ).toMatch(/^1 ?– ?31 Jan 2026$/);
  });
});

describe('columns', () => {
  it('labels columns for people', () => {
    expect(humanize('conversion_value')).toBe('Conversion value');
    expect(humanize('avg_cpa')).toBe('Avg CPA');
    expect(humanize('roas')).toBe('ROAS');
  });

  it('formats money and ratios by name, others by type', () => {
    const format = (name: string, type: string, values: number[] = []) =>
      columnFormat({ name, type }, values);
    expect(format('total_spend', 'DECIMAL(38,2)')).toEqual({ type: 'currency' });
    expect(format('conversion_value', 'DOUBLE')).toEqual({ type: 'currency' });
    expect(format('ctr', 'DOUBLE')).toEqual({ type: 'percent', digits: 1 });
    expect(format('spend_share', 'DOUBLE')).toEqual({ type: 'percent', digits: 1 });
    expect(format('spend_count', 'BIGINT')).toEqual({ type: 'number', digits: 0 });
    expect(format('clicks', 'BIGINT')).toEqual({ type: 'number', digits: 0 });
    expect(format('roas', 'DOUBLE', [3.2])).toEqual({ type: 'number', digits: 2 });
    expect(format('days', 'DOUBLE', [3, 4])).toEqual({ type: 'number', digits: 0 });
    expect(format('spend', 'VARCHAR')).toEqual({ type: 'text' });
    expect(format('date', 'DATE')).toEqual({ type: 'date' });
  });

  it('reads an ask comparison: the delta in the metric unit, the change in percent points', () => {
    const format = (name: string) => columnFormat({ name, type: 'DOUBLE' }, [9.5]);
    expect(format('spend_delta')).toEqual({ type: 'currency' });
    expect(format('spend_change_pct')).toEqual({ type: 'percent', digits: 1, points: true });
    expect(en.format(9.5, format('spend_change_pct'))).toBe('9.5%');
  });
});

describe('templates', () => {
  it('knows the formats of the notebook format, and no others', () => {
    expect(valueFormatOf('number:2')).toEqual({ type: 'number', digits: 2 });
    expect(valueFormatOf('currency')).toEqual({ type: 'currency' });
    expect(valueFormatOf('euros')).toBeUndefined();
  });
});

describe('renderProse', () => {
  const value = (text: string): TemplateValue => ({ ok: true, text });
  const missing = (reference: string) => `[${reference}?]`;

  it('escapes values and raw HTML, and keeps values out of link targets', () => {
    const rendered = renderProse(
      'Top: **{{ top.name }}** <b>bold</b> [link]({{ top.name }}) `{{ top.name }}`',
      () => value('<img src=x onerror=alert(1)>'),
      missing,
    ).value;
    expect(rendered).toBe(
      '<p>Top: <strong><span class="value">&lt;img src=x onerror=alert(1)&gt;</span></strong> ' +
        '&lt;b&gt;bold&lt;/b&gt; <a href="%EE%80%801%EE%80%81" rel="noopener noreferrer">link</a> ' +
        '<code>&lt;img src=x onerror=alert(1)&gt;</code></p>\n',
    );
  });

  it('refuses javascript: links and remote images', () => {
    const rendered = renderProse(
      '[x](javascript:alert(1)) ![chart](http://example.com/a.png)',
      () => value(''),
      missing,
    ).value;
    expect(rendered).not.toContain('href="javascript');
    expect(rendered).not.toContain('<img');
  });

  it('marks a missing value visibly', () => {
    const rendered = renderProse(
      '{{ a.b }}',
      () => ({ ok: false, reference: 'a.b', reason: 'no cell named a' }),
      missing,
    ).value;
    expect(rendered).toBe(
      '<p><span class="value-missing" title="no cell named a">[a.b?]</span></p>\n',
    );
  });
});
