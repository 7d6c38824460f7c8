/**
 * Binds named parameters (`$period_start`) to a prepared statement: values are bound, never
 * spliced into SQL text.
 */
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDateValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  HUGEINT,
  LIST,
  listValue,
  TIMESTAMP,
  VARCHAR,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { QueryError } from './errors.ts';
import type { SqlParams, SqlValue } from './types.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
/** Parameter types for which a `YYYY-MM-DD` string is bound as a DATE. */
const DATE_LIKE = new Set([
  DuckDBTypeId.INVALID,
  DuckDBTypeId.ANY,
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

/**
 * Binds each parameter the statement uses from `params`; extra entries are ignored (a notebook
 * passes all its inputs). A missing one is a QueryError naming it.
 */
export function bindParams(prepared: DuckDBPreparedStatement, params: SqlParams = {}): void {
  prepared.clearBindings();
  for (let index = 1; index <= prepared.parameterCount; index++) {
    const name = prepared.parameterName(index);
    if (!Object.hasOwn(params, name)) {
      const given =
        Object.keys(params)
          .map((key) => `$${key}`)
          .join(', ') || 'none';
      throw new QueryError(
        `The query uses $${name} but no value was given for it (given: ${given}).`,
        `Add "${name}" to the cell's inputs, or remove $${name} from the SQL.`,
      );
    }
    const value = params[name]!;
    if (value === null) {
      prepared.bindNull(index);
      continue;
    }
    const [duckValue, type] = toDuckDB(value, prepared.parameterTypeId(index));
    prepared.bindValue(index, duckValue, type);
  }
}

/** A JS value and the DuckDB type to bind it as; `expected` is the type DuckDB inferred. */
function toDuckDB(
  value: Exclude<SqlValue, null>,
  expected: DuckDBTypeId,
): [DuckDBValue, DuckDBType] {
  switch (typeof value) {
    case 'boolean':
      return [value, BOOLEAN];
    case 'number':
      return Number.isSafeInteger(value) ? [BigInt(value), BIGINT] : [value, DOUBLE];
    case 'bigint':
      return BigInt.asIntN(64, value) === value ? [value, BIGINT] : [value, HUGEINT];
    case 'string':
      if (ISO_DAY.test(value) && DATE_LIKE.has(expected) && !Number.isNaN(Date.parse(value))) {
        return [new DuckDBDateValue(Date.parse(value) / MS_PER_DAY), DATE];
      }
      return [value, VARCHAR];
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (ms % MS_PER_DAY === 0) return [new DuckDBDateValue(ms / MS_PER_DAY), DATE];
    return [new DuckDBTimestampValue(BigInt(ms) * 1000n), TIMESTAMP];
  }
  return toList(value);
}

/** A list binds as numbers (BIGINT when all whole, else DOUBLE), booleans, or text. */
function toList(list: SqlValue[]): [DuckDBValue, DuckDBType] {
  const present = list.filter((item) => item !== null);
  const bind = (
    type: DuckDBType,
    convert: (item: Exclude<SqlValue, null>) => DuckDBValue,
  ): [DuckDBValue, DuckDBType] => [
    listValue(list.map((item) => (item === null ? null : convert(item)))),
    LIST(type),
  ];
  if (present.length > 0 && present.every((item) => typeof item === 'number')) {
    return present.every((item) => Number.isSafeInteger(item))
      ? bind(BIGINT, (item) => BigInt(item as number))
      : bind(DOUBLE, (item) => item as number);
  }
  if (present.length > 0 && present.every((item) => typeof item === 'boolean'))
    return bind(BOOLEAN, (item) => item as boolean);
  return bind(VARCHAR, (item) => (item instanceof Date ? item.toISOString() : String(item)));
}
