import { describe, expect, it } from 'vitest';
import { collectRead, createTestContext } from '@baton/core/testing';
import demo from '../src/index.ts';

const stream = (name: string) => {
  const found = demo.streams.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no stream ${name}`);
  return found;
};

describe('demo connector', () => {
  it('declares every raw model stream, dated ones replaced by window with a lookback', () => {
    expect(demo.streams.map((s) => [s.name, s.writeMode, s.cursor?.lookbackDays])).toEqual([
      ['campaign_daily', 'replace-window', 7],
      ['ad_daily', 'replace-window', 7],
      ['campaigns', 'replace', undefined],
      ['web_traffic_daily', 'replace-window', 7],
      ['search_console_daily', 'replace-window', 7],
      ['fx_rates', 'replace-window', 7],
      ['weather_daily', 'replace-window', 7],
      ['demo_truth', 'replace', undefined],
    ]);
  });

  it('ends yesterday by default, on the context clock', async () => {
    const context = createTestContext(demo.config.parse({ days: 365 }), {
      now: new Date('2026-02-10T08:00:00Z'),
    });
    const { rows } = await collectRead(demo, context, stream('weather_daily'), {
      window: { start: '2026-02-01', end: '2026-02-28' },
      fullRefresh: false,
    });
    const days = rows.map((row) => row.date as string).sort();
    expect(days.at(0)).toBe('2026-02-01');
    expect(days.at(-1)).toBe('2026-02-09');
  });

  it('is deterministic for a seed and an end date', async () => {
    const read = async (seed: number) => {
      const context = createTestContext(demo.config.parse({ seed, end: '2026-03-31', days: 365 }));
      const { rows } = await collectRead(demo, context, stream('campaign_daily'), {
        window: { start: '2026-03-30', end: '2026-03-31' },
        fullRefresh: false,
      });
      return rows;
    };
    expect(await read(3)).toEqual(await read(3));
    expect(await read(3)).not.toEqual(await read(4));
  });

  it('check refuses a last day in the future, without throwing', async () => {
    const context = createTestContext(demo.config.parse({ end: '2026-05-01' }));
    expect(await demo.check(context)).toMatchObject({ ok: false, kind: 'config' });
  });

  it('keeps the history within what a first sync reads', () => {
    expect(demo.config.safeParse({ days: 731 }).success).toBe(false);
    expect(demo.config.parse({})).toEqual({ seed: 42, days: 730 });
  });
});
