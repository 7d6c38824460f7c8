/**
 * With a model configured, the model writes the summary of the recommendations and may re-rank
 * them, through structured output. Every number in its prose must be one of the actions' figures,
 * else the sentence is dropped and logged; the order must be a permutation, else the rules' order
 * stands. The actions themselves are never changed, except their `priority`, renumbered to the
 * order returned.
 */
import { z } from 'zod';
import type { Logger } from '../../spec/index.ts';
import type { Action } from '../types.ts';
import { callModel } from './call.ts';
import { citableFigures, unsupportedNumbers } from './numbers.ts';
import { DataFence, summaryInstructions } from './prompt.ts';
import { engineName, type AiLanguageModel } from './provider.ts';

export const summaryOutputSchema = z.object({
  summary: z.array(z.string()).max(12),
  order: z.array(z.number().int()),
});

export interface SummarizeActionsOptions {
  /** Receives each dropped sentence, an invalid order, an invalid answer. */
  logger?: Pick<Logger, 'warn'>;
  /** The summary's language (default `en`). */
  locale?: 'en' | 'fr';
  /** Names the model in log lines (default: `<provider>:<model>`). */
  engine?: string;
  signal?: AbortSignal;
  /** The data fence's random token (tests pass a fixed one). */
  randomToken?: () => string;
}

export interface ActionSummary {
  /** The sentences kept, each citing only the actions' figures. */
  summary: string[];
  /** The actions in the model's order (the rules' order when the model's is not a permutation), `priority` renumbered from 1. */
  order: Action[];
  /** Sentences dropped, with the numbers that are not among the actions' figures. */
  dropped: { sentence: string; numbers: string[] }[];
}

/**
 * A short summary of prioritized actions written by the model, and its ranking of them.
 *
 * @example const { summary, order } = await summarizeActions(model, actions, { logger: console })
 */
export async function summarizeActions(
  model: AiLanguageModel,
  actions: readonly Action[],
  options: SummarizeActionsOptions = {},
): Promise<ActionSummary> {
  const rules = [...actions].sort((a, b) => a.priority - b.priority);
  if (rules.length === 0) return { summary: [], order: [], dropped: [] };
  const engine = options.engine ?? engineName(model);
  const fence = new DataFence(options.randomToken);
  const reply = await callModel(model, engine, {
    instructions: summaryInstructions({ fence, locale: options.locale }),
    messages: [
      {
        role: 'user',
        content: `Summarize these actions, listed in the rules' order:\n${fence.wrap('actions', rules.map(promptAction))}`,
      },
    ],
    schema: summaryOutputSchema,
    signal: options.signal,
  });
  if (reply.kind === 'invalid') {
    options.logger?.warn(
      `${engine}: the summary answer was not the JSON asked for; the rules' order and prose stand. ${reply.problem}`,
    );
    return { summary: [], order: renumber(rules), dropped: [] };
  }

  const figures = citableFigures(rules);
  const summary: string[] = [];
  const dropped: ActionSummary['dropped'] = [];
  for (const sentence of reply.output.summary.flatMap(sentences)) {
    const numbers = unsupportedNumbers(sentence, figures);
    if (numbers.length === 0) {
      summary.push(sentence);
      continue;
    }
    dropped.push({ sentence, numbers });
    options.logger?.warn(
      `${engine}: dropped a summary sentence whose numbers are not in the evidence (${numbers.join(', ')}): ${sentence}`,
    );
  }

  const order = permutation(reply.output.order, rules.length);
  if (!order) {
    options.logger?.warn(
      `${engine}: the order ${JSON.stringify(reply.output.order)} is not a permutation of 1..${rules.length}; the rules' order stands.`,
    );
  }
  return {
    summary,
    order: renumber(order ? order.map((n) => rules[n - 1]!) : rules),
    dropped,
  };
}

/** What the model sees of an action (all of it fenced as data): no rank, no SQL. */
function promptAction(action: Action, index: number) {
  const { priority: _priority, evidence, ...rest } = action;
  return {
    n: index + 1,
    ...rest,
    evidence: evidence.map(({ sql: _sql, filter: _filter, ...shown }) => shown),
  };
}

/** `order` when it lists 1..count each exactly once. */
function permutation(order: readonly number[], count: number): number[] | undefined {
  if (order.length !== count) return undefined;
  const seen = new Set(order);
  if (seen.size !== count || order.some((n) => n < 1 || n > count)) return undefined;
  return [...order];
}

function renumber(actions: readonly Action[]): Action[] {
  return actions.map((action, index) => ({ ...action, priority: index + 1 }));
}

/** Sentences of one summary item (a model may put two in one item). */
function sentences(item: string): string[] {
  return item
    .split(/(?<=[.!?])\s+(?=\S)/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
