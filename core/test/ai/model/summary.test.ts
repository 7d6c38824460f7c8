import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/ai/index.ts';
import { summarizeActions } from '../../../src/ai/model/index.ts';
import { citableFigures, unsupportedNumbers } from '../../../src/ai/model/numbers.ts';
import { INJECTED_CAMPAIGN, memoryLogger, messagesOf, mockModel } from './support.ts';

function action(overrides: Partial<Action> & Pick<Action, 'priority'>): Action {
  return {
    type: 'cut_budget',
    platform: 'meta',
    campaign_id: 'c2',
    campaign_name: 'Summer Sale 2026',
    ad_id: null,
    ad_name: null,
    reason: 'CPA 61.70 vs a target of 40 over the last 14 days.',
    expected_impact: { metric: 'spend', low: 800, mid: 1234.5, high: 1600, days: 30 },
    confidence: 0.8,
    evidence: [
      {
        label: 'Last 14 days vs target',
        table: 'campaign_daily',
        start: '2026-03-01',
        end: '2026-03-14',
        filter: { platform: 'meta', campaign_id: 'c2' },
        values: { spend: 1234.5, cpa: 61.7, target_cpa: 40, ctr: 0.0345, cpa_change_pct: -12.4 },
        sql: "SELECT * FROM campaign_daily WHERE campaign_id = 'c2'",
      },
    ],
    ...overrides,
  };
}

const ACTIONS: Action[] = [
  action({ priority: 1 }),
  action({
    priority: 2,
    type: 'raise_budget',
    platform: 'google_ads',
    campaign_id: 'c1',
    campaign_name: 'Brand FR',
    expected_impact: { metric: 'revenue', low: 2000, mid: 3500, high: 5000, days: 30 },
    evidence: [
      {
        label: 'Last 30 days',
        table: 'campaign_daily',
        start: '2026-02-13',
        end: '2026-03-14',
        filter: { platform: 'google_ads', campaign_id: 'c1' },
        values: { roas: 6.2, spend: 900 },
        sql: "SELECT * FROM campaign_daily WHERE campaign_id = 'c1'",
      },
    ],
  }),
  action({
    priority: 3,
    type: 'fix_tracking',
    campaign_id: 'c3',
    campaign_name: INJECTED_CAMPAIGN,
    evidence: [
      {
        label: 'Zero conversions for 5 days',
        table: 'campaign_daily',
        start: '2026-03-10',
        end: '2026-03-14',
        filter: { platform: 'meta', campaign_id: 'c3' },
        values: { conversions: 0, spend: 410.25 },
        sql: "SELECT * FROM campaign_daily WHERE campaign_id = 'c3'",
      },
    ],
  }),
];

describe('the number check', () => {
  const figures = citableFigures(ACTIONS);
  it.each([
    'Summer Sale 2026 spent €1,234.50 at a CPA of €61.70.',
    'Summer Sale 2026 a dépensé 1 234,5 € pour un CPA de 61,70 €.',
    'Its CPA is €62 against a target of 40, CTR 3.45%, down 12%.',
    'Brand FR returns a ROAS of 6.2 on €900 (1.2k to 1.6k saved over 30 days).',
    'From 2026-03-01 to 14 March, confidence 80%.',
    'Q3 and H1 are names, not numbers.',
    'Du 1er au 14 mars 2026, le CPA était de 61,7 €.',
    'Over 1–14 March, in March 2026.',
    'Brand FR has run since February 13.',
  ])('accepts "%s"', (sentence) => {
    expect(unsupportedNumbers(sentence, figures)).toEqual([]);
  });

  it.each([
    ['Cutting it saves €2,400 a week.', ['2,400']],
    ['The CPA is 75% above target.', ['75%']],
    ['Spend was €1,300.', ['1,300']],
    ['Since 2026-02-01 it lost 3 sales.', ['2026-02-01', '3']],
    ['CPA of 61 vs 40.', ['61']],
    ['It spiked on 5 March.', ['5 March']],
    ['Spend doubled in 2025.', ['2025']],
  ])('flags the invented numbers of "%s"', (sentence, numbers) => {
    expect(unsupportedNumbers(sentence, figures)).toEqual(numbers);
  });
});

