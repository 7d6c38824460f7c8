/**
 * The workspace's secret key, one for every secret it keeps (connector credentials, the AI
 * provider's key): from a given key or passphrase, else the workspace's `secret.key` file,
 * stretched with the workspace's salt and checked against its check value, both kept in
 * `meta.sqlite` (the first use writes them).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { MetadataStore } from './metadata.ts';
import { keyCheck, resolveKey, verifyKeyCheck } from './secrets.ts';

/**
 * @param given the key or passphrase the user gave (BATON_SECRET_KEY), if any
 * @example const key = await workspaceSecretKey(meta, workspaceDir, process.env.BATON_SECRET_KEY)
 */
export async function workspaceSecretKey(
  meta: MetadataStore,
  workspaceDir: string,
  given: string | undefined,
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
      given,
      keyFile: path.join(workspaceDir, 'secret.key'),
      salt: () => Buffer.from(salt, 'base64'),
    },
    check !== undefined,
  );
  if (check) verifyKeyCheck(key, check);
  else meta.setSetting('key_check', keyCheck(key));
  return key;
}
