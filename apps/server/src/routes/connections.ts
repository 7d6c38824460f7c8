import { BatonError } from '@baton/core';
import { Hono } from 'hono';
import type { ConnectionView } from '../api-types.ts';
import { findConnection, listConnections } from '../connections.ts';
import type { Services } from '../workbench.ts';
import { streamEvents } from './sse.ts';

/**
 * The workspace's connections, mounted at `/api/connections`: list, check, sync, follow a sync.
 *
 * @example new Hono().route('/api/connections', connectionsRoute(() => workbench))
 */
export function connectionsRoute(services: Services) {
  return new Hono()
    .get('/', async (c) => {
      const connections: ConnectionView[] = await listConnections(services().sync);
      return c.json({ connections });
    })
    .post('/:name/check', async (c) => {
      const { sync } = services();
      const name = c.req.param('name');
      await findConnection(sync, name);
      const result = await sync.check(name);
      const answer: { ok: boolean; reason?: string; hint?: string } = result.ok
        ? { ok: true }
        : {
            ok: false,
            ...(result.reason ? { reason: result.reason } : {}),
            ...(result.hint ? { hint: result.hint } : {}),
          };
      return c.json(answer);
    })
    .post('/:name/syncs', async (c) => {
      const { sync, syncs } = services();
      const name = c.req.param('name');
      const summary = await findConnection(sync, name);
      if (summary.status === 'stopped') {
        throw new BatonError(
          'usage',
          `Connection "${name}" is stopped, so it does not sync.`,
          'Add it again (`baton connect <plugin> --name NAME`) to resume it.',
        );
      }
      return c.json(syncs.start(name), 202);
    })
    .get('/syncs/:syncId/events', (c) => {
      const { syncs } = services();
      const syncId = c.req.param('syncId');
      syncs.assertKnown(syncId);
      return streamEvents(c, (from, signal) => syncs.events(syncId, from, signal));
    });
}
