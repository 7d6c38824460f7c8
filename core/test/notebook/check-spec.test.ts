import { describe, expect, it } from 'vitest';
import { parseCellSpec, parseNotebook, type Cell } from '../../src/notebook/index.ts';

function checkCell(body: string): Cell {
  const { notebook } = parseNotebook(`\`\`\`check c\n${body}\n\`\`\`\n`);
  return notebook.cells[0]!;
}

const BASE = 'on: campaign_daily\ntime: date\nmetric: cpa\nby: [platform]';

describe('check cell spec', () => {
  it('reads explain as a boolean option', () => {
    const result = parseCellSpec(checkCell(`${BASE}\nexplain: true`));
    expect(result).toMatchObject({ spec: { metric: 'cpa', explain: true }, diagnostics: [] });
    const without = parseCellSpec(checkCell(BASE));
    expect('spec' in without && without.spec).not.toHaveProperty('explain');
  });

  it('says what explain takes when it is not true or false', () => {
    const result = parseCellSpec(checkCell(`${BASE}\nexplain: sometimes`));
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /`explain` must be true or false/,
    );
  });

  it("reads the team's own events: days, ranges with a name, and maps", () => {
    const result = parseCellSpec(
      checkCell(
        `${BASE}\nevents:\n  - 2026-04-01\n  - 2026-03-10..2026-03-24 TV campaign\n  - { name: Launch, start: 2026-05-02, end: 2026-05-09, peak: true }`,
      ),
    );
    expect(result).toMatchObject({
      diagnostics: [],
      spec: {
        events: [
          { name: '2026-04-01', start: '2026-04-01', end: '2026-04-01' },
          { name: 'TV campaign', start: '2026-03-10', end: '2026-03-24' },
          { name: 'Launch', start: '2026-05-02', end: '2026-05-09', peak: true },
        ],
      },
    });
  });

  it('says how to write an event that is not a date', () => {
    const result = parseCellSpec(checkCell(`${BASE}\nevents: [2026-13-01]`));
    expect('spec' in result).toBe(false);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /`events` item 1 \("2026-13-01"\) is not a known event: write a day/,
    );
  });
});
