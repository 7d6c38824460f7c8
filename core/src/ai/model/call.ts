/**
 * One structured-output call: the model's answer validated against a Zod schema, or what was
 * wrong with it (for a repair round). A provider failure (network, key, rate limit) is an
 * `AiModelError` that says what to check.
 */
import {
  AISDKError,
  APICallError,
  generateText,
  NoObjectGeneratedError,
  Output,
  RetryError,
  type ModelMessage,
} from 'ai';
import type { z } from 'zod';
import { AiModelError } from './errors.ts';
import type { AiLanguageModel } from './provider.ts';

/** Characters of a bad answer kept for the repair round and messages. */
const KEPT_TEXT = 4000;

export type ModelReply<T> =
  { kind: 'valid'; output: T; text: string } | { kind: 'invalid'; problem: string; text: string };

export async function callModel<T>(
  model: AiLanguageModel,
  engine: string,
  request: {
    instructions: string;
    messages: ModelMessage[];
    schema: z.ZodType<T>;
    signal?: AbortSignal | undefined;
  },
): Promise<ModelReply<T>> {
  try {
    const result = await generateText({
      model,
      instructions: request.instructions,
      messages: request.messages,
      output: Output.object({ schema: request.schema }),
      ...(request.signal ? { abortSignal: request.signal } : {}),
    });
    return { kind: 'valid', output: result.output, text: result.text.slice(0, KEPT_TEXT) };
  } catch (error) {
    if (NoObjectGeneratedError.isInstance(error)) {
      return {
        kind: 'invalid',
        problem: invalidReason(error),
        text: (error.text ?? '').slice(0, KEPT_TEXT),
      };
    }
    throw providerError(error, engine);
  }
}

/** Why the answer did not fit: the JSON parse or schema error, first lines only. */
function invalidReason(error: NoObjectGeneratedError): string {
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return `${error.message}${cause ? ` ${cause}` : ''}`.slice(0, 1500);
}

function providerError(error: unknown, engine: string): unknown {
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last)) {
    const status = last.statusCode;
    const hint =
      status === 401 || status === 403
        ? 'Check the API key: `baton ai status` shows where it comes from; store a new one with `baton ai set`.'
        : status === 404
          ? 'Check the model name and the base URL (`baton ai status`).'
          : status === 429
            ? 'The provider is rate limiting: wait a moment and try again, or use another model.'
            : 'Check the network and the base URL (`baton ai status`), then try again.';
    return new AiModelError(
      `The model ${engine} failed${status ? ` (HTTP ${status})` : ''}: ${last.message}`,
      hint,
      { cause: error },
    );
  }
  if (AISDKError.isInstance(error)) {
    return new AiModelError(
      `The model ${engine} failed: ${error.message}`,
      'Check the AI settings with `baton ai status`, then try again.',
      { cause: error },
    );
  }
  return error;
}
