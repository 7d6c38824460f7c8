import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { parse } from 'yaml';
import { describe, expect, test, vi } from 'vitest';
import ChartBuilder from '#lib/cells/ChartBuilder.svelte';
import { applyEdit, fieldType, readChart } from '#lib/cells/chart-yaml.ts';

const DAILY = [
  { name: 'date', type: 'DATE' },
  { name: 'platform', type: 'VARCHAR' },
  { name: 'spend', type: 'DECIMAL(18,2)' },
  { name: 'cpa', type: 'DOUBLE' },
  { name: 'conversions', type: 'BIGINT' },
];
const TOTALS = [
  { name: 'platform', type: 'VARCHAR' },
  { name: 'spend', type: 'DOUBLE' },
];
const SOURCES = [
  { name: 'daily', columns: DAILY },
  { name: 'by_platform', columns: TOTALS },
];

/** The weekly CMO notebook's chart, with keys the builder does not manage. */
const SPEND_TREND = `data: daily
title: Daily spend by platform
mark: { type: line, interpolate: monotone }
encoding:
  x: { field: date, type: temporal, title: null }
  y: { field: spend, type: quantitative, title: Spend }
  color: { field: platform, type: nominal, title: Platform }
  tooltip:
    - { field: spend, format: ",.2f" } # money
width: 480
config: { axis: { grid: false } }`;

function renderBuilder(body: string) {
  const onchange = vi.fn<(body: string) => void>();
  const view = render(ChartBuilder, { body, sources: SOURCES, onchange });
  const select = (testId: string) => screen.getByTestId(testId) as HTMLSelectElement;
  const lastBody = () => onchange.mock.lastCall?.[0] ?? '';
  return { view, onchange, select, lastBody };
}

async function choose(element: HTMLSelectElement, value: string) {
  element.value = value;
  await fireEvent.change(element);
}

