import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/engine/index.ts';
import { parseNotebook } from '../../src/notebook/index.ts';
import { NotebookRunner, type CellOutcome } from '../../src/run/index.ts';
import { BatonError } from '../../src/errors.ts';

let dir: string;
let warehouse: Warehouse;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-results-'));
  warehouse = await Warehouse.open({
    path: path.join(dir, 'w.duckdb'),
    importsDir: path.join(dir, 'imports'),
    rowCap: 100,
  });
});
afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
});

const notebook = (body: string) =>
  parseNotebook(`---\ntitle: t\n---\n\n\`\`\`sql numbers\n${body}\n\`\`\`\n`).notebook;

function keyOf(outcome: CellOutcome | undefined): string {
  if (outcome?.status !== 'finished' || !outcome.key) throw new Error('no result key');
  return outcome.key;
}

describe('NotebookRunner.readResult', () => {
  it('pages and sorts the full result in DuckDB, past the rows kept in memory', async () => {
    const runner = new NotebookRunner(warehouse);
    const seen: string[] = [];
    const run = await runner.run(
      notebook(
        'select range as n, range % 3 as bucket, \'r\' || range as "Odd name" from range(1000)',
      ),
      { runId: 'run-1', onOutcome: (cellId) => seen.push(cellId) },
    );
    expect(run.runId).toBe('run-1');
    expect(seen).toEqual(['numbers']);
    const outcome = run.outcomes.get('numbers');
    expect(outcome?.status === 'finished' && outcome.result.rowCount).toBe(100);
    const key = keyOf(outcome);

    const page = await runner.readResult(key, {
      offset: 0,
      limit: 3,
      sort: { column: 'n', order: 'desc' },
    });
    expect(page.data[0]).toEqual([999, 998, 997]);
    expect(page.totalRows).toBe(1000);

    const odd = await runner.readResult(key, {
      offset: 10,
      limit: 2,
      sort: { column: 'Odd name', order: 'asc' },
    });
    // Text order: r0, r1, r10, r100, r101 ... so the eleventh is r107.
    expect(odd.data[2]).toEqual(['r107', 'r108']);

    const unsorted = await runner.readResult(key, { offset: 500, limit: 2 });
    expect(unsorted.data[0]).toEqual([500, 501]);
  });

  it('refuses a sort column that is not in the result', async () => {
    const runner = new NotebookRunner(warehouse);
    const run = await runner.run(notebook('select 1 as a'));
    const error = await runner
      .readResult(keyOf(run.outcomes.get('numbers')), {
        offset: 0,
        limit: 1,
        sort: { column: 'a" desc; drop table x; --', order: 'asc' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).kind).toBe('usage');
  });

  it('says `expired` once the cache has dropped the result', async () => {
    const runner = new NotebookRunner(warehouse, { cacheEntries: 1 });
    const first = await runner.run(notebook('select 1 as a'));
    await runner.run(notebook('select 2 as a'));
    const error = await runner
      .readResult(keyOf(first.outcomes.get('numbers')), { offset: 0, limit: 1 })
      .catch((caught: unknown) => caught);
    expect((error as BatonError).kind).toBe('expired');
  });
});

describe('NotebookRunner concurrency', () => {
  it('runs more notebooks at once than the warehouse has connections, without starving', async () => {
    const runner = new NotebookRunner(warehouse);
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        runner.run(notebook(`select ${index} as a, count(*) as n from range(100000)`)),
      ),
    );
    expect(runs.map((run) => run.outcomes.get('numbers')?.status)).toEqual(
      Array(8).fill('finished'),
    );
  });
});
