/**
 * The arithmetic of the results grid, kept out of the component: which rows are in view, which
 * pages to fetch for them, how each column is formatted and how wide it is.
 */
import { columnFormat, isNumericType } from '@baton/core/report/columns';
import type { ResultColumn } from '@baton/server';
import type { Formatter, ValueFormat } from '../format.ts';

/** Rows per request: the API's page limit. */
export const PAGE_SIZE = 500;
/** Fixed row height in pixels: virtualization needs it. */
export const ROW_HEIGHT = 32;
/** Rows drawn above and below the visible ones, so a small scroll never shows a gap. */
export const OVERSCAN = 8;

export type SortOrder = 'asc' | 'desc';
export interface GridSort {
  column: string;
  order: SortOrder;
}

/** The next state of a header click: ascending, then descending, then unsorted. */
export function nextSort(current: GridSort | undefined, column: string): GridSort | undefined {
  if (current?.column !== column) return { column, order: 'asc' };
  return current.order === 'asc' ? { column, order: 'desc' } : undefined;
}

/** Rows the browser may page through: the result, cut at the warehouse's row cap. */
export function browsableRows(totalRows: number, cap: number): number {
  return Math.max(0, Math.min(totalRows, cap));
}

/** The half-open range of row indices to draw for a scroll position. */
export function visibleWindow(options: {
  scrollTop: number;
  viewportHeight: number;
  rowCount: number;
  rowHeight?: number;
  overscan?: number;
}): { start: number; end: number } {
  const rowHeight = options.rowHeight ?? ROW_HEIGHT;
  const overscan = options.overscan ?? OVERSCAN;
  const first = Math.floor(Math.max(0, options.scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, options.scrollTop) + options.viewportHeight) / rowHeight);
  const start = Math.min(options.rowCount, Math.max(0, first - overscan));
  const end = Math.min(options.rowCount, last + overscan);
  return { start, end: Math.max(start, end) };
}

/** Page indices (of PAGE_SIZE rows) holding a row of [start, end) that is not loaded. */
export function missingPages(
  start: number,
  end: number,
  isLoaded: (row: number) => boolean,
): number[] {
  const pages = new Set<number>();
  for (let row = start; row < end; row++)
    if (!isLoaded(row)) pages.add(Math.floor(row / PAGE_SIZE));
  return [...pages];
}

/** How a column is shown: the HTML export's format, its header, alignment and width. */
export interface GridColumn {
  name: string;
  type: string;
  label: string;
  format: ValueFormat;
  numeric: boolean;
  /** Width in pixels: fixed, so header and rows line up without measuring. */
  width: number;
}

const CHARACTER = 7.5; // px per character of the 13px interface font, on average
const HEADER_CHARACTER = 10; // bold, full of wide letters, and fonts differ: err wide
const CELL_PADDING = 24; // 0.75rem each side
const SORT_ARROW = 16;
const MAX_CHARACTERS = 36;

function widthFor(label: string, format: ValueFormat, samples: unknown[]): number {
  const typical: Record<ValueFormat['type'], number> = {
    number: 10,
    percent: 7,
    currency: 13,
    date: 11,
    datetime: 18,
    text: 12,
  };
  const sampleLength =
    format.type === 'text'
      ? Math.max(4, ...samples.slice(0, 50).map((value) => String(value ?? '').length))
      : typical[format.type];
  const header = label.length * HEADER_CHARACTER + CELL_PADDING + SORT_ARROW;
  const values = Math.min(sampleLength, MAX_CHARACTERS) * CHARACTER + CELL_PADDING;
  return Math.round(Math.min(Math.max(header, values), MAX_CHARACTERS * CHARACTER));
}

/** Grid columns from a result's columns; `rows` (a first page) refine formats and widths. */
export function gridColumns(columns: ResultColumn[], rows: unknown[][]): GridColumn[] {
  return columns.map((column, index) => {
    const values = rows.map((row) => row[index]);
    // The formatter's SqlValue is wider than JSON; JSON values are a subset of it.
    const format = columnFormat(column, values as Parameters<typeof columnFormat>[1]);
    // The raw name: the one SQL, charts and prose refer to.
    const label = column.name;
    return {
      name: column.name,
      type: column.type,
      label,
      format,
      numeric: isNumericType(column.type),
      width: widthFor(label, format, values),
    };
  });
}

type FormatterValue = Parameters<Formatter['format']>[0];

/** A cell's text: the export's formatter, and JSON for structs and maps it does not know. */
export function cellText(formatter: Formatter, value: unknown, format: ValueFormat): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return JSON.stringify(value);
  return formatter.format(value as FormatterValue, format);
}