describe('ChartBuilder', () => {
  test('shows the chart as read from its YAML', () => {
    const { select } = renderBuilder(SPEND_TREND);
    expect(select('chart-data').value).toBe('daily');
    expect(select('chart-mark').value).toBe('line');
    expect(select('chart-x').value).toBe('date');
    expect(select('chart-y').value).toBe('spend');
    expect(select('chart-color').value).toBe('platform');
    expect((screen.getByTestId('chart-title') as HTMLInputElement).value).toBe(
      'Daily spend by platform',
    );
    // Column pickers offer the chosen data cell's columns.
    expect([...select('chart-y').options].map((option) => option.value)).toEqual([
      '',
      ...DAILY.map((column) => column.name),
    ]);
  });

  test('building from scratch writes data, mark, fields with their types, and a title', async () => {
    const { view, onchange, select, lastBody } = renderBuilder('');
    await choose(select('chart-data'), 'by_platform');
    expect(lastBody()).toBe('data: by_platform\n');

    await view.rerender({ body: lastBody() });
    await choose(select('chart-mark'), 'bar');
    await view.rerender({ body: lastBody() });
    await choose(select('chart-x'), 'platform');
    await view.rerender({ body: lastBody() });
    await choose(select('chart-y'), 'spend');
    await view.rerender({ body: lastBody() });
    await fireEvent.input(screen.getByTestId('chart-title'), {
      target: { value: 'Spend by platform' },
    });

    expect(lastBody()).toBe(
      [
        'data: by_platform',
        'title: Spend by platform',
        'mark: bar',
        'encoding:',
        '  x: { field: platform, type: nominal }',
        '  y: { field: spend, type: quantitative }',
        '',
      ].join('\n'),
    );
    expect(onchange).toHaveBeenCalledTimes(5);
  });

  test('changing mark, y and colour keeps the keys it does not manage', async () => {
    const { view, select, lastBody } = renderBuilder(SPEND_TREND);
    await choose(select('chart-mark'), 'area');
    const marked = parse(lastBody());
    expect(marked.mark).toEqual({ type: 'area', interpolate: 'monotone' });

    await view.rerender({ body: lastBody() });
    await choose(select('chart-y'), 'cpa');
    await view.rerender({ body: lastBody() });
    await choose(select('chart-color'), '');
    const written = lastBody();
    const spec = parse(written);
    expect(spec.data).toBe('daily');
    expect(spec.encoding.y).toEqual({ field: 'cpa', type: 'quantitative' }); // old title dropped
    expect(spec.encoding.x).toEqual({ field: 'date', type: 'temporal', title: null });
    expect(spec.encoding.color).toBeUndefined();
    expect(spec.encoding.tooltip).toEqual([{ field: 'spend', format: ',.2f' }]);
    expect(spec.width).toBe(480);
    expect(spec.config).toEqual({ axis: { grid: false } });
    expect(written).toContain('# money');
    expect(written.endsWith('\n')).toBe(false); // cell bodies keep their own ending
  });

  test('dates become temporal, numbers quantitative, text nominal', async () => {
    const { select, lastBody } = renderBuilder('data: daily\nmark: line');
    await choose(select('chart-color'), 'platform');
    expect(parse(lastBody()).encoding.color).toEqual({ field: 'platform', type: 'nominal' });
    expect(fieldType({ name: 'at', type: 'TIMESTAMP WITH TIME ZONE' })).toBe('temporal');
    expect(fieldType({ name: 'n', type: 'BIGINT' })).toBe('quantitative');
  });

  test('an arc mark draws the y field as the angle and the x field as the colour', async () => {
    const { view, select, lastBody } = renderBuilder(
      'data: by_platform\nmark: bar\nencoding:\n  x: { field: platform, type: nominal }\n  y: { field: spend, type: quantitative }',
    );
    await choose(select('chart-mark'), 'arc');
    const pie = parse(lastBody());
    expect(pie.mark).toBe('arc');
    expect(pie.encoding).toEqual({
      theta: { field: 'spend', type: 'quantitative' },
      color: { field: 'platform', type: 'nominal' },
    });
    await view.rerender({ body: lastBody() });
    expect(select('chart-x').disabled).toBe(true);
    expect(select('chart-y').value).toBe('spend');
  });

  test('an unparsable body shows the parse error and is never overwritten', async () => {
    const broken = 'data: daily\nmark: [line\nencoding: {';
    const { onchange, select } = renderBuilder(broken);
    const alert = screen.getByTestId('chart-builder-error');
    expect(alert.textContent).toMatch(/cannot be read/);
    expect(alert.textContent).toMatch(/line 3/);
    expect(select('chart-mark').disabled).toBe(true);
    await choose(select('chart-mark'), 'bar');
    await fireEvent.input(screen.getByTestId('chart-title'), { target: { value: 'x' } });
    expect(onchange).not.toHaveBeenCalled();
  });

  test('a body that is not a mapping is refused the same way', () => {
    renderBuilder('- bar\n- line');
    expect(screen.getByTestId('chart-builder-error').textContent).toMatch(/YAML mapping/);
    expect(() => applyEdit('- bar', { type: 'set-title', title: 'x' }, [])).toThrow();
  });

  test('keeps a data cell it does not know and a field the data lacks', () => {
    const { select } = renderBuilder('data: later\nmark: bar\nencoding:\n  x: { field: region }');
    expect(select('chart-data').value).toBe('later');
    expect(select('chart-data').selectedOptions[0]!.textContent).toMatch(/not run yet/);
    expect(select('chart-x').value).toBe('region');
  });

  test('names a field the data lacks only once the data has columns', () => {
    const { select } = renderBuilder('data: daily\nmark: bar\nencoding:\n  x: { field: region }');
    expect(select('chart-x').selectedOptions[0]!.textContent).toMatch(/region \(not in the data\)/);
    cleanup();
    const unrun = render(ChartBuilder, {
      body: 'data: daily\nmark: bar\nencoding:\n  x: { field: region }',
      sources: [{ name: 'daily', columns: [] }],
      onchange: vi.fn(),
    });
    const x = unrun.getByTestId('chart-x') as HTMLSelectElement;
    expect(x.selectedOptions[0]!.textContent).toBe('region');
  });
});

describe('chart YAML', () => {
  test('reads a title written as a mapping, and writes into it', () => {
    const body = 'data: daily\ntitle: { text: Old, subtitle: Last week }\nmark: bar\n';
    const reading = readChart(body);
    expect(reading.type === 'chart-read' && reading.state.title).toBe('Old');
    const written = applyEdit(body, { type: 'set-title', title: 'New' }, []);
    expect(parse(written).title).toEqual({ text: 'New', subtitle: 'Last week' });
    expect(parse(applyEdit(body, { type: 'set-title', title: '' }, [])).title).toBeUndefined();
  });

  test('a mark written as a mapping keeps its settings, less interpolation on bars', () => {
    const body = 'mark: { type: line, interpolate: monotone, opacity: 0.8 }';
    expect(parse(applyEdit(body, { type: 'set-mark', mark: 'area' }, [])).mark).toEqual({
      type: 'area',
      interpolate: 'monotone',
      opacity: 0.8,
    });
    expect(parse(applyEdit(body, { type: 'set-mark', mark: 'bar' }, [])).mark).toEqual({
      type: 'bar',
      opacity: 0.8,
    });
  });

  test('a pie goes back to bars with y from theta', () => {
    const pie =
      'data: by_platform\nmark: arc\nencoding:\n  theta: { field: spend, type: quantitative }\n  color: { field: platform, type: nominal }\n';
    const bars = parse(applyEdit(pie, { type: 'set-mark', mark: 'bar' }, TOTALS));
    expect(bars.encoding.y).toEqual({ field: 'spend', type: 'quantitative' });
    expect(bars.encoding.x).toEqual({ field: 'platform', type: 'nominal' });
    expect(bars.encoding.theta).toBeUndefined();
  });
});
