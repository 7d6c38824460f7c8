import { openWorkspace } from '@baton/core/store';
import { choiceOption, integerOption, UsageError, workspaceOption, type Command } from '../args.ts';
import { resultToCsv, resultToJson, resultToTable } from '../output.ts';
import { workspaceDir } from '../workspace.ts';

const FORMATS = ['table', 'json', 'csv'] as const;

export const queryCommand: Command = {
  name: 'query',
  summary: 'Run one read-only SQL statement against the workspace',
  usage: `baton query [--workspace DIR] [--format table|json|csv] [--limit N] "SQL"

  --format   table (default), json ({"columns":[{"name","type"}],"rows":[[...]],"total_rows":N}) or csv
  --limit    rows to print at most (default 10000); total_rows still counts them all`,
  options: {
    ...workspaceOption,
    format: { type: 'string', short: 'f' },
    limit: { type: 'string' },
  },
  async run(args, io) {
    const sql = args.positionals.join(' ').trim();
    if (!sql)
      throw new UsageError(
        'Give the SQL to run, in quotes.',
        'Example: baton query "select * from campaign_daily limit 5"',
      );
    const format = choiceOption(args, 'format', FORMATS, 'table');
    const rowCap = integerOption(args, 'limit');
    const { warehouse } = await openWorkspace(workspaceDir(args, io));
    try {
      const result = await warehouse.query(sql, rowCap === undefined ? {} : { rowCap });
      const render = {
        table: resultToTable,
        json: (r: typeof result) => `${resultToJson(r)}\n`,
        csv: resultToCsv,
      }[format];
      io.stdout.write(render(result));
      return 0;
    } finally {
      await warehouse.close();
    }
  },
};
