/**
 * Grouping flagged points into alerts: one cause (a tracking outage on an account, a site
 * release) often moves several series on the same days; the marketer should see one alert, not
 * ten. Points group when they share a parent (the series key without its last column), a
 * direction, and overlapping episodes (runs of flagged days, a one-day gap allowed); a series'
 * swing back right after an episode joins that episode's alert.
 */

/** A flagged point, as the check cell sees it. */
export interface FlaggedPoint {
  /** The series key values, in `by` order. */
  key: string[];
  /** Day index of the point in the check's calendar. */
  day: number;
  sign: number;
  impact: number;
}

/** Episodes whose days are at most this far apart count as one. */
const EPISODE_GAP = 2;
/**
 * A move the other way this many days after an episode is the series coming back: the
 * baseline takes about half a week to follow a shift, and a few days more to see it end.
 */
const SWING_BACK_DAYS = 7;
/** Series of one parent whose episodes start this many days after another's end still co-move. */
const CO_MOVING_SLACK = 1;

/**
 * Assigns a group id (1 = the largest total impact) to each point; returns the ids in the order
 * of `points`. With `parentLength` key columns in common (default: all but the last), points of
 * different series join one group when their episodes overlap in time and move the same way.
 *
 * @example groupPoints(points) // [1, 1, 2, ...]
 */
export function groupPoints(points: FlaggedPoint[], parentLength?: number): number[] {
  // 1. Episodes: per series and direction, flagged days no further apart than EPISODE_GAP.
  const bySeries = new Map<string, number[]>();
  points.forEach((point, index) => {
    const seriesKey = JSON.stringify([point.key, point.sign]);
    const list = bySeries.get(seriesKey) ?? [];
    list.push(index);
    bySeries.set(seriesKey, list);
  });
  interface Episode {
    parent: string;
    sign: number;
    first: number;
    last: number;
    members: number[];
  }
  const episodes: Episode[] = [];
  for (const indexes of bySeries.values()) {
    indexes.sort((a, b) => points[a]!.day - points[b]!.day);
    let current: Episode | undefined;
    for (const index of indexes) {
      const point = points[index]!;
      if (current && point.day - current.last <= EPISODE_GAP) {
        current.last = point.day;
        current.members.push(index);
        continue;
      }
      const length = parentLength ?? Math.max(0, point.key.length - 1);
      current = {
        // A series without a parent column groups with nothing but itself.
        parent:
          length === 0 ? JSON.stringify(point.key) : JSON.stringify(point.key.slice(0, length)),
        sign: point.sign,
        first: point.day,
        last: point.day,
        members: [index],
      };
      episodes.push(current);
    }
  }

  // 2. Union episodes of one parent and direction that overlap in time.
  const root = episodes.map((_, index) => index);
  const find = (index: number): number => {
    while (root[index] !== index) index = root[index] = root[root[index]!]!;
    return index;
  };
  const byParent = new Map<string, number[]>();
  episodes.forEach((episode, index) => {
    const parentKey = `${episode.parent}\u0000${episode.sign}`;
    byParent.set(parentKey, [...(byParent.get(parentKey) ?? []), index]);
  });
  for (const members of byParent.values()) {
    members.sort((a, b) => episodes[a]!.first - episodes[b]!.first);
    let reach = -Infinity;
    let anchor = -1;
    for (const index of members) {
      const episode = episodes[index]!;
      if (anchor >= 0 && episode.first - reach <= CO_MOVING_SLACK) {
        root[find(index)] = find(anchor);
      }
      if (episode.last >= reach || anchor < 0) {
        reach = Math.max(reach, episode.last);
        anchor = index;
      }
    }
  }

  // 3. A move the other way right after an episode is the series coming back (the baseline had
  // started to follow the anomaly): part of the same alert, not a new one.
  const bySeriesKey = new Map<string, number[]>();
  episodes.forEach((episode, index) => {
    const seriesKey = JSON.stringify(points[episode.members[0]!]!.key);
    bySeriesKey.set(seriesKey, [...(bySeriesKey.get(seriesKey) ?? []), index]);
  });
  for (const members of bySeriesKey.values()) {
    members.sort((a, b) => episodes[a]!.first - episodes[b]!.first);
    for (let i = 1; i < members.length; i++) {
      const previous = episodes[members[i - 1]!]!;
      const episode = episodes[members[i]!]!;
      if (episode.sign !== previous.sign && episode.first - previous.last <= SWING_BACK_DAYS) {
        root[find(members[i]!)] = find(members[i - 1]!);
      }
    }
  }

  // 4. Rank groups by total impact.
  const totals = new Map<number, number>();
  episodes.forEach((episode, index) => {
    const group = find(index);
    const impact = episode.members.reduce((sum, member) => sum + points[member]!.impact, 0);
    totals.set(group, (totals.get(group) ?? 0) + impact);
  });
  const rank = new Map(
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([group], i) => [group, i + 1]),
  );
  const ids = new Array<number>(points.length).fill(0);
  episodes.forEach((episode, index) => {
    const id = rank.get(find(index))!;
    for (const member of episode.members) ids[member] = id;
  });
  return ids;
}
