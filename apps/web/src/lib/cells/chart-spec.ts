/**
 * What the chart view hands to vega-embed, as pure functions: the spec made ready to draw (the
 * HTML export's preparation, humanized axis titles, container width) and a Vega config from the
 * app's theme colours and the interface language, so a chart reads like the rest of Baton.
 */
import { chartLocale } from '@baton/core/report/chart-locale';
import { prepareSpec } from '@baton/core/report/chart-spec';
import { humanize } from '@baton/core/report/columns';
import { ACCENT, LIGHT_SERIES } from '@baton/core/report/palette';
import type { Locale } from '../preferences.svelte.ts';

export type ChartTheme = 'light' | 'dark';

/** The app's colours a chart uses, read from its CSS variables. */
export interface ChartColors {
  surface: string;
  ink: string;
  text: string;
  muted: string;
  line: string;
  accent: string;
}

/** app.css's values, for when the variables cannot be read (tests, a detached element). */
export const FALLBACK_COLORS: Record<ChartTheme, ChartColors> = {
  light: {
    surface: '#ffffff',
    ink: '#1f2a44',
    text: '#1c2230',
    muted: '#5d6678',
    line: '#e3e1da',
    accent: ACCENT,
  },
  dark: {
    surface: '#1a1f29',
    ink: '#e9e6dd',
    text: '#e6e8ee',
    muted: '#9aa3b5',
    line: '#2b3240',
    accent: '#f08a4b',
  },
};

/**
 * Series colours after the accent: distinct from each other and from the accent, and with
 * enough contrast on their theme's surface (lighter tones on dark).
 */
export const SERIES_COLORS: Record<ChartTheme, string[]> = {
  light: LIGHT_SERIES,
  dark: [
    '#7aa5f5',
    '#3cc4ad',
    '#b89cf0',
    '#f07fa8',
    '#6cc3ea',
    '#b8c85a',
    '#d8b487',
    '#aab2c2',
    '#93b4e8',
  ],
};

const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Reads the theme colours from an element's computed CSS variables, with the theme's fallbacks. */
export function readChartColors(element: Element, theme: ChartTheme): ChartColors {
  const style = getComputedStyle(element);
  const fallback = FALLBACK_COLORS[theme];
  const read = (name: keyof ChartColors) =>
    style.getPropertyValue(`--${name}`).trim() || fallback[name];
  return {
    surface: read('surface'),
    ink: read('ink'),
    text: read('text'),
    muted: read('muted'),
    line: read('line'),
    accent: read('accent'),
  };
}

/** The category range: the accent first, then the theme's series colours. */
export function categoryRange(colors: ChartColors, theme: ChartTheme): string[] {
  return [colors.accent, ...SERIES_COLORS[theme].filter((color) => color !== colors.accent)];
}

/**
 * A Vega-Lite config for the theme and language: transparent background on the app's surface,
 * guides in the muted ink, the accent first, and d3 number/time locales (`1 234,5` and
 * `27 nov.` in French) in `config.locale`, which Vega applies to this view only.
 */
export function chartConfig(options: {
  theme: ChartTheme;
  locale: Locale;
  currency: string;
  colors?: ChartColors;
}): Record<string, unknown> {
  const colors = options.colors ?? FALLBACK_COLORS[options.theme];
  const range = categoryRange(colors, options.theme);
  const guide = {
    labelColor: colors.muted,
    titleColor: colors.muted,
    labelFont: FONT,
    titleFont: FONT,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
  };
  return {
    font: FONT,
    background: 'transparent',
    padding: 4,
    view: { stroke: null, continuousHeight: 240, step: 24 },
    range: { category: range },
    mark: { color: colors.accent },
    line: { strokeWidth: 2 },
    point: { filled: true },
    bar: { cornerRadiusEnd: 2 },
    arc: { stroke: colors.surface, strokeWidth: 1 },
    axis: {
      ...guide,
      gridColor: colors.line,
      domainColor: colors.line,
      tickColor: colors.line,
      labelPadding: 4,
    },
    axisY: { domain: false, ticks: false, titlePadding: 8 },
    axisX: { grid: false },
    legend: { ...guide, orient: 'top', symbolType: 'circle', symbolSize: 70, title: null },
    title: {
      anchor: 'start',
      color: colors.ink,
      subtitleColor: colors.muted,
      font: FONT,
      fontSize: 14,
      fontWeight: 600,
      offset: 12,
    },
    header: { labelColor: colors.muted, titleColor: colors.muted },
    text: { color: colors.text },
    locale: chartLocale(options.locale, options.currency),
  };
}

type SpecNode = Record<string, unknown>;
const isNode = (value: unknown): value is SpecNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Channels whose field titles read better humanized, as in the HTML export. */
const TITLED_CHANNELS = new Set(['x', 'y', 'x2', 'y2', 'color', 'theta', 'size', 'shape']);

function humanizeTitles(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(humanizeTitles);
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data') continue; // the rows, not the spec
    if (key === 'encoding' && isNode(value)) {
      for (const [channel, definition] of Object.entries(value)) {
        if (!TITLED_CHANNELS.has(channel) || !isNode(definition) || 'title' in definition) continue;
        if (typeof definition.field === 'string') definition.title = humanize(definition.field);
        else if (definition.aggregate === 'count') definition.title = humanize('count');
      }
    }
    humanizeTitles(value);
  }
}

/** Why a spec cannot be drawn before Vega even sees it. */
export class ChartSpecError extends Error {
  readonly kind = 'invalid';
}

/**
 * The spec ready for vega-embed: a copy prepared like the HTML export's (calendar dates in UTC,
 * no links, no data by URL), with humanized titles and the container's width (axes included)
 * unless it sets one.
 * Throws a ChartSpecError when the spec carries no inlined rows.
 *
 * @example prepareChartSpec({ data: { values: rows }, mark: 'bar', encoding: { x: { field: 'platform' } } })
 */
export function prepareChartSpec(spec: Record<string, unknown>): Record<string, unknown> {
  if (!isNode(spec)) throw new ChartSpecError('The chart spec must be an object.');
  const data = spec.data;
  if (typeof data === 'string')
    throw new ChartSpecError(`The chart's data (${data}) has not been run yet.`);
  const composed = ['layer', 'concat', 'hconcat', 'vconcat', 'facet', 'repeat'].some(
    (key) => key in spec,
  );
  if (!composed && !(isNode(data) && Array.isArray(data.values)))
    throw new ChartSpecError('The chart has no rows: its data must name a cell that ran.');
  let copy: Record<string, unknown>;
  try {
    copy = prepareSpec(spec);
  } catch (error) {
    throw new ChartSpecError(error instanceof Error ? error.message : String(error));
  }
  humanizeTitles(copy);
  if (copy.width === undefined && !composed) copy.width = 'container';
  // Axes and legend inside the container's width, not beside it.
  if (copy.width === 'container' && copy.autosize === undefined)
    copy.autosize = { type: 'fit-x', contains: 'padding' };
  return copy;
}
