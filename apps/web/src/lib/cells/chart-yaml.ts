/**
 * The chart builder's reading and writing of a chart cell's YAML. Edits go through the `yaml`
 * package's Document so that everything the builder does not manage (width, config, tooltips,
 * comments, flow style) survives; the cell keeps its `data: <cell>` form.
 */
import { isNumericType } from '@baton/core/report/columns';
import type { ResultColumn } from '@baton/server';
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';

export const MARKS = ['bar', 'line', 'area', 'point', 'arc'] as const;
export type ChartMark = (typeof MARKS)[number];

/** The channels the builder's pickers set. */
export type BuilderChannel = 'x' | 'y' | 'color';

/** What the builder shows: the managed parts of the spec. */
export interface BuilderState {
  data?: string;
  /** The mark type, as written (may be one the builder does not offer, e.g. `rect`). */
  mark?: string;
  x?: string;
  y?: string;
  color?: string;
  title?: string;
}

export type ChartReading =
  | { type: 'chart-read'; state: BuilderState }
  | {
      type: 'chart-unreadable';
      /** `yaml-error`: the text does not parse; `not-mapping`: it parses to a list or a scalar. */
      reason: 'yaml-error' | 'not-mapping';
      message: string;
      line?: number;
    };

/** One edit of a control. */
export type BuilderEdit =
  | { type: 'set-data'; name: string }
  | { type: 'set-mark'; mark: ChartMark }
  | { type: 'set-field'; channel: BuilderChannel; field: string | undefined }
  | { type: 'set-title'; title: string };

/** Vega-Lite's type for a column: dates are temporal, numbers quantitative, the rest nominal. */
export function fieldType(column: ResultColumn | undefined): string | undefined {
  if (!column) return undefined;
  const type = column.type.toUpperCase();
  if (type === 'DATE' || type.startsWith('TIMESTAMP') || type === 'TIME') return 'temporal';
  if (isNumericType(type)) return 'quantitative';
  return 'nominal';
}

/** The encoding channel a picker writes: a pie's value is its angle (`theta`), not `y`. */
export function channelFor(picker: BuilderChannel, mark: string | undefined): string {
  return picker === 'y' && mark === 'arc' ? 'theta' : picker;
}

type Unreadable = Omit<Extract<ChartReading, { type: 'chart-unreadable' }>, 'type'>;

