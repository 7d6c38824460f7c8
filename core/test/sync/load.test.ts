import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/spec/index.ts';
import {
  loadConnectorModule,
  loadWorkspaceConnectors,
  validateConnector,
} from '../../src/sync/index.ts';
import { testAds } from './connector.ts';

const here = import.meta.dirname;
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('loadConnectorModule', () => {
  it('imports and checks a plugin module', async () => {
    const connector = await loadConnectorModule('./plugins/valid.ts', here);
    expect(connector.id).toBe('listed-ads');
  });

  it('says what is wrong with an invalid plugin', async () => {
    await expect(loadConnectorModule('./plugins/broken.ts', here)).rejects.toThrow(
      'Plugin "./plugins/broken.ts" is not a valid Baton connector: stream "campaign_daily": merge needs a primaryKey.',
    );
    await expect(loadConnectorModule('./plugins/missing.ts', here)).rejects.toThrow(
      /could not be loaded/,
    );
    await expect(loadConnectorModule('no-such-baton-plugin', here)).rejects.toThrow(
      /was not found/,
    );
  });

  it.each([
    [{ specificationVersion: 'v2' }, /this Baton reads 'v1'/],
    [{ id: 'Acme_Ads' }, /id "Acme_Ads" must be kebab-case/],
    [{ config: { parse() {} } }, /config must be a zod \(v4\) schema/],
    [{ read: undefined }, /read must be a function/],
    [{ streams: [{ ...testAds.streams[0]!, name: 'Campaign Daily' }] }, /name must be snake_case/],
    [{ streams: [{ ...testAds.streams[0]!, primaryKey: ['nope'] }] }, /primaryKey names "nope"/],
    [
      { streams: [{ ...testAds.streams[0]!, cursor: { field: 'date', lookbackDays: -1 } }] },
      /lookbackDays must be an integer >= 0/,
    ],
    [{ streams: [{ ...testAds.streams[1]!, writeMode: 'replace-window' }] }, /needs a cursor/],
    [{ streams: [testAds.streams[1]!, testAds.streams[1]!] }, /declared twice/],
  ])('refuses %j', (override, message) => {
    expect(() => validateConnector({ ...testAds, ...override }, 'x')).toThrow(message);
  });
});

describe('loadWorkspaceConnectors', () => {
  it("adds the plugins listed in the workspace's baton.json to the built-in ones", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-plugins-'));
    const config = path.join(dir, 'baton.json');
    await writeFile(
      config,
      JSON.stringify({ name: 'w', plugins: [path.join(here, 'plugins/valid.ts')] }),
    );
    const connectors = await loadWorkspaceConnectors(dir, [testAds as Connector]);
    expect(connectors.map((connector) => connector.id)).toEqual(['test-ads', 'listed-ads']);
    expect(await loadWorkspaceConnectors(path.join(dir, 'none'), [])).toEqual([]);
    await writeFile(config, JSON.stringify({ plugins: 'x' }));
    await expect(loadWorkspaceConnectors(dir, [])).rejects.toThrow(/must be a list/);
    const again = path.join(here, 'plugins/valid.ts');
    await writeFile(config, JSON.stringify({ plugins: [again, again] }));
    await expect(loadWorkspaceConnectors(dir, [])).rejects.toThrow(/already uses/);
  });
});
