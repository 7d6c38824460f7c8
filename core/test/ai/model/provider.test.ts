import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askWithModel,
  createLanguageModel,
  resolveAiSettings,
} from '../../../src/ai/model/index.ts';
import { openModelWarehouse, type ModelWarehouse } from './support.ts';

let workspace: ModelWarehouse;

beforeAll(async () => {
  workspace = await openModelWarehouse();
});

afterAll(async () => {
  await workspace?.dispose();
});

describe('an OpenAI-compatible server, through the real provider (fake fetch, no network)', () => {
  it('asks for JSON-schema output at the base URL and answers with <provider>:<model>', async () => {
    const requests: { url: string; body: Record<string, unknown> }[] = [];
    const settings = await resolveAiSettings({
      env: {
        BATON_AI_PROVIDER: 'openai-compatible',
        BATON_AI_MODEL: 'llama3.1',
        BATON_AI_BASE_URL: 'http://127.0.0.1:11434/v1',
      },
    });
    const model = createLanguageModel(settings!, {
      fetch: async (input, init) => {
        requests.push({
          url: String(input),
          body: JSON.parse(String(init?.body)) as Record<string, unknown>,
        });
        const answer = {
          answer: {
            kind: 'sql',
            sql: 'SELECT platform, sum(spend) AS spend FROM campaign_daily GROUP BY platform ORDER BY spend DESC',
            understood: 'Spend by platform, all the data',
          },
        };
        return Response.json({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: 'llama3.1',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: JSON.stringify(answer) },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
      },
    });
    const answer = await askWithModel(model, 'spend by platform', {
      warehouse: workspace.warehouse,
      today: '2026-03-15',
    });
    expect(answer).toMatchObject({ kind: 'sql', engine: 'openai-compatible:llama3.1' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(requests[0]!.body.model).toBe('llama3.1');
    expect(requests[0]!.body.response_format).toMatchObject({ type: 'json_schema' });
    const [system] = requests[0]!.body.messages as { role: string; content: string }[];
    expect(system).toMatchObject({ role: 'system' });
    expect(system!.content).toContain('campaign_daily');
  });
});
