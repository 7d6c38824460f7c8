/**
 * `baton recommend` on a workspace built from CSV files in the unified model, imported with the
 * `files` plugin (no demo, no connector): the rules work on any workspace whose model is filled.
 * Also the CLI's JSON fields, its message on a workspace without data, and its usage errors.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '@baton/core/ai';
import { recommend } from '@baton/core/ai/recommend';
import type { Connector } from '@baton/core/spec';
import { openWorkspace } from '@baton/core/store';
import { SyncHost } from '@baton/core/sync';
import filesConnector from '../../plugins/files/src/index.ts';
import { runCli } from './run-cli.ts';

const START = Date.UTC(2026, 0, 1);
const DAYS = 120;
const day = (index: number) => new Date(START + index * 86_400_000).toISOString().slice(0, 10);
const TODAY = day(DAYS - 1);

let root: string;
let workspace: string;
let empty: string;

/** A deterministic wiggle in [0.9, 1.1]. */
function wiggle(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return 0.9 + 0.2 * (state / 2147483647);
  };
}

/**
 * Four campaigns of one account. `Runaway` spends six times its usual for the last four days at
 * a poor CPA; `Capped` spends its whole 100 budget at a CPA of 8 (it spent 160 a day until 60
 * days ago); `Steady` and `Other` run at a CPA of 20.
 */
