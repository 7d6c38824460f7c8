import type { QueryResult, SqlValue } from '@baton/core/engine';

/** The JSON shape of `baton query --format json`. */
export function resultToJson(result: QueryResult): string {
  const rows = Array.from({ length: result.rowCount }, (_, row) =>
    result.data.map((column) => column[row] ?? null),
  );
  return toJson({
    columns: result.columns.map(({ name, type }) => ({ name, type })),
    rows,
    total_rows: result.totalRows,
  });
}

/** JSON with big integers as numbers when they fit, as text otherwise. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint'
      ? Number.isSafeInteger(Number(item))
        ? Number(item)
        : item.toString()
      : item,
  );
}

/** RFC 4180 CSV with a header row. */
export function resultToCsv(result: QueryResult): string {
  const lines = [result.columns.map((column) => csvField(column.name)).join(',')];
  for (let row = 0; row < result.rowCount; row++) {
    lines.push(
      result.data
        .map((column) => csvField(column[row] == null ? '' : display(column[row]!)))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A plain-text table for a terminal, numbers right-aligned, with a row count footer. */
export function resultToTable(result: QueryResult, maxWidth = 40): string {
  const headers = result.columns.map((column) => column.name);
  const numeric = result.columns.map((column) =>
    /INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC|HUGEINT/.test(column.type),
  );
  const cells = Array.from({ length: result.rowCount }, (_, row) =>
    result.data.map((column) => truncate(display(column[row] ?? null, true), maxWidth)),
  );
  const shown = result.truncated
    ? `${result.rowCount} of ${result.totalRows} rows (capped)`
    : `${result.totalRows} row${result.totalRows === 1 ? '' : 's'}`;
  return `${formatTable(headers, cells, numeric)}(${shown})\n`;
}

/** Aligned columns under a header rule; `numeric[i]` right-aligns column i. */
export function formatTable(headers: string[], rows: string[][], numeric: boolean[]): string {
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...rows.map((row) => row[index]!.length)),
  );
  const format = (values: string[]) =>
    values
      .map((value, index) =>
        numeric[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return `${[format(headers), rule, ...rows.map(format)].join('\n')}\n`;
}

function display(value: SqlValue, round = false): string {
  if (value === null) return 'NULL';
  // Terminal tables round floats for reading; json and csv keep every digit.
  if (round && typeof value === 'number' && !Number.isInteger(value)) {
    return String(Number(value.toPrecision(6)));
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map((item) => display(item, round)).join(', ')}]`;
  return String(value);
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
