import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { CellError, CellView } from '@baton/server';
import { parseCellSpec, parseNotebook } from '@baton/core/notebook';
import { afterEach, describe, expect, test, vi } from 'vitest';
import AskCardHarness from './AskCardHarness.svelte';
import type { EditorClient } from '#lib/editor/client.ts';
import { cellSignature } from '#lib/editor/run-status.ts';
import { EditorSession } from '#lib/editor/session.svelte.ts';
import { preferences } from '#lib/preferences.svelte.ts';

// Monaco does not run in jsdom: its editors stay on their plain-text placeholder.
vi.mock('#lib/editor/monaco.ts', () => ({
  loadMonaco: () => new Promise(() => {}),
  monacoTheme: (dark: boolean) => (dark ? 'baton-dark' : 'baton-light'),
  setCompletionSources: () => {},
}));

const QUESTION = 'spend by platform last month';
const DRAFT = [
  'select platform, sum(spend) as spend',
  'from campaign_daily',
  "where date between date '2026-03-01' and date '2026-03-31'",
  'group by platform',
  'order by spend desc',
].join('\n');

const notebookWith = (body: string) =>
  `---\ntitle: Asks\n---\n\n\`\`\`ask question_1\n${body}\n\`\`\`\n`;

afterEach(() => preferences.setLocale('en'));

/** A session on a notebook with one ask cell, its last run as given, and the card rendered. */
function setUp(
  body: string,
  last?: { outcome?: CellView['ask']; error?: CellError; ranBody?: string },
) {
  const session = new EditorSession('asks', {} as EditorClient);
  session.text = notebookWith(body);
  const cell = session.notebook.cells[0]!;
  const ran = { ...cell, body: last?.ranBody ?? body };
  if (last) {
    session.run = {
      running: false,
      runId: 'r1',
      pending: {},
      pendingInputsKey: session.inputsKey,
      cells: {
        question_1: {
          status: last.error ? 'failed' : 'finished',
          signature: cellSignature(ran),
          inputsKey: session.inputsKey,
          runId: 'r1',
          ...(last.error ? { error: last.error } : { totalRows: 2, durationMs: 12 }),
        },
      },
    };
  }
  if (last?.outcome) {
    session.results = {
      question_1: {
        type: 'result-ready',
        runId: 'r1',
        view: {
          cellId: 'question_1',
          name: 'question_1',
          kind: 'ask',
          status: 'finished',
          page: {
            columns: [
              { name: 'platform', type: 'VARCHAR' },
              { name: 'spend', type: 'DOUBLE' },
            ],
            rows: [
              ['google_ads', 1200.5],
              ['meta', 800],
            ],
            offset: 0,
            totalRows: 2,
            cap: 10_000,
          },
          ask: last.outcome,
        },
      },
    };
  }
  const onrun = vi.fn();
  const view = render(AskCardHarness, { session, locale: preferences.locale, onrun });
  return { session, onrun, view };
}

const bodyOf = (session: EditorSession) => session.notebook.cells[0]!.body;
const question = () => screen.getByTestId('ask-question') as HTMLTextAreaElement;

