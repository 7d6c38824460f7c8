/**
 * The generator's output shapes, local to the plugin: a connector sees core only through
 * `@baton/core/spec`, so these mirror the engine's value and batch types rather than import them.
 */
import { MODEL_STREAM_COLUMNS, type ModelStreamName } from '@baton/core/spec';

/** A value in a generated column, as the engine ingests it. */
export type SqlValue = null | boolean | number | bigint | string | Date | SqlValue[];

/** Rows as columns: `data[i]` holds the values of `columns[i]`, all of the same length. */
export interface ColumnarBatch {
  columns: string[];
  data: SqlValue[][];
}

/** The raw model streams the demo yields. */
export type RawStream = ModelStreamName;

/** The column names of a raw model stream, in the model's order. */
export function rawColumnNames(stream: RawStream): string[] {
  return MODEL_STREAM_COLUMNS[stream].map((column) => column.name);
}
