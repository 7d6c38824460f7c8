/** User SQL that should run: files in imports/, bound parameters, time limits, the row cap, sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCancelledError, QueryError, QueryTimeoutError } from '../../src/engine/index.ts';
import { expectServes, openWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;

/** Long enough to outlast any timeout below: a cross join of a billion rows. */
const SLOW = 'select count(*) from range(1000000) a, range(1000000) b where a.range + b.range = -1';

beforeAll(async () => {
  workspace = await openWorkspace({ rowCap: 1_000 });
  await workspace.warehouse.execute(
    'create table sales (date date, platform varchar, spend decimal(18,2), clicks bigint)',
  );
  await workspace.warehouse.execute(`insert into sales values
    ('2026-11-01', 'meta', 100.25, 10), ('2026-11-01', 'google_ads', 50, 5),
    ('2026-11-02', 'meta', 120, 12), ('2026-11-03', 'google_ads', 60.5, 6)`);
});

afterAll(() => workspace?.dispose());

describe('reading files in imports/', () => {
  it('reads a CSV by its full path', async () => {
    const file = await workspace.importFile(
      'campaigns.csv',
      'campaign,spend\nspring,10.5\nsummer,20\n',
    );
    const result = await workspace.warehouse.query(
      `select campaign, spend from read_csv('${file}') order by campaign`,
    );
    expect(result.columns).toEqual([
      { name: 'campaign', type: 'VARCHAR' },
      { name: 'spend', type: 'DOUBLE' },
    ]);
    expect(result.data).toEqual([
      ['spring', 'summer'],
      [10.5, 20],
    ]);
  });

  it('lists and reads files with glob and read_text', async () => {
    await workspace.importFile('note.txt', 'hello');
    const listed = await workspace.warehouse.query(
      `select file from glob('${workspace.importsDir}/*.txt')`,
    );
    expect(listed.data).toEqual([[`${workspace.importsDir}/note.txt`]]);
    const read = await workspace.warehouse.query(
      `select content from read_text('${workspace.importsDir}/note.txt')`,
    );
    expect(read.data).toEqual([['hello']]);
  });
});

describe('parameters', () => {
  it('binds named parameters; extra ones are ignored', async () => {
    const result = await workspace.warehouse.query(
      `select platform, sum(spend) as spend from sales
       where date between $period_start and $period_end and clicks >= $min_clicks
       group by all order by platform`,
      {
        params: {
          period_start: '2026-11-01',
          period_end: '2026-11-02',
          min_clicks: 6,
          unused: 'ignored',
        },
      },
    );
    expect(result.data).toEqual([['meta'], [220.25]]);
  });

  it('binds a YYYY-MM-DD string or a Date at midnight UTC as a DATE', async () => {
    const result = await workspace.warehouse.query(
      'select $day as day, $when as when, $label as label',
      {
        params: { day: '2026-11-02', when: new Date('2026-11-03T00:00:00Z'), label: 'spring' },
      },
    );
    expect(result.columns.map((column) => column.type)).toEqual(['DATE', 'DATE', 'VARCHAR']);
    expect(result.data).toEqual([['2026-11-02'], ['2026-11-03'], ['spring']]);
  });

  it('binds text compared with text as VARCHAR, lists as lists', async () => {
    const result = await workspace.warehouse.query(
      `select count(*) as n from sales where platform = $platform and clicks in (select unnest($clicks))`,
      { params: { platform: 'meta', clicks: [10, 12, 99] } },
    );
    expect(result.data).toEqual([[2]]);
  });

  it('never splices a value into the SQL', async () => {
    const result = await workspace.warehouse.query(
      'select count(*) as n from sales where platform = $platform',
      {
        params: { platform: `meta' or '1' = '1` },
      },
    );
    expect(result.data).toEqual([[0]]);
  });

  it('names a parameter with no value', async () => {
    const error = await workspace.warehouse
      .query('select * from sales where platform = $platform')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).message).toMatch(/\$platform/);
    await expectServes(workspace.warehouse);
  });
});

