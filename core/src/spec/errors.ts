/**
 * What a plugin throws when `read` cannot go on. The kind tells the host who must act:
 * - `config`: the user must fix the connection's settings (stop the account, say why);
 * - `auth`: the user must reconnect (stop the account);
 * - `rate-limit`: wait `retryAfterMs`, then retry (the host's back-off, capped);
 * - `transient`: retry with back-off;
 * - `bug`: the plugin is wrong; surfaced with context, not retried.
 */
export type ConnectorErrorKind = 'config' | 'auth' | 'rate-limit' | 'transient' | 'bug';

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends ConnectorError {
  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super('config', message, hint, options);
  }
}

export class AuthError extends ConnectorError {
  constructor(
    message: string,
    hint = 'Reconnect the account: `baton connect`.',
    options?: ErrorOptions,
  ) {
    super('auth', message, hint, options);
  }
}

export class RateLimitError extends ConnectorError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: ErrorOptions,
  ) {
    super('rate-limit', message, 'Baton retries after the delay the platform asked for.', options);
  }
}

export class TransientError extends ConnectorError {
  constructor(message: string, options?: ErrorOptions) {
    super(
      'transient',
      message,
      'Baton retries with back-off; run the sync again later if it keeps failing.',
      options,
    );
  }
}

export class BugError extends ConnectorError {
  constructor(message: string, options?: ErrorOptions) {
    super(
      'bug',
      message,
      'This is a defect in the connector: report it with the sync log.',
      options,
    );
  }
}
