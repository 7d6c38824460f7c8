/** Reading a stream in a test: everything it yields, split by type. */
import type { z } from 'zod';
import type {
  ConnectorContext,
  ConnectorV1,
  ReadMessage,
  ReadRequest,
  Row,
  StreamDefinition,
} from '../spec/index.ts';

/** Everything one `read` yielded, split by type. */
export interface ReadOutcome {
  rows: Row[];
  messages: ReadMessage[];
  warnings: string[];
  checkpoints: unknown[];
}

/** Runs `read` to the end and collects what it yielded. */
export async function collectRead<Schema extends z.ZodType, Credentials>(
  connector: ConnectorV1<Schema, Credentials>,
  context: ConnectorContext<z.output<Schema>, Credentials>,
  stream: StreamDefinition,
  request: ReadRequest,
): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { rows: [], messages: [], warnings: [], checkpoints: [] };
  for await (const message of connector.read(context, stream, request)) {
    outcome.messages.push(message);
    if (message.type === 'record-batch') outcome.rows.push(...message.rows);
    else if (message.type === 'warning') outcome.warnings.push(message.message);
    else if (message.type === 'state-checkpoint') outcome.checkpoints.push(message.state);
  }
  return outcome;
}
