import * as core from '@baton/core/notebook';
import { expect, test } from 'vitest';
import {
  DATE_RANGE_PRESETS,
  overrideOf,
  parseRangeOverride,
  presetRange,
} from '#lib/inputs/presets.ts';

test("the inputs bar's preset list is core's", () => {
  expect([...DATE_RANGE_PRESETS]).toEqual([...core.DATE_RANGE_PRESETS]);
});

test('preset ranges match core on month and year edges', () => {
  const days = ['2026-01-01', '2026-03-01', '2026-03-31', '2024-02-29', '2026-11-27', '2026-12-31'];
  for (const day of days) {
    const today = new Date(`${day}T00:00:00Z`);
    for (const preset of DATE_RANGE_PRESETS) {
      expect(presetRange(preset, today), `${preset} on ${day}`).toEqual(
        core.presetRange(preset, today),
      );
    }
  }
});

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
