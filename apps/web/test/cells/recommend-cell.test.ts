import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { ResultPage } from '@baton/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import AskCardHarness from './AskCardHarness.svelte';
import type { EditorClient } from '#lib/editor/client.ts';
import { cellSignature } from '#lib/editor/run-status.ts';
import { EditorSession } from '#lib/editor/session.svelte.ts';
import {
  figureText,
  freeEvidenceName,
  readActions,
  readEvidence,
} from '#lib/cells/recommend-actions.ts';
import { formatterFor } from '#lib/format.ts';
import { preferences } from '#lib/preferences.svelte.ts';

// Monaco does not run in jsdom: its editors stay on their plain-text placeholder.
vi.mock('#lib/editor/monaco.ts', () => ({
  loadMonaco: () => new Promise(() => {}),
  monacoTheme: (dark: boolean) => (dark ? 'baton-dark' : 'baton-light'),
  setCompletionSources: () => {},
}));

afterEach(() => preferences.setLocale('en'));

/** The columns of core's `actionTable`, in its order. */
const COLUMNS = [
  ['priority', 'INTEGER'],
  ['type', 'VARCHAR'],
  ['platform', 'VARCHAR'],
  ['campaign_id', 'VARCHAR'],
  ['campaign_name', 'VARCHAR'],
  ['ad_name', 'VARCHAR'],
  ['reason', 'VARCHAR'],
  ['impact_metric', 'VARCHAR'],
  ['impact_low', 'DOUBLE'],
  ['impact_mid', 'DOUBLE'],
  ['impact_high', 'DOUBLE'],
  ['impact_days', 'INTEGER'],
  ['confidence', 'DOUBLE'],
  ['evidence', 'VARCHAR'],
].map(([name, type]) => ({ name: name!, type: type! }));

const RAISE_SQL = `select date, sum(spend) as spend
from campaign_daily
where "platform" = 'google_ads' and "campaign_id" = 'g-1' and date between date '2026-03-15' and date '2026-03-28'
group by date order by date`;
const SETTINGS_SQL = `select platform, campaign_id, daily_budget
from campaigns
where "platform" = 'google_ads' and "campaign_id" = 'g-1'`;

const raise = [
  1,
  'raise_budget',
  'google_ads',
  'g-1',
  'Search - Generic',
  null,
  'Capped on 6 of the last 7 days at a daily budget of 120; CPA of 18.4 against a target of 30.9.',
  'conversions',
  12.4,
  20,
  31.6,
  14,
  0.72,
  JSON.stringify([
    {
      label: 'Last 14 complete days',
      table: 'campaign_daily',
      start: '2026-03-15',
      end: '2026-03-28',
      filter: { platform: 'google_ads', campaign_id: 'g-1' },
      values: { cpa: 18.4, days: 14, raise_pct: 30, spend: 2264.5 },
      sql: RAISE_SQL,
    },
    {
      label: 'Budget settings',
      table: 'campaigns',
      start: '',
      end: '',
      filter: { platform: 'google_ads', campaign_id: 'g-1' },
      values: { daily_budget: 120 },
      sql: SETTINGS_SQL,
    },
  ]),
];
const anomaly = [
  2,
  'investigate_anomaly',
  'meta',
  'm-7',
  'Prospecting FR',
  'Video 3',
  'Spend jumped to 3.1x its usual level over 4 days.',
  'spend',
  900,
  1500,
  2100,
  14,
  0.4,
  '[]',
];
const tracking = [
  3,
  'fix_tracking',
  'meta',
  'm-9',
  'Retargeting',
  null,
  'Zero conversions for 5 days while clicks stayed normal.',
  'conversions',
  8,
  11,
  15,
  5,
  0.9,
  'not json',
];

function pageOf(rows: unknown[][]): ResultPage {
  return { columns: COLUMNS, rows, offset: 0, totalRows: rows.length, cap: 10_000 };
}

