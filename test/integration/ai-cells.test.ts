/**
 * AI cells over the demo workspace: `baton ask` (the JSON and text answers, a refusal's exit code
 * 3, usage errors); a notebook whose ask cell runs the engine's draft in the editor and only
 * pinned SQL in a report; a recommend cell's table of actions, read by a later cell.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotebook } from '@baton/core/notebook';
import { createLanguageModel, resolveAiSettings } from '@baton/core/ai';
import { renderReportHtml } from '@baton/core/report';
import { NotebookRunner } from '@baton/core/run';
import { openWorkspace } from '@baton/core/store';
import { buildDemoWorkspace } from '../support/demo.ts';
import { runCli } from './run-cli.ts';

const END = '2026-03-31';
const TODAY = '2026-04-01';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'baton-ask-cli-'));
  await buildDemoWorkspace(root, { seed: 42, end: END });
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const ask = (question: string, ...options: string[]) =>
  runCli(['ask', '--today', TODAY, ...options, question], { workspace: root });

describe('baton ask', () => {
  it('prints the SQL, its columns and rows as JSON', async () => {
    const run = await ask('How much did we spend by platform last month?', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { sql: string; columns: string[]; rows: unknown[][] };
    expect(answer.columns).toEqual(['platform', 'spend']);
    expect(answer.sql).toContain("date between date '2026-03-01' and date '2026-03-31'");
    const reference = await runCli(
      [
        'query',
        '--format',
        'json',
        "select platform, sum(spend) from campaign_daily where date between '2026-03-01' and '2026-03-31' group by all order by 2 desc",
      ],
      { workspace: root },
    );
    expect(answer.rows).toEqual((JSON.parse(reference.stdout) as { rows: unknown[][] }).rows);
  });

  it('answers French questions, and prints what it understood above the SQL and the table', async () => {
    const run = await ask('Quelles sont les 3 campagnes avec le meilleur ROAS en mars ?');
    expect(run.code).toBe(0);
    const [understood, sql] = run.stdout.split('\n\n');
    expect(understood).toBe('ROAS par campagne, 1er–31 mars 2026, 3 meilleurs en ROAS');
    expect(sql).toContain('roas(sum(conversion_value), sum(spend))');
    expect(run.stdout).toMatch(/\(3 rows\)\n$/);
  });

  it('refuses what it cannot answer with exit code 3, saying why and what to ask', async () => {
    const run = await ask('What will we spend next month?', '--format', 'json');
    expect(run.code).toBe(3);
    const answer = JSON.parse(run.stdout) as { refusal: string; suggestions: string[] };
    expect(answer.refusal).toMatch(/future/);
    expect(answer.suggestions.length).toBeGreaterThan(0);

    const text = await ask('bounce rate by campaign last week');
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/bounce rate/);
    expect(text.stdout).toMatch(/Try:\n {2}- /);
  });

  it('is a usage error (exit 2) without a question or with a bad --today', async () => {
    expect((await runCli(['ask'], { workspace: root })).code).toBe(2);
    const badDay = await runCli(['ask', '--today', '2026-02-30', 'spend'], { workspace: root });
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toMatch(/YYYY-MM-DD/);
  });
});

describe('ask cells', () => {
  const notebook = (body: string) =>
    parseNotebook(`---\ntitle: Asks\n---\n\n\`\`\`ask top\n${body}\n\`\`\`\n`).notebook;

  async function runAsk(body: string, draftAsk: boolean) {
    const { warehouse } = await openWorkspace(root);
    try {
      const runner = new NotebookRunner(warehouse, { now: () => new Date(`${TODAY}T08:00:00Z`) });
      const run = await runner.run(notebook(body), { draftAsk });
      return [...run.outcomes.values()][0]!;
    } finally {
      await warehouse.close();
    }
  }

  it('runs the engine’s draft in the editor, marked as not pinned', async () => {
    const outcome = await runAsk('question: Spend by platform last month', true);
    expect(outcome.status).toBe('finished');
    if (outcome.status !== 'finished') return;
    expect(outcome.ask).toMatchObject({ pinned: false, engine: 'builtin' });
    expect(outcome.ask?.understood).toBe('Spend by platform, 1–31 March 2026');
    expect(outcome.result.rowCount).toBe(4);
  });

  it('runs only pinned SQL in a report', async () => {
    const unpinned = await runAsk('question: Spend by platform last month', false);
    expect(unpinned).toMatchObject({ status: 'failed', error: { kind: 'unpinned' } });

    const pinned = await runAsk(
      'question: Spend by platform last month\nsql: select 42 as answer',
      false,
    );
    expect(pinned.status).toBe('finished');
    if (pinned.status !== 'finished') return;
    expect(pinned.ask).toEqual({ sql: 'select 42 as answer', pinned: true });
    expect(pinned.result.data).toEqual([[42]]);
  });

  it('shows a refusal as the cell’s error, with questions to try', async () => {
    const outcome = await runAsk('question: Why did CPA rise?', true);
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.kind).toBe('unanswerable');
    expect(outcome.error.hint).toMatch(/Questions it can answer/);
  });
});

describe('recommend cells', () => {
  it('lists the ranked actions as a table that later cells read by name', async () => {
    const { warehouse } = await openWorkspace(root);
    try {
      const runner = new NotebookRunner(warehouse, { now: () => new Date(`${TODAY}T08:00:00Z`) });
      const notebook = parseNotebook(
        [
          '---',
          'title: Actions',
          '---',
          '',
          '```recommend actions',
          'goal: conversions',
          'max_actions: 5',
          '```',
          '',
          '```sql kinds',
          'select type, count(*) as actions from actions group by type order by type',
          '```',
          '',
        ].join('\n'),
      ).notebook;
      const run = await runner.run(notebook);
      const [actions, kinds] = [...run.outcomes.values()];
      expect(actions?.status).toBe('finished');
      if (actions?.status !== 'finished' || kinds?.status !== 'finished') return;
      const { columns, data, rowCount } = actions.result;
      expect(rowCount).toBe(5);
      const column = (name: string) => data[columns.findIndex((info) => info.name === name)]!;
      expect(column('priority')).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(column('type'))).toContain('fix_tracking');
      for (const evidence of column('evidence')) {
        expect(JSON.parse(String(evidence))).not.toHaveLength(0);
      }
      const counted = kinds.result.data[1]!.reduce((sum: number, value) => sum + Number(value), 0);
      expect(counted).toBe(5);
    } finally {
      await warehouse.close();
    }
  });
});

/**
 * A local OpenAI-compatible server (as Ollama, vLLM or LM Studio would be), speaking the chat
 * completions wire format on loopback: each request gets the next scripted reply.
 */