describe('results', () => {
  it('returns columns of JS-friendly values', async () => {
    const result = await workspace.warehouse.query(`select
      1::bigint as small_bigint, 9007199254740993::bigint as big_bigint, 12.34::decimal(18,2) as money,
      date '2026-11-02' as day, timestamp '2026-11-02 10:30:00.250' as at, timestamptz '2026-11-02 10:30:00+00' as at_utc,
      [1, 2]::integer[] as list, {'a': 1} as struct, null::varchar as nothing, true as flag`);
    expect(result.data.map((column) => column[0])).toEqual([
      1,
      9007199254740993n,
      12.34,
      '2026-11-02',
      '2026-11-02T10:30:00.250',
      '2026-11-02T10:30:00.000Z',
      [1, 2],
      '{"a":1}',
      null,
      true,
    ]);
  });

  it('caps the rows that leave the engine and reports the true total', async () => {
    const capped = await workspace.warehouse.query('select range as n from range(25000)', {
      rowCap: 100,
    });
    expect(capped.rowCount).toBe(100);
    expect(capped.data[0]).toHaveLength(100);
    expect(capped.data[0]![99]).toBe(99);
    expect(capped.totalRows).toBe(25_000);
    expect(capped.truncated).toBe(true);

    const byDefault = await workspace.warehouse.query('select range as n from range(5000)');
    expect([byDefault.rowCount, byDefault.totalRows, byDefault.truncated]).toEqual([
      1_000,
      5_000,
      true,
    ]);

    const whole = await workspace.warehouse.query('from sales');
    expect([whole.rowCount, whole.totalRows, whole.truncated]).toEqual([4, 4, false]);
  });

  it('reports DuckDB errors as QueryErrors with a hint', async () => {
    const error = await workspace.warehouse
      .query('select nonexistent from sales')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).kind).toBe('query');
    expect((error as QueryError).message).toMatch(
      /^Binder Error: Referenced column "nonexistent" not found/,
    );
    expect((error as QueryError).hint).toMatch(/column names/);
    await expectServes(workspace.warehouse);
  });
});

describe('time limits', () => {
  it('interrupts a long query, and the same connection then serves queries', async () => {
    const session = await workspace.warehouse.session();
    try {
      const started = performance.now();
      const error = await session
        .query(SLOW, { timeoutMs: 200 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QueryTimeoutError);
      expect((error as QueryTimeoutError).kind).toBe('timeout');
      expect((error as QueryTimeoutError).message).toBe(
        'The query ran longer than 200 ms and was stopped.',
      );
      expect(performance.now() - started).toBeLessThan(5_000);
      await expectServes(session);
    } finally {
      session.release();
    }
  });

  it('interrupts a streaming read, never returning partial rows', async () => {
    const error = await workspace.warehouse
      .query('select * from range(2000000000)', { timeoutMs: 150, rowCap: 10 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryTimeoutError);
    await expectServes(workspace.warehouse);
  });

  it('interrupts when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await workspace.warehouse
      .query(SLOW, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryCancelledError);
    await expectServes(workspace.warehouse);
  });
});

describe('inspect', () => {
  it('lists relations read and parameters without running or binding', async () => {
    const inspected = await workspace.warehouse.inspect(`
      with recent as (select * from sales where date >= $period_start)
      select * from recent join raw_ads.campaigns c using (platform), daily, "Odd Name"
      where spend > $min_spend and platform = $platform and date <= $period_start`);
    expect(inspected).toEqual({
      tablesRead: ['sales', 'raw_ads.campaigns', 'daily', '"Odd Name"'],
      parameters: ['period_start', 'min_spend', 'platform'],
    });
  });
});

describe('sessions', () => {
  it('materializes a result into a trusted table and reads it back in pages', async () => {
    const session = await workspace.warehouse.session();
    try {
      const stored = await session.materialize(
        'select platform, date, sum(spend) as spend from sales where date >= $since group by all order by all',
        'baton_cells."c_test"',
        { params: { since: '2026-11-01' }, rowCap: 3 },
      );
      expect(stored).toMatchObject({
        rowCount: 3,
        truncated: true,
        totalRows: 4,
        columns: [
          { name: 'platform', type: 'VARCHAR' },
          { name: 'date', type: 'DATE' },
          { name: 'spend', type: 'DECIMAL(38,2)' },
        ],
      });
      expect(stored.data[0]).toEqual(['google_ads', 'google_ads', 'meta']);
      const page = await session.read('baton_cells."c_test"', { rowCap: 2, offset: 1 });
      expect(page).toMatchObject({ rowCount: 2, totalRows: 4, truncated: true });
      expect(page.data).toEqual([
        ['google_ads', 'meta'],
        ['2026-11-03', '2026-11-01'],
        [60.5, 100.25],
      ]);

      // The runner names a cell's result with a temp view; later cells read it by name.
      await session.execute('create or replace temp view daily as from baton_cells."c_test"');
      const daily = await session.query('select sum(spend) as spend from daily');
      expect(daily.data).toEqual([[330.75]]);
    } finally {
      session.release();
    }
  });

  it('keeps temp views to the session that made them', async () => {
    const session = await workspace.warehouse.session();
    await session.execute('create or replace temp view only_here as select 1 as x');
    session.release();
    await expect(session.query('select 1')).rejects.toMatchObject({ kind: 'closed' });
    const others = await Promise.all(
      [1, 2, 3, 4].map(() =>
        workspace.warehouse.query(
          'select count(*) as n from information_schema.tables where table_name = $name',
          { params: { name: 'only_here' } },
        ),
      ),
    );
    for (const result of others) expect(result.data).toEqual([[0]]);
  });

  it('runs more sessions than connections by waiting for a free one', async () => {
    const sessions = await Promise.all([1, 2, 3, 4].map(() => workspace.warehouse.session()));
    const waiting = workspace.warehouse.query('select 7 as x');
    sessions[0]!.release();
    expect((await waiting).data).toEqual([[7]]);
    for (const session of sessions.slice(1)) session.release();
  });
});
