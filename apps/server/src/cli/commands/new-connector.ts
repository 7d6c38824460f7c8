import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringOption, UsageError, type Command } from '../args.ts';
import { scaffoldFiles, scaffoldNames } from '../scaffold/templates.ts';

export const newConnectorCommand: Command = {
  name: 'new-connector',
  summary: 'Scaffold a connector plugin that passes the conformance suite',
  usage: `baton new-connector <id> [--dir DIR]

  <id>    the plugin id, kebab-case (e.g. acme-ads)
  --dir   where to write it (default: plugins/<id>)
Writes a config schema, one stream, a fake server and tests; see CONTRIBUTING.md.`,
  options: { dir: { type: 'string' } },
  async run(args, io) {
    const [id, ...extra] = args.positionals;
    if (!id || extra.length > 0) {
      throw new UsageError('Give the new plugin an id.', 'Example: baton new-connector acme-ads');
    }
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
      throw new UsageError(
        `"${id}" is not a plugin id: use lower case letters and digits, words joined by dashes.`,
        'Example: acme-ads',
      );
    }
    const dir = path.resolve(io.cwd, stringOption(args, 'dir') ?? path.join('plugins', id));
    if (existsSync(dir)) {
      throw new UsageError(`${dir} already exists.`, 'Pick another id, or pass --dir.');
    }
    for (const [file, content] of Object.entries(scaffoldFiles(scaffoldNames(id)))) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    const relative = path.relative(io.cwd, dir);
    io.stdout.write(
      `Wrote the ${id} connector in ${relative}.\n` +
        `Next: pnpm install, then pnpm vitest run ${relative} (the conformance suite).\n` +
        'Then replace the made-up API in src/index.ts and test/fake-server.ts with the real one.\n',
    );
    return 0;
  },
};
