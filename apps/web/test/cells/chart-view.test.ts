import { render, screen, waitFor } from '@testing-library/svelte';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  ChartSpecError,
  FALLBACK_COLORS,
  SERIES_COLORS,
  chartConfig,
  prepareChartSpec,
  readChartColors,
} from '#lib/cells/chart-spec.ts';

const embed = vi.hoisted(() => vi.fn());
vi.mock('vega-embed', async () => {
  const vegaModule = await import('vega');
  return { default: embed, vega: vegaModule };
});

// Imported after the mock so the component's dynamic import gets it.
const { default: ChartView } = await import('#lib/cells/ChartView.svelte');

const SPEC = {
  data: {
    values: [
      { date: '2026-11-01', platform: 'google_ads', spend: 1234.5 },
      { date: '2026-11-02', platform: 'meta', spend: 2500 },
    ],
  },
  mark: 'line',
  encoding: {
    x: { field: 'date', type: 'temporal' },
    y: { field: 'conversion_value', type: 'quantitative' },
    color: { field: 'platform', type: 'nominal', title: 'Platform' },
    tooltip: [{ field: 'spend' }],
  },
};

/** The SVG Vega draws for a prepared spec and config (no browser layout needed). */
async function svgOf(spec: Record<string, unknown>, config: Record<string, unknown>) {
  const { spec: vegaSpec } = compile(prepareChartSpec(spec) as unknown as TopLevelSpec, {
    config,
  });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

describe('chart spec preparation', () => {
  test('takes the container width, humanizes titles it does not set, keeps the rest', () => {
    const prepared = prepareChartSpec(SPEC);
    expect(prepared.width).toBe('container');
    expect(prepared.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
    const encoding = prepared.encoding as Record<string, Record<string, unknown>>;
    expect(encoding.y!.title).toBe('Conversion value');
    expect(encoding.color!.title).toBe('Platform');
    // Calendar dates are drawn in UTC, as in the HTML export.
    expect(encoding.x!.scale).toEqual({ type: 'utc' });
    expect(SPEC.encoding.x).toEqual({ field: 'date', type: 'temporal' }); // not mutated
    expect(prepareChartSpec({ ...SPEC, width: 320 }).width).toBe(320);
    expect(prepareChartSpec({ ...SPEC, width: 320 }).autosize).toBeUndefined();
  });

  test('refuses a spec without inlined rows, or with data by URL', () => {
    expect(() => prepareChartSpec({ ...SPEC, data: 'daily' })).toThrow(ChartSpecError);
    expect(() => prepareChartSpec({ mark: 'bar' })).toThrow(/no rows/);
    expect(() => prepareChartSpec({ ...SPEC, data: { url: 'https://example.org/x.csv' } })).toThrow(
      /no rows/,
    );
  });

  test('French charts use French number and month formats', async () => {
    const french = chartConfig({ theme: 'light', locale: 'fr', currency: 'EUR' });
    const locale = french.locale as { number: { decimal: string; thousands: string } };
    expect(locale.number.decimal).toBe(',');
    expect(locale.number.thousands).toMatch(/^\s$/u);
    const english = chartConfig({ theme: 'light', locale: 'en', currency: 'EUR' });
    expect((english.locale as typeof locale).number.decimal).toBe('.');

    const spec = {
      ...SPEC,
      width: 400,
      data: { values: [{ date: '2026-11-01', platform: 'meta', conversion_value: 12000 }] },
    };
    const frenchSvg = await svgOf(spec, french);
    expect(frenchSvg.replace(/\s/gu, ' ')).toMatch(/12 000/);
    expect(frenchSvg).toMatch(/nov\./);
    const englishSvg = await svgOf(spec, english);
    expect(englishSvg).toMatch(/12,000/);
  });

  test('theme colours: the accent leads the category range, guides follow the theme', () => {
    const light = chartConfig({ theme: 'light', locale: 'en', currency: 'EUR' });
    const dark = chartConfig({ theme: 'dark', locale: 'en', currency: 'EUR' });
    const categories = (config: Record<string, unknown>) =>
      (config.range as { category: string[] }).category;
    expect(categories(light)[0]).toBe(FALLBACK_COLORS.light.accent);
    expect(categories(dark)[0]).toBe(FALLBACK_COLORS.dark.accent);
    expect(categories(dark).slice(1)).toEqual(SERIES_COLORS.dark);
    expect((dark.axis as Record<string, string>).labelColor).toBe(FALLBACK_COLORS.dark.muted);
    expect((dark.title as Record<string, string>).color).toBe(FALLBACK_COLORS.dark.ink);
    expect(dark.background).toBe('transparent');

    const custom = { ...FALLBACK_COLORS.light, accent: '#123456' };
    const themed = chartConfig({ theme: 'light', locale: 'en', currency: 'EUR', colors: custom });
    expect(categories(themed)[0]).toBe('#123456');
    expect((themed.mark as Record<string, string>).color).toBe('#123456');
  });

  test('reads the theme from CSS variables, falling back per theme', () => {
    const element = document.createElement('div');
    element.style.setProperty('--accent', '#ff0000');
    document.body.append(element);
    const colors = readChartColors(element, 'dark');
    expect(colors.accent).toBe('#ff0000');
    expect(colors.surface).toBe(FALLBACK_COLORS.dark.surface);
    element.remove();
  });
});

describe('ChartView', () => {
  afterEach(() => embed.mockReset());

  test('embeds the prepared spec as SVG without actions, and finalizes it on destroy', async () => {
    const finalize = vi.fn();
    embed.mockResolvedValue({ finalize });
    const view = render(ChartView, { spec: SPEC, locale: 'fr', theme: 'dark' });
    await waitFor(() =>
      expect(screen.getByTestId('chart-view').dataset.status).toBe('chart-drawn'),
    );
    expect(embed).toHaveBeenCalledTimes(1);
    const [element, spec, options] = embed.mock.calls[0]!;
    expect(element).toBeInstanceOf(HTMLElement);
    expect(spec.width).toBe('container');
    expect(options).toMatchObject({ renderer: 'svg', actions: false });
    expect(options.config.locale.number.decimal).toBe(',');
    expect(options.config.range.category[0]).toBe(FALLBACK_COLORS.dark.accent);
    view.unmount();
    expect(finalize).toHaveBeenCalled();
  });

  test('redraws when the theme changes', async () => {
    const finalize = vi.fn();
    embed.mockResolvedValue({ finalize });
    const view = render(ChartView, { spec: SPEC, locale: 'en', theme: 'light' });
    await waitFor(() => expect(embed).toHaveBeenCalledTimes(1));
    await view.rerender({ spec: SPEC, locale: 'en', theme: 'dark' });
    await waitFor(() => expect(embed).toHaveBeenCalledTimes(2));
    expect(embed.mock.calls[1]![2].config.range.category).toContain(SERIES_COLORS.dark[0]);
    expect(finalize).toHaveBeenCalledTimes(1);
  });

  test('a spec that fails shows its message and a hint', async () => {
    embed.mockRejectedValue(new Error('Unrecognized data type "temporl" for field "date".'));
    render(ChartView, { spec: SPEC, locale: 'en', theme: 'light' });
    const box = await screen.findByTestId('chart-error');
    expect(box.textContent).toContain('Unrecognized data type');
    expect(box.textContent).toContain("Check the chart's fields");
  });

  test('a chart whose data has not run explains itself without calling Vega', async () => {
    render(ChartView, { spec: { ...SPEC, data: 'daily' }, locale: 'fr', theme: 'light' });
    const box = await screen.findByTestId('chart-error');
    expect(box.textContent).toContain('daily');
    expect(box.textContent).toContain('Vérifiez les champs');
    expect(embed).not.toHaveBeenCalled();
  });
});
