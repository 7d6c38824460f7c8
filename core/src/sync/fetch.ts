/**
 * The `fetch` a connector gets from its context: each attempt has a timeout, 429 and 5xx answers
 * and network failures are retried with capped back-off honouring Retry-After, and the context's
 * signal aborts it. After the last attempt the last answer is returned (the plugin maps its status
 * to a ConnectorError); a network failure or timeout becomes a TransientError. Messages name the
 * origin and path only, never the query string (API keys travel there).
 */
import { TransientError } from '../spec/index.ts';
import { retryDelay, type RetryPolicy } from './retry.ts';

export interface HostFetchOptions {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  signal?: AbortSignal;
  timeoutMs?: number;
  policy?: RetryPolicy;
}

type FetchInput = Parameters<typeof fetch>[0];

const FETCH_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

export function createHostFetch(options: HostFetchOptions): typeof fetch {
  const policy = options.policy ?? FETCH_POLICY;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const hostFetch = async (input: FetchInput, init: RequestInit = {}): Promise<Response> => {
    const where = describe(input);
    // A stream body cannot be sent twice.
    const replayable =
      init.body === undefined ||
      init.body === null ||
      typeof init.body === 'string' ||
      init.body instanceof URLSearchParams ||
      init.body instanceof ArrayBuffer ||
      ArrayBuffer.isView(init.body);
    const attempts = replayable && !(input instanceof Request) ? policy.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      const signals = [AbortSignal.timeout(timeoutMs)];
      if (options.signal) signals.push(options.signal);
      if (init.signal) signals.push(init.signal);
      let response: Response;
      try {
        response = await options.fetch(input, { ...init, signal: AbortSignal.any(signals) });
      } catch (error) {
        if (options.signal?.aborted || init.signal?.aborted) throw error;
        const timedOut = (error as Error).name === 'TimeoutError';
        if (attempt >= attempts) {
          throw new TransientError(
            timedOut
              ? `${where} did not answer within ${timeoutMs} ms.`
              : `${where} could not be reached: ${(error as Error).message}`,
            { cause: error },
          );
        }
        await options.sleep(retryDelay(policy, attempt));
        continue;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= attempts) return response;
      await response.body?.cancel().catch(() => {});
      await options.sleep(
        retryDelay(policy, attempt, retryAfterMs(response.headers.get('retry-after'))),
      );
    }
  };
  return hostFetch as typeof fetch;
}

/** Retry-After as seconds or an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(input: FetchInput): string {
  try {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return `${url.origin}${url.pathname}`;
  } catch {
    return 'The request';
  }
}
