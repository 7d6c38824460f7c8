/**
 * The periods of docs/ask.md, counted from a fixed today, including the calendar's corners
 * (the 1st of a month, a leap day, a month shorter than the one before).
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  comparedPeriod,
  findComparison,
  findPeriods,
  type Period,
} from '../../../src/ai/ask/periods.ts';
import { normalize } from '../../../src/ai/ask/text.ts';

function periodOf(text: string, today: string, language: 'en' | 'fr' = 'en') {
  const found = findPeriods(normalize(text), today, language);
  expect(found, text).toHaveLength(1);
  const { start, end } = found[0]!.period;
  return `${start}..${end}`;
}

describe('periods', () => {
  const today = '2026-04-01'; // a Wednesday, the 1st of a month and of a quarter

  it.each([
    ['yesterday', '2026-03-31..2026-03-31'],
    ['hier', '2026-03-31..2026-03-31'],
    ['today', '2026-04-01..2026-04-01'],
    ['the last 7 days', '2026-03-25..2026-03-31'],
    ['les 30 derniers jours', '2026-03-02..2026-03-31'],
    ['past fourteen days', '2026-03-18..2026-03-31'],
    ['last week', '2026-03-23..2026-03-29'],
    ['la semaine dernière', '2026-03-23..2026-03-29'],
    ['the last 2 weeks', '2026-03-16..2026-03-29'],
    ['this week', '2026-03-30..2026-04-01'],
    ['last month', '2026-03-01..2026-03-31'],
    ['les 3 derniers mois', '2026-01-01..2026-03-31'],
    ['this month', '2026-04-01..2026-04-01'],
    ['last quarter', '2026-01-01..2026-03-31'],
    ['year to date', '2026-01-01..2026-04-01'],
    ["l'année dernière", '2025-01-01..2025-12-31'],
    ['in March', '2026-03-01..2026-03-31'],
    ['en décembre', '2025-12-01..2025-12-31'],
    ['May 2025', '2025-05-01..2025-05-31'],
    ['Q4', '2025-10-01..2025-12-31'],
    ['T1 2026', '2026-01-01..2026-03-31'],
    ['the third quarter of 2025', '2025-07-01..2025-09-30'],
    ['H2 2025', '2025-07-01..2025-12-31'],
    ['in 2024', '2024-01-01..2024-12-31'],
    ['between 2026-01-05 and 2026-01-11', '2026-01-05..2026-01-11'],
    ['from March 1 to March 15', '2026-03-01..2026-03-15'],
    ['du 1er au 15 mars', '2026-03-01..2026-03-15'],
    ['since 10 March', '2026-03-10..2026-04-01'],
  ])('%s is %s', (text, range) => {
    expect(periodOf(text, today, /[àéè]|derniers|mois|hier|du |en /.test(text) ? 'fr' : 'en')).toBe(
      range,
    );
  });

  it('reads 03/04/2026 as 3 April in French and 4 March in English', () => {
    expect(periodOf('le 03/04/2026', '2026-05-01', 'fr')).toBe('2026-04-03..2026-04-03');
    expect(periodOf('on 03/04/2026', '2026-05-01', 'en')).toBe('2026-03-04..2026-03-04');
  });

  it('does not read a bare "may" or "sept" as a month', () => {
    expect(findPeriods(normalize('what may have changed'), today, 'en')).toEqual([]);
    expect(findPeriods(normalize('les sept campagnes'), today, 'fr')).toEqual([]);
  });
});

describe('compared periods', () => {
  const compared = (period: Period, kind: 'previous' | 'last_year') => {
    const { start, end } = comparedPeriod(period, kind);
    return `${start}..${end}`;
  };

  it('compares a calendar month with the month before, whatever their lengths', () => {
    const march = { start: '2026-03-01', end: '2026-03-31', unit: 'month' as const, count: 1 };
    expect(compared(march, 'previous')).toBe('2026-02-01..2026-02-28');
    expect(compared(march, 'last_year')).toBe('2025-03-01..2025-03-31');
  });

  it('compares a month to date with the same days of the month before', () => {
    const toDate = {
      start: '2026-03-01',
      end: '2026-03-31',
      unit: 'month' as const,
      count: 1,
      toDate: true,
    };
    expect(compared({ ...toDate, end: '2026-03-12' }, 'previous')).toBe('2026-02-01..2026-02-12');
    expect(compared(toDate, 'previous')).toBe('2026-02-01..2026-02-28');
  });

  it('compares days with as many days just before, and a leap day with 28 February', () => {
    expect(compared({ start: '2026-03-25', end: '2026-03-31' }, 'previous')).toBe(
      '2026-03-18..2026-03-24',
    );
    expect(compared({ start: '2028-02-29', end: '2028-02-29' }, 'last_year')).toBe(
      '2027-02-28..2027-02-28',
    );
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('finds the comparison before the period ("vs last year" is not a period)', () => {
    expect(findComparison(normalize('spend this year vs last year'))?.comparison).toBe('last_year');
    expect(findComparison(normalize('par rapport à la période précédente'))?.comparison).toBe(
      'previous',
    );
    expect(findComparison(normalize('spend over the last 30 days'))).toBeUndefined();
  });
});
