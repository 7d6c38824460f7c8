/**
 * The unified marketing model: raw stream columns, model views and KPI macros. See docs in
 * marketing-model.md (the demo data generator is the demo plugin's, plugins/demo).
 */
export {
  EXTRA_STREAMS,
  MODEL_STREAMS,
  RAW_STREAM_COLUMNS,
  createRawTableSql,
  modelViewColumns,
  rawColumnNames,
  type StreamColumn,
  type ExtraStream,
  type ModelStream,
  type RawStream,
} from './schema.ts';
export { refreshModel, type ModelSources, type RefreshModelOptions } from './views.ts';
export { KPI_MACROS, createKpiMacros, kpiMacroSql, type KpiMacro } from './macros.ts';
export type { ModelWarehouse } from './warehouse.ts';
