/**
 * Building HTML safely: every interpolated value is escaped unless it is `SafeHtml`, which only
 * this module, the Markdown renderer and the chart renderer produce. Notebook text and query
 * data are untrusted (a campaign may be named `<script>...`), so escaping is the default.
 */

/** HTML that is already safe to insert as-is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue =
  SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Marks a string produced by a trusted renderer as safe HTML. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

function serialize(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(serialize).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes its interpolations.
 *
 * @example html`<td title="${name}">${name}</td>` // name = '<b>' gives '&lt;b&gt;' twice
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += serialize(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
