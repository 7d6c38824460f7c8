import { BatonError } from '@baton/core';
import {
  DATE_RANGE_PRESETS,
  parseNotebook,
  type InputDefinition,
  type Notebook,
} from '@baton/core/notebook';
import { renderReportBody, renderReportHtml, type ReportLocale } from '@baton/core/report';
import { humanize } from '@baton/core/report/columns';
import type { NotebookRunResult } from '@baton/core/run';
import type { ReportInput, ReportView } from './api-types.ts';
import type { Workbench } from './workbench.ts';

/** A finished run of a stored notebook, ready to render. */
interface ReportRun {
  notebook: Notebook;
  run: NotebookRunResult;
  inputs: Record<string, string>;
}

/**
 * Runs the stored notebook with these input values (through the shared runner, so unchanged
 * cells come from the cache) and renders it for the web reader.
 *
 * @example await buildReportView(workbench, 'weekly-cmo', { period: 'last_28_days' }, 'fr')
 */
export async function buildReportView(
  workbench: Workbench,
  id: string,
  inputs: Record<string, string>,
  locale: ReportLocale,
): Promise<ReportView> {
  const { notebook, run } = await runForReport(workbench, id, inputs);
  const { html, css } = await renderReportBody({
    notebook,
    run,
    locale,
    currency: workbench.config.reportingCurrency,
    generatedAt: new Date(),
  });
  const { title, description } = notebook.frontMatter;
  const dataAsOf = await lastSuccessfulSync(workbench);
  return {
    id,
    title,
    ...(description ? { description } : {}),
    ...(dataAsOf ? { dataAsOf } : {}),
    locale,
    inputs: notebook.frontMatter.inputs.map((input) => reportInput(input, run.params, inputs)),
    params: run.params,
    html,
    css,
    runId: run.runId,
    failed: [...run.outcomes.values()].filter((outcome) => outcome.status === 'failed').length,
    durationMs: run.durationMs,
  };
}

/** When the workspace's data last arrived: the latest successful sync of any connection. */
export async function lastSuccessfulSync(workbench: Workbench): Promise<string | undefined> {
  const connections = await workbench.sync.listConnections();
  return connections
    .map((connection) => connection.lastSuccessAt)
    .filter((time) => time !== undefined)
    .sort()
    .at(-1);
}

/** The self-contained HTML file of the same report, for download. */
export async function buildReportFile(
  workbench: Workbench,
  id: string,
  inputs: Record<string, string>,
  locale: ReportLocale,
): Promise<string> {
  const { notebook, run } = await runForReport(workbench, id, inputs);
  return renderReportHtml({
    notebook,
    run,
    locale,
    currency: workbench.config.reportingCurrency,
    generatedAt: new Date(),
  });
}

async function runForReport(
  workbench: Workbench,
  id: string,
  inputs: Record<string, string>,
): Promise<ReportRun> {
  const file = await workbench.notebooks.read(id);
  const notebook = parseNotebook(file.text).notebook;
  const record = workbench.runs.start({ notebook: id, parsed: notebook, inputs });
  const run = await record.done;
  if (!run) {
    throw new BatonError(
      'internal',
      `The run of notebook "${id}" stopped before it finished.`,
      'The server log has the details; run the notebook in the editor to see which cell fails.',
    );
  }
  return { notebook, run, inputs };
}

function reportInput(
  input: InputDefinition,
  params: Record<string, unknown>,
  overrides: Record<string, string>,
): ReportInput {
  const chosen = overrides[input.name] ?? input.default;
  let value: unknown = params[input.name] ?? null;
  if (input.type === 'date_range') {
    const preset =
      typeof chosen === 'string' && (DATE_RANGE_PRESETS as readonly string[]).includes(chosen)
        ? chosen
        : undefined;
    value = {
      start: params[`${input.name}_start`] ?? null,
      end: params[`${input.name}_end`] ?? null,
      ...(preset ? { preset } : {}),
    };
  }
  return {
    name: input.name,
    type: input.type,
    label: input.label ?? humanize(input.name),
    ...(input.default !== undefined ? { default: input.default } : {}),
    ...(input.options ? { options: input.options } : {}),
    value,
  };
}
