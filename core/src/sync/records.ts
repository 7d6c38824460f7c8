/**
 * What a failed stream is recorded as: the error's kind, and a message with every secret value
 * redacted. Defects (`bug`, and anything that is not a ConnectorError) carry their context:
 * connector, connection, stream and window.
 */
import { BatonError } from '../errors.ts';
import { ConnectorError } from '../spec/index.ts';
import { redact } from './secrets.ts';
import type { SyncErrorKind, SyncWindow } from './types.ts';

export interface Failure {
  kind: SyncErrorKind;
  message: string;
  hint?: string;
}

export interface FailureContext {
  plugin: string;
  connection: string;
  stream: string;
  window?: SyncWindow;
  secrets: readonly string[];
  aborted: boolean;
}

export function describeFailure(error: unknown, context: FailureContext): Failure {
  const clean = (text: string) => redact(text, context.secrets);
  if (context.aborted) {
    return {
      kind: 'aborted',
      message: 'The sync was cancelled before this stream finished.',
      hint: 'Run the sync again: it resumes after the last committed window.',
    };
  }
  if (error instanceof ConnectorError && error.kind !== 'bug') {
    return {
      kind: error.kind,
      message: clean(error.message),
      ...(error.hint ? { hint: clean(error.hint) } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const where = `${context.plugin} connector, connection "${context.connection}", stream ${context.stream}${
    context.window ? `, window ${context.window.start} to ${context.window.end}` : ''
  }`;
  const hint =
    error instanceof BatonError || error instanceof ConnectorError
      ? error.hint
      : 'This is a defect in the connector: report it with the sync log.';
  return {
    kind: 'bug',
    message: clean(`${where}: ${message}`),
    ...(hint ? { hint: clean(hint) } : {}),
  };
}

/** Stops the account: the user must act before it syncs again. */
export function stopsConnection(kind: SyncErrorKind): boolean {
  return kind === 'auth' || kind === 'config';
}