async function fakeModelServer(replies: object[]): Promise<{
  server: Server;
  baseUrl: string;
  requests: string[];
}> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push(body);
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 1_790_000_000,
          model: 'local-model',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify(reply) },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/v1`, requests };
}

describe('with an OpenAI-compatible model configured', () => {
  const env = (baseUrl: string) => ({
    BATON_AI_PROVIDER: 'openai-compatible',
    BATON_AI_MODEL: 'local-model',
    BATON_AI_BASE_URL: baseUrl,
  });

  it('baton ask drafts with the model: its SQL passes the gate after one repair round', async () => {
    const fake = await fakeModelServer([
      {
        answer: {
          kind: 'sql',
          sql: 'select platfrom, sum(spend) from campaign_daily group by 1',
          understood: 'Spend by platform',
        },
      },
      {
        answer: {
          kind: 'sql',
          sql: 'select platform, sum(spend) as spend from campaign_daily group by 1 order by 2 desc',
          understood: 'Spend by platform, all dates',
        },
      },
    ]);
    try {
      const run = await runCli(['ask', '--today', TODAY, '--format', 'json', 'spend by platform'], {
        workspace: root,
        env: env(fake.baseUrl),
      });
      expect(run.code, run.stderr).toBe(0);
      const answer = JSON.parse(run.stdout) as { engine: string; rows: unknown[][] };
      expect(answer.engine).toBe('openai-compatible:local-model');
      expect(answer.rows).toHaveLength(4);
      expect(fake.requests).toHaveLength(2);
      expect(fake.requests[0]).toContain('campaign_daily');
      // The repair round feeds DuckDB's error back, fenced as data.
      expect(fake.requests[1]).toMatch(/platfrom/);
    } finally {
      fake.server.close();
    }
  });

  it('baton ask refuses when the model insists on a write', async () => {
    const fake = await fakeModelServer([
      { answer: { kind: 'sql', sql: 'drop table campaign_daily', understood: 'as told' } },
    ]);
    try {
      const run = await runCli(['ask', '--today', TODAY, '--format', 'json', 'delete it all'], {
        workspace: root,
        env: env(fake.baseUrl),
      });
      expect(run.code).toBe(3);
      expect((JSON.parse(run.stdout) as { refusal: string }).refusal).toMatch(/read-only|SELECT/i);
      expect(fake.requests).toHaveLength(2); // the repair round, then a refusal
      const rows = await runCli(
        ['query', '--format', 'json', 'select count(*) as n from campaign_daily'],
        { workspace: root },
      );
      expect((JSON.parse(rows.stdout) as { rows: number[][] }).rows[0]![0]).toBeGreaterThan(0);
    } finally {
      fake.server.close();
    }
  });

  it('a recommend cell shows the model’s checked summary above the cards in the report', async () => {
    const fake = await fakeModelServer([
      { summary: ['Start with the budget runaway.', 'It wastes 123456789 a day.'], order: [] },
    ]);
    const { warehouse } = await openWorkspace(root);
    try {
      const settings = await resolveAiSettings({ env: env(fake.baseUrl) });
      const model = createLanguageModel(settings!);
      const warned: string[] = [];
      const runner = new NotebookRunner(warehouse, {
        now: () => new Date(`${TODAY}T08:00:00Z`),
        model,
        logger: { warn: (message) => warned.push(message) },
      });
      const notebook = parseNotebook(
        '---\ntitle: Actions\n---\n\n```recommend actions\nmax_actions: 3\n```\n',
      ).notebook;
      const run = await runner.run(notebook);
      const outcome = [...run.outcomes.values()][0]!;
      expect(outcome.status).toBe('finished');
      if (outcome.status !== 'finished') return;
      expect(outcome.summary).toEqual(['Start with the budget runaway.']);
      expect(warned.join('\n')).toMatch(/123456789/);
      const html = await renderReportHtml({
        notebook,
        run,
        locale: 'en',
        currency: 'EUR',
        generatedAt: new Date(),
      });
      expect(html).toContain('<p class="actions-summary">Start with the budget runaway.</p>');
    } finally {
      await warehouse.close();
      fake.server.close();
    }
  });

  it('baton recommend keeps the rules’ actions; the model only adds a checked summary', async () => {
    const fake = await fakeModelServer([
      { summary: ['Start with the budget runaway.', 'It wastes 123456789 a day.'], order: [] },
    ]);
    try {
      const run = await runCli(['recommend', '--today', END, '--format', 'json'], {
        workspace: root,
        env: env(fake.baseUrl),
      });
      expect(run.code, run.stderr).toBe(0);
      const actions = JSON.parse(run.stdout) as { priority: number }[];
      expect(actions.map((action) => action.priority)).toEqual(
        actions.map((_, index) => index + 1),
      );
      expect(run.stderr).toContain('Start with the budget runaway.');
      expect(run.stderr).toMatch(/123456789/); // logged as dropped
      expect(run.stderr).not.toMatch(/^It wastes 123456789 a day\.$/m);
    } finally {
      fake.server.close();
    }
  });
});
