/**
 * The editor's calls to the Baton API (docs/api.md) through Hono's typed client, with `fetch`
 * injected for tests; every refusal becomes an `ApiError` carrying the server's
 * `{ kind, message, hint }`.
 */
import type {
  AppType,
  CellView,
  NotebookFile,
  PageRequest,
  ResultPage,
  SchemaView,
} from '@baton/server';
import { hc } from 'hono/client';

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

/** Runs one typed-client request; refusals and network failures become an `ApiError`. */
async function call<T>(send: () => Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await send();
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

/** The notebook file whose save met a newer version (the body of a 412). */
export function conflictCurrent(error: ApiError): NotebookFile | undefined {
  const current =
    error.body.current ?? (error.body.error as Record<string, unknown> | undefined)?.current;
  return current as NotebookFile | undefined;
}

/**
 * The editor's requests through Hono's typed client (paths and bodies checked against the
 * server's routes), answering with the API's response types.
 */
export function editorClient(
  fetcher: Fetch = (...args) => fetch(...args),
  origin: string = window.location.origin,
) {
  const client = hc<AppType>(origin, { fetch: fetcher });
  const notebook = client.api.notebooks[':id'];
  const run = client.api.runs[':runId'];
  return {
    getNotebook: (id: string) => call<NotebookFile>(() => notebook.$get({ param: { id } })),
    saveNotebook: (id: string, text: string, baseVersion: string) =>
      call<NotebookFile>(() => notebook.$put({ param: { id }, json: { text, baseVersion } })),
    createNotebook: (title: string, text: string) =>
      call<NotebookFile>(() => client.api.notebooks.$post({ json: { title, text } })),
    startRun: (notebookId: string, text: string, inputs: Record<string, string>) =>
      call<{ runId: string }>(() =>
        client.api.runs.$post({ json: { notebook: notebookId, text, inputs } }),
      ),
    cancelRun: (runId: string) => call<unknown>(() => run.cancel.$post({ param: { runId } })),
    getCell: (runId: string, cellId: string) =>
      call<CellView>(() => run.cells[':cellId'].$get({ param: { runId, cellId } })),
    getRows: (runId: string, cellId: string, page: PageRequest) =>
      call<ResultPage>(() =>
        run.cells[':cellId'].rows.$get({
          param: { runId, cellId },
          query: {
            offset: String(page.offset),
            limit: String(page.limit),
            ...(page.sort ? { sort: page.sort.column, order: page.sort.order } : {}),
          },
        }),
      ),
    getSchema: (notebookId: string) =>
      call<SchemaView>(() => client.api.schema.$get({ query: { notebook: notebookId } })),
    /** The path of a run's event stream (for EventSource). */
    eventsUrl: (runId: string) => run.events.$url({ param: { runId } }).pathname,
  };
}

export type EditorClient = ReturnType<typeof editorClient>;