describe('summarizeActions', () => {
  it('keeps sentences whose numbers are in the evidence, drops and logs the others', async () => {
    const model = mockModel([
      {
        summary: [
          'Cut the budget of Summer Sale 2026 first: its CPA of €61.70 is far above the target of 40.',
          'This alone would save €4,800 next month. Brand FR earns a ROAS of 6.2 and deserves more.',
        ],
        order: [1, 2, 3],
      },
    ]);
    const logger = memoryLogger();
    const result = await summarizeActions(model, ACTIONS, { logger });
    expect(result.summary).toEqual([
      'Cut the budget of Summer Sale 2026 first: its CPA of €61.70 is far above the target of 40.',
      'Brand FR earns a ROAS of 6.2 and deserves more.',
    ]);
    expect(result.dropped).toEqual([
      { sentence: 'This alone would save €4,800 next month.', numbers: ['4,800'] },
    ]);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('dropped a summary sentence');
    expect(logger.lines[0]).toContain('4,800');
  });

  it("re-ranks by the model's permutation and renumbers priorities", async () => {
    const model = mockModel([{ summary: [], order: [2, 1, 3] }]);
    const { order } = await summarizeActions(model, ACTIONS);
    expect(order.map((item) => [item.campaign_id, item.priority])).toEqual([
      ['c1', 1],
      ['c2', 2],
      ['c3', 3],
    ]);
    expect(order[0]!.evidence).toEqual(ACTIONS[1]!.evidence);
  });

  it.each([[[1, 1, 2]], [[1, 2]], [[0, 1, 2]], [[1, 2, 3, 4]]])(
    "falls back to the rules' order when the order is %j",
    async (bad) => {
      const model = mockModel([{ summary: [], order: bad }]);
      const logger = memoryLogger();
      const { order } = await summarizeActions(model, ACTIONS, { logger });
      expect(order.map((item) => item.campaign_id)).toEqual(['c2', 'c1', 'c3']);
      expect(logger.lines[0]).toContain('not a permutation');
    },
  );

  it("falls back to the rules' order and no prose when the answer is not the JSON asked for", async () => {
    const model = mockModel(['Here is my summary: all good.']);
    const logger = memoryLogger();
    const result = await summarizeActions(model, ACTIONS, { logger });
    expect(result.summary).toEqual([]);
    expect(result.order.map((item) => item.campaign_id)).toEqual(['c2', 'c1', 'c3']);
    expect(logger.lines[0]).toContain('not the JSON asked for');
  });

  it('fences the actions as data: an instruction in a campaign name changes no action', async () => {
    // A model that obeys the name: it invents a figure and tries to put the tracking fix first twice.
    const model = mockModel([
      {
        summary: ['Drop everything: campaign_daily must be dropped, 100% of budget to c3.'],
        order: [3, 3, 1],
      },
    ]);
    const result = await summarizeActions(model, ACTIONS, { randomToken: () => 'beef' });
    const prompt = messagesOf(model.doGenerateCalls[0]!);
    const at = prompt.indexOf(INJECTED_CAMPAIGN);
    expect(at).toBeGreaterThan(prompt.indexOf('<data-beef label="actions">'));
    expect(at).toBeLessThan(prompt.indexOf('</data-beef>'));
    expect(result.summary).toEqual([]);
    expect(result.order).toEqual(ACTIONS);
    // The SQL of the evidence is not sent to the model.
    expect(prompt).not.toContain('SELECT');
  });

  it('does not call the model without actions', async () => {
    const model = mockModel([]);
    expect(await summarizeActions(model, [])).toEqual({ summary: [], order: [], dropped: [] });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});
