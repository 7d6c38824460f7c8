/**
 * Reads a normalized question left to right, recognizer by recognizer: each match consumes
 * its words, so a word is read once ("last month" is a period, not a metric), and the words
 * left unread at the end are what the engine did not understand.
 */

export interface Found {
  text: string;
  index: number;
  end: number;
  groups: (string | undefined)[];
}

/** Whole words only: no letter or digit right before or after a match. */
export function wordPattern(source: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}

export class Scanner {
  readonly text: string;
  #masked: string;

  constructor(text: string) {
    this.text = text;
    this.#masked = text;
  }

  /** Finds (and consumes) every match of `source` among the words not read yet. */
  take(source: string, accept: (found: Found) => boolean = () => true): Found[] {
    const found: Found[] = [];
    for (const match of this.#masked.matchAll(wordPattern(source))) {
      const item: Found = {
        text: match[0],
        index: match.index,
        end: match.index + match[0].length,
        groups: match.slice(1),
      };
      if (!accept(item)) continue;
      this.consume(item.index, item.end);
      found.push(item);
    }
    return found;
  }

  /** Whether `source` matches among the words not read yet (nothing consumed). */
  has(source: string): boolean {
    return wordPattern(source, 'u').test(this.#masked);
  }

  consume(start: number, end: number): void {
    this.#masked = this.#masked.slice(0, start) + '#'.repeat(end - start) + this.#masked.slice(end);
  }

  isConsumed(index: number): boolean {
    return this.#masked[index] === '#';
  }

  /** The `count` words before `index`, in the original text (read or not). */
  wordsBefore(index: number, count: number): string[] {
    return this.text.slice(0, index).trim().split(' ').filter(Boolean).slice(-count);
  }

  /** The `count` words after `end`, in the original text. */
  wordsAfter(end: number, count: number): string[] {
    return this.text.slice(end).trim().split(' ').filter(Boolean).slice(0, count);
  }

  /** Runs of consecutive unread words: `[{ words: ['bounce', 'rate'], index }]`. */
  unread(): { words: string[]; index: number; end: number }[] {
    const runs: { words: string[]; index: number; end: number }[] = [];
    let current: { words: string[]; index: number; end: number } | undefined;
    for (const match of this.#masked.matchAll(/[^\s#]+|#+/g)) {
      if (match[0].startsWith('#')) {
        current = undefined;
        continue;
      }
      if (!current) {
        current = { words: [], index: match.index, end: match.index };
        runs.push(current);
      }
      current.words.push(match[0]);
      current.end = match.index + match[0].length;
    }
    return runs;
  }
}
