import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeWorkspaceConfig } from '@baton/core/store';
import { buildDemoWorkspace } from '../support/demo.ts';

/** The end date every integration test builds the demo to, so results do not move with the clock. */
export const DEMO_END = '2026-11-26';

/** Builds the default demo workspace into a fresh temporary folder and returns the folder. */
export async function buildTestDemo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-demo-'));
  await buildDemoWorkspace(dir, { seed: 42, end: DEMO_END });
  await writeWorkspaceConfig(dir, {
    name: 'Maison Lumière (demo)',
    reportingCurrency: 'EUR',
    locale: 'en',
  });
  return dir;
}
