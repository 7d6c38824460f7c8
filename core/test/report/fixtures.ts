/**
 * Hand-made notebooks and run results for the report tests: no runner, no DuckDB. The data
 * looks like a real month of paid media so the screenshot says something about the design.
 */
import type { QueryResult, SqlValue } from '../../src/engine/types.ts';
import type { Block, Cell, CellKind, Notebook } from '../../src/notebook/types.ts';
import type { CellOutcome, NotebookRunResult } from '../../src/run/types.ts';

export const EVIL_CAMPAIGN = '<script>alert("pwned")</script> Black Friday';

export function result(
  columns: Record<string, string>,
  rows: SqlValue[][],
  totalRows = rows.length,
): QueryResult {
  const names = Object.keys(columns);
  return {
    columns: names.map((name) => ({ name, type: columns[name]! })),
    data: names.map((_, index) => rows.map((row) => row[index] ?? null)),
    rowCount: rows.length,
    totalRows,
    truncated: totalRows > rows.length,
  };
}

export function finished(queryResult: QueryResult, chart?: Record<string, unknown>): CellOutcome {
  return {
    status: 'finished',
    result: queryResult,
    cached: false,
    durationMs: 3,
    ...(chart ? { chart } : {}),
  };
}

let line = 10;
export function cell(
  kind: CellKind,
  name: string,
  body = '',
  attributes: Record<string, string> = {},
): Block {
  line += 10;
  const value: Cell = { id: name, kind, name, attributes, body, line, bodyLine: line + 1 };
  return { type: 'cell', cell: value };
}

export function prose(text: string): Block {
  line += 10;
  return { type: 'prose', prose: { text, line } };
}

export function notebook(blocks: Block[], title = 'Weekly performance'): Notebook {
  return {
    frontMatter: {
      title,
      description: 'Cross-channel spend and efficiency for the leadership team',
      inputs: [
        { name: 'period', type: 'date_range', default: 'last_28_days' },
        {
          name: 'platform',
          type: 'select',
          options: ['all', 'google_ads', 'meta'],
          default: 'all',
        },
        { name: 'min_spend', type: 'number', default: 100 },
      ],
      raw: {},
    },
    blocks,
    cells: blocks.flatMap((block) => (block.type === 'cell' ? [block.cell] : [])),
  };
}

export function run(outcomes: Record<string, CellOutcome>): NotebookRunResult {
  return {
    runId: 'run-1',
    params: {
      period_start: '2026-11-01',
      period_end: '2026-11-28',
      platform: 'all',
      min_spend: 100,
    },
    outcomes: new Map(Object.entries(outcomes)),
    durationMs: 42,
  };
}

const PLATFORMS = ['google_ads', 'meta', 'tiktok', 'linkedin'] as const;
const BASE_SPEND = { google_ads: 1450, meta: 1180, tiktok: 520, linkedin: 310 };

/** 28 days x 4 platforms of spend and conversions, deterministic. */
export function dailyRows(): SqlValue[][] {
  const rows: SqlValue[][] = [];
  for (let day = 1; day <= 28; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    for (const platform of PLATFORMS) {
      const wave = 1 + 0.18 * Math.sin((day + platform.length) / 3) + (day >= 27 ? 0.6 : 0);
      const spend = Math.round(BASE_SPEND[platform] * wave * 100) / 100;
      rows.push([date, platform, spend, Math.round(spend / (platform === 'linkedin' ? 61 : 27))]);
    }
  }
  return rows;
}

