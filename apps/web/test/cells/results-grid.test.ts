import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { PageRequest, ResultPage } from '@baton/server';
import { describe, expect, test, vi } from 'vitest';
import ResultsGrid from '#lib/cells/ResultsGrid.svelte';
import { nextSort, visibleWindow, missingPages } from '#lib/cells/grid.ts';

const COLUMNS = [
  { name: 'day', type: 'DATE' },
  { name: 'campaign', type: 'VARCHAR' },
  { name: 'spend', type: 'DECIMAL(18,2)' },
  { name: 'clicks', type: 'BIGINT' },
];

/** A result of `total` rows, served page by page like the API (limit <= 500, clamped to cap). */
function fakeResult(total: number, cap = total) {
  const rowAt = (index: number): unknown[] => [
    '2026-11-01',
    index % 7 === 0 ? null : `Campaign ${index}`,
    1234.5 + index,
    index,
  ];
  const serve = (request: PageRequest): ResultPage => {
    const end = Math.min(request.offset + request.limit, cap, total);
    const indices = Array.from(
      { length: Math.max(0, end - request.offset) },
      (_, i) => i + request.offset,
    );
    if (request.sort?.order === 'desc')
      indices.forEach((_, i) => (indices[i] = total - 1 - indices[i]!));
    return {
      columns: COLUMNS,
      rows: indices.map(rowAt),
      offset: request.offset,
      totalRows: total,
      cap,
      ...(request.sort ? { sort: request.sort } : {}),
    };
  };
  const loadPage = vi.fn(async (request: PageRequest) => serve(request));
  return { first: serve({ offset: 0, limit: 500 }), loadPage };
}

function renderedRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.dataset.row !== undefined);
}

