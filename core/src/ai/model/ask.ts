/**
 * The model path of `ask`: the model drafts SQL through structured output; the SQL goes through
 * the engine's gate (exactly one read-only statement, DuckDB's parser) and is bound against the
 * warehouse; a failure gets exactly one repair round that feeds the error back; a
 * second failure is a refusal that says what went wrong and what to do.
 */
import type { ModelMessage } from 'ai';
import { z } from 'zod';
import { QueryCancelledError, type Warehouse } from '../../engine/index.ts';
import { BatonError } from '../../errors.ts';
import type { Logger } from '../../spec/index.ts';
import type { AskAnswer } from '../types.ts';
import { readDataValues } from './data.ts';
import { callModel, type ModelReply } from './call.ts';
import { askInstructions, DataFence } from './prompt.ts';
import { engineName, type AiLanguageModel } from './provider.ts';

/** What the model must answer: SQL with what it understood, or a refusal with suggestions. */
export const askOutputSchema = z.object({
  answer: z.union([
    z.object({
      kind: z.literal('sql'),
      sql: z.string().min(1),
      understood: z.string().min(1),
    }),
    z.object({
      kind: z.literal('refusal'),
      refusal: z.string().min(1),
      suggestions: z.array(z.string()),
    }),
  ]),
});
export type AskOutput = z.infer<typeof askOutputSchema>;

export interface AskWithModelOptions {
  /** The warehouse whose gate checks the SQL, and where it is bound (not run). */
  warehouse: Pick<Warehouse, 'query' | 'inspect'>;
  /** `YYYY-MM-DD`: the day relative periods count from. */
  today: string;
  /** The workspace's reporting currency, named in the prompt (e.g. `EUR`). */
  reportingCurrency?: string;
  /** The question's language, for Baton's own refusal (default `en`; the model answers in the question's). */
  language?: 'en' | 'fr';
  /** The answer's `engine` (default: `<provider>:<model>` of the model). */
  engine?: string;
  /** Receives a warning for each repair round and each final failure. */
  logger?: Pick<Logger, 'warn'>;
  /** Time limit of the check (default: the warehouse's). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Lists values of the data (campaign names, platforms, dates) in the prompt, fenced (default true). */
  dataValues?: boolean;
  /** The data fence's random token (tests pass a fixed one). */
  randomToken?: () => string;
}

/** A reason the engine did not accept a draft, fed back to the model in the repair round. */
interface Problem {
  message: string;
  hint?: string | undefined;
}

/**
 * Turns a question into SQL over the model with a language model, or a refusal that says why.
 * The same shapes as the built-in engine, with `engine` = `<provider>:<model>`.
 *
 * @example const answer = await askWithModel(model, 'spend by platform last month', { warehouse, today: '2026-04-15' })
 */
