import { Hono } from 'hono';
import { z } from 'zod';
import { DEFAULT_ALERT_DAYS, MAX_ALERT_DAYS, readAlerts } from '../alerts.ts';
import type { AlertsView } from '../api-types.ts';
import type { Services } from '../workbench.ts';
import { validate } from './validate.ts';

const alertsQuery = z.object({
  days: z.coerce.number().int().min(1).max(MAX_ALERT_DAYS).default(DEFAULT_ALERT_DAYS),
});

/**
 * The anomaly alerts of the last days of data, mounted at `/api/alerts`.
 *
 * @example new Hono().route('/api/alerts', alertsRoute(() => workbench))
 */
export function alertsRoute(services: Services) {
  return new Hono().get('/', validate('query', alertsQuery), async (c) => {
    const view: AlertsView = await readAlerts(services(), c.req.valid('query').days);
    return c.json(view);
  });
}
