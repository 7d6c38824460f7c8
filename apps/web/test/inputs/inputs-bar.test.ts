import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import type { InputDefinition } from '@baton/core/notebook';
import InputsBar from '#lib/inputs/InputsBar.svelte';

const today = new Date(Date.UTC(2026, 10, 27));

const inputs: InputDefinition[] = [
  { name: 'period', type: 'date_range', label: 'Period', default: 'last_28_days' },
  { name: 'platform', type: 'select', options: ['all', 'google_ads', 'meta'], default: 'all' },
  {
    name: 'channels',
    type: 'multi_select',
    label: 'Channels',
    options: ['search', 'social', 'video'],
  },
  { name: 'min_spend', type: 'number', label: 'Minimum spend', default: 100 },
  { name: 'as_of', type: 'date', label: 'As of' },
];

function setup(values: Record<string, string> = {}, locale: 'en' | 'fr' = 'en') {
  const onchange = vi.fn<(values: Record<string, string>) => void>();
  const view = render(InputsBar, { inputs, values, onchange, locale, today });
  return { onchange, ...view };
}

describe('InputsBar', () => {
  test('a preset is reported as its name, the other values kept', async () => {
    const { onchange } = setup({ platform: 'meta' });
    const preset = screen.getByTestId<HTMLSelectElement>('input-period-preset');
    expect(preset.value).toBe('last_28_days');
    await fireEvent.change(preset, { target: { value: 'last_7_days' } });
    expect(onchange).toHaveBeenLastCalledWith({ platform: 'meta', period: 'last_7_days' });
  });

  test('custom shows two dates prefilled from the preset, and reports start..end', async () => {
    const { onchange } = setup({ period: 'last_7_days' });
    expect(screen.queryByTestId('input-period-start')).toBeNull();
    await fireEvent.change(screen.getByTestId('input-period-preset'), {
      target: { value: 'custom' },
    });
    const start = screen.getByTestId<HTMLInputElement>('input-period-start');
    const end = screen.getByTestId<HTMLInputElement>('input-period-end');
    expect([start.value, end.value]).toEqual(['2026-11-20', '2026-11-26']);
    expect(onchange).toHaveBeenLastCalledWith({ period: '2026-11-20..2026-11-26' });

    await fireEvent.input(start, { target: { value: '2026-01-01' } });
    await fireEvent.change(start);
    await fireEvent.input(end, { target: { value: '2026-01-31' } });
    await fireEvent.change(end);
    expect(onchange).toHaveBeenLastCalledWith({ period: '2026-01-01..2026-01-31' });
  });

  test('an explicit range shows custom with its dates; a reversed range is flagged, not sent', async () => {
    const { onchange } = setup({ period: '2026-01-01..2026-01-31' });
    expect(screen.getByTestId<HTMLSelectElement>('input-period-preset').value).toBe('custom');
    const start = screen.getByTestId<HTMLInputElement>('input-period-start');
    expect(start.value).toBe('2026-01-01');
    await fireEvent.input(start, { target: { value: '2026-02-15' } });
    await fireEvent.change(start);
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('start date');
  });

  test('select, multi-select, number and date report their override strings', async () => {
    const { onchange } = setup();
    const select = screen.getByTestId<HTMLSelectElement>('input-platform');
    expect(select.value).toBe('all');
    await fireEvent.change(select, { target: { value: 'google_ads' } });
    expect(onchange).toHaveBeenLastCalledWith({ platform: 'google_ads' });

    // No value: every option is chosen; unticking one sends the others, comma-joined.
    const options = screen.getAllByTestId<HTMLInputElement>('input-channels-option');
    expect(options.map((option) => option.checked)).toEqual([true, true, true]);
    await fireEvent.click(options[1]!);
    expect(onchange).toHaveBeenLastCalledWith({ channels: 'search,video' });

    const number = screen.getByTestId<HTMLInputElement>('input-min_spend');
    expect(number.value).toBe('100');
    await fireEvent.change(number, { target: { value: '250' } });
    expect(onchange).toHaveBeenLastCalledWith({ min_spend: '250' });

    await fireEvent.change(screen.getByTestId('input-as_of'), { target: { value: '2026-03-01' } });
    expect(onchange).toHaveBeenLastCalledWith({ as_of: '2026-03-01' });
  });

  test('a multi-select value ticks exactly its options', () => {
    setup({ channels: 'social,video' });
    const options = screen.getAllByTestId<HTMLInputElement>('input-channels-option');
    expect(options.map((option) => option.checked)).toEqual([false, true, true]);
    expect(screen.getByTestId('input-channels').textContent).toContain('2 of 3');
  });

  test('labels in French; unlabelled inputs get their humanized name', () => {
    setup({}, 'fr');
    const preset = screen.getByTestId<HTMLSelectElement>('input-period-preset');
    const labels = [...preset.options].map((option) => option.textContent);
    expect(labels).toContain('7 derniers jours');
    expect(labels).toContain('Personnalisée');
    expect(screen.getByText('Platform')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Paramètres du rapport' })).toBeTruthy();
  });

  test('no inputs, no bar', () => {
    render(InputsBar, { inputs: [], values: {}, onchange: () => {}, locale: 'en' });
    expect(screen.queryByTestId('inputs-bar')).toBeNull();
  });
});

test("a click outside an open multi-select's list closes it", async () => {
  setup();
  const details = screen.getByTestId<HTMLDetailsElement>('input-channels');
  details.open = true;
  await fireEvent.click(screen.getAllByTestId('input-channels-option')[0]!);
  expect(details.open).toBe(true);
  await fireEvent.click(document.body);
  expect(details.open).toBe(false);
});
