/**
 * The sync host: connections, encrypted credentials, windows and cursors, writes into
 * `raw_<plugin>.<stream>`, retries, run records; and plugin loading.
 *
 * - Metadata (connections, sealed secrets, cursors, checkpoint state, run records) lives in the
 *   workspace's `meta.sqlite`, never in the analyst DuckDB.
 * - Secret config fields (`.meta({ secret: true })`) are sealed with AES-256-GCM. The key:
 *   the `secretKey` option, else `BATON_SECRET_KEY` (base64 of 32 bytes is the key itself, any
 *   other text a passphrase stretched with scrypt and a per-workspace salt), else the generated
 *   `secret.key` file (0600). A wrong or missing key is a `SyncError` of kind `secret-key`.
 * - A stream with a cursor is read from the last cursor minus `lookbackDays` (first sync:
 *   `initialDays`, default 90, before today in the connector's time zone) up to today, in chunks
 *   of `chunkDays` (default 14), each committed in one transaction with the cursor saved after.
 * - Raw tables carry a `_baton_connection` column: each connection replaces only its own rows.
 *
 * @example
 * const host = await SyncHost.open({ workspaceDir, warehouse, connectors: await loadWorkspaceConnectors(workspaceDir, builtIn) });
 * const records = await host.sync({ onEvent: (event) => console.log(event) });
 */
export { SyncHost, type SyncHostOptions } from './host.ts';
export { loadConnectorModule, loadWorkspaceConnectors, validateConnector } from './load.ts';
export { SyncError } from './errors.ts';
export { configFields, type ConfigField } from './secrets.ts';
export { createHostFetch, type HostFetchOptions } from './fetch.ts';
export { rawSchema, CONNECTION_COLUMN } from './write.ts';
export type {
  ConnectionStatus,
  ConnectionSummary,
  SyncErrorKind,
  SyncEvent,
  SyncOptions,
  SyncRunRecord,
  SyncRunStatus,
  SyncWindow,
} from './types.ts';