function parse(body: string): Document | Unreadable {
  const document = parseDocument(body, { prettyErrors: true });
  const error = document.errors[0];
  if (error)
    return { reason: 'yaml-error', message: error.message.trim(), line: error.linePos?.[0]?.line };
  if (document.contents !== null && !isMap(document.contents)) {
    return {
      reason: 'not-mapping',
      message: 'The chart must be a YAML mapping (keys such as data, mark, encoding).',
    };
  }
  return document;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** Reads the builder's state from a chart body, or why it cannot. */
export function readChart(body: string): ChartReading {
  const document = parse(body);
  if (!(document instanceof Document)) return { type: 'chart-unreadable', ...document };
  const value = (document.toJS() ?? {}) as Record<string, unknown>;
  const mark = value.mark;
  const encoding = (typeof value.encoding === 'object' && value.encoding) || {};
  const field = (channel: string) => {
    const definition = (encoding as Record<string, unknown>)[channel];
    return typeof definition === 'object' && definition !== null
      ? text((definition as Record<string, unknown>).field)
      : undefined;
  };
  const markType =
    typeof mark === 'string'
      ? mark
      : typeof mark === 'object' && mark !== null
        ? text((mark as Record<string, unknown>).type)
        : undefined;
  const title = value.title;
  return {
    type: 'chart-read',
    state: {
      data: text(value.data),
      mark: markType,
      x: field('x'),
      y: field(channelFor('y', markType)),
      color: field('color'),
      title:
        typeof title === 'object' && title !== null
          ? text((title as Record<string, unknown>).text)
          : text(title),
    },
  };
}

/** Top-level keys the builder adds, in the order a person would write them. */
const KEY_ORDER = ['data', 'title', 'mark', 'encoding'];

/** Sets a top-level key, inserting a new one at its natural place rather than at the end. */
function setTop(document: Document, key: string, value: unknown): void {
  const map = document.contents as YAMLMap;
  if (map.has(key)) return map.set(key, value);
  const later = KEY_ORDER.slice(KEY_ORDER.indexOf(key) + 1);
  const index = map.items.findIndex(
    (pair) => isScalar(pair.key) && later.includes(String(pair.key.value)),
  );
  const pair = document.createPair(key, value);
  if (index === -1) map.items.push(pair);
  else map.items.splice(index, 0, pair);
}

function encodingOf(document: Document): YAMLMap {
  const existing = document.get('encoding', true);
  if (isMap(existing)) return existing;
  const encoding = document.createNode({}) as YAMLMap;
  setTop(document, 'encoding', encoding);
  return encoding;
}

/** Writes `field` into a channel, keeping its other settings (axis, scale, sort...). */
function setField(
  document: Document,
  channel: string,
  field: string | undefined,
  columns: ResultColumn[],
): void {
  const encoding = encodingOf(document);
  if (field === undefined) {
    encoding.delete(channel);
    if (encoding.items.length === 0) (document.contents as YAMLMap).delete('encoding');
    return;
  }
  const type = fieldType(columns.find((column) => column.name === field));
  const definition = encoding.get(channel, true);
  if (isMap(definition)) {
    if (text(definition.get('field')) === field) return;
    definition.set('field', field);
    // A title named the previous field; a time unit only suits dates.
    definition.delete('title');
    if (type) definition.set('type', type);
    if (type !== 'temporal') definition.delete('timeUnit');
    return;
  }
  const node = document.createNode(type ? { field, type } : { field }) as YAMLMap;
  node.flow = true;
  encoding.set(channel, node);
}

/** Moves a channel's definition to another channel (a pie's theta is a bar's y). */
function moveChannel(encoding: YAMLMap, from: string, to: string): void {
  const definition = encoding.get(from, true);
  if (definition === undefined || encoding.has(to)) return;
  encoding.delete(from);
  encoding.set(to, definition);
}

function setMark(document: Document, mark: ChartMark): void {
  const current = document.get('mark', true);
  const before = isMap(current) ? text(current.get('type')) : text(document.get('mark'));
  if (isMap(current)) {
    current.set('type', mark);
    // Only lines and areas are interpolated; other settings (opacity, tooltip...) suit any mark.
    if (mark !== 'line' && mark !== 'area') current.delete('interpolate');
  } else {
    setTop(document, 'mark', mark);
  }
  const encoding = document.get('encoding', true);
  if (!isMap(encoding) || (before === 'arc') === (mark === 'arc')) return;
  if (mark === 'arc') {
    // Bars of spend by platform become a pie of spend, coloured by platform.
    moveChannel(encoding, 'y', 'theta');
    if (!encoding.has('color')) moveChannel(encoding, 'x', 'color');
    else encoding.delete('x');
  } else {
    moveChannel(encoding, 'theta', 'y');
    const color = encoding.get('color', true);
    if (!encoding.has('x') && isMap(color)) encoding.set('x', color.clone());
  }
}

function setTitle(document: Document, title: string): void {
  const current = document.get('title', true);
  if (title === '') {
    (document.contents as YAMLMap).delete('title');
  } else if (isMap(current)) {
    current.set('text', title);
  } else {
    setTop(document, 'title', title);
  }
}

/**
 * The body after one builder edit; `columns` are the data cell's, for field types. Throws when
 * the body cannot be read: the caller shows the error and leaves the text alone.
 *
 * @example applyEdit('data: daily\n', { type: 'set-mark', mark: 'bar' }, columns) // 'data: daily\nmark: bar\n'
 */
export function applyEdit(body: string, edit: BuilderEdit, columns: ResultColumn[]): string {
  const parsed = parse(body);
  if (!(parsed instanceof Document)) throw new Error(parsed.message);
  const document = parsed;
  if (document.contents === null) document.contents = document.createNode({});
  switch (edit.type) {
    case 'set-data':
      setTop(document, 'data', edit.name);
      break;
    case 'set-mark':
      setMark(document, edit.mark);
      break;
    case 'set-field': {
      const mark = readChart(body);
      const markType = mark.type === 'chart-read' ? mark.state.mark : undefined;
      setField(document, channelFor(edit.channel, markType), edit.field, columns);
      break;
    }
    case 'set-title':
      setTitle(document, edit.title);
      break;
  }
  const written = document.toString({ lineWidth: 0 });
  // Keep the body's own ending: cells are stored without their closing newline.
  return body.endsWith('\n') || body === '' ? written : written.replace(/\n$/, '');
}