describe('ask cell', () => {
  test('shows the question in a one-line field, not the YAML; the toggle opens the YAML', async () => {
    setUp(`question: ${QUESTION}`);
    expect(question().value).toBe(QUESTION);
    expect(question().rows).toBe(1);
    expect(screen.queryByLabelText('Cell settings (YAML)')).toBeNull();
    expect(screen.getByTestId('ask-not-run').textContent).toContain('Run the notebook');
    await fireEvent.click(screen.getByTestId('ask-yaml-toggle'));
    const yaml = screen.getByLabelText('Cell settings (YAML)') as HTMLTextAreaElement;
    expect(yaml.value).toBe(`question: ${QUESTION}`);
    expect(screen.getByTestId('ask-yaml-toggle').getAttribute('aria-expanded')).toBe('true');
  });

  test('typing edits the question in the body; Enter runs the notebook', async () => {
    const { session, onrun } = setUp('# for the CMO\nquestion: old question # note');
    await fireEvent.input(question(), { target: { value: QUESTION } });
    expect(bodyOf(session)).toBe(`# for the CMO\nquestion: ${QUESTION} # note`);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    question().dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(onrun).toHaveBeenCalledTimes(1);
    // Ctrl+Enter is left to the editor's own shortcut (which runs the notebook once).
    const ctrlEnter = new KeyboardEvent('keydown', {
      key: 'Enter',
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
    });
    question().dispatchEvent(ctrlEnter);
    expect(ctrlEnter.defaultPrevented).toBe(false);
    expect(onrun).toHaveBeenCalledTimes(1);
  });

  test('a space typed at the end is not written (no quoting), and stays in the field', async () => {
    const { session } = setUp('question: spend');
    await fireEvent.input(question(), { target: { value: 'spend ' } });
    expect(bodyOf(session)).toBe('question: spend');
    expect(question().value).toBe('spend ');
    await fireEvent.input(question(), { target: { value: 'spend by' } });
    expect(bodyOf(session)).toBe('question: spend by');
  });

  test('a draft shows what was understood, the engine, the SQL, the result and Accept', () => {
    setUp(`question: ${QUESTION}`, {
      outcome: {
        sql: DRAFT,
        pinned: false,
        understood: 'Spend by platform, 1–31 March 2026',
        engine: 'builtin',
      },
    });
    const draft = screen.getByTestId('ask-draft');
    expect(draft.textContent).toContain('Draft — not pinned');
    expect(draft.textContent).toContain('Readers never see a draft');
    expect(screen.getByTestId('ask-understood').textContent).toBe(
      'Spend by platform, 1–31 March 2026',
    );
    expect(screen.getByTestId('ask-engine').textContent).toBe('the built-in engine');
    expect(within(draft).getByTestId('ask-sql').textContent).toBe(DRAFT);
    expect(screen.getByTestId('results-grid').textContent).toContain('google_ads');
    expect(screen.getByTestId('ask-accept').textContent?.trim()).toBe('Accept SQL');
    expect(screen.queryByTestId('ask-pinned')).toBeNull();
    expect(screen.getByTestId('cell').dataset.status).toBe('fresh');
  });

  test('a model’s draft names the model', () => {
    setUp(`question: ${QUESTION}`, {
      outcome: { sql: DRAFT, pinned: false, understood: 'x', engine: 'openai:gpt-5-mini' },
    });
    expect(screen.getByTestId('ask-engine').textContent).toBe('the model openai:gpt-5-mini');
  });

  test('Accept pins the exact SQL as a block scalar, question and comments kept; the result stays fresh', async () => {
    const body = `# asked on Monday\nquestion: ${QUESTION} # March`;
    const { session } = setUp(body, {
      outcome: { sql: DRAFT, pinned: false, understood: 'x', engine: 'builtin' },
    });
    await fireEvent.click(screen.getByTestId('ask-accept'));
    const pinned = bodyOf(session);
    expect(pinned).toMatch(
      /^# asked on Monday\nquestion: spend by platform last month # March\nsql: \|/,
    );
    const cell = parseNotebook(session.text).notebook.cells[0]!;
    expect(parseCellSpec(cell)).toEqual({
      spec: { question: QUESTION, sql: DRAFT },
      diagnostics: [],
    });
    // The draft gives way to the pinned SQL; the result came from that very SQL.
    expect(screen.queryByTestId('ask-draft')).toBeNull();
    expect(screen.getByTestId('ask-pinned').textContent).toContain('Pinned SQL');
    expect(screen.getByTestId('sql-editor').textContent).toBe(DRAFT);
    expect(screen.getByTestId('cell').dataset.status).toBe('fresh');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('ask-unpin')));
  });

  test('a draft of an earlier question cannot be accepted', async () => {
    setUp(`question: ${QUESTION}`, {
      outcome: { sql: DRAFT, pinned: false, understood: 'x', engine: 'builtin' },
    });
    await fireEvent.input(question(), { target: { value: 'clicks by campaign' } });
    expect(screen.getByTestId('ask-draft-outdated').textContent).toContain(QUESTION);
    expect((screen.getByTestId('ask-accept') as HTMLButtonElement).disabled).toBe(true);
  });

  test('pinned SQL shows in the SQL editor; Unpin removes sql and keeps the question', async () => {
    const { session } = setUp(`question: ${QUESTION} # kept\nsql: |-\n  select 1\n  from t`);
    const pinned = screen.getByTestId('ask-pinned');
    expect(pinned.textContent).toContain('Pinned SQL');
    expect(within(pinned).getByTestId('sql-editor').textContent).toBe('select 1\nfrom t');
    expect(screen.queryByTestId('ask-question-changed')).toBeNull();
    await fireEvent.click(screen.getByTestId('ask-unpin'));
    expect(bodyOf(session)).toBe(`question: ${QUESTION} # kept`);
    expect(screen.queryByTestId('ask-pinned')).toBeNull();
    expect(screen.getByTestId('ask-not-run')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(question()));
  });

  test('a question changed under pinned SQL gets a note with Unpin next to it', async () => {
    const { session } = setUp(`question: ${QUESTION}\nsql: |\n  select 1`);
    await fireEvent.input(question(), { target: { value: 'clicks by campaign last week' } });
    const note = screen.getByTestId('ask-question-changed');
    expect(note.textContent).toContain(
      `the pinned SQL answers the earlier question, “${QUESTION}”`,
    );
    await fireEvent.click(within(note).getByTestId('ask-unpin'));
    expect(bodyOf(session)).toBe('question: clicks by campaign last week');
  });

  test('a refusal shows why and each suggestion as a button that asks it and runs', async () => {
    const { session, onrun } = setUp('question: why did sales drop', {
      error: {
        kind: 'unanswerable',
        message:
          'I cannot explain causes. I understood: conversions, no period. Ask for a metric by a breakdown over a period.',
        hint: 'Questions it can answer: “Conversions by platform last month”, “Conversions by week over the last 8 weeks”.',
      },
    });
    const refusal = screen.getByTestId('ask-refusal');
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(refusal.textContent).toContain('This question could not be answered');
    expect(refusal.textContent).toContain('I cannot explain causes.');
    const buttons = within(refusal).getAllByTestId('ask-suggestion');
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      'Conversions by platform last month',
      'Conversions by week over the last 8 weeks',
    ]);
    // The refusal is shown once, in the ask cell, not again as a generic cell error.
    expect(screen.queryByTestId('cell-error')).toBeNull();
    await fireEvent.click(buttons[0]!);
    expect(bodyOf(session)).toBe('question: Conversions by platform last month');
    expect(onrun).toHaveBeenCalledTimes(1);
  });

  test('other errors stay readable cell errors', () => {
    setUp(`question: ${QUESTION}\nsql: |-\n  select nope`, {
      error: {
        kind: 'query',
        message: 'Binder Error: column "nope" not found',
        hint: 'Check the column names.',
      },
    });
    expect(screen.getByTestId('cell-error').textContent).toContain('column "nope" not found');
    expect(screen.queryByTestId('ask-refusal')).toBeNull();
  });

  test('YAML that does not parse opens the YAML editor with the problem', () => {
    setUp('question: [unclosed');
    expect(screen.getByTestId('ask-unreadable').textContent).toContain('cannot be read');
    expect(screen.getByLabelText('Cell settings (YAML)')).toBeTruthy();
    expect(screen.queryByTestId('ask-question')).toBeNull();
  });

  test('speaks French', () => {
    preferences.setLocale('fr');
    setUp(`question: ${QUESTION}`, {
      outcome: { sql: DRAFT, pinned: false, understood: 'x', engine: 'builtin' },
    });
    expect(screen.getByTestId('ask-draft').textContent).toContain('Brouillon — non épinglé');
    expect(screen.getByTestId('ask-accept').textContent?.trim()).toBe('Accepter le SQL');
    expect(screen.getByTestId('ask-engine').textContent).toBe('le moteur intégré');
    expect(screen.getByTestId('ask-yaml-toggle').textContent?.trim()).toBe('Modifier le YAML');
  });
});

