import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.scratch/**',
      'apps/web/**',
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
          paths: [{ name: '@duckdb/node-api', message: 'Only core/src/engine may import DuckDB.' }],
        },
      ],
    },
  },
);