const BODY = 'goal: conversions\nmax_actions: 8';
const notebook = `---\ntitle: Next\n---\n\n\`\`\`recommend actions\n${BODY}\n\`\`\`\n\n\`\`\`sql after\nselect 1\n\`\`\`\n`;

/** A session on a notebook whose recommend cell ran and returned `rows`, its card rendered. */
function setUp(rows: unknown[][], summary?: string[]) {
  const session = new EditorSession('next', {} as EditorClient);
  session.text = notebook;
  const cell = session.notebook.cells[0]!;
  session.run = {
    running: false,
    runId: 'r1',
    pending: {},
    pendingInputsKey: session.inputsKey,
    cells: {
      actions: {
        status: 'finished',
        signature: cellSignature(cell),
        inputsKey: session.inputsKey,
        runId: 'r1',
        totalRows: rows.length,
        durationMs: 40,
      },
    },
  };
  session.results = {
    actions: {
      type: 'result-ready',
      runId: 'r1',
      view: {
        cellId: 'actions',
        name: 'actions',
        kind: 'recommend',
        status: 'finished',
        page: pageOf(rows),
        ...(summary ? { summary } : {}),
      },
    },
  };
  const view = render(AskCardHarness, { session, locale: preferences.locale, onrun: vi.fn() });
  return { session, view };
}

const cards = () => screen.getAllByTestId('recommend-action');

