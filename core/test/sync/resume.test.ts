/**
 * A sync killed with SIGKILL mid-stream, run again, ends with the same rows as an uninterrupted
 * sync: no duplicates, no gaps. Real child processes, as a crash would happen.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/store/index.ts';

const child = path.join(import.meta.dirname, 'child.ts');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function start(dir: string, delayMs: number) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, dir, String(delayMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  process_.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    process_.on('close', (code) => resolve(code)),
  );
  return { process: process_, exited, output: () => output + errors, stderr: () => errors };
}

function readMeta(dir: string, sql: string): Record<string, unknown>[] {
  const file = path.join(dir, 'meta.sqlite');
  if (!existsSync(file)) return [];
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    return db.prepare(sql).all() as Record<string, unknown>[];
  } catch {
    return []; // not created yet
  } finally {
    db.close();
  }
}

async function rowsOf(dir: string): Promise<string[]> {
  const { warehouse } = await openWorkspace(dir);
  try {
    const result = await warehouse.query(
      `SELECT date::VARCHAR || '|' || campaign_id || '|' || impressions || '|' || spend FROM raw_test_ads.campaign_daily ORDER BY 1`,
      { rowCap: 1_000_000 },
    );
    return (result.data[0] ?? []).map(String);
  } finally {
    await warehouse.close();
  }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-resume-'));
  dirs.push(dir);
  return dir;
}

describe('resuming a killed sync', () => {
  it('ends with the same rows as an uninterrupted sync', async () => {
    const killed = await tempDir();
    const run = start(killed, 40);
    // Wait until some window chunks are committed, with more to go.
    const deadline = Date.now() + 60_000;
    let cursor: string | undefined;
    while (Date.now() < deadline) {
      cursor = readMeta(killed, "SELECT cursor FROM cursors WHERE stream = 'campaign_daily'")[0]
        ?.cursor as string | undefined;
      if (cursor && cursor >= '2026-02-13') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(cursor, run.output()).toBeDefined();
    run.process.kill('SIGKILL');
    expect(await run.exited).toBeNull();
    expect(cursor! < '2026-03-10').toBe(true); // killed mid-stream
    expect(readMeta(killed, 'SELECT status FROM runs')).toEqual([{ status: 'running' }]);
    const partial = await rowsOf(killed);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(31 * 50);

    const rerun = start(killed, 0);
    expect(await rerun.exited, rerun.output()).toBe(0);
    const statuses = readMeta(killed, 'SELECT status FROM runs ORDER BY rowid').map(
      (row) => row.status,
    );
    expect(statuses).toEqual(['interrupted', 'succeeded', 'succeeded']);

    const clean = await tempDir();
    const cleanRun = start(clean, 0);
    expect(await cleanRun.exited, cleanRun.output()).toBe(0);
    // node:sqlite and the rest print no warnings that would break a CLI's output.
    expect(cleanRun.stderr()).toBe('');

    const expected = await rowsOf(clean);
    expect(expected).toHaveLength(31 * 50);
    expect(await rowsOf(killed)).toEqual(expected);
  });
});
