import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MODEL_STREAM_COLUMNS, type ModelStreamName } from '@baton/core/spec';
import { generateDemo, type DemoData } from '../src/generator/generate.ts';

const END = '2026-03-31';

/** A hash of every batch of every stream, in generation order. */
function fingerprint(demo: DemoData): string {
  const hash = createHash('sha256');
  for (const stream of Object.keys(MODEL_STREAM_COLUMNS) as ModelStreamName[]) {
    for (const batch of demo.streams[stream]()) {
      hash.update(stream);
      hash.update(JSON.stringify(batch.columns));
      for (const column of batch.data) hash.update(JSON.stringify(column));
    }
  }
  return hash.digest('hex');
}

describe('generateDemo', () => {
  const demo = generateDemo({ seed: 42, end: END });

  it('is deterministic for a seed and an end date, and changes with the seed', () => {
    const first = fingerprint(demo);
    expect(fingerprint(generateDemo({ seed: 42, end: END }))).toBe(first);
    expect(fingerprint(generateDemo({ seed: 43, end: END }))).not.toBe(first);
  });

  it('yields batches whose columns are the raw stream columns, in order', () => {
    for (const stream of Object.keys(MODEL_STREAM_COLUMNS) as ModelStreamName[]) {
      for (const batch of demo.streams[stream]()) {
        expect(batch.columns).toEqual(MODEL_STREAM_COLUMNS[stream].map((column) => column.name));
        const lengths = new Set(batch.data.map((column) => column.length));
        expect(lengths.size).toBe(1);
      }
    }
  });

  it('covers two years ending at `end`, with sensible row counts', () => {
    expect(demo.calendar.dates[0]).toBe('2024-04-01');
    expect(demo.calendar.dates.at(-1)).toBe(END);
    const rows = demo.rowCounts();
    expect(rows.ad_daily).toBeGreaterThan(100_000);
    expect(rows.ad_daily).toBeLessThan(250_000);
    expect(rows.search_console_daily).toBeGreaterThan(100_000);
    expect(rows.search_console_daily).toBeLessThan(300_000);
    expect(rows.campaigns).toBeGreaterThanOrEqual(35);
    expect(rows.campaigns).toBeLessThanOrEqual(50);
  });

  it('has the catalog a real team would have', () => {
    const { campaigns, accounts } = demo.catalog;
    expect(new Set(accounts.map((account) => account.currency))).toEqual(
      new Set(['EUR', 'GBP', 'USD', 'CHF']),
    );
    expect(new Set(campaigns.map((campaign) => campaign.account.platform))).toEqual(
      new Set(['google_ads', 'meta', 'tiktok', 'linkedin']),
    );
    expect(new Set(campaigns.map((campaign) => campaign.status))).toEqual(
      new Set(['active', 'paused', 'removed']),
    );
    const objectives = new Set(campaigns.map((campaign) => campaign.objective));
    for (const objective of ['sales', 'leads', 'awareness', 'traffic', 'app'])
      expect(objectives).toContain(objective);
    const ads = campaigns.flatMap((campaign) => campaign.adGroups.flatMap((group) => group.ads));
    expect(ads.length).toBeGreaterThan(200);
    expect(new Set(campaigns.map((campaign) => campaign.id)).size).toBe(campaigns.length);
    expect(new Set(ads.map((ad) => ad.id)).size).toBe(ads.length);
  });

  it('places the recent planted anomalies in the last 60 days', () => {
    const last = demo.calendar.days - 1;
    const recent = demo.anomalies.filter((anomaly) => last - anomaly.first <= 60);
    expect(recent.map((anomaly) => anomaly.kind).sort()).toEqual(
      [
        'budget_capped_high_roas',
        'cpa_spike',
        'creative_fatigue',
        'spend_runaway',
        'tracking_outage',
      ].sort(),
    );
    expect(demo.anomalies.length).toBeGreaterThan(recent.length);
  });

  it('rejects an end date that is not a calendar date', () => {
    expect(() => generateDemo({ seed: 1, end: '2026-02-30' })).toThrow(/not a calendar date/);
  });
});
