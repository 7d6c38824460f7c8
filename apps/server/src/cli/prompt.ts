import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { CliIO } from './args.ts';

/**
 * Asks one question on the terminal. A secret is read without echo: the answer is never shown,
 * not even as stars, so a screen share or a terminal log does not reveal its length.
 */
export async function ask(
  question: string,
  { secret = false } = {},
  io: CliIO & { stdin: NonNullable<CliIO['stdin']> },
): Promise<string> {
  const muted = { active: false };
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted.active) io.stderr.write(chunk);
      callback();
    },
  });
  const readline = createInterface({ input: io.stdin, output, terminal: Boolean(io.stdin.isTTY) });
  try {
    // question() writes the prompt before it waits; only what is typed after it is muted.
    const answer = readline.question(question);
    muted.active = secret;
    const text = await answer;
    if (secret) io.stderr.write('\n');
    return text.trim();
  } finally {
    readline.close();
  }
}
