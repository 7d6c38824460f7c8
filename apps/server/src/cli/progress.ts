import type { CliIO } from './args.ts';

export interface ProgressUpdate {
  /** What is being done, e.g. `ad_daily`. */
  step: string;
  done: number;
  /** Unknown totals show a counter instead of a bar. */
  total?: number;
}

/**
 * Progress for long steps on stderr: a redrawn bar on a terminal, one plain line per step
 * (and per quarter of it) otherwise, so logs stay readable in CI.
 */
export function createProgress(io: CliIO): {
  update(update: ProgressUpdate): void;
  done(message: string): void;
} {
  const stream = io.stderr;
  const started = performance.now();
  let lastStep = '';
  let lastQuarter = -1;
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  if (!stream.isTTY) {
    return {
      update({ step, done, total }) {
        const quarter = total ? Math.floor((4 * done) / total) : 0;
        if (step === lastStep && quarter === lastQuarter) return;
        lastStep = step;
        lastQuarter = quarter;
        stream.write(
          `${step}: ${total ? `${Math.round((100 * done) / total)}%` : done.toLocaleString('en')} (${elapsed()})\n`,
        );
      },
      done: (message) => stream.write(`${message} (${elapsed()})\n`),
    };
  }

  return {
    update({ step, done, total }) {
      const width = 24;
      const bar = total
        ? `[${'#'.repeat(Math.round((width * done) / total)).padEnd(width, '.')}] ${Math.round((100 * done) / total)}%`
        : done.toLocaleString('en');
      stream.write(`\r\x1b[2K${step.padEnd(24)} ${bar}  ${elapsed()}`);
    },
    done: (message) => stream.write(`\r\x1b[2K${message} (${elapsed()})\n`),
  };
}
