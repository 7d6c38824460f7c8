import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/ai/types.ts';
import { renderActions, isActionTable } from '../../src/report/actions.ts';
import { createFormatter } from '../../src/report/format.ts';
import { actionTable } from '../../src/run/recommend-cell.ts';

const spaces = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

const pause: Action = {
  type: 'pause_campaign',
  priority: 1,
  platform: 'tiktok',
  campaign_id: 'c1',
  campaign_name: 'TT_FR_<Sales>',
  ad_id: null,
  ad_name: null,
  reason: 'CPA 61.70 over the last 14 days against a target of 40, on 1234.50 spent.',
  expected_impact: { metric: 'spend', low: 800, mid: 1000, high: 1200, days: 7 },
  confidence: 0.8,
  evidence: [
    {
      label: 'Last 14 days',
      table: 'campaign_daily',
      start: '2026-03-18',
      end: '2026-03-31',
      filter: { platform: 'tiktok', campaign_id: 'c1' },
      values: { cpa: 61.7, target_cpa: 40, spend: 1234.5 },
      sql: "select * from campaign_daily where campaign_id = 'c1'",
    },
  ],
};

describe('recommend cells in a report', () => {
  it('shows each action as a card: what, on what, why, what it brings, how sure', () => {
    const table = actionTable([pause]);
    expect(isActionTable(table)).toBe(true);
    const html = spaces(
      String(renderActions(table, createFormatter({ locale: 'en', currency: 'EUR' }))),
    );
    expect(html).toContain('<strong>Pause</strong>');
    expect(html).toContain('tiktok · TT_FR_&lt;Sales&gt;');
    expect(html).toContain('CPA 61.70 over the last 14 days');
    expect(html).toContain('Expected: €800 – €1,200 spend saved over 7 days');
    expect(html).toContain('confidence 80%');
  });

  it('speaks French, and says when there is nothing to do', () => {
    const french = createFormatter({ locale: 'fr', currency: 'EUR' });
    const html = spaces(String(renderActions(actionTable([pause]), french)));
    expect(html).toContain('<strong>Mettre en pause</strong>');
    expect(html).toContain('Attendu : 800 € – 1 200 € dépenses économisées sur 7 jours');
    expect(String(renderActions(actionTable([]), french))).toContain('Aucune action à recommander');
  });
});
