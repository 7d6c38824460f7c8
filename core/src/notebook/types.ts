/**
 * The typed IR of a notebook file (see docs/notebook-format.md). The IR keeps every byte of the
 * file in the `source` fields of the front matter and of each block, so an unedited notebook
 * serializes back to the same bytes and an edit rewrites only the block it touches.
 */

export type CellKind = 'sql' | 'ask' | 'chart' | 'check' | 'recommend';
export const CELL_KINDS: readonly CellKind[] = ['sql', 'ask', 'chart', 'check', 'recommend'];

export type InputType = 'date_range' | 'date' | 'select' | 'multi_select' | 'number' | 'text';

/** A declared input, bound as `$<name>` (or `$<name>_start`/`$<name>_end` for a date range). */
export interface InputDefinition {
  name: string;
  type: InputType;
  label?: string;
  /** As written: `last_28_days`, `{ start: 2026-01-01, end: 2026-01-31 }`, `all`, 100, ... */
  default?: unknown;
  options?: (string | number)[];
  /** `<cell>.<column>`: options come from a cell's result. */
  optionsFrom?: { cell: string; column: string };
  /** Line of the input's key in the file (1-based), for diagnostics. */
  line?: number;
}

export interface FrontMatter {
  title: string;
  description?: string;
  inputs: InputDefinition[];
  refresh?: string;
  /** Every key as parsed, including unknown ones (kept, never dropped). */
  raw: Record<string, unknown>;
  /**
   * The exact bytes of the front matter, `---` lines included; undefined when the file has none.
   * Edit it with `setFrontMatter`, which rewrites only what changed.
   */
  source?: string;
  /** Line of the opening `---` (1 when present). */
  line?: number;
}

/** One fenced cell. `line` numbers are 1-based positions in the source file. */
export interface Cell {
  /** The cell's name, or a stable content-hash id (`_c1a2b3c4`) for unnamed cells. */
  id: string;
  kind: CellKind;
  /** Undefined for unnamed cells, which other cells cannot read. */
  name?: string;
  /** `key=value` attributes of the info string, in order. */
  attributes: Record<string, string>;
  /** The text between the fences, without the trailing newline before the closing fence. */
  body: string;
  /** Line of the opening fence. */
  line: number;
  /** Line of the first body line. */
  bodyLine: number;
  /**
   * The exact bytes of the fenced block (opening line through the closing fence's line end).
   * The serializer writes it back as long as it still parses to this cell's kind, name,
   * attributes and body; otherwise it writes the cell in canonical form.
   */
  source?: string;
}

/** Prose between cells: Markdown, possibly with `{{ cell.column | format }}` values. */
export interface Prose {
  /** The Markdown as written, blank lines included, with `\n` line endings. */
  text: string;
  line: number;
  /** The exact bytes (original line endings); written back while it still matches `text`. */
  source?: string;
}

export type Block = { type: 'prose'; prose: Prose } | { type: 'cell'; cell: Cell };

export interface Notebook {
  frontMatter: FrontMatter;
  blocks: Block[];
  /** Cells in file order (a view over `blocks`). */
  cells: Cell[];
  /** The file started with a UTF-8 byte order mark (kept on write). */
  bom?: boolean;
  /** The file's line ending (its first one), used for text that edits add. Default `\n`. */
  lineEnding?: '\n' | '\r\n';
}

/** A problem found while parsing or validating, tied to a line of the file. */
export interface NotebookDiagnostic {
  severity: 'error' | 'warning';
  line: number;
  /** Set when the problem belongs to one cell (shown on that cell in the editor). */
  cellId?: string;
  /** What is wrong and what to do, e.g. `Cell name "Daily" is not a SQL identifier: use lower case letters, digits and _.` */
  message: string;
}
