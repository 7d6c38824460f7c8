/**
 * `baton anomalies <subcommand>`: `score` scores a CSV time series; further subcommands
 * (`check`) register in `subcommands` below with their own options and usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scoreCsv, type Sensitivity } from '@baton/core/checks';
import {
  choiceOption,
  stringOption,
  UsageError,
  type CliIO,
  type Command,
  type ParsedArgs,
} from '../args.ts';
import { checkSubcommand } from './anomalies-check.ts';

/** One `baton anomalies` subcommand: its options are accepted after its name only. */
export interface AnomaliesSubcommand {
  name: string;
  summary: string;
  usage: string;
  options: Command['options'];
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

export const scoreSubcommand: AnomaliesSubcommand = {
  name: 'score',
  summary: 'Score a CSV time series: every row plus anomaly_score (0..1) and is_anomaly (0/1)',
  usage: `baton anomalies score --input FILE.csv --output FILE.csv [--time-column timestamp] [--value-column value] [--sensitivity low|normal|high]

  --input          a CSV file with a header row, one row per point (daily or sub-daily; the
                   frequency is inferred from the median time step)
  --output         where to write every input row unchanged plus anomaly_score and is_anomaly
  --time-column    the column of times: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or numbers (default timestamp)
  --value-column   the column of values (default value); empty cells are missing points
  --sensitivity    low, normal (default) or high; see docs/anomalies.md
  Row i's outputs depend on rows up to i (in time order) only.`,
  options: {
    input: { type: 'string', short: 'i' },
    output: { type: 'string', short: 'o' },
    'time-column': { type: 'string' },
    'value-column': { type: 'string' },
    sensitivity: { type: 'string' },
  },
  async run(args, io) {
    const input = stringOption(args, 'input');
    const output = stringOption(args, 'output');
    if (!input || !output) {
      throw new UsageError(
        `Give ${!input ? '--input FILE.csv' : '--output FILE.csv'}.`,
        'Example: baton anomalies score --input clicks.csv --output scored.csv',
      );
    }
    const sensitivity = choiceOption(args, 'sensitivity', SENSITIVITIES, 'normal');
    const inputPath = path.resolve(io.cwd, input);
    let text: string;
    try {
      text = await readFile(inputPath, 'utf8');
    } catch (error) {
      throw new UsageError(
        `Cannot read --input ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
        'Give the path of an existing CSV file.',
      );
    }
    const scored = scoreCsv(text, {
      timeColumn: stringOption(args, 'time-column') ?? 'timestamp',
      valueColumn: stringOption(args, 'value-column') ?? 'value',
      sensitivity,
    });
    await writeFile(path.resolve(io.cwd, output), scored.text);
    io.stderr.write(
      `Scored ${scored.rows} rows (${describeCycles(scored.period, scored.longPeriod)}): ${scored.flagged} flagged, written to ${output}.\n`,
    );
    return 0;
  },
};

function describeCycles(period: number, longPeriod: number): string {
  if (period === 1) return 'no seasonal cycle';
  return longPeriod > 0
    ? `cycles of ${period} and ${longPeriod} points`
    : `a cycle of ${period} points`;
}

/** The subcommands, by name; `check` joins here. */
export const subcommands: Record<string, AnomaliesSubcommand> = {
  score: scoreSubcommand,
  check: checkSubcommand,
};

export const anomaliesCommand: Command = {
  name: 'anomalies',
  summary: 'Anomaly detection: score a CSV time series, check the workspace',
  get usage() {
    return Object.values(subcommands)
      .map((subcommand) => subcommand.usage)
      .join('\n\n');
  },
  get options() {
    return Object.assign({}, ...Object.values(subcommands).map((subcommand) => subcommand.options));
  },
  async run(args, io) {
    const [name, ...positionals] = args.positionals;
    const names = Object.keys(subcommands).join(', ');
    const subcommand = name === undefined ? undefined : subcommands[name];
    if (!subcommand) {
      throw new UsageError(
        name === undefined
          ? `Give a subcommand: ${names}.`
          : `Unknown subcommand "${name}"; the subcommands are ${names}.`,
        'Run `baton anomalies --help` for their options.',
      );
    }
    const foreign = Object.keys(args.values).filter(
      (option) => option !== 'help' && !(option in subcommand.options),
    );
    if (foreign.length > 0) {
      throw new UsageError(
        `baton anomalies ${subcommand.name} takes no --${foreign[0]}.`,
        `Usage: ${subcommand.usage.split('\n')[0]}`,
      );
    }
    return subcommand.run({ values: args.values, positionals }, io);
  },
};
