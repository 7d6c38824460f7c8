import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Warehouse } from '../../src/engine/index.ts';
import type { Connector } from '../../src/spec/index.ts';
import { openWorkspace } from '../../src/store/index.ts';
import { SyncHost, type SyncHostOptions } from '../../src/sync/index.ts';
import { testAds } from './connector.ts';

export const NOW = new Date('2026-03-10T12:00:00Z');
export const SECRET = 'sk-planted-secret-7f3a9c';

export interface Bench {
  dir: string;
  warehouse: Warehouse;
  host: SyncHost;
  sleeps: number[];
  reopen(options?: Partial<SyncHostOptions>): Promise<SyncHost>;
  rows(sql: string): Promise<unknown[][]>;
  cleanup(): Promise<void>;
}

/** A temp workspace with an open warehouse and host (test connector, fixed clock, recorded sleeps). */
export async function workspace(
  options: Partial<SyncHostOptions> & { connectors?: Connector[] } = {},
): Promise<Bench> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-sync-'));
  const { warehouse } = await openWorkspace(dir, { create: true });
  const sleeps: number[] = [];
  const base: SyncHostOptions = {
    workspaceDir: dir,
    warehouse,
    connectors: [testAds as Connector],
    reportingCurrency: 'EUR',
    secretKey: Buffer.alloc(32, 7).toString('base64'),
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  const hosts: SyncHost[] = [];
  const open = async (extra: Partial<SyncHostOptions> = {}) => {
    const host = await SyncHost.open({ ...base, ...options, ...extra });
    hosts.push(host);
    return host;
  };
  const host = await open();
  return {
    dir,
    warehouse,
    host,
    sleeps,
    reopen: open,
    async rows(sql) {
      const result = await warehouse.query(sql, { rowCap: 1_000_000 });
      return Array.from({ length: result.rowCount }, (_, row) =>
        result.data.map((column) => column[row]),
      );
    },
    async cleanup() {
      for (const opened of hosts) await opened.close();
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function connectorWith(overrides: Partial<Connector>): Connector {
  return { ...(testAds as Connector), ...overrides };
}
