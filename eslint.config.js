import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const duckdbOnlyInEngine = {
  name: '@duckdb/node-api',
  message: 'Only core/src/engine may import DuckDB.',
};

/**
 * Plugins see core only through the versioned contract (`@baton/core/spec`) and, in their tests,
 * the conformance suite (`@baton/core/testing`). No exceptions, built-in plugins included.
 */
function pluginImports({ allowed }) {
  const message = `Plugins import only ${allowed.map((path) => `@baton/core/${path}`).join(' and ')} from core.`;
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: [duckdbOnlyInEngine],
        patterns: [
          { regex: `^@baton/core(?!/(${allowed.join('|')})$)`, message },
          { group: ['**/core/src/**', '**/core/test/**'], message },
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.scratch/**',
      'apps/web/build/**',
      'apps/web/.svelte-kit/**',
      'workspace/**',
      'test/artifacts/**',
      'core/test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Only the engine talks to DuckDB (ARCHITECTURE.md, dependency rules).
    files: ['core/src/**/*.ts', 'apps/**/*.ts', 'plugins/**/*.ts'],
    ignores: ['core/src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [duckdbOnlyInEngine],
        },
      ],
    },
  },
  {
    files: ['plugins/**/*.ts'],
    rules: pluginImports({ allowed: ['spec'] }),
  },
  {
    files: ['plugins/*/test/**/*.ts'],
    rules: pluginImports({ allowed: ['spec', 'testing'] }),
  },
);
