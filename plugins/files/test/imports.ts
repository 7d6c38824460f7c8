/** Builds an `imports/` folder for a test in a temp directory. */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openImportFiles, type OpenedImportFiles } from '@baton/core/testing';

export interface TestImports extends OpenedImportFiles {
  dir: string;
  dispose(): Promise<void>;
}

/** Files by path inside imports/: text, or `{ fixture }` to copy a file of test/fixtures. */
export async function makeImports(
  files: Record<string, string | { fixture: string }>,
): Promise<TestImports> {
  const root = await mkdtemp(join(tmpdir(), 'baton-files-'));
  const dir = join(root, 'imports');
  await mkdir(dir);
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    if (typeof content === 'string') await writeFile(target, content);
    else await copyFile(new URL(`./fixtures/${content.fixture}`, import.meta.url), target);
  }
  const opened = await openImportFiles(dir);
  return {
    ...opened,
    dir,
    async dispose() {
      await opened.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export const CAMPAIGN_DAILY_CSV = `date,platform,account_id,account_name,campaign_id,campaign_name,campaign_status,objective,impressions,clicks,spend,conversions,conversion_value
2026-03-01,meta,1203,Maison Lumière,23851,Spring | Prospecting,active,sales,12000,340,210.55,12.5,880.10
2026-03-02,meta,1203,Maison Lumière,23851,Spring | Prospecting,active,sales,11800,322,198.40,11,790
2026-03-01,meta,1203,Maison Lumière,23852,Spring | Retargeting,paused,sales,3000,95,60,4,300.5
`;

export const SPEND_JANUARY_CSV = `day,channel,cost
2026-01-30,partners,100
2026-01-31,partners,120
`;

/** A later export of the same table, with a new `notes` column. */
export const SPEND_FEBRUARY_CSV = `day,channel,cost,notes
2026-02-01,partners,90.5,late invoice
2026-02-02,affiliates,40,
`;

export const EVENTS_JSONL = `{"at":"2026-03-01T10:00:00","name":"launch","tags":["spring","serum"]}
{"at":"2026-03-04T08:30:00","name":"press","tags":[]}
`;
