/**
 * The files `baton new-connector <id>` writes: a plugin with a config schema, one stream, a
 * fake server that speaks its (made-up) wire format, and tests that run the conformance suite.
 * Edit them into the real platform's shapes; the conformance suite keeps you honest.
 */

export interface ScaffoldNames {
  /** kebab-case plugin id, e.g. `acme-ads`. */
  id: string;
  /** `Acme Ads`. */
  title: string;
  /** `acme_ads`: the platform value written in rows. */
  platform: string;
}

export function scaffoldNames(id: string): ScaffoldNames {
  const words = id.split('-');
  return {
    id,
    title: words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' '),
    platform: words.join('_'),
  };
}

export function scaffoldFiles(names: ScaffoldNames): Record<string, string> {
  return {
    'package.json': packageJson(names),
    'src/index.ts': connectorSource(names),
    'test/fake-server.ts': fakeServerSource(names),
    [`test/${names.id}.test.ts`]: testSource(names),
    'README.md': readme(names),
  };
}

function packageJson({ id }: ScaffoldNames): string {
  return `${JSON.stringify(
    {
      name: `@baton/plugin-${id}`,
      version: '0.1.0',
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts' },
      dependencies: { '@baton/core': 'workspace:*' },
    },
    null,
    2,
  )}\n`;
}

function connectorSource({ id, title, platform }: ScaffoldNames): string {
  return `import {
  AuthError,
  ConfigError,
  defineConnector,
  RateLimitError,
  TransientError,
  z,
  type Row,
} from '@baton/core/spec';

/** One page of the report endpoint, as the platform sends it. */
interface ReportPage {
  rows: Array<{ day: string; campaign_id: string; campaign_name: string; impressions: number; clicks: number; cost: string; conversions: number }>;
  next_page: number | null;
}

export default defineConnector({
  specificationVersion: 'v1',
  id: '${id}',
  name: '${title}',
  version: '0.1.0',
  docsUrl: 'https://example.com/${id}/api',
  config: z.object({
    accountId: z.string().min(1).meta({ label: 'Account id' }),
    apiKey: z.string().min(1).meta({ label: 'API key', secret: true }),
    baseUrl: z.url().default('https://api.example.com').meta({ label: 'API base URL', description: 'change only for tests or a proxy' }),
  }),

  async check(context) {
    try {
      const response = await context.fetch(\`\${context.config.baseUrl}/v1/accounts/\${context.config.accountId}\`, {
        headers: { authorization: \`Bearer \${context.config.apiKey}\` },
      });
      if (response.status === 401) return { ok: false, kind: 'auth', reason: 'The API key was refused.', hint: 'Create a new API key and connect again.' };
      if (response.status === 404) return { ok: false, kind: 'config', reason: \`No account \${context.config.accountId}.\`, hint: 'Check the account id.' };
      if (!response.ok) return { ok: false, kind: 'network', reason: \`The API answered \${response.status}.\`, hint: 'Try again later.' };
      return { ok: true };
    } catch (error) {
      return { ok: false, kind: 'network', reason: (error as Error).message, hint: 'Check the base URL and the network.' };
    }
  },

  streams: [
    {
      name: 'campaign_daily',
      description: 'Daily performance per campaign.',
      columns: [
        { name: 'date', type: 'DATE', nullable: false },
        { name: 'platform', type: 'VARCHAR', nullable: false },
        { name: 'account_id', type: 'VARCHAR', nullable: false },
        { name: 'campaign_id', type: 'VARCHAR', nullable: false },
        { name: 'campaign_name', type: 'VARCHAR' },
        { name: 'impressions', type: 'BIGINT' },
        { name: 'clicks', type: 'BIGINT' },
        { name: 'spend', type: 'DECIMAL(18,2)' },
        { name: 'conversions', type: 'DOUBLE' },
        { name: 'currency', type: 'VARCHAR' },
      ],
      primaryKey: ['date', 'account_id', 'campaign_id'],
      cursor: { field: 'date', lookbackDays: 7, initialDays: 90 },
      writeMode: 'replace-window',
    },
  ],

  async *read(context, _stream, request) {
    const { accountId, apiKey, baseUrl } = context.config;
    const window = request.window ?? { start: '2000-01-01', end: context.now().toISOString().slice(0, 10) };
    let page = (request.state as { page?: number } | undefined)?.page ?? 1;
    while (!context.signal.aborted) {
      const url = new URL(\`\${baseUrl}/v1/accounts/\${accountId}/reports\`);
      url.search = new URLSearchParams({ start: window.start, end: window.end, page: String(page) }).toString();
      const response = await context.fetch(url, { headers: { authorization: \`Bearer \${apiKey}\` }, signal: context.signal });
      if (response.status === 401) throw new AuthError('The API key was refused.');
      if (response.status === 400) throw new ConfigError(\`The report request was refused: \${await response.text()}\`, 'Check the account id.');
      if (response.status === 429) {
        throw new RateLimitError('Rate limited.', 1000 * Number(response.headers.get('retry-after') ?? 60));
      }
      if (!response.ok) throw new TransientError(\`The API answered \${response.status}.\`);
      const body = (await response.json()) as ReportPage;
      const rows: Row[] = body.rows.map((row) => ({
        date: row.day,
        platform: '${platform}',
        account_id: accountId,
        campaign_id: row.campaign_id,
        campaign_name: row.campaign_name,
        impressions: row.impressions,
        clicks: row.clicks,
        spend: Number(row.cost),
        conversions: row.conversions,
        currency: 'EUR',
      }));
      yield { type: 'record-batch', rows };
      if (body.next_page === null) return;
      page = body.next_page;
      yield { type: 'state-checkpoint', state: { page } };
    }
  },
});
`;
}

