import { isNotebookId } from '@baton/core/store';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SchemaView } from '../api-types.ts';
import { readSchema } from '../schema.ts';
import type { Services } from '../workbench.ts';
import { validate } from './validate.ts';

const schemaQuery = z.object({
  notebook: z.string().refine(isNotebookId, 'expected a notebook id such as weekly-cmo').optional(),
});

/**
 * What notebook SQL may read, mounted at `/api/schema`.
 *
 * @example new Hono().route('/api/schema', schemaRoute(() => workbench))
 */
export function schemaRoute(services: Services) {
  return new Hono().get('/', validate('query', schemaQuery), async (c) => {
    const schema: SchemaView = await readSchema(services(), c.req.valid('query').notebook);
    return c.json(schema);
  });
}
