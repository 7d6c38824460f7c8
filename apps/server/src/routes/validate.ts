import { zValidator } from '@hono/zod-validator';
import { BatonError } from '@baton/core';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

const PLACES: Partial<Record<keyof ValidationTargets, string>> = {
  json: 'request body',
  query: 'query string',
  param: 'path',
};

/**
 * Zod validation for a route, answering a refusal in the API's error shape: 400 `usage`, naming
 * the field and what it expects.
 *
 * @example new Hono().put('/:id', validate('json', z.object({ text: z.string() })), (c) => c.json(c.req.valid('json')))
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const place = PLACES[target] ?? target;
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the value';
      return `${field}: ${issue.message}`;
    });
    throw new BatonError(
      'usage',
      `The ${place} is not valid: ${problems.join('; ')}.`,
      'Fix the fields named above and send the request again (docs/api.md lists every field).',
    );
  });
}