describe('recommend cell', () => {
  test('shows its actions as ranked cards: action, target, reason, impact, confidence', () => {
    setUp([raise, anomaly, tracking]);
    // The YAML settings stay editable above the cards.
    expect((screen.getByLabelText('Cell settings (YAML)') as HTMLTextAreaElement).value).toBe(BODY);
    expect(cards()).toHaveLength(3);
    const first = within(cards()[0]!);
    expect(first.getByTestId('recommend-rank').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Priority 1 1',
    );
    expect(first.getByTestId('recommend-action-name').textContent).toBe('Raise the budget');
    expect(first.getByTestId('recommend-target').textContent).toBe('google_ads · Search - Generic');
    expect(first.getByTestId('recommend-reason').textContent).toContain('CPA of 18.4');
    const impact = first.getByTestId('recommend-impact').textContent!.replace(/\s+/g, ' ');
    expect(impact).toContain('Expected: 12 – 32 conversions over 14 days');
    expect(impact).toContain('confidence 72%');
    // An investigation's figure is money at stake; lost tracking's, conversions unrecorded.
    const second = within(cards()[1]!);
    expect(second.getByTestId('recommend-action-name').textContent).toBe('Investigate');
    expect(second.getByTestId('recommend-target').textContent).toBe(
      'meta · Prospecting FR · Video 3',
    );
    expect(second.getByTestId('recommend-impact').textContent).toContain(
      'At stake: €900 – €2,100 over 14 days',
    );
    expect(within(cards()[2]!).getByTestId('recommend-impact').textContent).toContain(
      'Unrecorded: 8 – 15 conversions over 5 days',
    );
    // The generic grid is not shown while the cards are.
    expect(screen.queryByTestId('results-grid')).toBeNull();
    expect(screen.getByTestId('recommend-count').textContent).toContain('3 actions');
  });

  test('the evidence disclosure lists each evidence: label, period, figures', async () => {
    setUp([raise, anomaly]);
    const card = within(cards()[0]!);
    const toggle = card.getByTestId('recommend-evidence-toggle');
    expect(toggle.textContent).toContain('Evidence (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(card.queryByTestId('recommend-evidence')).toBeNull();
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = card.getByTestId('recommend-evidence');
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    const items = within(panel).getAllByTestId('recommend-evidence-item');
    expect(items).toHaveLength(2);
    const first = items[0]!.textContent!.replace(/\s+/g, ' ');
    expect(first).toContain('Last 14 complete days');
    expect(within(items[0]!).getByTestId('recommend-evidence-period').textContent).toMatch(
      /^15\s?–\s?28 Mar 2026$/,
    );
    expect(first).toContain('rows of campaign_daily');
    expect(first).toContain('cpa 18.4');
    expect(first).toContain('raise_pct 30%');
    expect(first).toContain('spend 2,264.5');
    // Evidence without a period shows no period.
    expect(within(items[1]!).queryByTestId('recommend-evidence-period')).toBeNull();
    expect(items[1]!.textContent).toContain('daily_budget');
    // An action without evidence says so, with no disclosure.
    expect(within(cards()[1]!).queryByTestId('recommend-evidence-toggle')).toBeNull();
    expect(cards()[1]!.textContent).toContain('This action records no evidence.');
    await fireEvent.click(toggle);
    expect(card.queryByTestId('recommend-evidence')).toBeNull();
  });

  test('Add as SQL cell inserts the evidence query as a SQL cell right below, through the session', async () => {
    const { session } = setUp([raise]);
    const addSqlCell = vi.spyOn(session, 'addSqlCell');
    await fireEvent.click(screen.getByTestId('recommend-evidence-toggle'));
    const buttons = screen.getAllByTestId('recommend-add-sql');
    expect(buttons[0]!.textContent?.trim()).toBe('Add as SQL cell');
    await fireEvent.click(buttons[0]!);
    expect(addSqlCell).toHaveBeenCalledWith('actions', RAISE_SQL);
    expect(session.notebook.cells.map((cell) => [cell.kind, cell.name])).toEqual([
      ['recommend', 'actions'],
      ['sql', 'evidence_1'],
      ['sql', 'after'],
    ]);
    expect(session.notebook.cells[1]!.body).toBe(RAISE_SQL);
    expect(screen.getByTestId('recommend-added').textContent).toContain(
      'Added the SQL cell evidence_1 below',
    );
    // A second one takes the next free name.
    await fireEvent.click(buttons[1]!);
    expect(addSqlCell).toHaveBeenLastCalledWith('actions', SETTINGS_SQL);
    expect(session.notebook.cells.map((cell) => cell.name)).toEqual([
      'actions',
      'evidence_2',
      'evidence_1',
      'after',
    ]);
  });

  test('an evidence cell that cannot be added says why, in the card', async () => {
    const { session } = setUp([raise]);
    vi.spyOn(session, 'addSqlCell').mockReturnValue({
      problem: { message: 'The notebook changed.', hint: 'Run it again.' },
    });
    await fireEvent.click(screen.getByTestId('recommend-evidence-toggle'));
    await fireEvent.click(screen.getAllByTestId('recommend-add-sql')[0]!);
    const note = screen.getByTestId('recommend-added');
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toBe(
      'The SQL cell could not be added. The notebook changed. Run it again.',
    );
  });

  test('the session adds no cell below a cell that is gone, and says so', () => {
    const session = new EditorSession('next', {} as EditorClient);
    session.text = notebook;
    const outcome = session.addSqlCell('no_such_cell', 'select 1');
    expect('problem' in outcome && outcome.problem.message).toBeTruthy();
    expect(session.text).toBe(notebook);
  });

  test('the raw table is one toggle away, and back', async () => {
    setUp([raise]);
    const toggle = screen.getByTestId('recommend-view-toggle');
    expect(toggle.textContent?.trim()).toBe('Show the table');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('recommend-action')).toBeNull();
    expect(screen.getByTestId('results-grid').textContent).toContain('raise_budget');
    expect(toggle.textContent?.trim()).toBe('Show the cards');
    await fireEvent.click(toggle);
    expect(screen.getByTestId('recommend-action')).toBeTruthy();
  });

  test('a model’s summary shows above the cards; without one, none', () => {
    setUp([raise], ['Raise Search - Generic first: its CPA of 18.4 is well under target.']);
    const summary = screen.getByTestId('recommend-summary');
    expect(summary.textContent).toContain('The model’s summary');
    expect(summary.textContent).toContain('its CPA of 18.4');
    expect(
      summary.compareDocumentPosition(cards()[0]!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  test('no summary without a model', () => {
    setUp([raise]);
    expect(screen.queryByTestId('recommend-summary')).toBeNull();
  });

  test('an empty result says there is no action to recommend', () => {
    setUp([]);
    expect(screen.queryByTestId('recommend-action')).toBeNull();
    expect(screen.getByTestId('recommend-none').textContent).toBe(
      'No action to recommend: nothing stands out in the data.',
    );
  });

  test('in French: actions, impacts, evidence and buttons', async () => {
    preferences.setLocale('fr');
    setUp([raise, anomaly, tracking]);
    const first = within(cards()[0]!);
    expect(first.getByTestId('recommend-action-name').textContent).toBe('Augmenter le budget');
    const impact = first.getByTestId('recommend-impact').textContent!.replace(/\s+/g, ' ');
    expect(impact).toMatch(/Attendu : 12 – 32 conversions sur 14 jours/);
    expect(impact).toMatch(/confiance 72\s%/);
    expect(within(cards()[1]!).getByTestId('recommend-impact').textContent).toMatch(
      /En jeu : 900\s€ – 2\s100\s€ sur 14 jours/,
    );
    expect(within(cards()[2]!).getByTestId('recommend-impact').textContent).toContain(
      'Non enregistré : 8 – 15 conversions sur 5 jours',
    );
    expect(screen.getByTestId('recommend-view-toggle').textContent?.trim()).toBe('Voir le tableau');
    const toggle = first.getByTestId('recommend-evidence-toggle');
    expect(toggle.textContent).toContain('Preuves (2)');
    await fireEvent.click(toggle);
    expect(first.getAllByTestId('recommend-add-sql')[0]!.textContent?.trim()).toBe(
      'Ajouter en cellule SQL',
    );
    expect(first.getByTestId('recommend-evidence').textContent).toMatch(/spend\s*2\s264,5/);
    expect(first.getByTestId('recommend-evidence-period').textContent).toMatch(
      /^15\s?–\s?28 mars 2026$/,
    );
  });

  test('in French, an empty result', () => {
    preferences.setLocale('fr');
    setUp([]);
    expect(screen.getByTestId('recommend-none').textContent).toBe(
      'Aucune action à recommander : rien ne ressort des données.',
    );
  });
});

describe('recommend actions (reading)', () => {
  test('a table without the action columns is not read as actions', () => {
    expect(
      readActions({
        columns: [{ name: 'x', type: 'INTEGER' }],
        rows: [[1]],
        offset: 0,
        totalRows: 1,
        cap: 10,
      }),
    ).toBeUndefined();
  });

  test('evidence keeps well-formed items with a query, and ignores what is not JSON', () => {
    expect(readEvidence('not json')).toEqual([]);
    expect(readEvidence(null)).toEqual([]);
    expect(
      readEvidence(
        JSON.stringify([
          { label: 'no query', values: { a: 1 } },
          { label: 'ok', sql: 'select 1', values: { a: 2, b: 'x' }, filter: { p: 'g', n: 3 } },
        ]),
      ),
    ).toEqual([
      {
        label: 'ok',
        table: '',
        start: '',
        end: '',
        filter: { p: 'g' },
        values: { a: 2 },
        sql: 'select 1',
      },
    ]);
  });

  test('figures keep the digits the engine kept; _pct figures are percents', () => {
    const en = formatterFor('en', 'EUR');
    expect(figureText('ctr_recent_pct', 1.25, en)).toBe('1.25%');
    expect(figureText('ctr', 0.0123, en)).toBe('0.0123');
    expect(figureText('spend', 12345, en)).toBe('12,345');
    expect(figureText('elasticity', 0.6, formatterFor('fr', 'EUR'))).toBe('0,6');
  });

  test('an evidence cell takes the first free evidence_<n> name', () => {
    expect(freeEvidenceName(['actions', undefined])).toBe('evidence_1');
    expect(freeEvidenceName(['evidence_1', 'evidence_3'])).toBe('evidence_2');
  });
});