describe('accepting in the session', () => {
  test('an unnamed ask cell keeps its fresh result under its new id', () => {
    const session = new EditorSession('asks', {} as EditorClient);
    session.text = '```ask\nquestion: spend by platform\n```\n';
    const cell = session.notebook.cells[0]!;
    session.run = {
      running: false,
      runId: 'r1',
      pending: {},
      pendingInputsKey: session.inputsKey,
      cells: {
        [cell.id]: {
          status: 'finished',
          signature: cellSignature(cell),
          inputsKey: session.inputsKey,
          runId: 'r1',
        },
      },
    };
    const key = session.keyOf(cell.id);
    expect(session.acceptAsk(cell.id, DRAFT)).toBeUndefined();
    const pinned = session.notebook.cells[0]!;
    expect(pinned.id).not.toBe(cell.id);
    expect(session.keyOf(pinned.id)).toBe(key);
    expect(session.statuses[pinned.id]).toBe('fresh');
    expect(parseCellSpec(pinned)).toMatchObject({ spec: { sql: DRAFT } });
  });

  test('a stale draft stays stale once accepted', () => {
    const session = new EditorSession('asks', {} as EditorClient);
    session.text = '```ask q\nquestion: spend by platform\n```\n';
    session.run = {
      running: false,
      runId: 'r1',
      pending: {},
      pendingInputsKey: session.inputsKey,
      cells: {
        q: { status: 'finished', signature: 'older', inputsKey: session.inputsKey, runId: 'r1' },
      },
    };
    session.acceptAsk('q', DRAFT);
    expect(session.statuses.q).toBe('stale');
  });
});
