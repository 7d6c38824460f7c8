import { BatonError } from '../errors.ts';

/**
 * What the sync host throws for the caller to act on: `usage` (unknown connection, bad name),
 * `config` (invalid connection config, invalid plugin), `secret-key` (missing or wrong key).
 */
export class SyncError extends BatonError {}
