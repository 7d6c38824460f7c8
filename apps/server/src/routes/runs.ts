import { isNotebookId } from '@baton/core/store';
import { parseNotebook } from '@baton/core/notebook';
import { Hono } from 'hono';
import { z } from 'zod';
import type { CellView, ResultPage, RunState } from '../api-types.ts';
import { cellView, MAX_PAGE_ROWS, readCellPage } from '../results.ts';
import type { Services } from '../workbench.ts';
import { streamEvents } from './sse.ts';
import { validate } from './validate.ts';

const startBody = z.object({
  notebook: z.string().refine(isNotebookId, 'expected a notebook id such as weekly-cmo'),
  text: z.string().max(2_000_000).optional(),
  inputs: z.record(z.string(), z.string()).optional(),
});
const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(0).max(MAX_PAGE_ROWS).default(100),
  sort: z.string().min(1).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/**
 * Notebook runs, mounted at `/api/runs`: start, follow (SSE), cancel, read results.
 *
 * @example new Hono().route('/api/runs', runsRoute(() => workbench))
 */
export function runsRoute(services: Services) {
  return new Hono()
    .post('/', validate('json', startBody), async (c) => {
      const { notebook, text, inputs } = c.req.valid('json');
      const { notebooks, runs } = services();
      const source = text ?? (await notebooks.read(notebook)).text;
      const record = runs.start({
        notebook,
        parsed: parseNotebook(source).notebook,
        ...(inputs ? { inputs } : {}),
        // The editor's runs: an unpinned ask cell shows the engine's draft for review.
        draftAsk: true,
      });
      return c.json({ runId: record.runId }, 202);
    })
    .get('/:runId', (c) => {
      const { runs } = services();
      const state: RunState = runs.state(runs.get(c.req.param('runId')));
      return c.json(state);
    })
    .get('/:runId/events', (c) => {
      const { runs } = services();
      const runId = c.req.param('runId');
      runs.get(runId);
      return streamEvents(c, (from, signal) => runs.events(runId, from, signal));
    })
    .post('/:runId/cancel', (c) => {
      const { runs } = services();
      const state: RunState = runs.state(runs.cancel(c.req.param('runId')));
      return c.json(state, 202);
    })
    .get('/:runId/cells/:cellId', (c) => {
      const { runs, warehouse } = services();
      const view: CellView = cellView(
        runs.get(c.req.param('runId')),
        c.req.param('cellId'),
        warehouse.options.rowCap,
      );
      return c.json(view);
    })
    .get('/:runId/cells/:cellId/rows', validate('query', pageQuery), async (c) => {
      const { runs, runner, warehouse } = services();
      const { offset, limit, sort, order } = c.req.valid('query');
      const page: ResultPage = await readCellPage(
        runs.get(c.req.param('runId')),
        c.req.param('cellId'),
        { offset, limit, ...(sort ? { sort: { column: sort, order } } : {}) },
        { runner, cap: warehouse.options.rowCap },
      );
      return c.json(page);
    });
}
