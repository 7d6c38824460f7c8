/** Bulk ingest: every value type round-trips, big batches cross chunk boundaries, bad batches append nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IngestError,
  rowsToBatch,
  type ColumnarBatch,
  type SqlValue,
} from '../../src/engine/index.ts';
import { openWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await openWorkspace({ rowCap: 100_000 });
});

afterAll(() => workspace?.dispose());

const ALL_TYPES = `(
  day date, platform varchar, spend decimal(18,2), big_money decimal(38,4), clicks bigint, views integer,
  tiny tinyint, ratio double, share real, active boolean, seen_at timestamp, seen_tz timestamptz,
  huge hugeint, tags varchar[], note varchar)`;

async function readBack(table: string, orderBy = 'rowid'): Promise<SqlValue[][]> {
  return (await workspace.warehouse.query(`select * from ${table} order by ${orderBy}`)).data;
}

describe('ingest', () => {
  it('round-trips every type, NULLs included', async () => {
    await workspace.warehouse.execute(`create table all_types ${ALL_TYPES}`);
    const batch: ColumnarBatch = {
      columns: [
        'day',
        'platform',
        'spend',
        'big_money',
        'clicks',
        'views',
        'tiny',
        'ratio',
        'share',
        'active',
        'seen_at',
        'seen_tz',
        'huge',
        'tags',
        'note',
      ],
      data: [
        ['2026-11-01', new Date('2026-11-02T00:00:00Z'), null],
        ['meta', 'google_ads', null],
        [12.34, 0.1, null],
        ['123456789012345678.1234', 5, null],
        [9_007_199_254_740_993n, 42, null],
        [7, -1, null],
        [1, 127, null],
        [0.5, Number.MAX_VALUE, null],
        [1.5, -2, null],
        [true, false, null],
        [new Date('2026-11-01T10:30:00.250Z'), new Date('1969-12-31T23:59:59.999Z'), null],
        [new Date('2026-11-01T10:30:00Z'), new Date('2000-01-01T00:00:00Z'), null],
        [170141183460469231731687303715884105727n, 1n, null],
        [['a', 'b'], [], null],
        ['émoji 🎉 and "quotes"', '', null],
      ],
    };
    expect(await workspace.warehouse.ingest('all_types', batch)).toEqual({ rows: 3 });
    expect(await readBack('all_types')).toEqual([
      ['2026-11-01', '2026-11-02', null],
      ['meta', 'google_ads', null],
      [12.34, 0.1, null],
      [Number('123456789012345678.1234'), 5, null], // DECIMAL becomes a (lossy) number
      [9_007_199_254_740_993n, 42, null],
      [7, -1, null],
      [1, 127, null],
      [0.5, Number.MAX_VALUE, null],
      [1.5, -2, null],
      [true, false, null],
      ['2026-11-01T10:30:00.250', '1969-12-31T23:59:59.999', null],
      ['2026-11-01T10:30:00.000Z', '2000-01-01T00:00:00.000Z', null],
      [170141183460469231731687303715884105727n, 1, null],
      [['a', 'b'], [], null],
      ['émoji 🎉 and "quotes"', '', null],
    ]);
    const exact = await workspace.warehouse.query(
      'select big_money::varchar as text from all_types where big_money > 100',
    );
    expect(exact.data).toEqual([['123456789012345678.1234']]);
  });

  it('appends big batches across chunk boundaries, repeated and unique strings, NULLs anywhere', async () => {
    await workspace.warehouse.execute(
      'create table events (n integer, platform varchar, id varchar, spend decimal(18,2), day date)',
    );
    const rows = 10_000;
    const batch: ColumnarBatch = {
      columns: ['n', 'platform', 'id', 'spend', 'day'],
      data: [
        Array.from({ length: rows }, (_, i) => i),
        Array.from({ length: rows }, (_, i) =>
          i % 7 === 0 ? null : ['meta', 'google_ads', 'tiktok_ads'][i % 3]!,
        ),
        Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : `event-${i}`)),
        Array.from({ length: rows }, (_, i) => (i % 13 === 0 ? null : i / 100)),
        Array.from({ length: rows }, (_, i) =>
          i % 17 === 0
            ? null
            : new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10),
        ),
      ],
    };
    expect(await workspace.warehouse.ingest('events', [batch, batch])).toEqual({ rows: 2 * rows });
    const stored = await readBack('events');
    const first = stored.map((column) => column.slice(0, rows));
    expect(first[0]).toEqual(batch.data[0]);
    expect(first[1]).toEqual(batch.data[1]);
    expect(first[2]).toEqual(batch.data[2]);
    expect(first[3]).toEqual(batch.data[3]);
    expect(first[4]).toEqual(batch.data[4]);
    expect(stored[0]!.slice(rows)).toEqual(batch.data[0]);
  });

  it('takes async iterables, leaves out columns as NULL, and matches names case-insensitively', async () => {
    await workspace.warehouse.execute('create table partial (a integer, b varchar, c double)');
    async function* pages() {
      yield { columns: ['A'], data: [[1, 2]] };
      yield { columns: ['c', 'b'], data: [[0.5], ['x']] };
    }
    expect(await workspace.warehouse.ingest('partial', pages())).toEqual({ rows: 3 });
    expect(await readBack('partial')).toEqual([
      [1, 2, null],
      [null, null, 'x'],
      [null, null, 0.5],
    ]);
  });

  it('parses text into typed columns as a CSV reader would', async () => {
    await workspace.warehouse.execute(
      'create table typed (spend decimal(18,2), clicks bigint, day date, seen timestamp)',
    );
    await workspace.warehouse.ingest('typed', {
      columns: ['spend', 'clicks', 'day', 'seen'],
      data: [
        ['12.345', '0.10'],
        ['7', '8'],
        ['2026-11-01', '2026-11-02T00:00:00'],
        ['2026-11-01 10:00:00', '2026-11-01T11:00:00'],
      ],
    });
    expect(await readBack('typed')).toEqual([
      [12.35, 0.1],
      [7, 8],
      ['2026-11-01', '2026-11-02'],
      ['2026-11-01T10:00:00.000', '2026-11-01T11:00:00.000'],
    ]);
  });

  it('appends into a schema-qualified table', async () => {
    await workspace.warehouse.execute(
      'create schema raw_demo; create table raw_demo."Campaign Days" (day date, spend double)',
    );
    await workspace.warehouse.ingest('raw_demo."Campaign Days"', {
      columns: ['day', 'spend'],
      data: [['2026-11-01'], [1.5]],
    });
    expect(await readBack('raw_demo."Campaign Days"')).toEqual([['2026-11-01'], [1.5]]);
  });

  it('moves rows past the in-memory staging limit straight to the table, in the same transaction', async () => {
    await workspace.warehouse.execute('create table wide_load (n integer, label varchar)');
    const page = (start: number, count: number): ColumnarBatch => ({
      columns: ['n', 'label'],
      data: [
        Array.from({ length: count }, (_, i) => start + i),
        Array.from({ length: count }, (_, i) => `l${(start + i) % 5}`),
      ],
    });
    const pages = [page(0, 1_000_000), page(1_000_000, 1_000_000), page(2_000_000, 500_000)];
    expect(await workspace.warehouse.ingest('wide_load', pages)).toEqual({ rows: 2_500_000 });
    const { data } = await workspace.warehouse.query(
      'select count(*), min(n), max(n), count(distinct label) from wide_load',
    );
    expect(data).toEqual([[2_500_000], [0], [2_499_999], [5]]);
    // Insertion order is kept across the staged and the direct part.
    const ordered = await workspace.warehouse.query(
      'select n from wide_load limit 3 offset 1999999',
    );
    expect(ordered.data).toEqual([[1_999_999, 2_000_000, 2_000_001]]);

    // A failure after the staged rows were moved still undoes everything.
    const bad = { columns: ['n'], data: [['not a number']] };
    await expect(
      workspace.warehouse.ingest('wide_load', [page(0, 1_000_000), page(0, 1_000_000), bad]),
    ).rejects.toBeInstanceOf(IngestError);
    expect((await workspace.warehouse.query('select count(*) from wide_load')).data).toEqual([
      [2_500_000],
    ]);
    const staging = await workspace.warehouse.query(
      `select count(*) from information_schema.tables where table_catalog = 'baton_cells' and table_schema = '_ingest'`,
    );
    expect(staging.data).toEqual([[0]]);
  });

  it("appends in a session's own transaction", async () => {
    await workspace.warehouse.execute('create table windowed (day date, spend double)');
    await workspace.warehouse.ingest('windowed', {
      columns: ['day', 'spend'],
      data: [
        ['2026-11-01', '2026-11-02'],
        [1, 2],
      ],
    });
    const session = await workspace.warehouse.session();
    try {
      // Replace the lookback window atomically, as the sync host does.
      await session.execute('begin transaction');
      await session.execute('delete from windowed where day >= $since', { since: '2026-11-02' });
      expect(
        await session.ingest('windowed', {
          columns: ['day', 'spend'],
          data: [
            ['2026-11-02', '2026-11-03'],
            [20, 30],
          ],
        }),
      ).toEqual({ rows: 2 });
      await session.execute('rollback');
      expect((await session.query('select sum(spend) from windowed')).data).toEqual([[3]]);
      await session.execute('begin transaction');
      await session.execute('delete from windowed where day >= $since', { since: '2026-11-02' });
      await session.ingest('windowed', {
        columns: ['day', 'spend'],
        data: [
          ['2026-11-02', '2026-11-03'],
          [20, 30],
        ],
      });
      await session.execute('commit');
      expect((await session.query('select sum(spend) from windowed')).data).toEqual([[51]]);
    } finally {
      session.release();
    }
  });

  it('names the column when a value does not convert on the direct (session) path', async () => {
    await workspace.warehouse.execute('create table direct_dates (n integer, day date)');
    const session = await workspace.warehouse.session();
    try {
      const error = await session
        .ingest('direct_dates', { columns: ['n', 'day'], data: [[1], ['someday']] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).message).toMatch(
        /a value in column "day" cannot be converted to DATE/,
      );
    } finally {
      session.release();
    }
  });

  describe('refuses a bad batch and appends nothing', () => {
    beforeAll(() => workspace.warehouse.execute('create table strict (n integer, day date)'));

    it.each([
      [
        'an unknown column',
        { columns: ['n', 'nope'], data: [[1], [2]] },
        /no column "nope" \(columns: n, day\)/,
      ],
      ['a column named twice', { columns: ['n', 'N'], data: [[1], [2]] }, /names column "N" twice/],
      [
        'ragged arrays',
        { columns: ['n', 'day'], data: [[1, 2], ['2026-11-01']] },
        /1 values in "day" but 2 in "n"/,
      ],
      [
        'fewer arrays than names',
        { columns: ['n', 'day'], data: [[1]] },
        /names 2 columns but has 1 arrays/,
      ],
      [
        'a value DuckDB cannot convert',
        {
          columns: ['n', 'day'],
          data: [
            [1, 2],
            ['2026-11-01', 'not a date'],
          ],
        },
        /a value in column "day" cannot be converted to DATE/,
      ],
    ] as const)('%s', async (_name, badBatch, message) => {
      const good = { columns: ['n'], data: [[100]] };
      const error = await workspace.warehouse
        .ingest('strict', [good, badBatch as unknown as ColumnarBatch])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).message).toMatch(message);
      expect((await workspace.warehouse.query('select count(*) as n from strict')).data).toEqual([
        [0],
      ]);
    });

    it('a NULL in a NOT NULL column (checked when the staged rows reach the table)', async () => {
      await workspace.warehouse.execute('create table required (n integer not null)');
      const error = await workspace.warehouse
        .ingest('required', { columns: ['n'], data: [[1, null]] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).message).toMatch(/NOT NULL constraint/);
      expect((await workspace.warehouse.query('select count(*) from required')).data).toEqual([
        [0],
      ]);
    });

    it('a table that does not exist', async () => {
      await expect(
        workspace.warehouse.ingest('missing_table', { columns: ['n'], data: [[1]] }),
      ).rejects.toMatchObject({
        message: 'There is no table named missing_table.',
      });
    });
  });
});

describe('rowsToBatch', () => {
  it('transposes row objects, missing keys and undefined as NULL', () => {
    expect(
      rowsToBatch([{ a: 1, b: 'x' }, { b: 'y' }, { a: undefined, b: null, c: 'ignored' }]),
    ).toEqual({
      columns: ['a', 'b'],
      data: [
        [1, null, null],
        ['x', 'y', null],
      ],
    });
  });

  it('takes explicit columns, including names an object inherits', () => {
    expect(
      rowsToBatch(
        [{ constructor: 'c1', 'odd "key"': 2 }, {}],
        ['constructor', 'odd "key"', 'toString'],
      ),
    ).toEqual({
      columns: ['constructor', 'odd "key"', 'toString'],
      data: [
        ['c1', null],
        [2, null],
        [null, null],
      ],
    });
  });

  it('gives an empty batch for no rows', () => {
    expect(rowsToBatch([])).toEqual({ columns: [], data: [] });
  });
});
