import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { BatonError } from '../errors.ts';
import { parseNotebook, validateNotebook, type NotebookDiagnostic } from '../notebook/index.ts';
import { writeFileAtomic } from './atomic.ts';

/** A notebook file as the workbench edits it. */
export interface StoredNotebook {
  /** The file name without `.md`. */
  id: string;
  text: string;
  /** First 16 hex characters of the SHA-256 of the file's bytes. */
  version: string;
  /** ISO timestamp of the file's last change. */
  updatedAt: string;
  /** Parse and validation findings; saving never refuses them. */
  diagnostics: NotebookDiagnostic[];
}

/** One line of the notebook list. */
export interface StoredNotebookSummary {
  id: string;
  title: string;
  description?: string;
  version: string;
  updatedAt: string;
  cellCount: number;
  /** Parse and validation errors in the file. */
  problems: number;
}

/** A save or delete whose base version is no longer the file's; `current` is what is on disk. */
export class NotebookConflictError extends BatonError {
  constructor(
    readonly current: StoredNotebook,
    action: string,
  ) {
    super(
      'conflict',
      `Notebook "${current.id}" changed since you opened it (now version ${current.version}): the ${action} was not applied.`,
      'Reload the notebook (your text is still in the editor), merge your changes, and save again.',
    );
  }
}

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The Markdown notebooks of a workspace's `notebooks/` folder. Writes are atomic and the writes
 * to one notebook run one at a time, so two saves on one base version: the first wins, the
 * second gets a conflict.
 *
 * @example
 * const store = new NotebookStore('/srv/acme');
 * const file = await store.read('weekly-cmo');
 * await store.save('weekly-cmo', `${file.text}\nMore prose.\n`, file.version);
 */
export class NotebookStore {
  readonly dir: string;
  readonly #locks = new Map<string, Promise<unknown>>();

  constructor(workspaceDir: string) {
    this.dir = path.join(path.resolve(workspaceDir), 'notebooks');
  }

