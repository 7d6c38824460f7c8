/**
 * Reading and writing an `ask` cell's YAML body (`question`, and once accepted the pinned `sql`)
 * with minimal text edits: only the value that changes is rewritten, so comments, key order and
 * any other keys survive. The pinned SQL is written as a literal block scalar whose chomping
 * indicator keeps the SQL exact (`|-` for SQL without a final newline, `|` with one).
 */
import { Document, isMap, isScalar, parseDocument, Scalar, type Node, type Pair } from 'yaml';

export type AskReading =
  /** `sql` is there when the body has the key, even empty (core runs only non-blank SQL). */
  | { type: 'ask-read'; question: string; sql?: string }
  | {
      type: 'ask-unreadable';
      /** `yaml-error`: the text does not parse; `not-mapping`: it parses to a list or a scalar. */
      reason: 'yaml-error' | 'not-mapping';
      message: string;
      line?: number;
    };

type Parsed = { document: Document; pairs: Pair<Node | null, Node | null>[] };

function parse(body: string): Parsed | Extract<AskReading, { type: 'ask-unreadable' }> {
  const document = parseDocument(body, { prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    return {
      type: 'ask-unreadable',
      reason: 'yaml-error',
      message: error.message.split('\n')[0]!.trim(),
      line: error.linePos?.[0]?.line,
    };
  }
  if (document.contents === null) return { document, pairs: [] };
  if (!isMap(document.contents)) {
    return {
      type: 'ask-unreadable',
      reason: 'not-mapping',
      message: 'An ask cell is a YAML mapping: `question:` and, once accepted, `sql:`.',
    };
  }
  return { document, pairs: document.contents.items as Pair<Node | null, Node | null>[] };
}

const keyOf = (pair: Pair<Node | null, Node | null>) =>
  isScalar(pair.key) ? String(pair.key.value) : undefined;

function valueText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The question and pinned SQL of a body, or why it cannot be read. */
export function readAsk(body: string): AskReading {
  const parsed = parse(body);
  if ('type' in parsed) return parsed;
  const find = (name: string) => parsed.pairs.find((pair) => keyOf(pair) === name);
  const sql = find('sql');
  return {
    type: 'ask-read',
    question: valueText(find('question')?.value) ?? '',
    ...(sql ? { sql: valueText(sql.value) ?? '' } : {}),
  };
}

function mustParse(body: string): Parsed {
  const parsed = parse(body);
  if ('type' in parsed) throw new Error(`The cell's YAML cannot be read: ${parsed.message}`);
  return parsed;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Where a block pair ends: after its value, a comment on its last line, and that line's end. */
function pairEnd(text: string, pair: Pair<Node | null, Node | null>): number {
  const end = (pair.value?.range ?? (pair.key as Node).range!)[2];
  if (text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

/** A one-line question as a YAML scalar, quoted only when it must be (or was). */
function questionScalar(question: string, type?: Scalar.Type): string {
  const scalar = new Scalar(question);
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') scalar.type = type;
  return new Document(scalar).toString({ lineWidth: 0 }).trimEnd();
}

/** A question fits on one line: line breaks (from a paste) become spaces. */
export function oneLine(question: string): string {
  return question.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Keeps the body's own ending: cells are stored without their closing newline. */
function sameEnding(before: string, after: string): string {
  return before.endsWith('\n') || before === '' ? after : after.replace(/\n$/, '');
}

/**
 * The body with `question` replaced (or added first), everything else untouched.
 *
 * @example setQuestion('question: old # why\nsql: |-\n  select 1', 'new') // 'question: new # why\n...'
 */
export function setQuestion(body: string, question: string): string {
  const { pairs } = mustParse(body);
  const text = oneLine(question);
  const pair = pairs.find((item) => keyOf(item) === 'question');
  const node = pair?.value;
  if (pair && isScalar(node) && node.range && !node.type?.startsWith('BLOCK')) {
    const [start, end] = node.range;
    return body.slice(0, start) + questionScalar(text, node.type) + body.slice(end);
  }
  if (pair) {
    const start = (pair.key as Node).range![0];
    const end = pairEnd(body, pair);
    const keepNewline = body[end - 1] === '\n';
    return (
      body.slice(0, start) +
      `question: ${questionScalar(text)}${keepNewline ? '\n' : ''}` +
      body.slice(end)
    );
  }
  const first = pairs[0]?.key as Node | undefined;
  const at = first?.range ? lineStart(body, first.range[0]) : body.length;
  const line = `question: ${questionScalar(text)}`;
  if (at === body.length) return body === '' ? line : `${body.replace(/\n?$/, '\n')}${line}`;
  return `${body.slice(0, at)}${line}\n${body.slice(at)}`;
}

/**
 * `sql` as a literal block scalar at `indent`, one line per SQL line, ending in a newline. The
 * chomping indicator makes it read back exactly; an indentation indicator is added when the SQL
 * starts with spaces (YAML would take them for the block's indentation).
 */
export function sqlBlock(sql: string, indent = 0): string {
  const normalized = sql.replace(/\r\n?/g, '\n');
  const trailing = /\n*$/.exec(normalized)![0].length;
  const content = normalized.slice(0, normalized.length - trailing);
  // No SQL at all (the editor emptied): an empty string, until the next keystroke.
  if (content === '') return `${' '.repeat(indent)}sql: ""\n`;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const firstLine = content.split('\n').find((line) => line.trim() !== '') ?? '';
  const indicator = /^\s/.test(firstLine) ? '2' : '';
  const pad = ' '.repeat(indent + 2);
  const lines = content.split('\n').map((line) => (line === '' ? '' : pad + line));
  const extra = trailing > 1 ? '\n'.repeat(trailing - 1) : '';
  return `${' '.repeat(indent)}sql: |${indicator}${chomp}\n${lines.join('\n')}\n${extra}`;
}

/**
 * The body with `sql` pinned: the pair rewritten in place, or added after the last key. The
 * question and every comment stay as they are.
 *
 * @example setSql('question: Spend by platform', 'select 1') // 'question: Spend by platform\nsql: |-\n  select 1'
 */
export function setSql(body: string, sql: string): string {
  const { pairs } = mustParse(body);
  const pair = pairs.find((item) => keyOf(item) === 'sql');
  const indentOf = (node: Node) => node.range![0] - lineStart(body, node.range![0]);
  if (pair) {
    const key = pair.key as Node;
    const start = lineStart(body, key.range![0]);
    const end = pairEnd(body, pair);
    const block = sqlBlock(sql, indentOf(key));
    return sameEnding(body, body.slice(0, start) + block + body.slice(end));
  }
  const last = pairs[pairs.length - 1];
  const indent = pairs[0] ? indentOf(pairs[0].key as Node) : 0;
  const at = last ? pairEnd(body, last) : body.length;
  const before = body.slice(0, at);
  const prefix = before === '' || before.endsWith('\n') ? '' : '\n';
  return sameEnding(body, before + prefix + sqlBlock(sql, indent) + body.slice(at));
}

/**
 * The pinned SQL replaced by an edit from the SQL editor, which shows it without its final
 * newline: a block that kept one keeps it, so editing does not flip `|` to `|-`.
 */
export function editSql(body: string, sql: string): string {
  const reading = readAsk(body);
  const current = reading.type === 'ask-read' ? reading.sql : undefined;
  const keepsNewline = current?.endsWith('\n') && !sql.endsWith('\n');
  return setSql(body, keepsNewline ? `${sql}\n` : sql);
}

/** The body without `sql` (and nothing else removed): the next editor run drafts again. */
export function removeSql(body: string): string {
  const { pairs } = mustParse(body);
  const pair = pairs.find((item) => keyOf(item) === 'sql');
  if (!pair) return body;
  const start = lineStart(body, (pair.key as Node).range![0]);
  const end = pairEnd(body, pair);
  return sameEnding(body, body.slice(0, start) + body.slice(end));
}

/**
 * The suggested questions of a refusal's hint (`Questions it can answer: “…”, “…”.`), in order;
 * empty when the hint has none.
 */
export function suggestionsOf(hint: string | undefined): string[] {
  if (!hint) return [];
  return [...hint.matchAll(/“([^”]+)”/g)].map((match) => match[1]!.trim()).filter(Boolean);
}
