/**
 * Autosave as a small state machine with its effects injected (the save request and the
 * timers), so tests drive it with fakes. Edits are saved ~800 ms after the last change; a
 * failed save is retried with backoff; a 412 stops saving until the user resolves the conflict.
 * The user's text is never dropped: it stays in `text` whatever the server answers.
 */
import type { NotebookFile } from '@baton/server';

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'retrying' | 'conflict';

/** What one save request came to. */
export type SaveOutcome =
  | { type: 'save-succeeded'; file: NotebookFile }
  | { type: 'save-conflicted'; current: NotebookFile }
  | { type: 'save-failed'; message: string };

export interface AutosaveEffects {
  save(text: string, baseVersion: string): Promise<SaveOutcome>;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveSnapshot {
  status: SaveStatus;
  /** The version the next save is based on (the last one the server confirmed). */
  version: string;
  /** Failed attempts in a row. */
  failures: number;
  /** The last failure's message, while retrying. */
  error?: string;
  /** The file on the server when a save met a newer version. */
  conflict?: NotebookFile;
}

export interface AutosaveOptions {
  text: string;
  version: string;
  effects: AutosaveEffects;
  delayMs?: number;
  /** Called after every state change. */
  onchange?: (snapshot: AutosaveSnapshot) => void;
  /** Called when a save succeeded, with the server's file. */
  onsaved?: (file: NotebookFile) => void;
}

/** Backoff after `failures` failed saves in a row: 1 s, 2 s, 4 s ... at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

export class Autosaver {
  /** The editor's current text (the user's, always kept). */
  text: string;
  /** The text the server holds at `version`. */
  private savedText: string;
  private snapshot: AutosaveSnapshot;
  private timer: unknown;
  private inflight: Promise<void> | undefined;
  private readonly effects: AutosaveEffects;
  private readonly delayMs: number;
  private readonly onchange: (snapshot: AutosaveSnapshot) => void;
  private readonly onsaved: (file: NotebookFile) => void;

  constructor(options: AutosaveOptions) {
    this.text = options.text;
    this.savedText = options.text;
    this.effects = options.effects;
    this.delayMs = options.delayMs ?? 800;
    this.onchange = options.onchange ?? (() => {});
    this.onsaved = options.onsaved ?? (() => {});
    this.snapshot = { status: 'saved', version: options.version, failures: 0 };
  }

  get state(): AutosaveSnapshot {
    return this.snapshot;
  }

  /** Whether some text is not on the server yet. */
  get dirty(): boolean {
    return this.text !== this.savedText;
  }

  private update(patch: Partial<AutosaveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.onchange(this.snapshot);
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) this.effects.clearTimeout(this.timer);
    this.timer = this.effects.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  /** The user changed the text: save it after the debounce delay. */
  edit(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (this.snapshot.status === 'conflict') return;
    if (this.snapshot.status !== 'saving' && this.snapshot.status !== 'retrying') {
      this.update({ status: this.dirty ? 'unsaved' : 'saved' });
    }
    if (this.snapshot.status !== 'retrying') this.schedule(this.delayMs);
  }

  /** Saves now (Ctrl+S, page hide). Resolves when the text of this moment is saved or failed. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      this.effects.clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.inflight) await this.inflight;
    if (this.snapshot.status === 'conflict' || !this.dirty) return;
    this.inflight = this.saveOnce();
    try {
      await this.inflight;
    } finally {
      this.inflight = undefined;
    }
  }

  private async saveOnce(): Promise<void> {
    const text = this.text;
    this.update({ status: this.snapshot.status === 'retrying' ? 'retrying' : 'saving' });
    let outcome: SaveOutcome;
    try {
      outcome = await this.effects.save(text, this.snapshot.version);
    } catch (error) {
      outcome = {
        type: 'save-failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    switch (outcome.type) {
      case 'save-succeeded': {
        this.savedText = text;
        const dirty = this.dirty;
        this.snapshot = {
          status: dirty ? 'unsaved' : 'saved',
          version: outcome.file.version,
          failures: 0,
        };
        this.onchange(this.snapshot);
        this.onsaved(outcome.file);
        if (dirty) this.schedule(this.delayMs);
        return;
      }
      case 'save-conflicted':
        this.update({ status: 'conflict', conflict: outcome.current });
        return;
      case 'save-failed': {
        const failures = this.snapshot.failures + 1;
        this.update({ status: 'retrying', failures, error: outcome.message });
        this.schedule(retryDelay(failures));
      }
    }
  }

  /**
   * The conflict is resolved by loading `file` (the server's): the editor shows its text and
   * saves are based on its version again.
   */
  reset(file: NotebookFile): void {
    if (this.timer !== undefined) this.effects.clearTimeout(this.timer);
    this.timer = undefined;
    this.text = file.text;
    this.savedText = file.text;
    this.snapshot = { status: 'saved', version: file.version, failures: 0 };
    this.onchange(this.snapshot);
  }

  /** Stops the timers (the page is leaving). */
  dispose(): void {
    if (this.timer !== undefined) this.effects.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
