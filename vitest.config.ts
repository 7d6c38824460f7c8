import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const coreSource = fileURLToPath(new URL('./core/src/', import.meta.url));
const webLib = fileURLToPath(new URL('./apps/web/src/lib/', import.meta.url));

// The subpaths of @baton/core, straight from source: a plugin just scaffolded by
// `baton new-connector` runs its tests before `pnpm install` has linked it.
const coreAlias = [
  { find: /^@baton\/core$/, replacement: `${coreSource}index.ts` },
  { find: /^@baton\/core\/([a-z]+)$/, replacement: `${coreSource}$1/index.ts` },
  // Browser-safe single modules (report/format, notebook/dates), for the web app.
  { find: /^@baton\/core\/([a-z]+)\/([a-z-]+)$/, replacement: `${coreSource}$1/$2.ts` },
];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        resolve: { alias: coreAlias },
        test: {
          name: 'node',
          include: [
            'core/test/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
            'plugins/*/test/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // Svelte components in jsdom; Svelte 5 needs the browser build of its runtime.
        plugins: [svelte()],
        resolve: {
          alias: [...coreAlias, { find: /^#lib\/(.*)$/, replacement: `${webLib}$1` }],
          conditions: ['browser'],
        },
        test: {
          name: 'web',
          // Compile the testing library's own .svelte.js files instead of externalizing them.
          server: { deps: { inline: [/@testing-library\/svelte/] } },
          include: ['apps/web/test/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['apps/web/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
