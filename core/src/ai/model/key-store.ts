/**
 * The AI provider's API key, kept like connector secrets: sealed with AES-256-GCM in the
 * workspace's metadata store (`meta.sqlite`, apart from the analyst DuckDB), with the same key
 * source, salt and check value as the sync host (BATON_SECRET_KEY, else `secret.key`).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { workspacePaths } from '../../store/workspace.ts';
import { MetadataStore } from '../../sync/metadata.ts';
import { decrypt, encrypt } from '../../sync/secrets.ts';
import { workspaceSecretKey } from '../../sync/workspace-key.ts';

/** Settings rows of `meta.sqlite`: the sealed key, and the provider it is for (clear). */
const SEALED_KEY = 'ai_api_key';
const KEY_PROVIDER = 'ai_api_key_provider';

export interface KeyStoreOptions {
  /** The workspace's secret key or passphrase (default: env BATON_SECRET_KEY, else secret.key). */
  secretKey?: string | undefined;
}

/** The provider a stored key is for, without decrypting it; undefined when none is stored. */
export function storedKeyProvider(workspaceDir: string): string | undefined {
  return withStore(workspaceDir, (meta) =>
    meta.setting(SEALED_KEY) ? (meta.setting(KEY_PROVIDER) ?? '') : undefined,
  );
}

/** The stored key for `provider`, decrypted; undefined when none is stored for it. */
export async function readStoredKey(
  workspaceDir: string,
  provider: string,
  options: KeyStoreOptions,
): Promise<string | undefined> {
  const stored = withStore(workspaceDir, (meta) => ({
    sealed: meta.setting(SEALED_KEY),
    provider: meta.setting(KEY_PROVIDER),
  }));
  if (!stored?.sealed || stored.provider !== provider) return undefined;
  const dir = workspacePaths(workspaceDir).dir;
  const meta = MetadataStore.open(path.join(dir, 'meta.sqlite'));
  try {
    return decrypt(await workspaceSecretKey(meta, dir, options.secretKey), stored.sealed);
  } finally {
    meta.close();
  }
}

/** Seals `apiKey` for `provider` into the workspace's metadata store, replacing any stored key. */
export async function storeKey(
  workspaceDir: string,
  provider: string,
  apiKey: string,
  options: KeyStoreOptions,
): Promise<void> {
  const dir = workspacePaths(workspaceDir).dir;
  await mkdir(dir, { recursive: true });
  const meta = MetadataStore.open(path.join(dir, 'meta.sqlite'));
  try {
    const sealed = encrypt(await workspaceSecretKey(meta, dir, options.secretKey), apiKey);
    meta.transaction(() => {
      meta.setSetting(SEALED_KEY, sealed);
      meta.setSetting(KEY_PROVIDER, provider);
    });
  } finally {
    meta.close();
  }
}

/** Forgets the stored key (nothing happens when there is none). */
export function removeStoredKey(workspaceDir: string): void {
  withStore(workspaceDir, (meta) => {
    // The metadata store has no delete for settings: an empty value means none.
    if (meta.setting(SEALED_KEY) === undefined) return;
    meta.transaction(() => {
      meta.setSetting(SEALED_KEY, '');
      meta.setSetting(KEY_PROVIDER, '');
    });
  });
}

/** Runs `work` on the workspace's metadata store if it exists (never creates it). */
function withStore<T>(workspaceDir: string, work: (meta: MetadataStore) => T): T | undefined {
  const file = path.join(workspacePaths(workspaceDir).dir, 'meta.sqlite');
  if (!existsSync(file)) return undefined;
  const meta = MetadataStore.open(file);
  try {
    return work(meta);
  } finally {
    meta.close();
  }
}
