/** Line splitting that keeps every byte: each line knows its own line ending. */

export type LineEnding = '\n' | '\r\n';

export interface Line {
  /** The line without its line ending. */
  text: string;
  /** `''` only for a last line with no final newline. */
  eol: LineEnding | '';
  /** Offset of the line's first character in the split text. */
  start: number;
}

/** Splits on `\n` and `\r\n`; `''` gives no lines, and a final newline gives no empty last line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), eol: '', start });
      break;
    }
    const crlf = newline > start && text[newline - 1] === '\r';
    lines.push({
      text: text.slice(start, crlf ? newline - 1 : newline),
      eol: crlf ? '\r\n' : '\n',
      start,
    });
    start = newline + 1;
  }
  return lines;
}

/** The exact text of `lines[from..to)` (line endings included). */
export function joinLines(lines: readonly Line[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += lines[i]!.text + lines[i]!.eol;
  return text;
}

/** `\r\n` to `\n`, for the normalized text the IR exposes. */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** `\n` to the given line ending, for text written into a file. */
export function withLineEnding(text: string, lineEnding: LineEnding): string {
  return lineEnding === '\n' ? text : toLf(text).replace(/\n/g, lineEnding);
}

export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}