describe('ResultsGrid', () => {
  test('draws only a window of a 10 000-row result, with a spacer for the rest', () => {
    const { first, loadPage } = fakeResult(10_000);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    const rows = renderedRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-rowindex')).toBe('2');
    const body = grid.querySelector<HTMLElement>('.body')!;
    expect(body.style.height).toBe(`${10_000 * 32}px`);
    expect(loadPage).not.toHaveBeenCalled(); // the first page covers the view
  });

  test('asks loadPage for the next page when scrolled, then shows its rows', async () => {
    const { first, loadPage } = fakeResult(10_000);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const grid = screen.getByRole('grid');
    grid.scrollTop = 600 * 32; // row 600: page 1 (rows 500-999)
    await fireEvent.scroll(grid);
    await waitFor(() => expect(loadPage).toHaveBeenCalledWith({ offset: 500, limit: 500 }));
    await waitFor(() => expect(screen.getByText('Campaign 601')).toBeTruthy());
    const rows = renderedRows();
    expect(rows.length).toBeLessThan(40);
    expect(Number(rows[0]!.dataset.row)).toBeGreaterThan(580);
    // Loaded pages are cached: scrolling back and forth asks nothing more.
    grid.scrollTop = 0;
    await fireEvent.scroll(grid);
    grid.scrollTop = 600 * 32;
    await fireEvent.scroll(grid);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(loadPage).toHaveBeenCalledTimes(1);
  });

  test('shows placeholders for rows still loading', async () => {
    const { first } = fakeResult(10_000);
    const loadPage = vi.fn(() => new Promise<ResultPage>(() => {}));
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const grid = screen.getByRole('grid');
    grid.scrollTop = 3000 * 32;
    await fireEvent.scroll(grid);
    await waitFor(() =>
      expect(grid.querySelectorAll('[aria-busy="true"]').length).toBeGreaterThan(0),
    );
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading rows/);
  });

  test('scrolling past pages without pausing fetches only where it stops', async () => {
    const { first, loadPage } = fakeResult(10_000);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const grid = screen.getByRole('grid');
    for (const row of [1000, 2500, 4000, 6000, 9990]) {
      grid.scrollTop = row * 32;
      await fireEvent.scroll(grid);
    }
    await waitFor(() => expect(loadPage).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(loadPage.mock.calls.map(([request]) => request.offset)).toEqual([9500]);
  });

  test('a header click sorts on the server: asc, desc, then none', async () => {
    const { first, loadPage } = fakeResult(10_000);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const header = screen
      .getAllByRole('columnheader')
      .find((cell) => cell.textContent?.includes('clicks'))!;
    expect(header.getAttribute('aria-sort')).toBe('none');

    await fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(loadPage).toHaveBeenLastCalledWith({
        offset: 0,
        limit: 500,
        sort: { column: 'clicks', order: 'asc' },
      }),
    );
    expect(header.getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(within(header).getByRole('button'));
    await waitFor(() =>
      expect(loadPage).toHaveBeenLastCalledWith({
        offset: 0,
        limit: 500,
        sort: { column: 'clicks', order: 'desc' },
      }),
    );
    expect(header.getAttribute('aria-sort')).toBe('descending');
    // The sorted page is shown: row 1 is the last row of the unsorted result.
    await waitFor(() => expect(screen.getByText('Campaign 9999')).toBeTruthy());
    expect(renderedRows()[0]!.textContent).toContain('Campaign 9999');

    await fireEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(loadPage).toHaveBeenLastCalledWith({ offset: 0, limit: 500 }));
    expect(header.getAttribute('aria-sort')).toBe('none');
    await waitFor(() => expect(renderedRows()[0]!.textContent).toContain('€1,234.50'));
  });

  test('formats values for the locale: numbers right-aligned, money, dates, muted nulls', () => {
    const { first, loadPage } = fakeResult(1234);
    const english = render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR' });
    const englishRow = renderedRows()[1]!; // index 1
    expect(englishRow.textContent).toContain('€1,235.50');
    expect(englishRow.textContent).toContain('1 Nov 2026');
    expect(screen.getByTestId('row-count').textContent?.trim()).toBe('1,234 rows');
    const numeric = within(englishRow).getAllByRole('gridcell')[2]!;
    expect(numeric.classList.contains('numeric')).toBe(true);
    const nullCell = within(renderedRows()[0]!).getAllByRole('gridcell')[1]!;
    expect(nullCell.querySelector('.null')?.textContent).toBe('—');
    english.unmount();

    render(ResultsGrid, { page: first, loadPage, locale: 'fr', currency: 'EUR' });
    const frenchRow = renderedRows()[1]!;
    expect(frenchRow.textContent?.replace(/\s/g, ' ')).toContain('1 235,50 €');
    expect(frenchRow.textContent).toContain('1 nov. 2026');
    expect(screen.getByTestId('row-count').textContent?.trim().replace(/\s/g, ' ')).toBe(
      '1 234 lignes',
    );
  });

  test('says when the browser shows only the first `cap` rows, and how to narrow', () => {
    const { first, loadPage } = fakeResult(52_310, 10_000);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR' });
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    const note = screen.getByTestId('cap-note').textContent ?? '';
    expect(note).toContain('first 10,000 rows of 52,310');
    expect(note).toMatch(/where clause or a limit/);
    expect(screen.getByTestId('row-count').textContent?.trim()).toBe('52,310 rows');
  });

  test('no cap note when the whole result fits', () => {
    const { first, loadPage } = fakeResult(20);
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR' });
    expect(screen.queryByTestId('cap-note')).toBeNull();
  });

  test('an empty result shows a friendly empty state', () => {
    const { first, loadPage } = fakeResult(0);
    render(ResultsGrid, { page: first, loadPage, locale: 'fr', currency: 'EUR' });
    expect(screen.getByTestId('results-empty').textContent).toContain('Aucune ligne');
    expect(screen.getByTestId('row-count').textContent?.trim()).toBe('0 ligne');
  });

  test('a failed page says why and retries on demand', async () => {
    const { first } = fakeResult(2000);
    const loadPage = vi
      .fn<(request: PageRequest) => Promise<ResultPage>>()
      .mockRejectedValueOnce(new Error('The result expired: run the cell again.'))
      .mockImplementation(async (request) => fakeResult(2000).loadPage(request));
    render(ResultsGrid, { page: first, loadPage, locale: 'en', currency: 'EUR', height: 400 });
    const grid = screen.getByRole('grid');
    grid.scrollTop = 1200 * 32;
    await fireEvent.scroll(grid);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The result expired');
    await fireEvent.click(within(alert).getByRole('button'));
    await waitFor(() => expect(screen.getByText('Campaign 1201')).toBeTruthy());
    expect(loadPage).toHaveBeenCalledTimes(2);
  });
});

describe('grid arithmetic', () => {
  test('header clicks cycle asc → desc → none, and another column starts at asc', () => {
    expect(nextSort(undefined, 'spend')).toEqual({ column: 'spend', order: 'asc' });
    expect(nextSort({ column: 'spend', order: 'asc' }, 'spend')).toEqual({
      column: 'spend',
      order: 'desc',
    });
    expect(nextSort({ column: 'spend', order: 'desc' }, 'spend')).toBeUndefined();
    expect(nextSort({ column: 'spend', order: 'desc' }, 'day')).toEqual({
      column: 'day',
      order: 'asc',
    });
  });

  test('the window covers the viewport plus overscan, clamped to the rows', () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 320, rowCount: 10_000 })).toEqual({
      start: 0,
      end: 18,
    });
    expect(visibleWindow({ scrollTop: 9_990 * 32, viewportHeight: 320, rowCount: 10_000 })).toEqual(
      { start: 9_982, end: 10_000 },
    );
    expect(missingPages(490, 510, (row) => row < 500)).toEqual([1]);
  });
});
