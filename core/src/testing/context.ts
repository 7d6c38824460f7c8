/** Test contexts for connectors: the clock, a loopback-only fetch, collected logs. */
import type { ConnectorContext } from '../spec/index.ts';

/** Context capabilities a test adds or replaces (a fake server's `fetch`, `files`...). */
export type ContextOverrides = Partial<Omit<ConnectorContext<unknown>, 'config' | 'credentials'>>;

export interface TestContextOptions {
  /** Default: 2026-04-01T12:00:00Z, so "yesterday" is stable. */
  now?: Date;
  signal?: AbortSignal;
  overrides?: ContextOverrides;
}

/** Log lines a test context collected, by level. */
export interface CollectedLogs {
  debug: string[];
  info: string[];
  warn: string[];
}

export const DEFAULT_TEST_NOW = new Date('2026-04-01T12:00:00Z');

/**
 * A connector context for tests: the given config, a fixed clock, a collecting logger and a
 * `fetch` that reaches loopback fake servers only (`overrides` replaces any of them).
 *
 * @example const context = createTestContext({ seed: 7 }, { now: new Date('2026-03-02') });
 */
export function createTestContext<Config>(
  config: Config,
  options: TestContextOptions = {},
): ConnectorContext<Config> & { logs: CollectedLogs } {
  const logs: CollectedLogs = { debug: [], info: [], warn: [] };
  const now = options.now ?? DEFAULT_TEST_NOW;
  return {
    config,
    credentials: undefined,
    signal: options.signal ?? new AbortController().signal,
    logger: {
      debug: (message) => logs.debug.push(message),
      info: (message) => logs.info.push(message),
      warn: (message) => logs.warn.push(message),
    },
    now: () => new Date(now),
    fetch: loopbackFetch,
    ...options.overrides,
    logs,
  };
}

/**
 * `fetch` for tests: loopback only (a fake server on 127.0.0.1 or localhost), so a test never
 * reaches a real platform by accident.
 */
export const loopbackFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return Promise.reject(
      new TypeError(
        `fetch failed: tests reach only loopback fake servers, not ${url.host}; make the base URL a config field`,
      ),
    );
  }
  return fetch(input, init);
};
