/**
 * Vega-Lite specs to static SVG, server-side: the report carries no JavaScript and opens
 * offline. The loader refuses every URL, so a spec cannot make the renderer fetch anything.
 */
import * as vega from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';
import { humanize } from './columns.ts';
import { chartLocale } from './chart-locale.ts';
import { prepareSpec } from './chart-spec.ts';
import { PALETTE } from './palette.ts';
import type { ReportLocale } from './messages.ts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1f2937';
const MUTED = '#6b7280';
const RULE = '#e5e7eb';

function theme(locale: ReportLocale, currency: string): Config {
  const guide = {
    labelColor: MUTED,
    titleColor: MUTED,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal' as const,
  };
  return {
    font: FONT,
    background: 'white',
    padding: 4,
    // Charts span the report's column: a discrete x (bars by platform) too, not 24 px a band.
    view: {
      stroke: null,
      continuousWidth: 640,
      continuousHeight: 240,
      discreteWidth: 640,
      step: 24,
    },
    range: { category: PALETTE },
    mark: { color: PALETTE[0] },
    line: { strokeWidth: 2 },
    point: { filled: true },
    bar: { cornerRadiusEnd: 2 },
    axis: {
      ...guide,
      gridColor: RULE,
      domainColor: '#cbd0d8',
      tickColor: '#cbd0d8',
      labelPadding: 4,
    },
    axisY: { domain: false, ticks: false, titlePadding: 8 },
    axisX: { grid: false },
    legend: { ...guide, orient: 'top', symbolType: 'circle', symbolSize: 70, title: null },
    title: { anchor: 'start', color: INK, fontSize: 14, fontWeight: 600, offset: 12 },
    locale: chartLocale(locale, currency),
  };
}

/**
 * A loader that refuses every URL: data is inlined, and images or links must not load.
 * `sanitize` answers "no URL" rather than rejecting: vega's SVG renderer does not handle a
 * rejected link (an unhandled rejection), and an empty href draws nothing.
 */
const offlineLoader: vega.Loader = {
  load: (uri) => Promise.reject(new Error(`A report chart cannot load ${uri}: inline the data.`)),
  sanitize: () => Promise.resolve({ href: '' }),
  http: (uri) => Promise.reject(new Error(`A report chart cannot fetch ${uri}.`)),
  file: (file) => Promise.reject(new Error(`A report chart cannot read ${file}.`)),
};

const PREFIXED_ID = /\bid="([^"]+)"/g;

/** Vega numbers clip paths and gradients per process: make ids unique per chart in a page. */
function scopeIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(PREFIXED_ID)].map((match) => match[1]!));
  if (ids.size === 0) return svg;
  return svg
    .replace(PREFIXED_ID, (_match, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (match, id: string) =>
      ids.has(id) ? `url(#${prefix}-${id})` : match,
    );
}

/**
 * Renders a Vega-Lite spec (data inlined as `values`) to an SVG string.
 *
 * @example await renderChartSvg(outcome.chart, { locale: 'fr', currency: 'EUR', idPrefix: 'chart-1' })
 */
export async function renderChartSvg(
  spec: Record<string, unknown>,
  options: { locale: ReportLocale; currency: string; idPrefix: string },
): Promise<string> {
  const copy = prepareSpec(spec);
  const silent = vega.logger(vega.None);
  // Vega logs dataflow errors instead of throwing them: collect them and fail the chart.
  const errors: string[] = [];
  const collect = vega.logger(vega.Error, 'error', (_method, _level, args) => {
    errors.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
  });
  const { spec: vegaSpec } = compile(copy as unknown as TopLevelSpec, {
    config: theme(options.locale, options.currency),
    logger: silent,
    fieldTitle: (fieldDef) =>
      fieldDef.field
        ? humanize(String(fieldDef.field))
        : humanize(fieldDef.aggregate === 'count' ? 'count' : ''),
  });
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: 'none',
    loader: offlineLoader,
    logger: collect,
  });
  try {
    const svg = await view.toSVG();
    if (errors[0] !== undefined) throw new Error(errors[0]);
    // Labels are escaped by vega, so `<` only starts real tags here.
    if (/<(script|foreignObject)|<[^>]*\s(href|xlink:href|on[a-z]+)=/i.test(svg)) {
      throw new Error(
        'The chart produced links or active content, which a static report cannot hold.',
      );
    }
    return scopeIds(svg, options.idPrefix);
  } finally {
    view.finalize();
  }
}
