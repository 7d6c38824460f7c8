/**
 * User SQL that must never run: every case is refused with a clear error, and after each one the
 * engine still serves an ordinary query, on the warehouse and on a pinned session.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRefusedError } from '../../src/engine/index.ts';
import { expectServes, openWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;
let outside: string;

beforeAll(async () => {
  workspace = await openWorkspace();
  // A file beside imports/, inside the workspace: close, but still outside.
  outside = path.join(workspace.dir, 'secret.csv');
  await writeFile(outside, 'token\nhunter2\n');
  await workspace.warehouse.execute('create table sales (platform varchar, spend decimal(18,2))');
  await workspace.warehouse.execute(`insert into sales values ('meta', 10.5), ('google_ads', 20)`);
  await workspace.warehouse.execute('create sequence ids');
});

afterAll(() => workspace?.dispose());

interface Case {
  name: string;
  sql: () => string;
  message: RegExp;
}

const FILE_OUTSIDE = /outside the workspace's imports folder/;
const READ_ONLY = /Cells may only read data/;

const cases: Case[] = [
  {
    name: 'read_csv of /etc/passwd',
    sql: () => `select * from read_csv('/etc/passwd')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'read_text of /etc/passwd',
    sql: () => `select * from read_text('/etc/passwd')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'read_blob of /etc/passwd',
    sql: () => `select * from read_blob('/etc/passwd')`,
    message: FILE_OUTSIDE,
  },
  { name: 'glob of /etc', sql: () => `select * from glob('/etc/*')`, message: FILE_OUTSIDE },
  {
    name: 'a quoted function name',
    sql: () => `select * from "read_csv"('/etc/passwd')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'a schema-qualified reader',
    sql: () => `select * from system.main.read_csv('/etc/passwd')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'a file beside imports/',
    sql: () => `select * from read_csv('${outside}')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'a path climbing out of imports/',
    sql: () => `select * from read_csv('${workspace.importsDir}/../secret.csv')`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'a replacement scan of a path',
    sql: () => `select * from '${outside}'`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'a reader in a subquery',
    sql: () => `select (select count(*) from read_text('/etc/hostname')) as n`,
    message: FILE_OUTSIDE,
  },
  {
    name: 'COPY ... TO',
    sql: () => `copy (select 1) to '${workspace.importsDir}/out.csv'`,
    message: /COPY statement/,
  },
  {
    name: 'COPY ... FROM',
    sql: () => `copy sales from '${workspace.importsDir}/in.csv'`,
    message: /COPY statement/,
  },
  {
    name: 'EXPORT DATABASE',
    sql: () => `export database '${workspace.importsDir}/export'`,
    message: /EXPORT statement/,
  },
  {
    name: 'ATTACH',
    sql: () => `attach '${workspace.importsDir}/other.duckdb' as other`,
    message: /ATTACH statement/,
  },
  { name: 'DETACH', sql: () => 'detach baton_cells', message: /DETACH statement/ },
  { name: 'INSTALL', sql: () => 'install httpfs', message: /INSTALL\/LOAD statement/ },
  { name: 'LOAD', sql: () => 'load httpfs', message: /INSTALL\/LOAD statement/ },
  { name: 'SET threads', sql: () => 'set threads = 1', message: /cannot SET or RESET/ },
  {
    name: 'SET enable_external_access',
    sql: () => 'set enable_external_access = true',
    message: /cannot SET or RESET/,
  },
  {
    name: 'SET allowed_directories',
    sql: () => `set allowed_directories = ['/']`,
    message: /cannot SET or RESET/,
  },
  {
    name: 'SET lock_configuration',
    sql: () => 'set lock_configuration = false',
    message: /cannot SET or RESET/,
  },
  {
    name: 'SET GLOBAL memory_limit',
    sql: () => `set global memory_limit = '100GB'`,
    message: /cannot SET or RESET/,
  },
  { name: 'SET VARIABLE', sql: () => 'set variable x = 1', message: /cannot SET or RESET/ },
  { name: 'RESET', sql: () => 'reset threads', message: /cannot SET or RESET/ },
  { name: 'PRAGMA', sql: () => 'pragma enable_profiling', message: READ_ONLY },
  {
    name: 'two statements',
    sql: () => 'select 1; select 2',
    message: /^Only one read-only statement is allowed per cell; this cell has 2\.$/,
  },
  {
    name: 'a read then a write',
    sql: () => 'select 1; drop table sales',
    message: /this cell has 2/,
  },
  {
    name: 'CREATE TABLE',
    sql: () => 'create table t (a int)',
    message: /CREATE statement changes the schema/,
  },
  { name: 'CREATE TABLE AS', sql: () => 'create table t as select 1', message: /CREATE statement/ },
  { name: 'CREATE VIEW', sql: () => 'create view v as select 1', message: /CREATE statement/ },
  { name: 'CREATE MACRO', sql: () => 'create macro m() as 1', message: READ_ONLY },
  {
    name: 'DROP TABLE',
    sql: () => 'drop table sales',
    message: /DROP statement changes the schema/,
  },
  {
    name: 'ALTER TABLE',
    sql: () => 'alter table sales add column x int',
    message: /ALTER statement changes the schema/,
  },
  {
    name: 'INSERT',
    sql: () => `insert into sales values ('x', 1)`,
    message: /INSERT statement changes data/,
  },
  {
    name: 'UPDATE',
    sql: () => 'update sales set spend = 0',
    message: /UPDATE statement changes data/,
  },
  { name: 'DELETE', sql: () => 'delete from sales', message: /DELETE statement changes data/ },
  {
    name: 'BEGIN',
    sql: () => 'begin transaction',
    message: /BEGIN statement controls transactions/,
  },
  { name: 'CALL checkpoint()', sql: () => 'call checkpoint()', message: /CALL statement/ },
  { name: 'CHECKPOINT', sql: () => 'checkpoint', message: READ_ONLY },
  {
    name: 'checkpoint() in FROM',
    sql: () => 'select * from checkpoint()',
    message: /table function checkpoint\(\) is not available/,
  },
  {
    name: 'query() running SQL text',
    sql: () => `select * from query('select 1')`,
    message: /table function query\(\)/,
  },
  {
    name: 'query_table()',
    sql: () => `select * from query_table('sales')`,
    message: /table function query_table\(\)/,
  },
  { name: 'nextval', sql: () => `select nextval('ids')`, message: /may not call nextval\(\)/ },
  {
    name: 'nextval in a lambda',
    sql: () => `select list_transform([1, 2], x -> nextval('ids'))`,
    message: /nextval\(\)/,
  },
  {
    name: 'nextval in a CTE',
    sql: () => `with n as (select nextval('ids') as v) select * from n`,
    message: /nextval\(\)/,
  },
  { name: 'setseed', sql: () => 'select setseed(0.5)', message: /setseed\(\)/ },
  { name: 'EXPLAIN', sql: () => 'explain select 1', message: /EXPLAIN statement/ },
  { name: 'an empty cell', sql: () => '-- nothing here', message: /no SQL statement/ },
];

describe.each([
  ['the warehouse', () => workspace.warehouse],
  ['a session', () => sessionTarget],
])('on %s', (_label, target) => {
  it.each(cases)('refuses $name, then still serves queries', async ({ sql, message }) => {
    const error = await target()
      .query(sql())
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(QueryRefusedError);
    expect((error as QueryRefusedError).kind).toBe('refused');
    expect((error as QueryRefusedError).message).toMatch(message);
    expect((error as QueryRefusedError).hint).toBeTruthy();
    await expectServes(target());
  });
});

let sessionTarget: Awaited<ReturnType<TestWorkspace['warehouse']['session']>>;
beforeAll(async () => {
  sessionTarget = await workspace.warehouse.session();
});
afterAll(() => sessionTarget?.release());

describe('what the refusals protected', () => {
  it('left the data, the files and the settings as they were', async () => {
    const { data } = await workspace.warehouse.query(
      'select count(*) as n, sum(spend) as spend from sales',
    );
    expect(data).toEqual([[2], [30.5]]);
    expect(existsSync(path.join(workspace.importsDir, 'out.csv'))).toBe(false);
    expect(existsSync(path.join(workspace.importsDir, 'export'))).toBe(false);
    const settings = await workspace.warehouse.query(
      `select current_setting('threads') as threads, current_setting('enable_external_access') as external, current_setting('lock_configuration') as locked`,
    );
    expect(settings.data).toEqual([[workspace.warehouse.options.threads], [false], [true]]);
    // nextval never ran: the first value is still to come.
    await workspace.warehouse.execute(`create table first_id as select nextval('ids') as id`);
    expect((await workspace.warehouse.query('from first_id')).data).toEqual([[1]]);
  });

  it("leaves what DuckDB's parser rejects (a data-modifying CTE) to DuckDB, and still serves", async () => {
    await expect(
      workspace.warehouse.query('with x as (delete from sales returning *) select * from x'),
    ).rejects.toMatchObject({
      kind: 'query',
      message: expect.stringMatching(/^Parser Error/),
    });
    await expectServes(workspace.warehouse);
  });

  it('refuses in inspect and materialize too', async () => {
    await expect(workspace.warehouse.inspect('select 1; select 2')).rejects.toMatchObject({
      kind: 'refused',
    });
    await expect(workspace.warehouse.inspect(`select nextval('ids')`)).rejects.toMatchObject({
      kind: 'refused',
    });
    const session = await workspace.warehouse.session();
    try {
      await expect(
        session.materialize('drop table sales', 'baton_cells."c_x"'),
      ).rejects.toMatchObject({ kind: 'refused' });
      await expect(
        session.materialize(`select * from read_csv('/etc/passwd')`, 'baton_cells."c_x"'),
      ).rejects.toMatchObject({ kind: 'refused' });
      await expectServes(session);
    } finally {
      session.release();
    }
  });
});
