import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, parseNotebook } from '../../src/notebook/index.ts';
import { sha256Hex } from '../../src/notebook/hash.ts';

describe('parseNotebook', () => {
  it('never throws, whatever the input', () => {
    const samples = [
      '',
      '---',
      '```',
      '```sql',
      '---\n: : :\n---',
      '\u0000\uFEFF```sql a=',
      '~~~~recommend\n',
    ];
    for (const sample of samples) expect(() => parseNotebook(sample)).not.toThrow();
  });

  it('normalizes CRLF in bodies and prose, so ids do not depend on line endings', () => {
    const lf = parseNotebook('```sql\nselect 1\nfrom t\n```\n').notebook;
    const crlf = parseNotebook('```sql\r\nselect 1\r\nfrom t\r\n```\r\n').notebook;
    expect(crlf.cells[0]!.body).toBe('select 1\nfrom t');
    expect(crlf.cells[0]!.id).toBe(lf.cells[0]!.id);
    expect(crlf.lineEnding).toBe('\r\n');
  });

  it('ids unnamed cells by a hash of kind and body', () => {
    expect(contentId('sql', 'select 1')).toBe(
      `_${createHash('sha256').update('sql\nselect 1').digest('hex').slice(0, 8)}`,
    );
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto', () => {
    for (const text of [
      '',
      'abc',
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(64),
      'ünïcødé 🚀'.repeat(30),
    ]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
