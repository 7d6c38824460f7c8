/**
 * The suite run against a small reference connector: an in-memory "platform" whose numbers a
 * test can restate, read by window, so every part of the suite (the host-backed ones too) is
 * exercised in core itself.
 */
import { runConnectorConformance } from '../../src/testing/index.ts';
import { ConfigError, defineConnector, z } from '../../src/spec/index.ts';

const restated = new Map<string, number>();

function* days(start: string, end: string): Generator<string> {
  for (let time = Date.parse(start); time <= Date.parse(end); time += 86_400_000) {
    yield new Date(time).toISOString().slice(0, 10);
  }
}

const reference = defineConnector({
  specificationVersion: 'v1',
  id: 'reference-ads',
  name: 'Reference ads',
  version: '1.0.0',
  docsUrl: 'docs/',
  config: z.object({
    apiKey: z.string().min(1).meta({ label: 'API key', secret: true }),
    accounts: z.array(z.string()).default(['a1']).meta({ label: 'Accounts' }),
  }),
  check(context) {
    if (context.config.apiKey !== 'good') {
      return Promise.resolve({
        ok: false,
        kind: 'auth',
        reason: 'The API key was refused.',
        hint: 'Create a new key.',
      });
    }
    if (context.config.accounts.length === 0) {
      return Promise.resolve({
        ok: false,
        kind: 'config',
        reason: 'No account is selected.',
        hint: 'Pick at least one account.',
      });
    }
    return Promise.resolve({ ok: true });
  },
  streams: [
    {
      name: 'campaign_daily',
      columns: [
        { name: 'date', type: 'DATE', nullable: false },
        { name: 'account_id', type: 'VARCHAR', nullable: false },
        { name: 'campaign_id', type: 'VARCHAR', nullable: false },
        { name: 'clicks', type: 'BIGINT' },
        { name: 'spend', type: 'DECIMAL(18,2)' },
        { name: 'conversions', type: 'DOUBLE' },
        { name: 'currency', type: 'VARCHAR' },
      ],
      primaryKey: ['date', 'account_id', 'campaign_id'],
      cursor: { field: 'date', lookbackDays: 3, initialDays: 30 },
      writeMode: 'replace-window',
    },
    {
      name: 'campaigns',
      columns: [
        { name: 'account_id', type: 'VARCHAR' },
        { name: 'campaign_id', type: 'VARCHAR' },
        { name: 'campaign_name', type: 'VARCHAR' },
      ],
      primaryKey: ['account_id', 'campaign_id'],
      writeMode: 'replace',
    },
  ],
  async *read(context, stream, request) {
    if (context.config.apiKey !== 'good') throw new ConfigError('The API key was refused.');
    // A resumed read starts after the account and day of its last checkpoint.
    const resume = request.state as { account: string; day: string } | undefined;
    let skipping = resume !== undefined;
    for (const account of context.config.accounts) {
      if (skipping && account !== resume?.account) continue;
      if (stream.name === 'campaigns') {
        yield {
          type: 'record-batch',
          rows: ['c1', 'c2'].map((id) => ({
            account_id: account,
            campaign_id: id,
            campaign_name: `Campaign ${id}`,
          })),
        };
        continue;
      }
      const window = request.window!;
      for (const day of days(window.start, window.end)) {
        if (skipping) {
          if (day === resume?.day) skipping = false;
          continue;
        }
        context.signal.throwIfAborted();
        yield {
          type: 'record-batch',
          rows: ['c1', 'c2'].map((id, index) => ({
            date: day,
            account_id: account,
            campaign_id: id,
            clicks: 100 + index,
            spend: 12.5 + index,
            conversions: 3 + (restated.get(day) ?? 0),
            currency: 'EUR',
          })),
        };
        yield { type: 'state-checkpoint', state: { account, day } };
      }
    }
  },
});

runConnectorConformance(reference, {
  config: () => ({ apiKey: 'good' }),
  badConfig: { apiKey: 'good', accounts: [] },
  badCredentials: () => ({ apiKey: 'revoked' }),
  restate: (day) => {
    restated.set(day, (restated.get(day) ?? 0) + 2);
  },
  sync: { restatedConfig: { apiKey: 'good', accounts: ['a1', 'a2'] } },
});
