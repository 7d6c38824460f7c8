/**
 * The sync host: connections, encrypted credentials, windows and cursors, writes into
 * `raw_<plugin>.<stream>`, retries, run records; and plugin loading.
 */
export { SyncHost, type SyncHostOptions } from './host.ts';
export { loadConnectorModule, loadWorkspaceConnectors, validateConnector } from './load.ts';
export { SyncError } from './errors.ts';
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
