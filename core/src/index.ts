export { BatonError } from './errors.ts';
export * from './notebook/index.ts';
export { renderReportHtml, type ReportOptions, type ReportLocale } from './report/index.ts';
export * from './model/index.ts';
export {
  Warehouse,
  WarehouseSession,
  rowsToBatch,
  IngestError,
  QueryCancelledError,
  QueryError,
  QueryRefusedError,
  QueryTimeoutError,
  WarehouseOpenError,
  type BatchSource,
  type ColumnarBatch,
  type ColumnInfo,
  type QueryOptions,
  type QueryResult,
  type SqlParams,
  type SqlValue,
  type WarehouseOptions,
} from './engine/index.ts';
export {
  SyncHost,
  SyncError,
  loadConnectorModule,
  loadWorkspaceConnectors,
  type ConnectionSummary,
  type SyncEvent,
  type SyncHostOptions,
  type SyncOptions,
  type SyncRunRecord,
} from './sync/index.ts';
