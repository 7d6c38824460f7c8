/**
 * The reader's URL query <-> its input values: every query parameter but `locale` is an input
 * override (`?period=last_7_days&platform=meta`), so a link reproduces the view.
 */
export function valuesOf(query: Iterable<[string, string]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of query) if (name !== 'locale') values[name] = value;
  return values;
}

/** The query of a report or export request: the overrides, then the locale. */
export function reportQuery(values: Record<string, string>, locale?: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) query.set(name, value);
  if (locale) query.set('locale', locale);
  return query.toString();
}
