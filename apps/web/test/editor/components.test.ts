import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, test, vi } from 'vitest';
import AddMenu from '#lib/editor/AddMenu.svelte';
import CellCard from '#lib/editor/CellCard.svelte';
import { EditorSession } from '#lib/editor/session.svelte.ts';
import type { EditorClient } from '#lib/editor/client.ts';

describe('add menu', () => {
  test('offers every kind under its test id and reports the choice', async () => {
    const onadd = vi.fn();
    render(AddMenu, { testid: 'add-cell', label: 'Add a cell', onadd });
    await fireEvent.click(screen.getByTestId('add-cell'));
    for (const kind of ['sql', 'chart', 'prose', 'ask', 'check', 'recommend']) {
      expect(screen.getByTestId(`add-cell-${kind}`)).toBeTruthy();
    }
    await fireEvent.click(screen.getByTestId('add-cell-check'));
    expect(onadd).toHaveBeenCalledWith('check');
    expect(screen.queryByTestId('add-cell-sql')).toBeNull();
  });
});

describe('cell card', () => {
  test('an unavailable cell kind shows a readable notice, status and actions', async () => {
    const session = new EditorSession('weekly', {} as EditorClient);
    session.text = '```sql daily\nselect 1\n```\n\n```ask question_1\nquestion: why?\n```\n';
    session.run = {
      running: false,
      pending: {},
      pendingInputsKey: session.inputsKey,
      cells: {
        question_1: {
          status: 'failed',
          signature: JSON.stringify(['ask', 'question_1', {}, 'question: why?']),
          inputsKey: session.inputsKey,
          runId: 'r1',
          error: { kind: 'unavailable', message: 'Ask cells are not available yet.' },
        },
      },
    };
    const cell = session.notebook.cells[1]!;
    render(CellCard, {
      session,
      cell,
      position: 1,
      count: 2,
      dark: false,
      locale: 'en',
      onrun: () => {},
    });
    const card = screen.getByTestId('cell');
    expect(card.dataset).toMatchObject({ cellId: 'question_1', cellKind: 'ask', status: 'error' });
    expect(screen.getByTestId('cell-error').textContent).toContain('Not available yet');
    expect(screen.getByTestId('cell-error').textContent).toContain(
      'Ask cells are not available yet.',
    );
    expect((screen.getByTestId('cell-move-down') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('cell-move-up'));
    expect(session.notebook.cells.map((c) => c.id)).toEqual(['question_1', 'daily']);
  });
});