  /** Every notebook, most recently changed first. */
  async list(): Promise<StoredNotebookSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -3))
      .filter((id) => ID_PATTERN.test(id));
    const files = await Promise.all(ids.map((id) => this.#load(id)));
    return files
      .filter((file) => file !== undefined)
      .map(summarize)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  async read(id: string): Promise<StoredNotebook> {
    return (await this.#load(checkId(id))) ?? notFound(id);
  }

  /**
   * Creates a notebook. Without `id`, the id comes from the title (`Weekly CMO` -> `weekly-cmo`,
   * then `weekly-cmo-2`... when taken); an explicit id that is taken is an `exists` error.
   */
  async create({
    title,
    id,
    text,
  }: {
    title: string;
    id?: string;
    text?: string;
  }): Promise<StoredNotebook> {
    await mkdir(this.dir, { recursive: true });
    const content = text ?? starterText(title);
    if (id !== undefined) {
      return this.#exclusive([checkId(id)], async () => {
        if (await this.#load(id)) {
          throw new BatonError(
            'exists',
            `A notebook named "${id}" already exists.`,
            'Pick another id, or open the existing notebook.',
          );
        }
        return this.#write(id, content);
      });
    }
    const base = slugOf(title);
    for (let attempt = 1; ; attempt++) {
      const suffix = attempt === 1 ? '' : `-${attempt}`;
      const candidate = `${base.slice(0, 64 - suffix.length)}${suffix}`;
      const created = await this.#exclusive([candidate], async () =>
        (await this.#load(candidate)) ? undefined : this.#write(candidate, content),
      );
      if (created) return created;
    }
  }

  /** Replaces the text if `baseVersion` is still the file's version; throws NotebookConflictError if not. */
  async save(id: string, text: string, baseVersion: string): Promise<StoredNotebook> {
    return this.#exclusive([checkId(id)], async () => {
      const current = (await this.#load(id)) ?? notFound(id);
      if (current.version !== baseVersion) throw new NotebookConflictError(current, 'save');
      if (current.text === text) return current;
      return this.#write(id, text);
    });
  }

  /** Deletes the file; with `version`, only if the file is still at that version. */
  async remove(id: string, version?: string): Promise<void> {
    await this.#exclusive([checkId(id)], async () => {
      const current = (await this.#load(id)) ?? notFound(id);
      if (version !== undefined && current.version !== version) {
        throw new NotebookConflictError(current, 'delete');
      }
      await unlink(this.#path(id));
    });
  }

  /** Moves the notebook to a new id; an `exists` error when the new id is taken. */
  async rename(id: string, to: string): Promise<StoredNotebook> {
    checkId(id);
    checkId(to);
    if (id === to) return this.read(id);
    return this.#exclusive([id, to].sort(), async () => {
      if (!(await this.#load(id))) notFound(id);
      const taken = new BatonError(
        'exists',
        `A notebook named "${to}" already exists.`,
        'Pick another name, or delete that notebook first.',
      );
      try {
        // link refuses an existing target, so a notebook someone else just created is never replaced.
        await link(this.#path(id), this.#path(to));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw taken;
        // A file system without hard links: check, then rename (a small window, but no loss).
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        if (await this.#load(to)) throw taken;
        await rename(this.#path(id), this.#path(to));
        return (await this.#load(to)) ?? notFound(to);
      }
      await unlink(this.#path(id));
      return (await this.#load(to)) ?? notFound(to);
    });
  }

  #path(id: string): string {
    return path.join(this.dir, `${id}.md`);
  }

  async #load(id: string): Promise<StoredNotebook | undefined> {
    const file = this.#path(id);
    try {
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      return describe(id, bytes, info.mtime);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async #write(id: string, text: string): Promise<StoredNotebook> {
    await writeFileAtomic(this.#path(id), text);
    return (await this.#load(id)) ?? notFound(id);
  }

  /** Runs `work` after every earlier write to these ids, and before any later one. */
  async #exclusive<T>(ids: string[], work: () => Promise<T>): Promise<T> {
    const before = Promise.all(ids.map((id) => this.#locks.get(id)));
    const run = before.then(work);
    const settled = run.catch(() => undefined);
    for (const id of ids) this.#locks.set(id, settled);
    void settled.then(() => {
      for (const id of ids) if (this.#locks.get(id) === settled) this.#locks.delete(id);
    });
    return run;
  }
}

/** The version of a file's content: the first 16 hex characters of its SHA-256. */
export function notebookVersion(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** True when `id` can name a notebook file (`[a-z0-9][a-z0-9_-]*`, at most 64 characters). */
export function isNotebookId(id: string): boolean {
  return ID_PATTERN.test(id);
}

function describe(id: string, bytes: Buffer, changed: Date): StoredNotebook {
  const text = bytes.toString('utf8');
  return {
    id,
    text,
    version: notebookVersion(bytes),
    updatedAt: changed.toISOString(),
    diagnostics: diagnose(text),
  };
}

function diagnose(text: string): NotebookDiagnostic[] {
  const { notebook, diagnostics } = parseNotebook(text);
  return [...diagnostics, ...validateNotebook(notebook)].sort((a, b) => a.line - b.line);
}

function summarize(file: StoredNotebook): StoredNotebookSummary {
  const { frontMatter, cells } = parseNotebook(file.text).notebook;
  return {
    id: file.id,
    title: frontMatter.title || file.id,
    ...(frontMatter.description ? { description: frontMatter.description } : {}),
    version: file.version,
    updatedAt: file.updatedAt,
    cellCount: cells.length,
    problems: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
  };
}

function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new BatonError(
      'usage',
      `"${id.slice(0, 80)}" is not a notebook id: use lower case letters, digits, - and _ (at most 64, starting with a letter or digit).`,
      'Notebook ids are file names in the notebooks folder, e.g. weekly-cmo.',
    );
  }
  return id;
}

function notFound(id: string): never {
  throw new BatonError(
    'not-found',
    `There is no notebook "${id}" in this workspace.`,
    'List the notebooks (GET /api/notebooks) and pick one of those ids.',
  );
}

/** `Rapport hebdo: Été 2026!` -> `rapport-hebdo-ete-2026`. */
function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'notebook';
}

/** A new notebook: its title, and the reporting period nearly every marketing question needs. */
function starterText(title: string): string {
  return [
    '---',
    YAML.stringify({ title }).trimEnd(),
    'inputs:',
    '  period: { type: date_range, default: last_28_days, label: Period }',
    '---',
    '',
    '',
  ].join('\n');
}
