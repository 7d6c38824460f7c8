/**
 * DuckDB values to JS-friendly `SqlValue`s, one converter per result column (see `QueryResult`):
 * whole numbers as `number` when they fit in 2^53 (else `bigint`), DECIMAL as `number`, DATE as
 * `YYYY-MM-DD`, TIMESTAMP as ISO `YYYY-MM-DDTHH:MM:SS.sss` (with `Z` for TIMESTAMPTZ), LIST and
 * ARRAY as arrays, STRUCT/MAP/UNION as JSON text, everything else as DuckDB prints it.
 */
import {
  DuckDBArrayType,
  DuckDBListType,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBListValue,
  type DuckDBTimestampMillisecondsValue,
  type DuckDBTimestampNanosecondsValue,
  type DuckDBTimestampSecondsValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { SqlValue } from './types.ts';

export type ValueConverter = (value: DuckDBValue) => SqlValue;

/** Builds the converter for one column type (decided once per column, not per value). */
export function converterFor(type: DuckDBType): ValueConverter {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.SQLNULL:
      return (value) => value as SqlValue;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return (value) => (value === null ? null : safeNumber(value as bigint));
    case DuckDBTypeId.DECIMAL:
      return (value) => (value === null ? null : (value as DuckDBDecimalValue).toDouble());
    case DuckDBTypeId.DATE:
      return (value) => {
        if (value === null) return null;
        const date = value as DuckDBDateValue;
        return date.isFinite ? String(date) : date.days > 0 ? 'infinity' : '-infinity';
      };
    case DuckDBTypeId.TIMESTAMP:
      return timestamp((value) => (value as DuckDBTimestampValue).micros / 1000n, false);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return timestamp((value) => (value as DuckDBTimestampValue).micros / 1000n, true);
    case DuckDBTypeId.TIMESTAMP_MS:
      return timestamp((value) => (value as DuckDBTimestampMillisecondsValue).millis, false);
    case DuckDBTypeId.TIMESTAMP_S:
      return timestamp((value) => (value as DuckDBTimestampSecondsValue).seconds * 1000n, false);
    case DuckDBTypeId.TIMESTAMP_NS:
      return timestamp(
        (value) => (value as DuckDBTimestampNanosecondsValue).nanos / 1_000_000n,
        false,
      );
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const item = converterFor((type as DuckDBListType | DuckDBArrayType).valueType);
      return (value) => (value === null ? null : (value as DuckDBListValue).items.map(item));
    }
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
    case DuckDBTypeId.VARIANT:
      return (value) =>
        value === null
          ? null
          : JSON.stringify(JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter));
    default:
      return (value) => (value === null ? null : String(value));
  }
}

function safeNumber(value: bigint): number | bigint {
  return value >= -9_007_199_254_740_991n && value <= 9_007_199_254_740_991n
    ? Number(value)
    : value;
}

const MAX_DATE_MS = 8_640_000_000_000_000n; // the range of a JS Date

/** Whole milliseconds to ISO; infinities and years beyond a JS Date as DuckDB prints them. */
function timestamp(millis: (value: DuckDBValue) => bigint, zoned: boolean): ValueConverter {
  return (value) => {
    if (value === null) return null;
    const ms = millis(value);
    if (!(value as { isFinite: boolean }).isFinite) return ms > 0n ? 'infinity' : '-infinity';
    if (ms > MAX_DATE_MS || ms < -MAX_DATE_MS) return String(value);
    const iso = new Date(Number(ms)).toISOString();
    return zoned ? iso : iso.slice(0, -1);
  };
}
