import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransientError } from '../../src/spec/index.ts';
import { createHostFetch } from '../../src/sync/index.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A loopback server answering with the given statuses in turn (then 200). */
async function serve(
  answers: Array<{ status: number; headers?: Record<string, string>; hang?: boolean }>,
) {
  let calls = 0;
  server = createServer((request, response) => {
    const answer = answers[calls++] ?? { status: 200 };
    if (answer.hang) return;
    response.writeHead(answer.status, answer.headers).end(JSON.stringify({ calls }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/report?key=SECRET`,
    calls: () => calls,
  };
}

describe('the context fetch', () => {
  it('retries 429 and 5xx, honouring Retry-After', async () => {
    const { url, calls } = await serve([
      { status: 503 },
      { status: 429, headers: { 'retry-after': '7' } },
    ]);
    const sleeps: number[] = [];
    const hostFetch = createHostFetch({ fetch, sleep: async (ms) => void sleeps.push(ms) });
    const response = await hostFetch(url);
    expect(response.status).toBe(200);
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([500, 7_000]);
  });

  it('returns the last answer once attempts are spent', async () => {
    const { url } = await serve([{ status: 500 }, { status: 500 }, { status: 502 }]);
    const hostFetch = createHostFetch({
      fetch,
      sleep: async () => {},
      policy: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect((await hostFetch(url)).status).toBe(502);
  });

  it('times out a hanging request as a transient error naming no query string', async () => {
    const { url } = await serve([
      { status: 0, hang: true },
      { status: 0, hang: true },
    ]);
    const hostFetch = createHostFetch({
      fetch,
      sleep: async () => {},
      timeoutMs: 100,
      policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const failure = await hostFetch(url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransientError);
    expect((failure as Error).message).toMatch(/\/v1\/report did not answer within 100 ms/);
    expect((failure as Error).message).not.toContain('SECRET');
  });

  it('aborts on the signal without retrying', async () => {
    const { url, calls } = await serve([{ status: 0, hang: true }]);
    const controller = new AbortController();
    const hostFetch = createHostFetch({ fetch, sleep: async () => {}, signal: controller.signal });
    const pending = hostFetch(url);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    expect(calls()).toBe(1);
  });
});
