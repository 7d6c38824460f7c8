/**
 * JSON requests to the Baton API with its error shape: a refusal becomes an `ApiRequestError`
 * carrying the server's `{ kind, message, hint }`, a network failure one of kind `network`.
 */
import { problemOf, type ApiProblem } from '../api.ts';

export class ApiRequestError extends Error {
  readonly problem: ApiProblem;
  readonly status: number;

  constructor(problem: ApiProblem, status: number) {
    super(problem.message);
    this.name = 'ApiRequestError';
    this.problem = problem;
    this.status = status;
  }
}

/** Sends a request and reads its JSON answer (undefined for 204). */
export function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  return readJson<T>(
    fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    }),
  );
}

/** What `readJson` reads: a fetch Response, or the typed client's (whose `json()` is typed). */
interface JsonResponse<T> {
  ok: boolean;
  status: number;
  statusText: string;
  json(): Promise<T>;
}

/**
 * Reads a response's JSON answer, or throws the API's problem (a refusal, a network failure).
 *
 * @example const { notebooks } = await readJson(api().api.notebooks.$get());
 */
export async function readJson<T>(pending: Promise<JsonResponse<T>>): Promise<T> {
  let response: JsonResponse<T>;
  try {
    response = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(
      {
        kind: 'network',
        message: `Could not reach the Baton server (${String(error)}).`,
        hint: 'Check that Baton is still running (`pnpm start`), then try again.',
      },
      0,
    );
  }
  if (!response.ok) {
    throw new ApiRequestError(await problemOf(response as unknown as Response), response.status);
  }
  if (response.status === 204) return undefined as T;
  return await response.json();
}

/** The problem an error stands for, for error states that show the server's hint. */
export function problemOfError(error: unknown): ApiProblem {
  if (error instanceof ApiRequestError) return error.problem;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
