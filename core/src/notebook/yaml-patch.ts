/**
 * Minimal edits to YAML text. The yaml package's `Document.toString()` keeps comments and key
 * order but re-spaces everything (aligned comments, `key:   value`, flow padding), which would
 * turn a one-value edit into a diff of the whole front matter. Instead we walk the parsed
 * Document, find the nodes whose values change, and splice new text over their source ranges.
 */

import {
  Document,
  isMap,
  isScalar,
  parseDocument,
  Scalar,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies `patch` to the top-level mapping of `text`: each key's value is replaced (`undefined`
 * removes the key), and the text changes only where values differ, recursing into mappings.
 * Throws on YAML that does not parse or is not a mapping; the caller reports that.
 */
export function patchYaml(text: string, patch: Record<string, unknown>): string {
  const parsed = parseDocument(text);
  const error = parsed.errors[0];
  if (error) throw new Error(`its YAML does not parse (${error.message.split('\n')[0]})`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const root = parsed.contents as Node | null;
  if (root === null) {
    const added = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
    const prefix = text === '' || text.endsWith('\n') ? '' : '\n';
    if (Object.keys(added).length > 0)
      edits.push({
        start: text.length,
        end: text.length,
        text: prefix + stringify(added, { lineWidth: 0 }),
      });
  } else if (isMap(root)) {
    const target: Record<string, unknown> = {
      ...(root.toJSON() as Record<string, unknown>),
      ...patch,
    };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete target[key];
    new Patcher(text, edits).map(root, target, false, Object.keys(patch));
  } else {
    throw new Error('the YAML is not a mapping of `key: value` lines');
  }
  let result = text;
  // Apply from the end of the text back. At one offset, apply replacements before insertions
  // and later insertions before earlier ones, so inserted text lands in the order it was made.
  const order = edits.map((edit, index) => ({ ...edit, index }));
  order.sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  for (const edit of order) {
    const inserted = eol === '\n' ? edit.text : edit.text.replace(/\r?\n/g, eol);
    result = result.slice(0, edit.start) + inserted + result.slice(edit.end);
  }
  return result;
}

class Patcher {
  constructor(
    private readonly text: string,
    private readonly edits: TextEdit[],
  ) {}

  private lineStart(offset: number) {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private column(offset: number) {
    return offset - this.lineStart(offset);
  }

  /** Rewrites `map` to hold `target`; `only` limits the walk to some keys (top level). */
  map(map: YAMLMap, target: Record<string, unknown>, inFlow: boolean, only?: string[]) {
    const flow = inFlow || map.flow === true;
    const pairs = map.items as Pair<Node | null, Node | null>[];
    const present = new Set<string>();
    pairs.forEach((pair, index) => {
      const key = pair.key;
      if (!isScalar(key)) return;
      const name = String(key.value);
      present.add(name);
      if (only && !only.includes(name)) return;
      if (!(name in target)) this.deletePair(map, index, flow);
      else this.pair(pair, target[name], flow);
    });
    for (const [name, value] of Object.entries(target)) {
      if (!present.has(name) && (!only || only.includes(name)))
        this.addPair(map, name, value, flow);
    }
  }

  private pair(pair: Pair<Node | null, Node | null>, value: unknown, flow: boolean) {
    const key = pair.key as Scalar;
    const node = pair.value;
    if (node && same(node.toJSON(), value)) return;
    if (isMap(node) && node.items.length > 0 && isPlainObject(value))
      return this.map(node, value, flow);
    const range = node?.range;
    const blockScalar =
      isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
    const blockCollection = node !== null && !isScalar(node) && !(node as { flow?: boolean }).flow;
    if (range && !blockScalar && !(blockCollection && !flow)) {
      const type = isScalar(node) ? node.type : undefined;
      this.edits.push({ start: range[0], end: range[1], text: flowText(value, type) });
      return;
    }
    // A block value (or a missing one): rewrite the whole pair in block style.
    const start = key.range![0];
    const end = range ? range[1] : key.range![1];
    const rendered = blockPair(String(key.value), value, this.column(start)).slice(
      this.column(start),
    );
    const keepNewline = this.text[end - 1] === '\n';
    this.edits.push({ start, end, text: keepNewline ? rendered : rendered.replace(/\n$/, '') });
  }

  /** Where a block pair ends: after its value, trailing comment and line end. */
  private pairEnd(pair: Pair<Node | null, Node | null>): number {
    const end = (pair.value?.range ?? (pair.key as Node).range!)[2];
    if (this.text[end - 1] === '\n') return end;
    const newline = this.text.indexOf('\n', end);
    return newline === -1 ? this.text.length : newline + 1;
  }

  private deletePair(map: YAMLMap, index: number, flow: boolean) {
    const pairs = map.items as Pair<Node | null, Node | null>[];
    const pair = pairs[index]!;
    const end = (p: Pair<Node | null, Node | null>) =>
      (p.value?.range ?? (p.key as Node).range!)[1];
    if (flow) {
      if (pairs.length === 1)
        this.edits.push({ start: map.range![0], end: map.range![1], text: '{}' });
      else if (index > 0)
        this.edits.push({ start: end(pairs[index - 1]!), end: end(pair), text: '' });
      else
        this.edits.push({
          start: (pair.key as Node).range![0],
          end: (pairs[1]!.key as Node).range![0],
          text: '',
        });
      return;
    }
    const start = this.lineStart((pair.key as Node).range![0]);
    this.edits.push({ start, end: this.pairEnd(pair), text: '' });
  }

  private addPair(map: YAMLMap, name: string, value: unknown, flow: boolean) {
    if (value === undefined) return;
    const pairs = map.items as Pair<Node | null, Node | null>[];
    const last = pairs[pairs.length - 1];
    if (flow) {
      const entry = `${flowText(name)}: ${flowText(value)}`;
      if (!last)
        this.edits.push({ start: map.range![0], end: map.range![1], text: `{ ${entry} }` });
      else {
        const at = (last.value?.range ?? (last.key as Node).range!)[1];
        this.edits.push({ start: at, end: at, text: `, ${entry}` });
      }
      return;
    }
    const firstKey = pairs[0]?.key as Node | undefined;
    const indent = firstKey?.range ? this.column(firstKey.range[0]) : 0;
    // After the last pair's line (its trailing comment included), so a deletion of that pair and
    // this insertion never overlap.
    const at = last ? this.pairEnd(last) : map.range![1];
    const prefix = at > 0 && this.text[at - 1] !== '\n' ? '\n' : '';
    // Follow the siblings' style: one-line flow maps next to flow maps (as in `inputs:`).
    const text =
      isPlainObject(value) && (last?.value as { flow?: boolean } | null)?.flow
        ? `${' '.repeat(indent)}${flowText(name)}: ${flowText(value)}\n`
        : blockPair(name, value, indent);
    this.edits.push({ start: at, end: at, text: prefix + text });
  }
}

/** `value` in flow style: `{ a: 1, b: [x, y] }`, scalars quoted only when they must be. */
export function flowText(value: unknown, type?: Scalar.Type): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowText(item)).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([key, item]) => `${flowText(key)}: ${flowText(item)}`).join(', ')} }`;
  }
  const scalar = new Scalar(value ?? null);
  if (type && typeof value === 'string' && (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE'))
    scalar.type = type;
  const document = new Document([scalar]);
  (document.contents as { flow?: boolean }).flow = true;
  // `[value]` in a flow sequence: the yaml package quotes what flow context needs quoted.
  return document.toString({ flowCollectionPadding: false, lineWidth: 0 }).trim().slice(1, -1);
}

/** `name: value` in block style, every line indented by `indent` spaces, ending in a newline. */
function blockPair(name: string, value: unknown, indent: number): string {
  const text = stringify({ [name]: value }, { lineWidth: 0 });
  return text.replace(/^(?=.)/gm, ' '.repeat(indent));
}
