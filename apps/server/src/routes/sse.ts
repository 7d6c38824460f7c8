import { BatonError } from '@baton/core';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

type Follow = (
  from: number,
  signal: AbortSignal,
) => AsyncGenerator<{ index: number; event: { type: string } }>;

/**
 * Answers with an event stream of a task's log: `event:` the event's type, `id:` its index, so
 * a client that reconnects with `Last-Event-ID` resumes after the last event it saw.
 *
 * @example .get('/:runId/events', (c) => streamEvents(c, (from, signal) => runs.events(id, from, signal)))
 */
export function streamEvents(c: Context, follow: Follow): Response {
  const from = resumeIndex(c.req.header('Last-Event-ID'));
  return streamSSE(c, async (stream) => {
    const aborted = new AbortController();
    stream.onAbort(() => aborted.abort());
    for await (const { index, event } of follow(from, aborted.signal)) {
      await stream.writeSSE({ event: event.type, id: String(index), data: JSON.stringify(event) });
    }
  });
}

/** The event index after `Last-Event-ID`, or 0. */
function resumeIndex(header: string | undefined): number {
  if (header === undefined || header.trim() === '') return 0;
  const last = Number(header);
  if (!Number.isInteger(last) || last < 0) {
    throw new BatonError(
      'usage',
      `Last-Event-ID must be the index of an event of this stream, not "${header.slice(0, 40)}".`,
      'Reconnect without the header to replay the stream from its first event.',
    );
  }
  return last + 1;
}
