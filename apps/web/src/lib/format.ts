/**
 * Values formatted for the interface language: the same formatter as the HTML export
 * (core's report/format), so the editor, the reader and the export agree to the character.
 */
import { createFormatter, type Formatter } from '@baton/core/report/format';
import type { Locale } from './preferences.svelte.ts';

export type { Formatter, ValueFormat } from '@baton/core/report/format';

const formatters = new Map<string, Formatter>();

/** @example formatterFor('fr', 'EUR').format(1234.5, { type: 'currency' }) // '1 234,50 €' */
export function formatterFor(locale: Locale, currency: string): Formatter {
  const key = `${locale}/${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = createFormatter({ locale, currency })));
  return formatter;
}
