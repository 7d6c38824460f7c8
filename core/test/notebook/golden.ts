/**
 * Golden files (style.md #4): compare output with `fixtures/output/<name>`, or rewrite the
 * goldens when run with UPDATE_GOLDENS=1 (then review the git diff).
 */

import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { expect } from 'vitest';

export const fixtures = join(import.meta.dirname, 'fixtures');
export const updating = process.env.UPDATE_GOLDENS === '1';

/** Names of the files in a fixtures folder with this extension. */
export function fixtureNames(folder: string, extension: string): string[] {
  const path = join(fixtures, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((name) => name.endsWith(extension))
    .sort();
}

async function read(path: string): Promise<string | undefined> {
  return existsSync(path) ? readFile(path, 'utf8') : undefined;
}

async function write(path: string, text: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

const missing = (name: string) =>
  `No golden output/${name}: run with UPDATE_GOLDENS=1 and review it.`;

/** Compares a value with a JSON golden (written formatted by Prettier, so `lint` passes). */
export async function expectJsonGolden(name: string, actual: unknown) {
  const path = join(fixtures, 'output', name);
  if (updating) {
    const options = await resolveConfig(path);
    return write(path, await format(JSON.stringify(actual), { ...options, parser: 'json' }));
  }
  const golden = await read(path);
  expect(golden, missing(name)).toBeDefined();
  expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(golden!));
}

/** Compares text with a golden byte for byte. */
export async function expectTextGolden(name: string, actual: string) {
  const path = join(fixtures, 'output', name);
  if (updating) return write(path, actual);
  const golden = await read(path);
  expect(golden, missing(name)).toBeDefined();
  expect(actual).toBe(golden);
}

/**
 * A line diff (`-` removed, `+` added, two lines of context, `@@ line` headers) that shows a
 * reviewer how small an edit's change to the file is.
 */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table, from the end.
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const rows: { mark: ' ' | '-' | '+'; text: string; line: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ mark: ' ', text: a[i++]!, line: ++j });
    } else if (i < a.length && (j === b.length || table[i + 1]![j]! >= table[i]![j + 1]!)) {
      rows.push({ mark: '-', text: a[i++]!, line: j + 1 });
    } else {
      rows.push({ mark: '+', text: b[j++]!, line: j });
    }
  }
  const show = rows.map((row, index) =>
    rows.slice(Math.max(0, index - 2), index + 3).some((near) => near.mark !== ' '),
  );
  let out = '';
  rows.forEach((row, index) => {
    if (!show[index]) return;
    if (index === 0 || !show[index - 1]) out += `@@ line ${row.line}\n`;
    out += `${row.mark} ${row.text.replace(/\r/g, '\\r')}\n`;
  });
  return out;
}
