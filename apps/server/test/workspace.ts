/**
 * A real demo workspace for the API tests: the demo connection synced (seed 42, data up to
 * 2026-03-31), the example notebooks seeded, the workbench's clock on the day after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDemoWorkspace } from '../../../test/support/demo.ts';
import { createApp } from '../src/app.ts';
import { seedExampleNotebooks } from '../src/examples.ts';
import { openWorkbench, type OpenWorkbenchOptions, type Workbench } from '../src/workbench.ts';

export interface TestWorkspace {
  dir: string;
  workbench: Workbench;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export const DEMO_TODAY = new Date('2026-04-01T12:00:00Z');

/** Builds and opens the demo workspace; call `close()` in afterAll. */
export async function openDemoWorkspace(
  options: Pick<OpenWorkbenchOptions, 'connectors'> = {},
): Promise<TestWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'baton-api-'));
  await buildDemoWorkspace(dir, { seed: 42, end: '2026-03-31' });
  await seedExampleNotebooks(dir);
  const workbench = await openWorkbench(dir, { ...options, now: () => new Date(DEMO_TODAY) });
  const app = createApp({
    workspace: { dir, name: 'Demo' },
    workbench,
    webRoot: path.join(dir, 'no-web-build'),
  });
  return {
    dir,
    workbench,
    app,
    async close() {
      await workbench.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A parsed JSON answer, read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the shape
type Json = any;

/** JSON request helper over `app.request`. */
export async function send(
  app: TestWorkspace['app'],
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await app.request(url, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}
