import { Hono } from 'hono';
import { z } from 'zod';
import type { NotebookFile, NotebookSummary } from '../api-types.ts';
import type { Services } from '../workbench.ts';
import { validate } from './validate.ts';

const createBody = z.object({
  title: z.string().min(1).max(200),
  id: z.string().optional(),
  text: z.string().max(2_000_000).optional(),
});
const saveBody = z.object({
  text: z.string().max(2_000_000),
  baseVersion: z.string().min(1),
});
const renameBody = z.object({ to: z.string().min(1) });
const removeQuery = z.object({ version: z.string().min(1).optional() });

/**
 * The notebooks of the workspace, mounted at `/api/notebooks` (see docs/api.md).
 *
 * @example new Hono().route('/api/notebooks', notebooksRoute(() => workbench))
 */
export function notebooksRoute(services: Services) {
  return new Hono()
    .get('/', async (c) => {
      const notebooks: NotebookSummary[] = await services().notebooks.list();
      return c.json({ notebooks });
    })
    .post('/', validate('json', createBody), async (c) => {
      const file: NotebookFile = await services().notebooks.create(c.req.valid('json'));
      return c.json(file, 201);
    })
    .get('/:id', async (c) => {
      const file: NotebookFile = await services().notebooks.read(c.req.param('id'));
      return c.json(file);
    })
    .put('/:id', validate('json', saveBody), async (c) => {
      const { text, baseVersion } = c.req.valid('json');
      const file: NotebookFile = await services().notebooks.save(
        c.req.param('id'),
        text,
        baseVersion,
      );
      return c.json(file);
    })
    .delete('/:id', validate('query', removeQuery), async (c) => {
      await services().notebooks.remove(c.req.param('id'), c.req.valid('query').version);
      return c.body(null, 204);
    })
    .post('/:id/rename', validate('json', renameBody), async (c) => {
      const file: NotebookFile = await services().notebooks.rename(
        c.req.param('id'),
        c.req.valid('json').to,
      );
      return c.json(file);
    });
}
