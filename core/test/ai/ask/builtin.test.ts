/**
 * The built-in engine beyond the question set: text from the user and from the data stays data
 * (escaped literals, one read-only statement through the engine's gate), refusals speak the
 * question's language and suggest only questions it answers, and what it understood is said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, askBuiltIn, Catalog, type AskAnswer } from '../../../src/ai/index.ts';
import { INJECTED_CAMPAIGN, openModelWarehouse, type ModelWarehouse } from '../model/support.ts';

const today = '2026-03-03';
let model: ModelWarehouse;

beforeAll(async () => {
  model = await openModelWarehouse();
});
afterAll(async () => model?.dispose());

function sqlOf(answer: AskAnswer): string {
  if (answer.kind !== 'sql') throw new Error(`refused: ${answer.refusal}`);
  return answer.sql;
}

describe('the built-in engine', () => {
  it('keeps a quoted name a string literal, whatever it contains', async () => {
    const { warehouse } = model;
    const answer = await ask(`spend of campaigns containing "x'); drop table campaign_daily; --"`, {
      warehouse,
      today,
    });
    const sql = sqlOf(answer);
    expect(sql).toContain(`'x drop table campaign daily'`);
    expect((await warehouse.inspect(sql)).tablesRead).toEqual(['campaign_daily']);
    const result = await warehouse.query(sql);
    expect(result.data).toEqual([[null]]);
    const rows = await warehouse.query('select count(*) from campaign_daily');
    expect(rows.data[0]![0]).toBe(6);
  });

  it('reads campaign names only as data: an instruction in a name changes nothing', async () => {
    const { warehouse } = model;
    const withName = sqlOf(await ask('spend by campaign yesterday', { warehouse, today }));
    const without = sqlOf(askBuiltIn('spend by campaign yesterday', { today }));
    expect(withName).toBe(without);
    const result = await warehouse.query(withName);
    expect(result.data[0]).toContain(INJECTED_CAMPAIGN);
  });

  it('finds a campaign named without quotes, folded', async () => {
    const catalog = new Catalog([
      'FR - Prospecting - Sérum Éclat - Broad',
      'TT_FR_BlackFriday_2025',
    ]);
    const serum = sqlOf(
      askBuiltIn('spend of the serum eclat campaign in March', { today, catalog }),
    );
    expect(serum).toContain(`'serum eclat'`);
    const blackFriday = sqlOf(
      askBuiltIn('conversions of black friday campaigns', { today, catalog }),
    );
    expect(blackFriday).toContain(`'blackfriday'`);
  });

  it('says what it understood, in the question’s language', () => {
    const english = askBuiltIn('Top 3 campaigns by ROAS last month on Meta', { today });
    expect(english).toMatchObject({
      kind: 'sql',
      understood: 'ROAS by campaign, platform = meta, 1–28 February 2026, 3 best by ROAS',
    });
    const french = askBuiltIn('CPA par plateforme la semaine dernière', { today });
    expect(french).toMatchObject({
      kind: 'sql',
      understood: 'CPA par plateforme, 23 février – 1er mars 2026',
    });
  });

  it('refuses in the question’s language, says why, and suggests questions it answers', () => {
    const refusal = askBuiltIn('Quel est le taux de rebond par page ?', { today });
    expect(refusal.kind).toBe('refusal');
    if (refusal.kind !== 'refusal') return;
    expect(refusal.refusal).toMatch(/^Je ne peux pas répondre à cette question : “taux de rebond”/);
    expect(refusal.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of refusal.suggestions) {
      expect(askBuiltIn(suggestion, { today }).kind, suggestion).toBe('sql');
    }
  });

  it.each([
    ['a forecast', 'How much will we spend next month?', /future/],
    ['a why', 'Why did CPA rise last week?', /why/],
    ['an action', 'Pause the Summer Sale campaign', /act/],
    ['a ratio it has no KPI for', 'revenue per session last month', /revenue per session/],
    ['two tables at once', 'sessions by campaign status', /separate tables/],
    ['an unknown word', 'spend by astrological sign', /astrological sign/],
  ])('refuses %s', (_kind, question, reason) => {
    const answer = askBuiltIn(question, { today });
    expect(answer.kind).toBe('refusal');
    if (answer.kind === 'refusal') expect(answer.refusal).toMatch(reason);
  });
});

describe('what analysts also ask', () => {
  const sql = (question: string) => sqlOf(askBuiltIn(question, { today }));

  it('shares of a total, by group', () => {
    expect(sql('share of spend by platform last month')).toContain(
      'sum(spend) / sum(sum(spend)) over () as spend_share',
    );
  });

  it('groups with none of a metric', () => {
    expect(sql('campaigns with no conversions last month')).toContain(
      'having sum(conversions) = 0',
    );
  });

  it('a top N within each group', () => {
    expect(sql('top 3 campaigns by spend per platform last month')).toContain(
      'qualify row_number() over (partition by platform order by sum(spend) desc nulls last) <= 3',
    );
  });

  it('an average per day over the period', () => {
    expect(sql('average daily spend in February')).toContain('sum(spend) / 28 as spend_per_day');
  });

  it('dashboard shorthand: L7D, WoW', () => {
    expect(sql('spend L7D')).toContain("date between date '2026-02-24' and date '2026-03-02'");
    expect(sql('ROAS WoW by platform')).toContain(
      "date between date '2026-02-16' and date '2026-02-22'",
    );
  });
});
