/**
 * The SQL an `ask` cell runs: its pinned `sql`, or, in the editor, the engine's draft for its
 * question, shown for review until the analyst accepts it. A published report never runs a
 * draft: a human pins what gets published.
 */
import { ask } from '../ai/ask/index.ts';
import type { AiLanguageModel } from '../ai/model/index.ts';
import type { Warehouse } from '../engine/index.ts';
import { BatonError } from '../errors.ts';
import { parseCellSpec, type AskSpec } from '../notebook/index.ts';
import type { Cell } from '../notebook/types.ts';
import type { AskCellOutcome } from './types.ts';

export interface AskCellOptions {
  warehouse: Warehouse;
  today: string;
  /** Draft SQL for a cell without pinned SQL (else: an error that says to pin it). */
  draft: boolean;
  model?: AiLanguageModel;
}

/** The SQL to run and, for a draft, the tables it reads (a pinned SQL's are the cell's reads). */
export async function askSql(
  cell: Cell,
  { warehouse, today, draft, model }: AskCellOptions,
): Promise<{ outcome: AskCellOutcome; tablesRead?: string[] }> {
  const parsed = parseCellSpec(cell);
  if (!('spec' in parsed)) {
    const message = parsed.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('\n');
    throw new BatonError('invalid', message, 'Fix the cell and run again.');
  }
  const spec = parsed.spec as AskSpec;
  if (typeof spec.sql === 'string' && spec.sql.trim()) {
    return { outcome: { sql: spec.sql, pinned: true } };
  }
  if (!draft) {
    throw new BatonError(
      'unpinned',
      `The question "${spec.question}" has no accepted SQL, and a report runs only SQL a person has reviewed.`,
      'Open the notebook in the editor, review the drafted SQL and accept it.',
    );
  }
  const answer = await ask(spec.question, { warehouse, today, ...(model ? { model } : {}) });
  if (answer.kind === 'refusal') {
    throw new BatonError(
      'unanswerable',
      answer.refusal,
      `Questions it can answer: ${answer.suggestions.map((suggestion) => `“${suggestion}”`).join(', ')}.`,
    );
  }
  const { tablesRead } = await warehouse.inspect(answer.sql);
  return {
    outcome: {
      sql: answer.sql,
      pinned: false,
      understood: answer.understood,
      engine: answer.engine,
    },
    tablesRead,
  };
}
