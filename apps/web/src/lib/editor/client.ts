/**
 * The editor's calls to the Baton API (docs/api.md), typed with the server's response types.
 * Plain `fetch` wrappers in one module, with `fetch` injected for tests; every refusal becomes
 * an `ApiError` carrying the server's `{ kind, message, hint }`.
 */
import type { CellView, NotebookFile, ResultPage, SchemaView, PageRequest } from '@baton/server';

export interface ApiProblemBody {
  kind: string;
  message: string;
  hint?: string;
}

/** A request the server refused (or that never reached it). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblemBody,
    /** The whole error body, e.g. `current` of a 412. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(problem.message);
    this.name = 'ApiError';
  }
}

export type Fetch = typeof fetch;

async function request<T>(fetcher: Fetch, path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(path, {
      ...init,
      headers: init?.body ? { 'content-type': 'application/json' } : undefined,
    });
  } catch (error) {
    throw new ApiError(0, {
      kind: 'network',
      message: `Could not reach the Baton server (${error instanceof Error ? error.message : String(error)}).`,
      hint: 'Check that the server is still running, then try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
  if (!response.ok) {
    const problem = (body?.error as ApiProblemBody | undefined) ?? {
      kind: 'http',
      message: `The server answered ${response.status} ${response.statusText}.`,
    };
    throw new ApiError(response.status, problem, body ?? {});
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
});

/** The notebook file whose save met a newer version (the body of a 412). */
export function conflictCurrent(error: ApiError): NotebookFile | undefined {
  const current =
    error.body.current ?? (error.body.error as Record<string, unknown> | undefined)?.current;
  return current as NotebookFile | undefined;
}

export function editorClient(fetcher: Fetch = (...args) => fetch(...args)) {
  const base = '/api';
  return {
    getNotebook: (id: string) =>
      request<NotebookFile>(fetcher, `${base}/notebooks/${encodeURIComponent(id)}`),
    saveNotebook: (id: string, text: string, baseVersion: string) =>
      request<NotebookFile>(
        fetcher,
        `${base}/notebooks/${encodeURIComponent(id)}`,
        json('PUT', { text, baseVersion }),
      ),
    createNotebook: (title: string, text: string) =>
      request<NotebookFile>(fetcher, `${base}/notebooks`, json('POST', { title, text })),
    startRun: (notebook: string, text: string, inputs: Record<string, string>) =>
      request<{ runId: string }>(fetcher, `${base}/runs`, json('POST', { notebook, text, inputs })),
    cancelRun: (runId: string) =>
      request<unknown>(fetcher, `${base}/runs/${encodeURIComponent(runId)}/cancel`, {
        method: 'POST',
      }),
    getCell: (runId: string, cellId: string) =>
      request<CellView>(
        fetcher,
        `${base}/runs/${encodeURIComponent(runId)}/cells/${encodeURIComponent(cellId)}`,
      ),
    getRows: (runId: string, cellId: string, page: PageRequest) => {
      const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
      if (page.sort) {
        query.set('sort', page.sort.column);
        query.set('order', page.sort.order);
      }
      return request<ResultPage>(
        fetcher,
        `${base}/runs/${encodeURIComponent(runId)}/cells/${encodeURIComponent(cellId)}/rows?${query}`,
      );
    },
    getSchema: (notebook: string) =>
      request<SchemaView>(fetcher, `${base}/schema?notebook=${encodeURIComponent(notebook)}`),
    /** The URL of a run's event stream (for EventSource). */
    eventsUrl: (runId: string) => `${base}/runs/${encodeURIComponent(runId)}/events`,
  };
}

export type EditorClient = ReturnType<typeof editorClient>;
