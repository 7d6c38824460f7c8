/**
 * Prose to HTML with markdown-it. Raw HTML in prose is escaped (`html: false`), links keep only
 * safe schemes (markdown-it's `validateLink`), and images are kept only when inlined as
 * `data:` URLs: a report must open offline and never fetch anything.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { escapeHtml, trustedHtml, type SafeHtml } from './html.ts';
import { findTemplateRefs, type TemplateRef } from '../notebook/index.ts';
import type { TemplateValue } from './template.ts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index]!;
  const source = String(token.attrGet('src') ?? '');
  const alt = token.children?.map((child) => child.content).join('') ?? '';
  if (!source.startsWith('data:image/')) return `<span class="image-alt">${escapeHtml(alt)}</span>`;
  return `<img src="${escapeHtml(source)}" alt="${escapeHtml(alt)}">`;
};

const defaultLinkOpen = markdown.renderer.renderToken.bind(markdown.renderer);
markdown.renderer.rules.link_open = (tokens, index, options) => {
  tokens[index]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, index, options);
};

markdown.renderer.rules.template_value = (tokens, index) => {
  const value = tokens[index]!.meta?.value as TemplateValue;
  if (value.ok) return `<span class="value">${escapeHtml(value.text)}</span>`;
  return `<span class="value-missing" title="${escapeHtml(value.reason)}">${escapeHtml(tokens[index]!.content)}</span>`;
};

// Templates become private-use placeholders before parsing, so a `|` inside `{{ }}` cannot
// split a Markdown table cell, then the placeholders become value tokens after parsing.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

interface Substitution {
  value: TemplateValue;
  /** Plain text for places where markup cannot go (code, attributes, link targets). */
  text: string;
}

function plain(text: string, substitutions: Substitution[]): string {
  return text.replace(
    PLACEHOLDER,
    (_match, index: string) => substitutions[Number(index)]?.text ?? '',
  );
}

function substitute(tokens: Token[], substitutions: Substitution[]): Token[] {
  return tokens.flatMap((token) => {
    if (token.children) token.children = substitute(token.children, substitutions);
    // A query value never becomes a link target or an image source, only visible text.
    if (token.attrs) {
      token.attrs = token.attrs.map(([name, value]) => [
        name,
        name === 'href' || name === 'src' ? String(value) : plain(String(value), substitutions),
      ]);
    }
    if (token.type !== 'text' || !token.content.includes(OPEN)) {
      token.content = plain(token.content, substitutions);
      return [token];
    }
    return token.content.split(PLACEHOLDER).map((part, position) => {
      const isValue = position % 2 === 1;
      const piece = new MarkdownIt.Token(isValue ? 'template_value' : 'text', '', 0);
      const substitution = isValue ? substitutions[Number(part)] : undefined;
      piece.content = substitution?.text ?? part;
      piece.meta = substitution ? { value: substitution.value } : null;
      return piece;
    });
  });
}

/**
 * Renders prose Markdown, replacing each `{{ cell.column | format }}` with `resolve(ref)`.
 *
 * @example renderProse('Spend: **{{ totals.spend | currency }}**', resolve, missingText)
 */
export function renderProse(
  text: string,
  resolve: (ref: TemplateRef) => TemplateValue,
  missingText: (reference: string) => string,
): SafeHtml {
  const clean = text.replace(/[\uE000\uE001]/g, '');
  const substitutions: Substitution[] = [];
  let source = '';
  let last = 0;
  for (const ref of findTemplateRefs(clean)) {
    const value = resolve(ref);
    substitutions.push({ value, text: value.ok ? value.text : missingText(value.reference) });
    source += clean.slice(last, ref.start) + OPEN + String(substitutions.length - 1) + CLOSE;
    last = ref.end;
  }
  source += clean.slice(last);
  const tokens = substitute(markdown.parse(source, {}), substitutions);
  return trustedHtml(markdown.renderer.render(tokens, markdown.options, {}));
}
