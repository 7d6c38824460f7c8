import { Hono } from 'hono';
import packageJson from '../../package.json' with { type: 'json' };

/** What `GET /api/health` answers: enough for the web shell and for `baton status` probes. */
export interface Health {
  ok: true;
  /** The `@baton/server` version. */
  version: string;
  /** The workspace's display name; its directory stays on the server. */
  workspace: { name: string; locale: 'en' | 'fr'; reportingCurrency: string };
  nodeVersion: string;
}

/**
 * `GET /` of the health resource, mounted at `/api/health`.
 *
 * @example new Hono().route('/api/health', healthRoute({ name: 'Acme', locale: 'fr', reportingCurrency: 'EUR' }))
 */
export function healthRoute(workspace: Health['workspace']) {
  const health: Health = {
    ok: true,
    version: packageJson.version,
    workspace: {
      name: workspace.name,
      locale: workspace.locale,
      reportingCurrency: workspace.reportingCurrency,
    },
    nodeVersion: process.versions.node,
  };
  return new Hono().get('/', (c) => c.json(health));
}
