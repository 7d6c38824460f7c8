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
});
