// Builds the web app when there is no build or a source file is newer than it, so `pnpm start`
// after a pull never serves yesterday's interface, and a second start does not wait for a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'build/index.html';
// The web app bundles core's browser-safe modules too (notebook, report formatting).
const sources = ['src', 'static', 'vite.config.ts', 'package.json', '../../core/src'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

const stale =
  !existsSync(built) || Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app (its sources changed since the last build)...');
  const { status } = spawnSync('vite', ['build'], { stdio: 'inherit', shell: true });
  process.exit(status ?? 1);
}