export async function askWithModel(
  model: AiLanguageModel,
  question: string,
  options: AskWithModelOptions,
): Promise<AskAnswer> {
  const engine = options.engine ?? engineName(model);
  const fence = new DataFence(options.randomToken);
  const instructions = askInstructions({
    today: options.today,
    reportingCurrency: options.reportingCurrency,
    fence,
  });
  const content: { type: 'text'; text: string }[] = [{ type: 'text', text: question }];
  if (options.dataValues !== false) {
    content.push({
      type: 'text',
      text: `Values found in the data, for filters and names:\n${fence.wrap('values in the data', await readDataValues(options.warehouse))}`,
    });
  }
  const messages: ModelMessage[] = [{ role: 'user', content }];

  let problem: Problem | undefined;
  for (let round = 0; round < 2; round++) {
    if (problem) {
      options.logger?.warn(`${engine}: repair round after: ${problem.message}`);
      messages.push({
        role: 'user',
        content: [
          {
            type: 'text',
            text: 'The engine did not accept that answer. Its message follows. Answer again with a corrected query (or a refusal if the tables cannot answer the question).',
          },
          { type: 'text', text: fence.wrap('engine error', problem) },
        ],
      });
    }
    const reply: ModelReply<AskOutput> = await callModel(model, engine, {
      instructions,
      messages,
      schema: askOutputSchema,
      signal: options.signal,
    });
    messages.push({ role: 'assistant', content: reply.text || '(no answer)' });
    if (reply.kind === 'invalid') {
      problem = {
        message: `The answer is not the JSON asked for: ${reply.problem}`,
        hint: 'Answer {"answer": {"kind": "sql", "sql": ..., "understood": ...}} or {"answer": {"kind": "refusal", "refusal": ..., "suggestions": [...]}}.',
      };
      continue;
    }
    const answer = reply.output.answer;
    if (answer.kind === 'refusal') {
      return {
        kind: 'refusal',
        refusal: answer.refusal,
        suggestions: answer.suggestions,
        engine,
      };
    }
    const sql = answer.sql.trim().replace(/;\s*$/, '');
    problem = await checkSql(options.warehouse, sql, options);
    if (!problem) return { kind: 'sql', sql, understood: answer.understood, engine };
  }

  options.logger?.warn(`${engine}: no acceptable SQL after a repair round: ${problem!.message}`);
  return { kind: 'refusal', ...finalRefusal(engine, problem!, options.language), engine };
}

/** Baton's refusal after the repair round: what went wrong, what to do, questions that work. */
function finalRefusal(
  engine: string,
  problem: Problem,
  language: 'en' | 'fr' = 'en',
): { refusal: string; suggestions: string[] } {
  const detail = `${problem.message}${problem.hint ? ` ${problem.hint}` : ''}`;
  if (language === 'fr') {
    return {
      refusal: `Le modèle (${engine}) n’a pas écrit de requête que le moteur accepte : ${detail} Reformulez la question avec la métrique, le découpage et la période, ou écrivez le SQL dans une cellule SQL.`,
      suggestions: [
        'Dépenses, conversions et CPA par plateforme le mois dernier',
        'Les 10 meilleures campagnes par ROAS sur les 30 derniers jours',
        'Sessions par groupe de canaux ce mois-ci',
      ],
    };
  }
  return {
    refusal: `The model (${engine}) could not write a query the engine accepts: ${detail} Rephrase the question with the metric, the breakdown and the period, or write the SQL in a SQL cell.`,
    suggestions: [
      'Spend, conversions and CPA by platform last month',
      'Top 10 campaigns by ROAS over the last 30 days',
      'Sessions by channel group this month',
    ],
  };
}

/**
 * The engine's verdict on a draft: the gate (one read-only statement, DuckDB's parser, no
 * parameters to bind), then the statement bound against the warehouse without running it, which
 * reports unknown tables and columns and type mismatches. Undefined when the SQL is accepted.
 */
async function checkSql(
  warehouse: Pick<Warehouse, 'query' | 'inspect'>,
  sql: string,
  options: Pick<AskWithModelOptions, 'timeoutMs' | 'signal'>,
): Promise<Problem | undefined> {
  try {
    const { parameters } = await warehouse.inspect(sql);
    if (parameters.length > 0) {
      return {
        message: `The query uses parameters (${parameters.map((name) => `$${name}`).join(', ')}), which an ask cell does not bind.`,
        hint: "Write the dates and values as literals, e.g. DATE '2026-03-01'.",
      };
    }
    // Bound, not run: the statement is now known to be one SELECT, so it can sit in a subquery,
    // and DuckDB plans LIMIT 0 as an empty result (unknown names fail at bind; a heavy query
    // costs nothing). The newline ends a trailing `--` comment. The whole text is checked again.
    await warehouse.query(`SELECT * FROM (\n${sql}\n) LIMIT 0`, {
      rowCap: 0,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return undefined;
  } catch (error) {
    if (error instanceof QueryCancelledError || !(error instanceof BatonError)) throw error;
    return { message: error.message, hint: error.hint };
  }
}
