import { describe, expect, it } from 'vitest';
import { groupPoints, type FlaggedPoint } from '../../src/checks/group.ts';

const point = (key: string[], day: number, sign: number, impact: number): FlaggedPoint => ({
  key,
  day,
  sign,
  impact,
});

describe('groupPoints', () => {
  it('groups co-moving series of one parent, ranks groups by total impact', () => {
    const ids = groupPoints([
      point(['meta', 'A', 'c1'], 10, -1, 100),
      point(['meta', 'A', 'c2'], 11, -1, 100),
      point(['meta', 'A', 'c2'], 12, -1, 100),
      point(['meta', 'B', 'c3'], 11, -1, 250), // another account: its own alert
      point(['meta', 'A', 'c1'], 40, -1, 50), // weeks later: another alert
      point(['meta', 'A', 'c4'], 11, 1, 500), // the other way: its own alert
    ]);
    expect(ids).toEqual([2, 2, 2, 3, 4, 1]);
  });

  it('keeps a series without parent columns to itself, and joins its swing back', () => {
    const ids = groupPoints([
      point(['meta'], 5, -1, 100),
      point(['google_ads'], 5, -1, 90),
      point(['meta'], 6, -1, 100),
      point(['meta'], 8, 1, 120), // back up two days later: the same alert
      point(['meta'], 30, 1, 10),
    ]);
    expect(ids).toEqual([1, 2, 1, 1, 3]);
  });
});
