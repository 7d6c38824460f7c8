import { expect, test } from 'vitest';
import { overrideOf, parseRangeOverride } from '#lib/inputs/presets.ts';

test('override strings', () => {
  expect(parseRangeOverride('2026-01-01..2026-01-31')).toEqual({
    start: '2026-01-01',
    end: '2026-01-31',
  });
  expect(parseRangeOverride('2026-02-30..2026-03-01')).toBeUndefined();
  expect(parseRangeOverride('last_7_days')).toBeUndefined();
  expect(overrideOf({ start: '2026-01-01', end: '2026-01-31' })).toBe('2026-01-01..2026-01-31');
  expect(overrideOf(['a', 'b'])).toBe('a,b');
  expect(overrideOf(100)).toBe('100');
  expect(overrideOf(undefined)).toBeUndefined();
});