/** The notebook of the main tests: every kind of block and outcome the report shows. */
export function fullReport(): { notebook: Notebook; run: NotebookRunResult } {
  const daily = result(
    { date: 'DATE', platform: 'VARCHAR', spend: 'DECIMAL(18,2)', conversions: 'BIGINT' },
    dailyRows(),
  );
  const dailyShown = {
    ...daily,
    data: daily.data.map((column) => column.slice(0, 100)),
    rowCount: 100,
    totalRows: 112,
    truncated: true,
  };
  const spendTrend = {
    title: 'Daily spend by platform',
    data: { values: dailyRows().map(([date, platform, spend]) => ({ date, platform, spend })) },
    mark: 'line',
    encoding: {
      x: { field: 'date', type: 'temporal', title: null },
      y: { field: 'spend', type: 'quantitative', axis: { format: '$,.0f' } },
      color: { field: 'platform' },
    },
  };
  const campaigns = result(
    {
      campaign_name: 'VARCHAR',
      platform: 'VARCHAR',
      spend: 'DECIMAL(18,2)',
      conversions: 'BIGINT',
      cpa: 'DOUBLE',
      ctr: 'DOUBLE',
    },
    [
      [EVIL_CAMPAIGN, 'meta', 18250.5, 702, 26.0, 0.0213],
      ['Brand search FR', 'google_ads', 12480.2, 891, 14.01, 0.0812],
      ['Prospecting lookalike 2%', 'meta', 9875, 301, 32.81, 0.0094],
      ['TT_FR_Retargeting_Cart_Abandoners', 'tiktok', 4210.75, 188, 22.4, 0.0151],
      ['ABM decision makers', 'linkedin', 3920, 41, 95.61, null],
    ],
  );
  const roasChart = {
    title: 'ROAS by campaign',
    data: {
      values: campaigns.data[0]!.map((name, row) => ({
        campaign_name: name,
        roas: [4.2, 6.8, 2.1, 3.3, 1.2][row],
      })),
    },
    mark: 'bar',
    encoding: {
      y: { field: 'campaign_name', type: 'nominal', sort: '-x', title: null },
      x: { field: 'roas', type: 'quantitative' },
    },
  };
  const blocks: Block[] = [
    prose(
      [
        '## Summary',
        '',
        'We spent **{{ totals.spend | currency }}** in the period for {{ totals.conversions | number }} conversions,',
        'a cost per acquisition of {{ totals.cpa | currency }} and a click-through rate of {{ totals.ctr | percent }}.',
        'The last day in the data is {{ daily.date | date }}; ROAS was {{ totals.roas | number:2 }}.',
        '',
        'Not there: {{ ghost.spend | currency }} and {{ totals.margin }}.',
        '',
        '<script>alert("prose")</script>',
        '',
        'See the [live dashboard](https://example.com/dash) ![logo](https://example.com/logo.png).',
      ].join('\n'),
    ),
    cell('sql', 'totals', 'select ...'),
    prose('## Spend over time'),
    cell('sql', 'daily', 'select ...', { hidden: 'true' }),
    cell('chart', 'spend_trend', 'data: daily\nmark: line'),
    prose(
      '## Campaigns\n\n| Metric | Value |\n| --- | --- |\n| Spend | {{ totals.spend | currency }} |',
    ),
    cell(
      'ask',
      'top_campaigns',
      'question: Which campaigns spent the most this month?\nsql: select 1',
    ),
    cell('chart', 'roas_chart', 'data: top_campaigns'),
    cell('sql', 'daily_detail', 'select ...'),
    prose('## Watch list'),
    cell('check', 'cpa_spikes', 'on: daily'),
    cell('sql', 'broken', 'select nope'),
    cell('chart', 'broken_chart', 'data: broken'),
    cell('recommend', 'actions', 'from: [cpa_spikes]'),
    cell('sql', 'helper', 'select 1', { display: 'none' }),
  ];
  const outcomes: Record<string, CellOutcome> = {
    totals: finished(
      result(
        {
          spend: 'DECIMAL(38,2)',
          conversions: 'HUGEINT',
          cpa: 'DOUBLE',
          ctr: 'DOUBLE',
          roas: 'DOUBLE',
        },
        [[98432.17, 3841, 25.63, 0.0342, 3.8712]],
      ),
    ),
    daily: finished(daily),
    spend_trend: finished(daily, spendTrend),
    top_campaigns: finished(campaigns),
    roas_chart: finished(campaigns, roasChart),
    daily_detail: finished(dailyShown),
    cpa_spikes: {
      status: 'failed',
      error: {
        kind: 'unavailable',
        message: 'Anomaly checks arrive with the checks module; this cell will run then.',
      },
      durationMs: 0,
    },
    broken: {
      status: 'failed',
      error: {
        kind: 'query',
        message:
          'Binder Error: Referenced column "nope" not found in FROM clause!\nLINE 1: select nope\n               ^',
        hint: 'Check the column names of the table you read.',
      },
      durationMs: 1,
    },
    broken_chart: { status: 'blocked', blockedBy: 'broken' },
    actions: {
      status: 'failed',
      error: { kind: 'unavailable', message: 'Recommendations arrive with the AI module.' },
      durationMs: 0,
    },
    helper: finished(result({ secret_helper_column: 'INTEGER' }, [[1]])),
  };
  return { notebook: notebook(blocks), run: run(outcomes) };
}
