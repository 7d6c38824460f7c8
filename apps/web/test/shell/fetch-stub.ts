/** A `fetch` stub answering by method and path with real Response objects; records the calls. */
import { vi } from 'vitest';

export type Route = (request: { url: string; init?: RequestInit }) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Installs `fetch`; `routes` keys are `GET /api/notebooks` (path without the query). */
export function stubFetch(routes: Record<string, Route>) {
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // The typed client asks for absolute URLs; calls are recorded by path and query.
    const parsed = new URL(String(input), 'http://baton.test');
    const url = `${parsed.pathname}${parsed.search}`;
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = parsed.pathname;
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const route = routes[`${method} ${path}`];
    if (!route) {
      return json(
        { error: { kind: 'not-found', message: `No API route for ${method} ${path}.` } },
        404,
      );
    }
    return route({ url, init });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}
