import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { BatonError } from '@baton/core';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NotebookConflictError } from '@baton/core/store';
import type { NotebookFile } from './api-types.ts';
import { alertsRoute } from './routes/alerts.ts';
import { healthRoute } from './routes/health.ts';
import { notebooksRoute } from './routes/notebooks.ts';
import { connectionsRoute } from './routes/connections.ts';
import { reportsRoute } from './routes/reports.ts';
import { runsRoute } from './routes/runs.ts';
import { schemaRoute } from './routes/schema.ts';
import { noWorkbench, type Workbench } from './workbench.ts';

/** The folder a Baton server works on, and the name people see for it. */
export interface Workspace {
  dir: string;
  name: string;
  /** Default: the workbench's `baton.json`, else `en`. */
  locale?: 'en' | 'fr';
  /** Default: the workbench's `baton.json`, else `EUR`. */
  reportingCurrency?: string;
}

export interface CreateAppOptions {
  workspace: Workspace;
  /** The built web app (`apps/web/build`); defaults to that folder in this checkout. */
  webRoot?: string;
  /**
   * The opened workspace (`openWorkbench`). Without it only health and the web app answer; the
   * workspace routes say that the server has no workspace.
   */
  workbench?: Workbench;
}

/** The body of every API error response. */
export interface ErrorBody {
  error: { kind: string; message: string; hint?: string };
}

/** A 412 on a notebook: the error, and the file as it is now, to merge with. */
export interface ConflictBody extends ErrorBody {
  current: NotebookFile;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/build/', import.meta.url));

/** BatonError kinds that mean the caller must change the request, not the server. */
const statusByKind: Record<string, ContentfulStatusCode> = {
  usage: 400,
  input: 400,
  invalid: 400,
  'not-found': 404,
  exists: 409,
  expired: 410,
  conflict: 412,
  unavailable: 503,
};

/**
 * The Baton HTTP app: the JSON API under `/api`, and the built web app everywhere else.
 * It touches no socket; `startServer` in `main.ts` puts it on one.
 *
 * @example
 * const app = createApp({ workspace: { dir: '/srv/acme', name: 'Acme' } });
 * const response = await app.request('/api/health');
 */
export function createApp({ workspace, webRoot = defaultWebRoot, workbench }: CreateAppOptions) {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));
  const services = workbench ? () => workbench : noWorkbench;

  // Chained so that `AppType` carries every route's types to the web's typed client.
  const api = app
    .route(
      '/api/health',
      healthRoute({
        name: workspace.name,
        locale: workspace.locale ?? workbench?.config.locale ?? 'en',
        reportingCurrency:
          workspace.reportingCurrency ?? workbench?.config.reportingCurrency ?? 'EUR',
      }),
    )
    .route('/api/notebooks', notebooksRoute(services))
    .route('/api/notebooks', reportsRoute(services))
    .route('/api/runs', runsRoute(services))
    .route('/api/schema', schemaRoute(services))
    .route('/api/connections', connectionsRoute(services))
    .route('/api/alerts', alertsRoute(services));

  app.all('/api/*', (c) => {
    throw new BatonError(
      'not-found',
      `No API route for ${c.req.method} ${c.req.path}.`,
      'Check the path and method; GET /api/health lists the server version.',
    );
  });

  if (existsSync(join(webRoot, 'index.html'))) {
    serveWebApp(app, webRoot);
  } else {
    app.get('*', (c) => c.html(missingBuildPage, 503));
  }
  return api;
}

/** The app's type, for Hono's typed client: `hc<AppType>(location.origin)` (see apps/web/src/lib/api.ts). */
export type AppType = ReturnType<typeof createApp>;

function serveWebApp(app: Hono, webRoot: string): void {
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    // Vite fingerprints everything under _app/immutable; anything else must be revalidated.
    const immutable = c.req.path.startsWith('/_app/immutable/');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.use('*', serveStatic({ root: webRoot }));
  // Asset URLs that match no file are real 404s; any other path is a client-side route.
  app.get('/_app/*', (c) => c.text('Not found.', 404));
  app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
}

function errorResponse(c: Context, error: Error): Response {
  if (error instanceof HTTPException) {
    // Hono's own refusals, e.g. a body that is not JSON: a bad request like any other.
    if (error.status === 400) {
      return c.json<ErrorBody>(
        {
          error: {
            kind: 'usage',
            message: `The request could not be read: ${error.message || 'it is malformed'}.`,
            hint: 'Send a JSON body with Content-Type: application/json (docs/api.md lists the fields).',
          },
        },
        400,
      );
    }
    return c.json<ErrorBody>(
      { error: { kind: 'http', message: error.message || 'The request was refused.' } },
      error.status,
    );
  }
  if (error instanceof NotebookConflictError) {
    return c.json<ConflictBody>(
      {
        error: { kind: error.kind, message: error.message, hint: error.hint },
        current: error.current,
      },
      412,
    );
  }
  if (error instanceof BatonError) {
    const status = statusByKind[error.kind] ?? 500;
    return c.json<ErrorBody>(
      { error: { kind: error.kind, message: error.message, hint: error.hint } },
      status,
    );
  }
  console.error(error);
  return c.json<ErrorBody>(
    {
      error: {
        kind: 'internal',
        message: 'The server failed while answering this request.',
        hint: 'The server log has the details; please report it if it happens again.',
      },
    },
    500,
  );
}

const missingBuildPage = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Baton: web app not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The Baton web app is not built yet</h1>
<p>The API is running (<a href="/api/health">/api/health</a>), but there is no web build to serve.</p>
<p>Build it from the repository root, then restart Baton:</p>
<pre>pnpm --filter @baton/web build</pre>
</body>
</html>
`;

export type * from './api-types.ts';
