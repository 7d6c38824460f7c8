import { describe, expect, test } from 'vitest';
import type { RunEvent } from '@baton/server';
import { parse, setBody } from '#lib/editor/document.ts';
import {
  displayStatuses,
  initialRunStatus,
  inputsKeyOf,
  runStatusReducer,
  signaturesOf,
  type RunAction,
  type RunStatusState,
} from '#lib/editor/run-status.ts';

const TEXT = `\`\`\`sql daily
select 1 as spend
\`\`\`

\`\`\`sql totals
select sum(spend) as spend from daily
\`\`\`

\`\`\`sql other
select 2 as x
\`\`\`

\`\`\`ask question_1
question: why?
\`\`\`
`;

const info = (cellId: string) => ({
  cellId,
  name: cellId,
  kind: cellId === 'question_1' ? ('ask' as const) : ('sql' as const),
});

const EVENTS: RunEvent[] = [
  {
    type: 'run-started',
    runId: 'r1',
    params: {},
    cells: ['daily', 'totals', 'other', 'question_1'].map(info),
  },
  { type: 'cell-started', ...info('daily') },
  {
    type: 'cell-finished',
    ...info('daily'),
    cached: false,
    durationMs: 12,
    rowCount: 1,
    totalRows: 1,
  },
  { type: 'cell-started', ...info('other') },
  {
    type: 'cell-failed',
    ...info('other'),
    durationMs: 3,
    error: { kind: 'query', message: 'Binder Error', hint: 'Check the column' },
  },
  {
    type: 'cell-failed',
    ...info('question_1'),
    durationMs: 0,
    error: { kind: 'unavailable', message: 'not available yet' },
  },
  { type: 'cell-started', ...info('totals') },
];

function play(actions: RunAction[], state: RunStatusState = initialRunStatus) {
  return actions.reduce(runStatusReducer, state);
}

const inputs = inputsKeyOf({});
const cells = parse(TEXT).cells;
const requested: RunAction = {
  type: 'run-requested',
  signatures: signaturesOf(cells),
  inputsKey: inputs,
};

describe('run status', () => {
  test('idle before any run', () => {
    expect(displayStatuses(initialRunStatus, cells, inputs)).toEqual({
      daily: 'idle',
      totals: 'idle',
      other: 'idle',
      question_1: 'idle',
    });
  });

  test('events give running, fresh and error; queued shows as running', () => {
    const state = play([requested, { type: 'run-accepted', runId: 'r1' }, ...EVENTS]);
    expect(state.running).toBe(true);
    expect(state.cells.other?.error?.message).toBe('Binder Error');
    expect(state.cells.daily).toMatchObject({ status: 'finished', durationMs: 12, totalRows: 1 });
    expect(displayStatuses(state, cells, inputs)).toEqual({
      daily: 'fresh',
      totals: 'running',
      other: 'error',
      question_1: 'error',
    });
  });

  test('blocked, then the run finishes', () => {
    const state = play([
      requested,
      ...EVENTS.slice(0, 5),
      { type: 'cell-blocked', ...info('totals'), blockedBy: 'other' },
      { type: 'run-finished', runId: 'r1', durationMs: 40, failed: 1, blocked: 1, cached: 0 },
    ]);
    expect(state.running).toBe(false);
    expect(state.summary).toEqual({ durationMs: 40, failed: 1, blocked: 1, cached: 0 });
    expect(state.cells.totals).toMatchObject({ status: 'blocked', blockedBy: 'other' });
    expect(displayStatuses(state, cells, inputs).totals).toBe('blocked');
  });

  test('an edited cell and the cells reading it turn stale; others stay fresh', () => {
    const state = play([
      requested,
      ...EVENTS.slice(0, 3),
      {
        type: 'cell-finished',
        ...info('totals'),
        cached: false,
        durationMs: 1,
        rowCount: 1,
        totalRows: 1,
      },
      {
        type: 'cell-finished',
        ...info('other'),
        cached: true,
        durationMs: 0,
        rowCount: 1,
        totalRows: 1,
      },
      { type: 'run-finished', runId: 'r1', durationMs: 40, failed: 0, blocked: 0, cached: 1 },
    ]);
    expect(displayStatuses(state, cells, inputs)).toMatchObject({
      daily: 'fresh',
      totals: 'fresh',
      other: 'fresh',
    });
    const edited = parse(setBody(TEXT, 'daily', 'select 3 as spend')).cells;
    expect(displayStatuses(state, edited, inputs)).toMatchObject({
      daily: 'stale',
      totals: 'stale',
      other: 'fresh',
    });
  });

  test('changed inputs make every result stale', () => {
    const state = play([requested, ...EVENTS.slice(0, 3)]);
    const changed = inputsKeyOf({ period: 'last_7_days' });
    expect(displayStatuses(state, cells, changed).daily).toBe('stale');
  });

  test('a cancelled run leaves unfinished cells stale and stops running', () => {
    const state = play([requested, ...EVENTS.slice(0, 3), { type: 'run-cancelled' }]);
    expect(state.running).toBe(false);
    const statuses = displayStatuses(state, cells, inputs);
    expect(statuses.daily).toBe('fresh');
    expect(statuses.totals).toBe('stale');
  });

  test('a rejected run stops running', () => {
    expect(play([requested, { type: 'run-rejected' }]).running).toBe(false);
  });

  test('input keys ignore the order of names', () => {
    expect(inputsKeyOf({ a: '1', b: '2' })).toBe(inputsKeyOf({ b: '2', a: '1' }));
  });
});
