/** One cell's output in the report: a chart, KPI tiles or a table, or a short notice. */
import { parse as parseYaml } from 'yaml';
import type { Cell } from '../notebook/types.ts';
import type { CellOutcome } from '../run/types.ts';
import { renderChartSvg } from './chart.ts';
import type { Formatter } from './format.ts';
import { html, trustedHtml, type SafeHtml } from './html.ts';
import { MESSAGES } from './messages.ts';
import { isActionTable, renderActions } from './actions.ts';
import { isKpiResult, renderKpis, renderTable } from './table.ts';

const LONG_TABLE_ROWS = 20;

export interface CellContext {
  formatter: Formatter;
  currency: string;
  /** A unique prefix for the SVG ids of this cell's chart. */
  idPrefix: string;
  /** The display name of a cell id, for "blocked by". */
  nameOf: (cellId: string) => string;
}

/** Helper cells (`hidden=true` or `display=none`) feed others and are not shown. */
export function isHidden(cell: Cell): boolean {
  return cell.attributes.hidden === 'true' || cell.attributes.display === 'none';
}

/** An error message for a reader: its first line, kept short (DuckDB appends SQL excerpts). */
function shortMessage(message: string): string {
  const line = message.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

/** The caption above a result: an `ask` cell's question, or a `title=` attribute. */
function captionOf(cell: Cell): string | undefined {
  if (cell.attributes.title) return cell.attributes.title.replace(/_/g, ' ');
  if (cell.kind !== 'ask') return undefined;
  try {
    const body: unknown = parseYaml(cell.body);
    const question = (body as { question?: unknown } | null)?.question;
    return typeof question === 'string' ? question : undefined;
  } catch {
    return undefined; // the runner reports a malformed body on the cell itself
  }
}

type NoticeKind = 'failed' | 'blocked' | 'info';

function noticeBox(kind: NoticeKind, title: string, detail?: string): SafeHtml {
  const titleHtml = html`<p class="title">${title}</p>`;
  const detailHtml = detail ? html`<p class="detail">${detail}</p>` : '';
  return html`<div class="notice ${kind}" role="note">${titleHtml}${detailHtml}</div>`;
}

/** A notice in place of a cell's output. */
function notice(kind: NoticeKind, title: string, detail?: string): SafeHtml {
  return html`<div class="output">${noticeBox(kind, title, detail)}</div>`;
}

async function renderChart(
  chart: Record<string, unknown>,
  context: CellContext,
): Promise<SafeHtml> {
  try {
    const svg = await renderChartSvg(chart, {
      locale: context.formatter.locale,
      currency: context.currency,
      idPrefix: context.idPrefix,
    });
    return html`<div class="chart">${trustedHtml(svg)}</div>`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return noticeBox(
      'failed',
      MESSAGES[context.formatter.locale].chartFailed,
      shortMessage(message),
    );
  }
}

export async function renderCell(
  cell: Cell,
  outcome: CellOutcome | undefined,
  context: CellContext,
): Promise<SafeHtml> {
  if (isHidden(cell)) return html``;
  const messages = MESSAGES[context.formatter.locale];
  const name = cell.name ?? cell.kind;
  if (!outcome) return notice('info', messages.notRun(name));
  if (outcome.status === 'blocked')
    return notice('blocked', messages.blockedBy(name, context.nameOf(outcome.blockedBy)));
  if (outcome.status === 'failed') {
    const { error } = outcome;
    if (error.kind === 'unavailable')
      return notice('info', messages.unavailable(name), shortMessage(error.message));
    // A question nobody has reviewed yet: the report waits for a person, it does not guess.
    if (error.kind === 'unpinned') return notice('info', messages.unpinned(name), error.hint);
    const detail = [shortMessage(error.message), error.hint].filter(Boolean).join(' ');
    return notice('failed', messages.failed(name), detail);
  }
  const caption = captionOf(cell);
  const parts: SafeHtml[] = [];
  if (outcome.chart) parts.push(await renderChart(outcome.chart, context));
  if (cell.kind !== 'chart') {
    const { result } = outcome;
    parts.push(
      cell.kind === 'recommend' && isActionTable(result)
        ? renderActions(result, context.formatter, outcome.summary)
        : isKpiResult(result)
          ? renderKpis(result, context.formatter)
          : renderTable(result, context.formatter),
    );
  }
  // A table taller than a page may break across pages; anything shorter stays in one piece.
  const long =
    cell.kind !== 'chart' && cell.kind !== 'recommend' && outcome.result.rowCount > LONG_TABLE_ROWS;
  const kind = `${outcome.chart ? 'chart-output' : 'result-output'}${long ? ' long' : ''}`;
  return html`<figure class="output ${kind}" data-cell="${name}">
    ${caption ? html`<figcaption class="caption">${caption}</figcaption>` : ''}${parts}
  </figure>`;
}
