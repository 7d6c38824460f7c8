/**
 * Interface text in English and French. Each area of the app keeps its own catalog
 * (`common.ts`, `editor.ts`, `reader.ts`, ...) so that a route bundles only the words it shows.
 * Data and notebook text are never translated.
 *
 * @example
 * const text = localized({ en: { save: 'Save' }, fr: { save: 'Enregistrer' } });
 * // in markup: {text.current.save}
 */
import { preferences, type Locale } from '../preferences.svelte.ts';

/** A message: plain text, or a function of the values it shows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...values: any[]) => string);

/** Both languages of a catalog must have the same keys and message shapes. */
export type Catalog<M extends Record<string, Message>> = Record<Locale, M>;

/** The catalog's messages in the current language; reading `current` in markup is reactive. */
export function localized<M extends Record<string, Message>>(catalog: Catalog<M>) {
  return {
    get current(): M {
      return catalog[preferences.locale];
    },
  };
}
