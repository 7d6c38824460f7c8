/**
 * The demo workspace served as a user meets it: the example notebooks, the real server with a
 * workbench, and the built web app. For end-to-end tests and benches in Chromium.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@baton/server';
import { startServer } from '@baton/server/main';
import { seedExampleNotebooks } from '../../apps/server/src/examples.ts';
import { openWorkbench, type Workbench } from '../../apps/server/src/workbench.ts';
import { buildDemoWorkspace } from './demo.ts';

export const webRoot = fileURLToPath(new URL('../../apps/web/build/', import.meta.url));

export interface ServedDemo {
  /** The server's base URL, without a trailing slash. */
  url: string;
  dir: string;
  workbench: Workbench;
  close(): Promise<void>;
}

/**
 * Builds the demo (data up to 2026-03-31, read on 2026-04-01, so relative periods hold data),
 * seeds the example notebooks and serves them with the web build on a free loopback port.
 * Fails with the command to run when the web app is not built.
 *
 * @example const demo = await serveDemo({ name: 'Maison Lumière' }); ... await demo.close();
 */
export async function serveDemo({ name }: { name: string }): Promise<ServedDemo> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(
      `No web build in ${webRoot}. Build it with \`pnpm --filter @baton/web build\` ` +
        '(`pnpm test` does this before running the tests).',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'baton-served-demo-'));
  await buildDemoWorkspace(dir, { seed: 42, end: '2026-03-31' });
  await seedExampleNotebooks(dir);
  const workbench = await openWorkbench(dir, { now: () => new Date('2026-04-01T12:00:00Z') });
  const app = createApp({ workspace: { dir, name }, workbench, webRoot });
  const server = await startServer({ app, port: 0 });
  return {
    url: server.url,
    dir,
    workbench,
    async close() {
      await server.close();
      await workbench.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
