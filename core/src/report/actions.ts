/**
 * A recommend cell in a report: each action as a short card a CMO reads in seconds: what to do,
 * on what, why (the reason cites its numbers), what it should bring, and how sure it is.
 */
import type { QueryResult, SqlValue } from '../engine/types.ts';
import type { Formatter } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { ACTION_NAMES, ACTION_PHRASES, IMPACT_WORDS, STAKE_WORDS } from './action-words.ts';

/** The table of `recommend` cells, as made by the runner (`actionTable`). */
export function isActionTable(result: QueryResult): boolean {
  const names = new Set(result.columns.map((column) => column.name));
  return ['priority', 'type', 'reason', 'impact_low', 'impact_high'].every((name) =>
    names.has(name),
  );
}

/** The cards, under the model's summary when a model wrote one (plain text, escaped). */
export function renderActions(
  result: QueryResult,
  formatter: Formatter,
  summary: readonly string[] = [],
): SafeHtml {
  const { locale } = formatter;
  const labels = ACTION_PHRASES[locale];
  if (result.rowCount === 0) return html`<p class="actions-none">${labels.none}</p>`;
  const column = (name: string): SqlValue[] =>
    result.data[result.columns.findIndex((info) => info.name === name)] ?? [];
  const [priority, type, platform, campaign, ad, reason] = [
    'priority',
    'type',
    'platform',
    'campaign_name',
    'ad_name',
    'reason',
  ].map(column);
  const [metric, low, high, days, confidence] = [
    'impact_metric',
    'impact_low',
    'impact_high',
    'impact_days',
    'confidence',
  ].map(column);
  const cards = Array.from({ length: result.rowCount }, (_, row) => {
    const kind = String(type![row]);
    const money = metric![row] !== 'conversions';
    const amount = (value: SqlValue | undefined) =>
      formatter.format(
        value,
        money ? { type: 'currency', digits: 0 } : { type: 'number', digits: 0 },
      );
    const words = kind === 'investigate_anomaly' ? STAKE_WORDS : IMPACT_WORDS;
    const range = `${amount(low![row])} – ${amount(high![row])} ${words[locale][String(metric![row])] ?? ''}`;
    const phrase =
      kind === 'investigate_anomaly'
        ? labels.atStake
        : kind === 'fix_tracking'
          ? labels.unrecorded
          : labels.impact;
    const receiver = column('to_campaign_name')[row];
    const target =
      [platform![row], campaign![row], ad![row]].filter(Boolean).join(' · ') +
      (receiver ? ` → ${String(receiver)}` : '');
    return html`<li class="action">
      <p class="action-head">
        <span class="action-rank">${String(priority![row])}</span>
        <strong>${ACTION_NAMES[locale][kind] ?? kind}</strong>
        <span class="action-target">${target}</span>
      </p>
      <p class="action-reason">${String(reason![row] ?? '')}</p>
      <p class="action-impact">
        ${phrase(range.trim(), String(days![row]))} ·
        ${labels.confidence(formatter.format(confidence![row], { type: 'percent', digits: 0 }))}
      </p>
    </li>`;
  });
  const lead = summary.length ? html`<p class="actions-summary">${summary.join(' ')}</p>` : '';
  return html`${lead}
    <ol class="actions">
      ${cards}
    </ol>`;
}
