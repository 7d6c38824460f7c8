import { describe, expect, it } from 'vitest';
import {
  parseNotebook,
  presetRange,
  resolveInputs,
  type DateRangePreset,
} from '../../src/notebook/index.ts';

const frontMatter = parseNotebook(`---
title: Inputs
inputs:
  period: { type: date_range, default: last_28_days }
  day: { type: date, default: yesterday }
  platform: { type: select, options: [all, google_ads, meta], default: all }
  first: { type: select, options: [10, 20] }
  campaign: { type: select, options_from: campaigns.campaign_name }
  platforms: { type: multi_select, options: [google_ads, meta, tiktok] }
  min_spend: { type: number, default: 100 }
  limit: { type: number }
  search: { type: text }
---
`).notebook.frontMatter;

// Friday 27 November 2026.
const today = new Date('2026-11-27T15:00:00Z');

describe('resolveInputs', () => {
  it('binds defaults', () => {
    expect(resolveInputs(frontMatter, {}, today)).toEqual({
      params: {
        period_start: '2026-10-30',
        period_end: '2026-11-26',
        day: '2026-11-26',
        platform: 'all',
        first: 10,
        campaign: null,
        platforms: ['google_ads', 'meta', 'tiktok'],
        min_spend: 100,
        limit: null,
        search: '',
      },
      diagnostics: [],
    });
  });

  it('binds overrides', () => {
    const { params, diagnostics } = resolveInputs(
      frontMatter,
      {
        period: '2026-01-01..2026-01-31',
        day: '2026-03-01',
        platform: 'meta',
        first: '20',
        campaign: 'Brand',
        platforms: 'meta, tiktok',
        min_spend: '2.5',
        search: 'shoes',
      },
      today,
    );
    expect(diagnostics).toEqual([]);
    expect(params).toMatchObject({
      period_start: '2026-01-01',
      period_end: '2026-01-31',
      day: '2026-03-01',
      platform: 'meta',
      first: 20,
      campaign: 'Brand',
      platforms: ['meta', 'tiktok'],
      min_spend: 2.5,
      search: 'shoes',
    });
  });

  it('reports bad overrides on the input line and binds the default instead', () => {
    const { params, diagnostics } = resolveInputs(
      frontMatter,
      { period: 'last_week', platform: 'bing', platforms: 'meta,x', min_spend: 'lots', nope: '1' },
      today,
    );
    expect(params).toMatchObject({ period_start: '2026-10-30', platform: 'all', min_spend: 100 });
    expect(diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      [
        'error',
        4,
        expect.stringMatching(
          /^Input "period", value "last_week": "last_week" is not a date range/,
        ),
      ],
      [
        'error',
        6,
        'Input "platform", value "bing": "bing" is not one of the options (all, google_ads, meta).',
      ],
      [
        'error',
        9,
        'Input "platforms", value "meta,x": x is not among the options (google_ads, meta, tiktok).',
      ],
      [
        'error',
        10,
        'Input "min_spend", value "lots": "lots" is not a number: write digits, e.g. 100 or 2.5.',
      ],
      ['warning', 1, expect.stringMatching(/^Unknown input "nope" \(ignored\)/)],
    ]);
  });
});

describe('date range presets', () => {
  const cases: [DateRangePreset, string, string][] = [
    ['last_7_days', '2026-11-20', '2026-11-26'],
    ['last_28_days', '2026-10-30', '2026-11-26'],
    ['last_30_days', '2026-10-28', '2026-11-26'],
    ['last_90_days', '2026-08-29', '2026-11-26'],
    ['last_month', '2026-10-01', '2026-10-31'],
    ['month_to_date', '2026-11-01', '2026-11-27'],
    ['year_to_date', '2026-01-01', '2026-11-27'],
    ['last_year', '2025-01-01', '2025-12-31'],
  ];
  for (const [preset, start, end] of cases) {
    it(preset, () => expect(presetRange(preset, today)).toEqual({ start, end }));
  }

  it('crosses year boundaries', () => {
    expect(presetRange('last_month', new Date('2026-01-05'))).toEqual({
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(presetRange('last_7_days', new Date('2026-01-03'))).toEqual({
      start: '2025-12-27',
      end: '2026-01-02',
    });
  });
});
