import { afterAll } from 'vitest';
import { runConnectorConformance } from '@baton/core/testing';
import files from '../src/index.ts';
import {
  CAMPAIGN_DAILY_CSV,
  EVENTS_JSONL,
  SPEND_FEBRUARY_CSV,
  SPEND_JANUARY_CSV,
  makeImports,
} from './imports.ts';

const imports = await makeImports({
  'campaign_daily.csv': CAMPAIGN_DAILY_CSV,
  'spend/2026-01.csv': SPEND_JANUARY_CSV,
  'spend/2026-02.csv': SPEND_FEBRUARY_CSV,
  'events.jsonl': EVENTS_JSONL,
  'email_sends.parquet': { fixture: 'email_sends.parquet' },
});
afterAll(() => imports.dispose());

runConnectorConformance(files, {
  config: {},
  // Maps a file that is not there.
  badConfig: { tables: { 'missing.csv': 'missing' } },
  context: () => ({ files: imports.files }),
  // The host-backed tests sync a workspace whose imports/ holds the same files.
  imports: imports.dir,
});
