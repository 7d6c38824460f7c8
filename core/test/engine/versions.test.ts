/** Data versions: change with the data behind a name, through views, and only then. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/engine/index.ts';
import { openWorkspace, type TestWorkspace } from './workspace.ts';

let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await openWorkspace();
  const { warehouse } = workspace;
  await warehouse.execute(`
    create schema raw_ads;
    create table raw_ads.campaign_daily (day date, platform varchar, spend double);
    create table other (x integer);
    create view ad_performance_daily as select day, platform, spend from raw_ads.campaign_daily;
    create view spend_by_platform (platform, total) as select platform, sum(spend) from ad_performance_daily group by all;
    create view raw_ads.local_view as select * from campaign_daily`);
});

afterAll(() => workspace?.dispose());

const oneRow = { columns: ['day', 'platform', 'spend'], data: [['2026-11-01'], ['meta'], [1.5]] };

describe('dataVersion', () => {
  it('is stable while nothing changes', async () => {
    const { warehouse } = workspace;
    expect(await warehouse.dataVersion(['raw_ads.campaign_daily'])).toBe(
      await warehouse.dataVersion(['raw_ads.campaign_daily']),
    );
    expect(await warehouse.dataVersion(['other', 'raw_ads.campaign_daily'])).toBe(
      await warehouse.dataVersion(['raw_ads.campaign_daily', 'other']),
    );
  });

  it('changes after an ingest, for the table and for the views over it, recursively', async () => {
    const { warehouse } = workspace;
    const names = [
      'raw_ads.campaign_daily',
      'ad_performance_daily',
      'spend_by_platform',
      'raw_ads.local_view',
    ];
    const before = await Promise.all(names.map((name) => warehouse.dataVersion([name])));
    const otherBefore = await warehouse.dataVersion(['other']);
    await warehouse.ingest('raw_ads.campaign_daily', oneRow);
    const after = await Promise.all(names.map((name) => warehouse.dataVersion([name])));
    after.forEach((version, index) => expect(version, names[index]).not.toBe(before[index]));
    expect(await warehouse.dataVersion(['other'])).toBe(otherBefore);
  });

  it('resolves a view to the tables it reads: same tables, same data version part', async () => {
    const { warehouse } = workspace;
    const viaView = await warehouse.dataVersion(['spend_by_platform']);
    await warehouse.ingest('other', { columns: ['x'], data: [[1]] });
    expect(await warehouse.dataVersion(['spend_by_platform'])).toBe(viaView);
  });

  it('changes when a view is redefined or a table is bumped', async () => {
    const { warehouse } = workspace;
    const before = await warehouse.dataVersion(['ad_performance_daily']);
    await warehouse.execute(
      'create or replace view ad_performance_daily as select day, platform, spend * 2 as spend from raw_ads.campaign_daily',
    );
    const redefined = await warehouse.dataVersion(['ad_performance_daily']);
    expect(redefined).not.toBe(before);
    await warehouse.bumpDataVersion('raw_ads.campaign_daily');
    expect(await warehouse.dataVersion(['ad_performance_daily'])).not.toBe(redefined);
  });

  it('notices a write that did not go through ingest (the row count moves)', async () => {
    const { warehouse } = workspace;
    const before = await warehouse.dataVersion(['other']);
    await warehouse.execute('insert into other values (2)');
    expect(await warehouse.dataVersion(['other'])).not.toBe(before);
  });

  it('gives names that resolve to nothing a stable version of their own', async () => {
    const { warehouse } = workspace;
    const missing = await warehouse.dataVersion(['no_such_table']);
    expect(await warehouse.dataVersion(['no_such_table'])).toBe(missing);
    expect(await warehouse.dataVersion(['other_missing'])).not.toBe(missing);
  });

  it('survives reopening the workspace', async () => {
    const before = await workspace.warehouse.dataVersion(['spend_by_platform']);
    await workspace.warehouse.close();
    workspace.warehouse = await Warehouse.open({
      path: path.join(workspace.dir, 'workspace.duckdb'),
      importsDir: workspace.importsDir,
    });
    expect(await workspace.warehouse.dataVersion(['spend_by_platform'])).toBe(before);
  });
});
