import type { AppType, ErrorBody } from '@baton/server';
import { hc } from 'hono/client';

/**
 * The Baton API, typed from the server's routes (never hand-copied types).
 *
 * @example const response = await api().api.health.$get();
 */
export function api() {
  return hc<AppType>(window.location.origin);
}

/** What the API says when it refuses a request. */
export type ApiProblem = ErrorBody['error'];

/** Reads an error response's `{ error: { message, hint } }` body, or describes the status. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
  return (
    body?.error ?? {
      kind: 'http',
      message: `The server answered ${response.status} ${response.statusText}.`,
    }
  );
}
