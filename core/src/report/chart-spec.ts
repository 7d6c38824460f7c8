/**
 * Rewrites a chart spec for a static, offline report before Vega-Lite compiles it: data must be
 * inlined, links are dropped, and DuckDB's calendar dates are drawn in UTC with locale-friendly
 * axis labels.
 */
import { temporalAxisFormat } from './chart-locale.ts';

type SpecNode = Record<string, unknown>;

const isNode = (value: unknown): value is SpecNode => typeof value === 'object' && value !== null;

/** Visits every object of a spec (not the data rows), with the key it sits under. */
function visit(node: unknown, callback: (node: SpecNode, key: string) => void, key = ''): void {
  if (Array.isArray(node)) return node.forEach((item) => visit(item, callback, key));
  if (!isNode(node)) return;
  callback(node, key);
  for (const [childKey, value] of Object.entries(node))
    if (childKey !== 'values') visit(value, callback, childKey);
}

/** Days between the first and last date of a field in the spec's inlined rows. */
function spanDays(spec: SpecNode, field: string): number | undefined {
  const rows =
    isNode(spec.data) && Array.isArray(spec.data.values) ? (spec.data.values as unknown[]) : [];
  const times = rows
    .map((row) => (isNode(row) ? Date.parse(String(row[field])) : NaN))
    .filter(Number.isFinite);
  return times.length === 0 ? undefined : (Math.max(...times) - Math.min(...times)) / 86_400_000;
}

/**
 * DuckDB dates are calendar days ('2026-11-27'), which Vega parses as UTC midnight; on a
 * local-time scale they shift by a day west of UTC. So temporal fields use UTC scales and time
 * units, and x/y axes without a format get day-first labels ("3 Nov").
 */
function drawDatesInUtc(spec: SpecNode, node: SpecNode, key: string): void {
  if (node.type !== 'temporal' || typeof node.field !== 'string') return;
  if (typeof node.timeUnit === 'string') {
    if (!node.timeUnit.startsWith('utc')) node.timeUnit = `utc${node.timeUnit}`;
    return; // Vega-Lite labels time units itself ("Nov 2026")
  }
  if (isNode(node.timeUnit)) {
    node.timeUnit = { ...node.timeUnit, utc: true };
    return;
  }
  if (node.scale !== null && (!isNode(node.scale) || node.scale.type === undefined)) {
    node.scale = { ...(isNode(node.scale) ? node.scale : {}), type: 'utc' };
  }
  if (
    (key === 'x' || key === 'y') &&
    node.axis !== null &&
    !(isNode(node.axis) && node.axis.format !== undefined)
  ) {
    node.axis = {
      ...(isNode(node.axis) ? node.axis : {}),
      format: temporalAxisFormat(spanDays(spec, node.field)),
    };
  }
}

/** A copy of `spec` ready to compile; throws when it asks for data by URL. */
export function prepareSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(spec);
  delete copy.$schema;
  visit(copy, (node, key) => {
    if (key === 'data' && node.url !== undefined) {
      throw new Error(
        `A report chart draws inlined data only; it cannot load ${String(node.url)}.`,
      );
    }
    // A static report has nothing to click.
    if (key === 'encoding' || key === 'mark') delete node.href;
    drawDatesInUtc(copy, node, key);
  });
  return copy;
}
