import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseNotebook, validateNotebook, type Notebook } from '@baton/core/notebook';
import { renderReportHtml } from '@baton/core/report';
import { NotebookRunner, type NotebookRunResult, type RunEvent } from '@baton/core/run';
import { isNotebookId, openWorkspace, workspacePaths, writeFileAtomic } from '@baton/core/store';
import {
  choiceOption,
  stringOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
} from '../args.ts';
import { resultToJson, resultToTable } from '../output.ts';
import { workspaceDir } from '../workspace.ts';

const FORMATS = ['text', 'json', 'html'] as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a notebook and print its results, or write an HTML report',
  usage: `baton run NOTEBOOK [--workspace DIR] [--input name=value ...] [--format text|json|html] [--out FILE]

  NOTEBOOK   a Markdown file (notebooks/weekly-cmo.md), or the id of a notebook of the
             workspace's notebooks/ folder, as the web app lists it (weekly-cmo)

  --input    override an input, e.g. --input period=last_7_days --input period=2026-01-01..2026-01-31
  --format   text (default), json, or html: one self-contained report file that opens offline
  --out      write to FILE instead of standard output
  --locale   en or fr, for numbers and dates in the html report (default: the workspace's)`,
  options: {
    ...workspaceOption,
    input: { type: 'string', short: 'i', multiple: true },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    locale: { type: 'string' },
  },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length > 0)
      throw new UsageError(
        'Give exactly one notebook file to run.',
        'Example: baton run notebooks/weekly-cmo.md',
      );
    const format = choiceOption(args, 'format', FORMATS, 'text');
    const inputs = parseInputs(args.values.input);
    const dir = workspaceDir(args, io);
    const notebook = await loadNotebook(notebookFile(file, dir, io), io);

    const { warehouse, config } = await openWorkspace(dir);
    try {
      const runner = new NotebookRunner(warehouse, {
        ...(config.calendar ? { calendar: config.calendar } : {}),
      });
      const run = await runner.run(notebook, {
        inputs,
        onEvent: (event) => reportEvent(event, io),
      });
      const output = await renderRun(format, notebook, run, {
        locale: choiceOption(args, 'locale', ['en', 'fr'] as const, config.locale),
        currency: config.reportingCurrency,
      });
      const out = stringOption(args, 'out');
      if (out) {
        await writeFileAtomic(path.resolve(io.cwd, out), output);
        io.stderr.write(`Wrote ${out}\n`);
      } else {
        io.stdout.write(output);
      }
      const failed = [...run.outcomes.values()].some((outcome) => outcome.status !== 'finished');
      return failed ? 1 : 0;
    } finally {
      await warehouse.close();
    }
  },
};

function parseInputs(values: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of (values as string[] | undefined) ?? []) {
    const match = /^([a-z_][a-z0-9_]*)=(.*)$/.exec(pair);
    if (!match)
      throw new UsageError(
        `--input takes name=value; got "${pair}".`,
        'Example: --input period=last_7_days',
      );
    inputs[match[1]!] = match[2]!;
  }
  return inputs;
}

/** The file as given, else the workspace's notebook of that id (`weekly-cmo`). */
function notebookFile(given: string, workspace: string, io: CliIO): string {
  const file = path.resolve(io.cwd, given);
  if (existsSync(file) || !isNotebookId(given)) return file;
  const stored = path.join(workspacePaths(workspace).dir, 'notebooks', `${given}.md`);
  return existsSync(stored) ? stored : file;
}

async function loadNotebook(file: string, io: CliIO): Promise<Notebook> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(
      `Cannot read the notebook ${file}.`,
      "Check the path (notebooks are Markdown files such as notebooks/weekly-cmo.md), or give the id of one of the workspace's notebooks.",
    );
  }
  const { notebook, diagnostics } = parseNotebook(source);
  const problems = [...diagnostics, ...validateNotebook(notebook)];
  for (const problem of problems) {
    io.stderr.write(
      `${path.basename(file)}:${problem.line}: ${problem.severity}: ${problem.message}\n`,
    );
  }
  // Problems tied to a cell show on that cell when it runs; anything else stops the run.
  const fatal = problems.filter(
    (problem) => problem.severity === 'error' && problem.cellId === undefined,
  );
  if (fatal.length > 0)
    throw new UsageError(
      `${path.basename(file)} has ${fatal.length} error(s) outside its cells.`,
      'Fix them and run again.',
    );
  return notebook;
}

function reportEvent(event: RunEvent, io: CliIO): void {
  const label = (event: { name?: string; cellId: string; kind: string }) =>
    `${event.kind} ${event.name ?? event.cellId}`;
  switch (event.type) {
    case 'cell-finished':
      io.stderr.write(
        `  ok       ${label(event)}  ${event.totalRows} rows  ${event.cached ? 'cached' : `${Math.round(event.durationMs)} ms`}\n`,
      );
      break;
    case 'cell-failed':
      io.stderr.write(
        `  failed   ${label(event)}: ${event.error.message}${event.error.hint ? `\n           ${event.error.hint}` : ''}\n`,
      );
      break;
    case 'cell-blocked':
      io.stderr.write(`  blocked  ${label(event)}: blocked by ${event.blockedBy}\n`);
      break;
    case 'run-finished':
      io.stderr.write(
        `Ran in ${Math.round(event.durationMs)} ms: ${event.failed} failed, ${event.blocked} blocked, ${event.cached} cached\n`,
      );
      break;
  }
}

async function renderRun(
  format: (typeof FORMATS)[number],
  notebook: Notebook,
  run: NotebookRunResult,
  { locale, currency }: { locale: 'en' | 'fr'; currency: string },
): Promise<string> {
  if (format === 'html')
    return renderReportHtml({ notebook, run, locale, currency, generatedAt: new Date() });
  if (format === 'json') {
    const cells = notebook.cells.map((cell) => {
      const outcome = run.outcomes.get(cell.id);
      const base = {
        id: cell.id,
        name: cell.name ?? null,
        kind: cell.kind,
        status: outcome?.status ?? 'skipped',
      };
      if (outcome?.status === 'finished') {
        return {
          ...base,
          cached: outcome.cached,
          result: JSON.parse(resultToJson(outcome.result)) as unknown,
          ...(outcome.chart ? { chart: outcome.chart } : {}),
        };
      }
      if (outcome?.status === 'failed') return { ...base, error: outcome.error };
      if (outcome?.status === 'blocked') return { ...base, blocked_by: outcome.blockedBy };
      return base;
    });
    return `${JSON.stringify({ title: notebook.frontMatter.title, params: run.params, cells }, null, 2)}\n`;
  }
  const sections = notebook.cells.map((cell) => {
    const outcome = run.outcomes.get(cell.id);
    const heading = `## ${cell.kind} ${cell.name ?? cell.id}`;
    if (outcome?.status === 'finished')
      return `${heading}\n${outcome.chart ? `(chart of ${outcome.result.totalRows} rows)\n` : resultToTable(outcome.result)}`;
    if (outcome?.status === 'failed') return `${heading}\nerror: ${outcome.error.message}\n`;
    if (outcome?.status === 'blocked') return `${heading}\nblocked by ${outcome.blockedBy}\n`;
    return `${heading}\n(not run)\n`;
  });
  return `# ${notebook.frontMatter.title}\n\n${sections.join('\n')}`;
}
