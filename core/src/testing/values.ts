/** Values and dates as the conformance checks compare them. */
import type { Row } from '../spec/index.ts';

/** Whether `value` is a value the host can write into a column of DuckDB type `type`. */
export function valueFitsType(type: string, value: Row[string]): boolean {
  if (value === null) return true;
  const base = type.toUpperCase().replace(/\(.*$/, '').trim();
  switch (base) {
    case 'VARCHAR':
    case 'TEXT':
    case 'STRING':
    case 'JSON':
    case 'UUID':
    case 'TIME':
      return typeof value === 'string';
    case 'DATE':
      return (
        (value instanceof Date && !Number.isNaN(value.getTime())) ||
        (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      );
    case 'TIMESTAMP':
    case 'TIMESTAMPTZ':
    case 'TIMESTAMP WITH TIME ZONE':
      return (
        (value instanceof Date && !Number.isNaN(value.getTime())) ||
        (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      );
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
    case 'HUGEINT':
    case 'UTINYINT':
    case 'USMALLINT':
    case 'UINTEGER':
    case 'UBIGINT':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'DOUBLE':
    case 'FLOAT':
    case 'REAL':
      return typeof value === 'number';
    case 'DECIMAL':
    case 'NUMERIC':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        typeof value === 'bigint' ||
        (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
      );
    default:
      // A type the suite does not know (LIST, STRUCT...) is left to the host's conversion.
      return true;
  }
}

/** `YYYY-MM-DD` of a DATE value (a Date at UTC midnight or the text itself). */
export function isoDate(value: Row[string]): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.slice(0, 10);
  return undefined;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
