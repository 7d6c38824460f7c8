import { describe, expect, it } from 'vitest';
import { EventLog } from '../src/event-log.ts';

async function collect<E>(events: AsyncGenerator<{ index: number; event: E }>) {
  const seen: Array<[number, E]> = [];
  for await (const { index, event } of events) seen.push([index, event]);
  return seen;
}

describe('EventLog', () => {
  it('replays what a late follower missed, then follows live events until closed', async () => {
    const log = new EventLog<string>();
    log.push('a');
    const following = collect(log.follow(0));
    log.push('b');
    await Promise.resolve();
    log.push('c');
    log.close();
    expect(await following).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
  });

  it('resumes from an index, and refuses events after close', async () => {
    const log = new EventLog<string>();
    for (const event of ['a', 'b', 'c']) log.push(event);
    log.close();
    expect(await collect(log.follow(2))).toEqual([[2, 'c']]);
    expect(() => log.push('d')).toThrow(/after the log was closed/);
  });

  it('stops a follower whose client went away', async () => {
    const log = new EventLog<string>();
    const gone = new AbortController();
    const following = collect(log.follow(0, gone.signal));
    log.push('a');
    await Promise.resolve();
    gone.abort();
    expect(await following).toEqual([[0, 'a']]);
  });
});