function fakeServerSource({ title }: ScaffoldNames): string {
  return `/**
 * A fake ${title} API on loopback, speaking the same wire format as the real one: paths,
 * pagination, error bodies and rate limits. Point the connector's baseUrl at it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_API_KEY = 'test-key';
export const FAKE_ACCOUNT = '1234';
const PAGE_SIZE = 50;
const CAMPAIGNS = ['Prospecting', 'Retargeting', 'Brand'];

export interface FakeServer {
  url: string;
  /** Requests seen, for assertions. */
  requests: string[];
  /** Adds this many conversions to one day from now on (a restatement). */
  restate(day: string, extraConversions: number): void;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const requests: string[] = [];
  const restated = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    requests.push(\`\${request.method} \${request.url}\`);
    const url = new URL(request.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== \`Bearer \${FAKE_API_KEY}\`) return send(401, { error: { code: 'UNAUTHENTICATED', message: 'Invalid API key' } });
    if (url.pathname === \`/v1/accounts/\${FAKE_ACCOUNT}\`) return send(200, { id: FAKE_ACCOUNT, currency: 'EUR' });
    if (url.pathname !== \`/v1/accounts/\${FAKE_ACCOUNT}/reports\`) return send(404, { error: { code: 'NOT_FOUND', message: 'No such path' } });
    const rows = reportRows(url.searchParams.get('start')!, url.searchParams.get('end')!, restated);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    send(200, { rows: slice, next_page: page * PAGE_SIZE < rows.length ? page + 1 : null });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: \`http://127.0.0.1:\${port}\`,
    requests,
    restate: (day, extra) => restated.set(day, extra),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Deterministic rows: every campaign, every day of the window. */
function reportRows(start: string, end: string, restated: Map<string, number>) {
  const rows = [];
  for (let time = Date.parse(start); time <= Date.parse(end); time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    for (const [index, name] of CAMPAIGNS.entries()) {
      const impressions = 1000 + ((time / 86_400_000) % 17) * 40 + index * 300;
      const clicks = Math.round(impressions * 0.02);
      rows.push({
        day,
        campaign_id: String(100 + index),
        campaign_name: name,
        impressions,
        clicks,
        cost: (clicks * 0.75).toFixed(2),
        conversions: Math.round(clicks * 0.05) + (restated.get(day) ?? 0),
      });
    }
  }
  return rows;
}
`;
}

function testSource({ id }: ScaffoldNames): string {
  return `import { afterAll, beforeAll } from 'vitest';
import { runConnectorConformance } from '@baton/core/testing';
import connector from '../src/index.ts';
import { FAKE_ACCOUNT, FAKE_API_KEY, startFakeServer, type FakeServer } from './fake-server.ts';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server?.close();
});

runConnectorConformance(connector, {
  name: '${id}',
  config: () => ({ accountId: FAKE_ACCOUNT, apiKey: FAKE_API_KEY, baseUrl: server.url }),
  badCredentials: () => ({ accountId: FAKE_ACCOUNT, apiKey: 'wrong', baseUrl: server.url }),
  restate: (day) => server.restate(day, 5),
});
`;
}

function readme({ id, title }: ScaffoldNames): string {
  return `# ${title} connector

Generated by \`baton new-connector ${id}\`. Replace the made-up wire format in \`src/index.ts\`
and \`test/fake-server.ts\` with the platform's real one (paths, pagination, error bodies,
rate limits), then run \`pnpm test plugins/${id}\`: the conformance suite checks the contract.
See CONTRIBUTING.md, "Write a connector".
`;
}