function campaignDailyCsv(): string {
  const lines = [
    'date,platform,account_id,account_name,campaign_id,campaign_name,campaign_status,objective,impressions,clicks,spend,conversions,conversion_value',
  ];
  const campaigns = [
    { id: '101', name: 'Runaway', spend: 200, cpa: 20 },
    { id: '102', name: 'Capped', spend: 100, cpa: 8 },
    { id: '103', name: 'Steady', spend: 300, cpa: 20 },
    { id: '104', name: 'Other', spend: 250, cpa: 20 },
  ];
  for (const [index, campaign] of campaigns.entries()) {
    const next = wiggle(index + 7);
    for (let t = 0; t < DAYS; t++) {
      let spend = campaign.spend * next();
      let conversions = Math.round(spend / campaign.cpa);
      if (campaign.name === 'Capped') {
        spend = (t < DAYS - 60 ? 160 : 100) * (0.97 + 0.03 * next());
        conversions = Math.round((100 / 8) * (spend / 100) ** 0.8 * next());
      }
      if (campaign.name === 'Runaway' && t >= DAYS - 4) {
        spend *= 6;
        conversions *= 2;
      }
      lines.push(
        [
          day(t),
          'meta',
          'act_9',
          'Shop',
          campaign.id,
          campaign.name,
          'active',
          'sales',
          Math.round(spend * 40),
          Math.round(spend),
          spend.toFixed(2),
          conversions,
          (conversions * 55).toFixed(2),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const CAMPAIGNS_CSV = `platform,account_id,campaign_id,campaign_name,campaign_status,objective,daily_budget,start_date,end_date
meta,act_9,101,Runaway,active,sales,1200,2025-06-01,
meta,act_9,102,Capped,active,sales,100,2025-06-01,
meta,act_9,103,Steady,active,sales,400,2025-06-01,
meta,act_9,104,Other,active,sales,400,2025-06-01,
`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'baton-recommend-'));
  workspace = path.join(root, 'csv');
  empty = path.join(root, 'empty');
  await mkdir(path.join(workspace, 'imports'), { recursive: true });
  await writeFile(path.join(workspace, 'imports', 'campaign_daily.csv'), campaignDailyCsv());
  await writeFile(path.join(workspace, 'imports', 'campaigns.csv'), CAMPAIGNS_CSV);
  const { paths, warehouse } = await openWorkspace(workspace, { create: true });
  try {
    const host = await SyncHost.open({
      workspaceDir: paths.dir,
      warehouse,
      connectors: [filesConnector as unknown as Connector],
      reportingCurrency: 'EUR',
    });
    try {
      await host.addConnection({ name: 'files', plugin: 'files', config: {} });
      const records = await host.sync({ connection: 'files' });
      expect(records.every((record) => record.status === 'succeeded')).toBe(true);
    } finally {
      await host.close();
    }
  } finally {
    await warehouse.close();
  }
  const opened = await openWorkspace(empty, { create: true });
  await opened.warehouse.close();
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('recommend on CSV files imported with the files plugin', () => {
  it('cuts the runaway back and raises the capped campaign', async () => {
    const { warehouse } = await openWorkspace(workspace);
    let actions: Action[];
    try {
      actions = await recommend(warehouse, {});
      for (const action of actions)
        for (const evidence of action.evidence)
          expect((await warehouse.query(evidence.sql)).rowCount, evidence.sql).toBeGreaterThan(0);
    } finally {
      await warehouse.close();
    }
    console.log(
      `recommend on the CSV workspace:\n${actions.map((action) => `  ${action.priority}. ${action.type} ${action.campaign_name}: ${action.reason}`).join('\n')}`,
    );
    expect(actions[0]).toMatchObject({ type: 'cut_budget', platform: 'meta', campaign_id: '101' });
    expect(actions.find((action) => action.type === 'raise_budget')?.campaign_id).toBe('102');
    expect(actions.filter((action) => ['103', '104'].includes(action.campaign_id ?? ''))).toEqual(
      [],
    );
  });
});

describe('baton recommend', () => {
  it('prints the ranked actions as JSON, with every field', async () => {
    const run = await runCli(['recommend', '--workspace', workspace, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const actions = JSON.parse(run.stdout) as Action[];
    expect(actions.length).toBeGreaterThan(0);
    actions.forEach((action, index) => {
      for (const field of [
        'type',
        'platform',
        'campaign_id',
        'campaign_name',
        'reason',
        'expected_impact',
        'confidence',
        'priority',
        'evidence',
      ])
        expect(action, field).toHaveProperty(field);
      expect(action.priority).toBe(index + 1);
      expect(action.confidence).toBeGreaterThan(0);
      expect(action.confidence).toBeLessThanOrEqual(1);
      const { low, mid, high, days, metric } = action.expected_impact;
      expect(['conversions', 'revenue', 'spend']).toContain(metric);
      expect(low).toBeLessThanOrEqual(mid);
      expect(mid).toBeLessThanOrEqual(high);
      expect(days).toBeGreaterThan(0);
      expect(action.evidence.length).toBeGreaterThan(0);
      for (const evidence of action.evidence) {
        expect(evidence.sql).toMatch(/^select /);
        expect(Object.keys(evidence.values).length).toBeGreaterThan(0);
      }
    });
  });

  it('prints a readable list with reasons and ranges, and judges as of --today', async () => {
    const run = await runCli(['recommend', '--workspace', workspace, '--goal', 'revenue']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Recommended actions for the data up to ${TODAY} (goal: revenue)`);
    expect(run.stdout).toMatch(/^1\. cut budget: meta \/ Runaway$/m);
    expect(run.stdout).toMatch(
      /Expected: saves [\d,]+ of spend \([\d,]+ to [\d,]+\) over 14 days; confidence 0\.\d\d/,
    );
    const earlier = await runCli([
      'recommend',
      '--workspace',
      workspace,
      '--today',
      day(DAYS - 10),
      '--format',
      'json',
    ]);
    expect(earlier.code).toBe(0);
    const actions = JSON.parse(earlier.stdout) as Action[];
    expect(actions.some((action) => action.campaign_id === '101')).toBe(false);
  });

  it('takes a target ROAS alone as the revenue goal', async () => {
    const run = await runCli(['recommend', '--workspace', workspace, '--target-roas', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('(goal: revenue)');
  });

  it('says what to do on a workspace without data', async () => {
    const run = await runCli(['recommend', '--workspace', empty]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/No data in campaign_daily yet: sync a connection .*`baton demo`/);
    const json = await runCli(['recommend', '--workspace', empty, '--format', 'json']);
    expect(json.stdout).toBe('[]\n');
  });

  it('refuses bad option values with a usage error (exit 2)', async () => {
    for (const [argv, message] of [
      [['--goal', 'profit'], '--goal must be one of conversions, revenue'],
      [['--target-cpa', 'abc'], '--target-cpa must be a number above 0'],
      [['--target-cpa=-4'], '--target-cpa must be a number above 0'],
      [['--target-roas', '3', '--goal', 'conversions'], '--target-roas applies to --goal revenue'],
      [['--today', '2026-02-30'], '--today must be a date written YYYY-MM-DD'],
      [['--format', 'csv'], '--format must be one of text, json'],
      [['--frobnicate'], 'Unknown option'],
    ] as const) {
      const run = await runCli(['recommend', '--workspace', workspace, ...argv]);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
