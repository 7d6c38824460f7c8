/** Opening a workspace database: hardened before it is handed out, on every pooled connection. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse, WarehouseOpenError } from '../../src/engine/index.ts';
import { openWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await openWorkspace({ memoryLimit: '512MB', threads: 2 });
});

afterAll(() => workspace?.dispose());

const SETTINGS = `select
  current_setting('enable_external_access') as external_access,
  current_setting('lock_configuration') as locked,
  current_setting('autoinstall_known_extensions') as autoinstall,
  current_setting('autoload_known_extensions') as autoload,
  current_setting('allowed_directories') as allowed,
  current_setting('threads') as threads,
  current_setting('memory_limit') as memory`;

describe('Warehouse.open', () => {
  it('hardens the database before returning it, on every connection', async () => {
    const { tempDir, importsDir } = workspace.warehouse.options;
    const expected = [
      [false],
      [true],
      [false],
      [false],
      [[`${importsDir}/`, `${tempDir}/`]],
      [2],
      ['488.2 MiB'],
    ];
    expect((await workspace.warehouse.query(SETTINGS)).data).toEqual(expected);
    // Sessions pin other pooled connections: the settings are global, so they hold there too.
    const sessions = await Promise.all([1, 2, 3].map(() => workspace.warehouse.session()));
    try {
      for (const session of sessions)
        expect((await session.query(SETTINGS)).data).toEqual(expected);
    } finally {
      for (const session of sessions) session.release();
    }
  });

  it('attaches the in-memory cell cache and creates the version table', async () => {
    const result = await workspace.warehouse.query(
      `select table_catalog, table_schema, table_name from information_schema.tables where table_schema = '_baton'`,
    );
    expect(result.data).toEqual([['workspace'], ['_baton'], ['table_versions']]);
    const catalogs = await workspace.warehouse.query(
      `select distinct catalog_name from information_schema.schemata where catalog_name = 'baton_cells'`,
    );
    expect(catalogs.data).toEqual([['baton_cells']]);
  });

  it('reopens an existing workspace file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-engine-reopen-'));
    const options = { path: path.join(dir, 'w.duckdb'), importsDir: path.join(dir, 'imports') };
    try {
      const first = await Warehouse.open(options);
      await first.execute('create table kept (x integer); insert into kept values (1)');
      await first.close();
      const second = await Warehouse.open(options);
      expect((await second.query('from kept')).data).toEqual([[1]]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database file inside the imports folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-engine-inside-'));
    try {
      const opening = Warehouse.open({
        path: path.join(dir, 'imports', 'w.duckdb'),
        importsDir: path.join(dir, 'imports'),
      });
      await expect(opening).rejects.toBeInstanceOf(WarehouseOpenError);
      await expect(opening).rejects.toMatchObject({
        kind: 'config',
        message: expect.stringMatching(/inside the imports folder/),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses work once closed', async () => {
    const other = await openWorkspace();
    await other.dispose();
    await expect(other.warehouse.query('select 1')).rejects.toMatchObject({ kind: 'closed' });
  });
});
