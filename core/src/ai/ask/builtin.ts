/**
 * Baton's built-in question engine: no model, no network. It reads a fixed vocabulary in
 * English and French (docs/ask.md) and answers with SQL it can explain, or refuses.
 */
import type { AskAnswer } from '../types.ts';
import { Catalog } from './catalog.ts';
import { describeIntent, describeRefusal, suggestions } from './explain.ts';
import { parseQuestion } from './parse.ts';
import { buildSql } from './sql.ts';

export const BUILTIN_ENGINE = 'builtin';

/**
 * @example askBuiltIn('Spend by platform last month', { today: '2026-04-01' })
 * // { kind: 'sql', sql: 'select platform, sum(spend) as spend ...', understood: 'Spend by platform, 1–31 March 2026', ... }
 */
export function askBuiltIn(
  question: string,
  { today, catalog = Catalog.empty() }: { today: string; catalog?: Catalog },
): AskAnswer {
  const parsed = parseQuestion(question, today, catalog);
  if ('refusal' in parsed) {
    return {
      kind: 'refusal',
      refusal: describeRefusal(parsed.refusal, parsed.understood),
      // Only questions it answers itself: a suggestion must never be refused in turn.
      suggestions: suggestions(parsed.understood).filter(
        (suggestion) => 'intent' in parseQuestion(suggestion, today, catalog),
      ),
      engine: BUILTIN_ENGINE,
    };
  }
  return {
    kind: 'sql',
    sql: buildSql(parsed.intent),
    understood: describeIntent(parsed.intent),
    engine: BUILTIN_ENGINE,
  };
}
