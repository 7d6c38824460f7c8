/**
 * The AI provider's API key, kept like connector secrets: sealed with AES-256-GCM in the
 * workspace's metadata store (`meta.sqlite`, apart from the analyst DuckDB), with the same key
 * source, salt and check value as the sync host (BATON_SECRET_KEY, else `secret.key`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { workspacePaths } from '../../store/workspace.ts';
import { MetadataStore } from '../../sync/metadata.ts';
import { decrypt, encrypt, keyCheck, resolveKey, verifyKeyCheck } from '../../sync/secrets.ts';

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
    return decrypt(await workspaceKey(meta, dir, options), stored.sealed);
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
    const sealed = encrypt(await workspaceKey(meta, dir, options), apiKey);
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

/**
 * The workspace's secret key, resolved exactly as the sync host resolves it (same salt and check
 * value in the same settings rows), so connector secrets and the AI key open with one key.
 */
async function workspaceKey(
  meta: MetadataStore,
  dir: string,
  options: KeyStoreOptions,
): Promise<Buffer> {
  const salt = meta.transaction(() => {
    const known = meta.setting('key_salt');
    if (known) return known;
    const fresh = randomBytes(16).toString('base64');
    meta.setSetting('key_salt', fresh);
    return fresh;
  });
  const check = meta.setting('key_check');
  const key = await resolveKey(
    {
      given: options.secretKey,
      keyFile: path.join(dir, 'secret.key'),
      salt: () => Buffer.from(salt, 'base64'),
    },
    check !== undefined,
  );
  if (check) verifyKeyCheck(key, check);
  else meta.setSetting('key_check', keyCheck(key));
  return key;
}
