import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const coreSource = fileURLToPath(new URL('./core/src/', import.meta.url));

export default defineConfig({
  resolve: {
    // The subpaths of @baton/core, straight from source: a plugin just scaffolded by
    // `baton new-connector` runs its tests before `pnpm install` has linked it.
    alias: [
      { find: /^@baton\/core$/, replacement: `${coreSource}index.ts` },
      { find: /^@baton\/core\/([a-z]+)$/, replacement: `${coreSource}$1/index.ts` },
    ],
  },
  test: {
    include: [
      'core/test/**/*.test.ts',
      'apps/server/test/**/*.test.ts',
      'plugins/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
