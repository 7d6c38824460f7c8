/**
 * Quality of the recommendations on the demo's planted inefficiencies (`demo_truth`), seed 42,
 * data ending on three dates over the year (the end of March, mid-July, the eve of Black Friday).
 *
 * Rule: a planted inefficiency is recent enough to act on when it ended at most 60 days before
 * the data's last day (the demo plants its recent stories in the last 60 days); older ones (the
 * brand CPC spike about 200 days back, the Shopping feed outage about 330 days back) are history:
 * nothing to act on today, and not expected among the actions. Each recent one must appear among
 * the top 5 actions with a fitting type on its target:
 * - cpa_spike: investigate_anomaly, cut_budget or pause_campaign on its campaign;
 * - tracking_outage (a whole account): fix_tracking or investigate_anomaly on that account;
 * - spend_runaway: cut_budget, pause_campaign or investigate_anomaly on its campaign;
 * - creative_fatigue: refresh_creative on its ad, or investigate_anomaly on its campaign;
 * - budget_capped_high_roas: raise_budget on its campaign, or a shift_budget into it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ActionType } from '@baton/core/ai';
import { recommend } from '@baton/core/ai/recommend';
import { openWorkspace } from '@baton/core/store';
import { numbersIn } from '../../core/test/ai/recommend/cited.ts';
import { buildDemoWorkspace } from '../support/demo.ts';

const ENDS = ['2026-03-31', '2026-07-15', '2026-11-26'];
const TOP = 5;
/** Planted stories that ended within this many days of the data's end are recent. */
const RECENT_DAYS = 60;

const FITTING: Record<string, ActionType[]> = {
  cpa_spike: ['investigate_anomaly', 'cut_budget', 'pause_campaign'],
  tracking_outage: ['fix_tracking', 'investigate_anomaly'],
  spend_runaway: ['cut_budget', 'pause_campaign', 'investigate_anomaly'],
  creative_fatigue: ['refresh_creative', 'investigate_anomaly'],
  budget_capped_high_roas: ['raise_budget', 'shift_budget'],
};

interface Planted {
  kind: string;
  platform: string;
  accountId: string;
  campaignId: string | null;
  adId: string | null;
  end: string;
}

function fits(action: Action, planted: Planted): boolean {
  if (!FITTING[planted.kind]?.includes(action.type)) return false;
  if (action.platform !== planted.platform) return false;
  if (planted.campaignId === null) return action.account_id === planted.accountId;
  if (action.type === 'shift_budget') return action.to?.campaign_id === planted.campaignId;
  if (action.campaign_id !== planted.campaignId) return false;
  if (action.type === 'refresh_creative') return action.ad_id === planted.adId;
  return true;
}

let root: string;
const runs = new Map<string, { planted: Planted[]; actions: Action[] }>();

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'baton-recommend-demo-'));
  for (const end of ENDS) {
    const dir = path.join(root, end);
    await buildDemoWorkspace(dir, { seed: 42, end });
    const { warehouse } = await openWorkspace(dir);
    try {
      const truth = await warehouse.query(
        `select kind, platform, account_id, campaign_id, ad_id, cast(end_date as varchar) from demo_truth order by start_date`,
      );
      const planted = Array.from({ length: truth.rowCount }, (_, row) => {
        const [kind, platform, accountId, campaignId, adId, last] = truth.data.map(
          (column) => column[row],
        );
        return {
          kind: String(kind),
          platform: String(platform),
          accountId: String(accountId),
          campaignId: campaignId === null ? null : String(campaignId),
          adId: adId === null ? null : String(adId),
          end: String(last),
        };
      });
      runs.set(end, { planted, actions: await recommend(warehouse, { today: end }) });
    } finally {
      await warehouse.close();
    }
  }
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('recommendations on the demo planted inefficiencies', () => {
  it(`put every recent one among the top ${TOP} actions, with a fitting type and target`, () => {
    const lines: string[] = [];
    let recent = 0;
    let found = 0;
    for (const [end, { planted, actions }] of runs) {
      const cutoff = new Date(Date.parse(end) - RECENT_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const top = actions.slice(0, TOP);
      const acted = planted.filter((one) => one.end >= cutoff);
      const hits = acted.filter((one) => top.some((action) => fits(action, one)));
      recent += acted.length;
      found += hits.length;
      lines.push(
        `data to ${end}: ${hits.length}/${acted.length} recent planted inefficiencies in the top ${TOP} (${planted.length - acted.length} older ones are history)`,
        ...top.map(
          (action) =>
            `  ${action.priority}. ${action.type} ${action.platform} / ${action.campaign_name ?? `account ${action.account_id}`}${action.ad_name ? ` / ${action.ad_name}` : ''}: money ${action.expected_impact.money} x confidence ${action.confidence}${
              planted.some((one) => fits(action, one))
                ? ` [${planted.find((one) => fits(action, one))!.kind}]`
                : ''
            }`,
        ),
        ...acted.filter((one) => !hits.includes(one)).map((one) => `  missed: ${one.kind}`),
      );
      for (const one of acted)
        expect(
          top.some((action) => fits(action, one)),
          `${end}: ${one.kind}`,
        ).toBe(true);
    }
    console.log(
      `Recommendations on the demo, seed 42: ${found}/${recent} recent planted found in the top ${TOP}\n${lines.join('\n')}`,
    );
  });

  it('cite in each reason only numbers its evidence holds, each evidence query returning rows', async () => {
    const end = ENDS[0]!;
    const { actions } = runs.get(end)!;
    const { warehouse } = await openWorkspace(path.join(root, end));
    try {
      for (const action of actions) {
        const values = new Set(
          action.evidence.flatMap((evidence) => Object.values(evidence.values)),
        );
        for (const number of numbersIn(action.reason))
          expect(values.has(number), `${number} in ${action.reason}`).toBe(true);
        for (const evidence of action.evidence) {
          expect(evidence.end <= end).toBe(true);
          expect((await warehouse.query(evidence.sql)).rowCount, evidence.sql).toBeGreaterThan(0);
        }
      }
    } finally {
      await warehouse.close();
    }
  });
});
