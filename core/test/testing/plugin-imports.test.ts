/**
 * Plugins see core only through `@baton/core/spec` (and `@baton/core/testing` in their tests),
 * built-in plugins included. The ESLint rule says the same at edit time; this test holds even
 * where lint is not run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function tsFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes('node_modules'));
}

/** Every import or re-export specifier with its imported names. */
function importsOf(text: string): { specifier: string; names: string[] }[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: { specifier: string; names: string[] }[] = [];
  const statement = /^\s*(?:import|export)\s+(?:type\s+)?([^'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) {
    const names = [
      ...(match[1] ?? '').matchAll(/(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+[\w$]+)?/g),
    ]
      .map((name) => name[1] ?? '')
      .filter((name) => name !== 'type');
    found.push({ specifier: match[2] ?? '', names });
  }
  for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1] ?? '', names: ['*'] });
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[1] ?? '', names: [] });
  }
  return found;
}

it('plugins import only @baton/core/spec (and /testing in tests) from core', async () => {
  const offences: string[] = [];
  for (const path of await tsFiles('plugins')) {
    const file = relative(root, path).split('\\').join('/');
    const inTest = /^plugins\/[^/]+\/test\//.test(file);
    for (const { specifier, names } of importsOf(await readFile(path, 'utf8'))) {
      if (/(^|\/)core\/(src|test)\//.test(specifier)) {
        offences.push(`${file}: ${specifier} (reach core through @baton/core/spec)`);
        continue;
      }
      if (specifier !== '@baton/core' && !specifier.startsWith('@baton/core/')) continue;
      if (specifier === '@baton/core/spec') continue;
      if (specifier === '@baton/core/testing' && inTest) continue;
      offences.push(`${file}: ${specifier} ${names.join(', ')}`);
    }
  }
  expect(offences).toEqual([]);
});

it('core/src imports no plugin', async () => {
  const offences: string[] = [];
  for (const path of await tsFiles('core/src')) {
    for (const { specifier } of importsOf(await readFile(path, 'utf8'))) {
      if (/^@baton\/plugin-|(^|\/)plugins\//.test(specifier)) {
        offences.push(`${relative(root, path).split('\\').join('/')}: ${specifier}`);
      }
    }
  }
  expect(offences).toEqual([]);
});

it('finds the imports it checks', () => {
  expect(
    importsOf(
      "/** import { z } from '@baton/core'; */\nimport { a, type B as C } from '@baton/core/model';\nexport * from '@baton/core';\nawait import('@baton/core/engine');",
    ),
  ).toEqual([
    { specifier: '@baton/core/model', names: ['a', 'B'] },
    { specifier: '@baton/core', names: [] },
    { specifier: '@baton/core/engine', names: ['*'] },
  ]);
});
