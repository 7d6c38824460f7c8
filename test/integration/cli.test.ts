import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../apps/server/src/cli/main.ts';
import { buildTestDemo } from './demo-workspace.ts';
import { ROOT, runCli } from './run-cli.ts';

let workspace: string;

beforeAll(async () => {
  workspace = await buildTestDemo();
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

function baton(...argv: string[]) {
  return runCli(argv, { workspace });
}

describe('baton query', () => {
  it('prints json with columns, rows and the true total', async () => {
    const { code, stdout } = await baton(
      'query',
      '--format',
      'json',
      '--limit',
      '2',
      'select platform, count(*) as n from campaign_daily group by all order by platform',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      columns: [
        { name: 'platform', type: 'VARCHAR' },
        { name: 'n', type: 'BIGINT' },
      ],
      rows: [
        ['google_ads', expect.any(Number)],
        ['linkedin', expect.any(Number)],
      ],
      total_rows: 4,
    });
  });

  it('prints csv and a table', async () => {
    const csv = await baton(
      'query',
      '--format',
      'csv',
      "select 'a,b' as label, 1.5 as x, null as y",
    );
    expect(csv.stdout).toBe('label,x,y\r\n"a,b",1.5,\r\n');
    const table = await baton(
      'query',
      'select platform from campaign_daily group by all order by 1',
    );
    expect(table.stdout).toMatch(
      /^platform\n-+\ngoogle_ads\nlinkedin\nmeta\ntiktok\n\(4 rows\)\n$/,
    );
  });

  it('exits 1 with a readable error on a refused or failing query, 2 on a usage error', async () => {
    const refused = await baton('query', 'delete from raw_demo.ad_daily');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/may only read data/);
    const failing = await baton('query', 'select no_such_column from campaign_daily');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('no_such_column');
    expect((await baton('query', '--format', 'xml', 'select 1')).code).toBe(2);
    expect((await baton('query')).code).toBe(2);
    expect((await baton('nope')).code).toBe(2);
  });

  it('says how to make a workspace when there is none', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'baton-empty-'));
    const { code, stderr } = await baton('query', '--workspace', empty, 'select 1');
    expect(code).toBe(1);
    expect(stderr).toContain('baton demo');
    await rm(empty, { recursive: true, force: true });
  });
});

describe('baton run', () => {
  it('writes a self-contained HTML report', async () => {
    const out = path.join(workspace, 'weekly.html');
    const { code, stderr } = await baton(
      'run',
      'notebooks/weekly-cmo.md',
      '--input',
      'period=last_28_days',
      '--format',
      'html',
      '--out',
      out,
      '--locale',
      'fr',
    );
    expect(code, stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Weekly CMO report');
    expect(stderr).toMatch(/ok\s+sql totals/);
  });

  it('prints json cells, and exits 1 when a cell fails', async () => {
    const { code, stdout } = await baton(
      'run',
      'notebooks/channel-mix.md',
      '--format',
      'json',
      '--input',
      'objective=sales',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      params: Record<string, unknown>;
      cells: Array<{ name: string; status: string }>;
    };
    expect(report.params.objective).toBe('sales');
    expect(report.cells.every((cell) => cell.status === 'finished')).toBe(true);

    const bad = await baton('run', 'core/test/run/fixtures/failing.md');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/blocked\s+sql after: blocked by broken/);
  });

  it('runs a workspace notebook by its id, as the web app lists it', async () => {
    await mkdir(path.join(workspace, 'notebooks'), { recursive: true });
    await writeFile(
      path.join(workspace, 'notebooks', 'spend-check.md'),
      '---\ntitle: Spend check\n---\n\n```sql total\nselect sum(spend) > 0 as spent from campaign_daily\n```\n',
    );
    const { code, stdout, stderr } = await baton('run', 'spend-check', '--format', 'json');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ cells: [{ name: 'total', status: 'finished' }] });
    const missing = await baton('run', 'no-such-notebook');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the id of one of the workspace's notebooks");
  });

  it('refuses a bad input value or a missing notebook with exit code 2', async () => {
    const input = await baton('run', 'notebooks/channel-mix.md', '--input', 'objective=everything');
    expect(input.code).toBe(2);
    expect(input.stderr).toContain('objective');
    expect((await baton('run', 'notebooks/missing.md')).code).toBe(2);
    expect((await baton('run', 'notebooks/channel-mix.md', '--input', 'no-equals')).code).toBe(2);
  });
});

describe('baton --help', () => {
  it.each(commands.map((command) => command.name))('%s --help prints its usage', async (name) => {
    const { code, stdout } = await baton(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`baton ${name}`);
  });
});

describe('baton demo', () => {
  it('builds a deterministic workspace for a seed and end date', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-cli-demo-'));
    try {
      const sum = 'select sum(spend)::varchar as spend, max(date) as last_day from campaign_daily';
      expect(
        (await baton('demo', '--workspace', dir, '--seed', '7', '--end', '2026-06-30')).code,
      ).toBe(0);
      const first = await baton('query', '--workspace', dir, '--format', 'csv', sum);
      expect(first.stdout).toContain('2026-06-30');
      expect(
        (await baton('demo', '--workspace', dir, '--seed', '7', '--end', '2026-06-30')).code,
      ).toBe(0);
      expect((await baton('query', '--workspace', dir, '--format', 'csv', sum)).stdout).toBe(
        first.stdout,
      );
      expect((await baton('demo', '--workspace', dir, '--end', '2026-02-30')).code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the baton bin', () => {
  it('runs as a child process and returns the exit codes', async () => {
    const bin = path.join(ROOT, 'apps/server/bin/baton.js');
    expect(existsSync(bin)).toBe(true);
    const run = promisify(execFile);
    const ok = await run(
      process.execPath,
      [bin, 'query', '--format', 'json', 'select 42 as answer'],
      { env: { ...process.env, BATON_WORKSPACE: workspace } },
    );
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: [[42]], total_rows: 1 });
    await expect(
      run(process.execPath, [bin, 'query', '--format', 'xml', 'select 1']),
    ).rejects.toMatchObject({ code: 2 });
  });
});
