/**
 * Retries of `transient` and `rate-limit` connector errors: capped exponential back-off, and at
 * least the delay the platform asked for (`retryAfterMs`). `sleep` is injected so tests are fast.
 */
import { ConnectorError, type ConnectorErrorKind } from '../spec/index.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 120_000 };

/** The kinds worth another try. */
export function isRetryable(kind: ConnectorErrorKind | string): boolean {
  return kind === 'transient' || kind === 'rate-limit';
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, Math.max(backoff, retryAfterMs ?? 0));
}

export interface RetryHooks {
  sleep(ms: number): Promise<void>;
  onRetry?(info: { attempt: number; delayMs: number; error: ConnectorError }): void;
  signal?: AbortSignal;
}

/** Runs `work`, again after each retryable ConnectorError, up to the policy's attempts. */
export async function withRetry<T>(
  policy: RetryPolicy,
  hooks: RetryHooks,
  work: (attempt: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!(error instanceof ConnectorError) || !isRetryable(error.kind)) throw error;
      if (attempt >= policy.attempts || hooks.signal?.aborted) throw error;
      const retryAfter = (error as { retryAfterMs?: unknown }).retryAfterMs;
      const delayMs = retryDelay(
        policy,
        attempt,
        typeof retryAfter === 'number' ? retryAfter : undefined,
      );
      hooks.onRetry?.({ attempt, delayMs, error });
      await hooks.sleep(delayMs);
    }
  }
}

/** `setTimeout` as a promise, ended early by the signal. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
