import { Hono } from 'hono';
import { z } from 'zod';
import type { ReportView } from '../api-types.ts';
import { buildReportFile, buildReportView } from '../report.ts';
import type { Services } from '../workbench.ts';
import { validate } from './validate.ts';

/**
 * `locale`, and every other key an input value by the input's name; a key given several times
 * (`platform=meta&platform=tiktok`) is one multi-select value.
 */
const reportQuery = z
  .object({ locale: z.enum(['en', 'fr']).optional() })
  .catchall(z.union([z.string(), z.array(z.string())]));

function inputValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) values[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return values;
}

/**
 * A notebook as a report, mounted at `/api/notebooks` beside the notebooks resource: the view
 * for the web reader, and the self-contained HTML file as a download.
 *
 * @example new Hono().route('/api/notebooks', reportsRoute(() => workbench))
 */
export function reportsRoute(services: Services) {
  return new Hono()
    .get('/:id/report', validate('query', reportQuery), async (c) => {
      const workbench = services();
      const { locale, ...inputs } = c.req.valid('query');
      const view: ReportView = await buildReportView(
        workbench,
        c.req.param('id'),
        inputValues(inputs),
        locale ?? workbench.config.locale,
      );
      return c.json(view);
    })
    .get('/:id/export.html', validate('query', reportQuery), async (c) => {
      const workbench = services();
      const id = c.req.param('id');
      const { locale, ...inputs } = c.req.valid('query');
      const file = await buildReportFile(
        workbench,
        id,
        inputValues(inputs),
        locale ?? workbench.config.locale,
      );
      c.header('Content-Disposition', `attachment; filename="${id}.html"`);
      return c.html(file);
    });
}
