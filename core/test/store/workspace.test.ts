import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkspaceConfig } from '../../src/store/workspace.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (config: unknown) =>
  writeFile(path.join(dir, 'baton.json'), JSON.stringify(config), 'utf8');

describe('baton.json calendar', () => {
  it('reads the markets and the team’s own dates', async () => {
    await write({
      name: 'Acme',
      calendar: {
        markets: ['FR', 'UK'],
        events: [
          '2026-04-01',
          '2026-03-10..2026-03-24 TV flight',
          { name: 'Launch', start: '2026-05-02', end: '2026-05-09', peak: true },
        ],
      },
    });
    const config = await readWorkspaceConfig(dir);
    expect(config.calendar).toEqual({
      markets: ['FR', 'UK'],
      events: [
        { name: '2026-04-01', start: '2026-04-01', end: '2026-04-01' },
        { name: 'TV flight', start: '2026-03-10', end: '2026-03-24' },
        { name: 'Launch', start: '2026-05-02', end: '2026-05-09', peak: true },
      ],
    });
  });

  it('names a wrong market or date and how to write it', async () => {
    await write({ calendar: { markets: ['DE'] } });
    await expect(readWorkspaceConfig(dir)).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringContaining('"calendar.markets" must list markets among FR, UK, US'),
      hint: expect.stringContaining('"calendar"'),
    });
    await write({ calendar: { events: ['2026-02-30'] } });
    await expect(readWorkspaceConfig(dir)).rejects.toMatchObject({
      message: expect.stringContaining('"calendar.events" item 1 ("2026-02-30")'),
    });
  });
});
