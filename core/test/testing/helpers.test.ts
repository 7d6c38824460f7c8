import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { collectRead, createTestContext, isoDate, valueFitsType } from '../../src/testing/index.ts';
import { defineConnector, z } from '../../src/spec/index.ts';

describe('conformance helpers', () => {
  it('valueFitsType accepts the JS forms the host can write', () => {
    const fits: [string, unknown][] = [
      ['VARCHAR', 'a'],
      ['DATE', '2026-03-01'],
      ['DATE', new Date('2026-03-01T00:00:00Z')],
      ['TIMESTAMP', '2026-03-01T10:00:00.000'],
      ['BIGINT', 12],
      ['BIGINT', 12n],
      ['DOUBLE', 1.5],
      ['DECIMAL(18,2)', 10.25],
      ['DECIMAL(18,2)', '10.25'],
      ['BOOLEAN', false],
      ['VARCHAR', null],
    ];
    for (const [type, value] of fits) expect(valueFitsType(type, value as never), type).toBe(true);
    const misfits: [string, unknown][] = [
      ['VARCHAR', 12],
      ['DATE', '01/03/2026'],
      ['BIGINT', 1.5],
      ['BIGINT', '12'],
      ['DOUBLE', '1.5'],
      ['BOOLEAN', 'true'],
    ];
    for (const [type, value] of misfits) {
      expect(valueFitsType(type, value as never), `${type} ${String(value)}`).toBe(false);
    }
  });

  it('isoDate reads dates and date strings', () => {
    expect(isoDate(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(isoDate('2026-03-01')).toBe('2026-03-01');
    expect(isoDate(3)).toBeUndefined();
  });

  it('a test context has a fixed clock, collects logs and reaches loopback only', async () => {
    const context = createTestContext({ a: 1 }, { now: new Date('2026-01-02T03:04:05Z') });
    expect(context.now().toISOString()).toBe('2026-01-02T03:04:05.000Z');
    context.logger.warn('careful');
    expect(context.logs.warn).toEqual(['careful']);
    await expect(context.fetch('https://api.example.com/v1')).rejects.toThrow(
      /only loopback fake servers, not api\.example\.com/,
    );
    const server = createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await context.fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe('pong');
    } finally {
      server.close();
    }
  });

  it('collectRead splits what a read yields', async () => {
    const connector = defineConnector({
      specificationVersion: 'v1',
      id: 'tiny',
      name: 'Tiny',
      version: '0.1.0',
      docsUrl: 'docs/',
      config: z.object({}),
      check: () => Promise.resolve({ ok: true }),
      streams: [
        {
          name: 'numbers',
          columns: [{ name: 'n', type: 'BIGINT' }],
          primaryKey: ['n'],
          writeMode: 'replace',
        },
      ],
      async *read() {
        yield { type: 'record-batch', rows: [{ n: 1 }] };
        yield { type: 'warning', message: 'half' };
        yield { type: 'state-checkpoint', state: { page: 2 } };
        yield { type: 'record-batch', rows: [{ n: 2 }] };
      },
    });
    const outcome = await collectRead(connector, createTestContext({}), connector.streams[0]!, {
      fullRefresh: true,
    });
    expect(outcome.rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect(outcome.warnings).toEqual(['half']);
    expect(outcome.checkpoints).toEqual([{ page: 2 }]);
    expect(outcome.messages).toHaveLength(4);
  });
});
