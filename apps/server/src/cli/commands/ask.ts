/**
 * `baton ask "QUESTION"`: a marketing question in English or French, answered with the SQL that
 * answers it and its result, or a refusal that says why (exit code 3).
 */
import { ask, type AskAnswer } from '@baton/core/ai';
import { openWorkspace } from '@baton/core/store';
import {
  choiceOption,
  dateOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
} from '../args.ts';
import { resultToTable, toJson } from '../output.ts';
import { workspaceDir } from '../workspace.ts';
import { answeringModel } from './ask-model.ts';

const FORMATS = ['text', 'json'] as const;
/** A refusal: the question was understood to be out of reach, not a failure. */
export const REFUSED_EXIT_CODE = 3;

export const askCommand: Command = {
  name: 'ask',
  summary: 'Answer a marketing question (English or French) with SQL over the model',
  usage: `baton ask "QUESTION" [--workspace DIR] [--today YYYY-MM-DD] [--format text|json]

  --today    the day relative periods count from ("last month", "yesterday"); default: today (UTC)
  --format   text (default): what was understood, the SQL and the result;
             json: {"sql": ..., "columns": [names], "rows": [[...]], "understood": ..., "engine": ...}
  A question the engine cannot answer prints why and questions it can answer, and exits with 3
  (json: {"refusal": ..., "suggestions": [...]}). With an AI provider configured (baton ai), the
  model writes the SQL; otherwise Baton's built-in engine does. Conventions: docs/ask.md.`,
  options: {
    ...workspaceOption,
    today: { type: 'string' },
    format: { type: 'string', short: 'f' },
  },
  async run(args, io) {
    const question = args.positionals.join(' ').trim();
    if (!question) {
      throw new UsageError(
        'Give the question to answer, in quotes.',
        'Example: baton ask "spend by platform last month"',
      );
    }
    const format = choiceOption(args, 'format', FORMATS, 'text');
    const today = dateOption(args, 'today') ?? new Date().toISOString().slice(0, 10);
    const dir = workspaceDir(args, io);
    const { warehouse, config } = await openWorkspace(dir);
    try {
      const model = await answeringModel(dir, io);
      const answer = await ask(question, {
        warehouse,
        today,
        reportingCurrency: config.reportingCurrency,
        logger: { warn: (message) => io.stderr.write(`${message}\n`) },
        ...(model ? { model } : {}),
      });
      if (answer.kind === 'refusal') return printRefusal(answer, format, io);
      const result = await warehouse.query(answer.sql);
      if (format === 'json') {
        io.stdout.write(
          `${toJson({
            sql: answer.sql,
            columns: result.columns.map((column) => column.name),
            rows: Array.from({ length: result.rowCount }, (_, row) =>
              result.data.map((column) => column[row] ?? null),
            ),
            understood: answer.understood,
            engine: answer.engine,
          })}\n`,
        );
      } else {
        io.stdout.write(`${answer.understood}\n\n${answer.sql}\n\n${resultToTable(result)}`);
      }
      return 0;
    } finally {
      await warehouse.close();
    }
  },
};

function printRefusal(
  answer: Extract<AskAnswer, { kind: 'refusal' }>,
  format: (typeof FORMATS)[number],
  io: CliIO,
): number {
  if (format === 'json') {
    io.stdout.write(
      `${toJson({ refusal: answer.refusal, suggestions: answer.suggestions, engine: answer.engine })}\n`,
    );
  } else {
    const tries = answer.suggestions.map((suggestion) => `  - ${suggestion}`).join('\n');
    io.stdout.write(`${answer.refusal}\n\nTry:\n${tries}\n`);
  }
  return REFUSED_EXIT_CODE;
}
