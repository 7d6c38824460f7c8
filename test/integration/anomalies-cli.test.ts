import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-anomalies-cli-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** 120 days of a weekly pattern with a deterministic wiggle, a spike on day 100. */
function dailyCsv(days = 120, newline = '\n'): string {
  const lines = ['timestamp,campaign,value'];
  for (let day = 0; day < days; day++) {
    const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    const weekly = day % 7 >= 5 ? 60 : 100;
    const value = day === 100 ? 400 : weekly + ((day * 37) % 11) - 5;
    lines.push(`${date},"Spring, sale ""A""",${value}`);
  }
  return lines.join(newline) + newline;
}

async function score(csv: string, ...extra: string[]) {
  const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  const output = `${input}.out.csv`;
  await writeFile(input, csv);
  const run = await runCli(['anomalies', 'score', '--input', input, '--output', output, ...extra]);
  const text = run.code === 0 ? await readFile(output, 'utf8') : '';
  return { ...run, text };
}

function columns(text: string): { score: number[]; flag: number[] } {
  const rows = text.trim().split(/\r?\n/).slice(1);
  return {
    score: rows.map((row) => Number(row.split(',').at(-2))),
    flag: rows.map((row) => Number(row.split(',').at(-1))),
  };
}

describe('baton anomalies score', () => {
  it('writes every row unchanged plus anomaly_score and is_anomaly, and flags the spike', async () => {
    const csv = dailyCsv();
    const { code, text, stderr } = await score(csv);
    expect(code, stderr).toBe(0);
    const inputLines = csv.trim().split('\n');
    const outputLines = text.trim().split('\n');
    expect(outputLines[0]).toBe('timestamp,campaign,value,anomaly_score,is_anomaly');
    expect(outputLines).toHaveLength(inputLines.length);
    outputLines.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${inputLines[i + 1]},`)).toBe(true);
    });
    const { score: scores, flag } = columns(text);
    expect(scores.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(flag[100]).toBe(1);
    expect(flag.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    expect(stderr).toContain('a cycle of 7 points');
  });

  it('is causal: scoring a prefix gives the same outputs for that prefix', async () => {
    const full = await score(dailyCsv(120));
    const prefix = await score(dailyCsv(101));
    const lines = prefix.text.trim().split('\n');
    expect(lines).toEqual(full.text.trim().split('\n').slice(0, lines.length));
  });

  it('reads CRLF files and writes CRLF back, with other column names', async () => {
    const csv = dailyCsv(60, '\r\n').replace('timestamp,campaign,value', 'day,campaign,clicks');
    const { code, text, stderr } = await score(
      csv,
      '--time-column',
      'day',
      '--value-column',
      'clicks',
      '--sensitivity',
      'high',
    );
    expect(code, stderr).toBe(0);
    expect(text.split('\r\n')[0]).toBe('day,campaign,clicks,anomaly_score,is_anomaly');
  });

  it('infers an hourly cycle from the median step, and leaves a gap as missing points', async () => {
    const lines = ['timestamp,value'];
    for (let hour = 0; hour < 24 * 30; hour++) {
      if (hour >= 300 && hour < 310) continue;
      const time = new Date(Date.UTC(2026, 0, 1, hour)).toISOString().slice(0, 19);
      lines.push(`${time},${(hour % 24 >= 9 && hour % 24 <= 18 ? 500 : 50) + (hour % 5)}`);
    }
    const { code, text, stderr } = await score(lines.join('\n'));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('cycles of 24 and 168 points');
    expect(columns(text).flag.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('names the columns present when a column is missing', async () => {
    const { code, stderr } = await score(dailyCsv(), '--value-column', 'spend');
    expect(code).toBe(2);
    expect(stderr).toContain('no column "spend"');
    expect(stderr).toContain('"timestamp", "campaign", "value"');
  });

  it('says which line holds a value that is not a number', async () => {
    const csv = dailyCsv(20).replace(/\n2026-01-05,"Spring, sale ""A""",\d+/, '\n2026-01-05,x,1O5');
    const { code, stderr } = await score(csv);
    expect(code).toBe(2);
    expect(stderr).toContain('Line 6: "1O5"');
  });

  it('refuses an unknown subcommand and options of another subcommand', async () => {
    expect((await runCli(['anomalies', 'guess'])).stderr).toContain('the subcommands are score');
    const noInput = await runCli(['anomalies', 'score', '--output', 'x.csv']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toContain('--input');
  });
});
