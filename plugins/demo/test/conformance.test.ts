import { runConnectorConformance } from '@baton/core/testing';
import demo from '../src/index.ts';

runConnectorConformance(demo, {
  config: { seed: 7, end: '2026-03-31', days: 365 },
  // A last day after the test clock's today (2026-04-01).
  badConfig: { seed: 7, end: '2027-01-01', days: 365 },
  window: { start: '2026-03-18', end: '2026-03-31' },
  // Another seed: every day of the window restated.
  sync: { restatedConfig: { seed: 8, end: '2026-03-31', days: 365 } },
});
