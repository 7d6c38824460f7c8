/**
 * Secret config fields, encrypted at rest with AES-256-GCM.
 *
 * The key comes from, in order: the `secretKey` option, the `BATON_SECRET_KEY` environment
 * variable, or the workspace's key file (`secret.key`, created with mode 0600 on first use).
 * A value that is base64 of exactly 32 bytes is used as the key itself; any other value is a
 * passphrase, stretched with scrypt and a random salt kept in the workspace's metadata store (so
 * the same passphrase opens the same workspace anywhere). A check value encrypted with the key is
 * kept beside the secrets, so a wrong key is reported as such, never read as garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { SyncError } from './errors.ts';

const PREFIX = 'v1';
const CHECK_TEXT = 'baton-secret-key-check';

export interface KeySource {
  /** The key or passphrase given explicitly, or from the environment. */
  given?: string;
  keyFile: string;
  /** Where a passphrase's salt is kept. */
  salt(): Buffer;
}

/** Reads the key (generating the key file when there is none and nothing is encrypted yet). */
export async function resolveKey(source: KeySource, hasEncrypted: boolean): Promise<Buffer> {
  if (source.given !== undefined && source.given !== '') return deriveKey(source.given, source);
  if (existsSync(source.keyFile)) {
    return deriveKey((await readFile(source.keyFile, 'utf8')).trim(), source);
  }
  if (hasEncrypted) {
    throw new SyncError(
      'secret-key',
      'The key that encrypted this workspace’s credentials is missing (no BATON_SECRET_KEY and no secret.key file).',
      'Set BATON_SECRET_KEY to the key used before, or restore the workspace’s secret.key file; otherwise reconnect every account.',
    );
  }
  const key = randomBytes(32);
  try {
    await writeFile(source.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return deriveKey((await readFile(source.keyFile, 'utf8')).trim(), source);
  }
  return key;
}

function deriveKey(value: string, source: KeySource): Buffer {
  const raw = Buffer.from(value, 'base64');
  if (raw.length === 32 && raw.toString('base64') === value) return raw;
  return scryptSync(value, source.salt(), 32);
}

/** Encrypts text as `v1.<iv>.<tag>.<ciphertext>` (base64 parts). */
export function encrypt(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [PREFIX, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
    .join('.');
}

export function decrypt(key: Buffer, sealed: string): string {
  const [prefix, iv, tag, data] = sealed.split('.');
  try {
    if (prefix !== PREFIX || !iv || !tag || data === undefined) throw new Error('malformed');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const clear = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
    return clear.toString('utf8');
  } catch (error) {
    throw wrongKey(error);
  }
}

/** A value to store beside the secrets: `verifyKeyCheck` tells a wrong key before any use. */
export function keyCheck(key: Buffer): string {
  return encrypt(key, CHECK_TEXT);
}

export function verifyKeyCheck(key: Buffer, check: string): void {
  if (decrypt(key, check) !== CHECK_TEXT) throw wrongKey();
}

function wrongKey(cause?: unknown): SyncError {
  return new SyncError(
    'secret-key',
    'The secret key does not open this workspace’s credentials (it is not the key they were encrypted with).',
    'Set BATON_SECRET_KEY to the key used when the connections were added (or restore secret.key); otherwise reconnect every account.',
    { cause },
  );
}

/** Top-level fields of an object schema marked `.meta({ secret: true })`. */
export function secretFields(schema: z.ZodType): string[] {
  return configFields(schema)
    .filter((field) => field.secret)
    .map((field) => field.key);
}

/** A top-level field of a connector's config schema, as a form or a prompt shows it. */
export interface ConfigField {
  key: string;
  label: string;
  description?: string;
  secret: boolean;
  /** False when the field is optional or has a default. */
  required: boolean;
}

/**
 * The top-level fields of an object schema with their `.meta()` (label, description, secret),
 * read on the field or inside its optional/default wrappers.
 */
export function configFields(schema: z.ZodType): ConfigField[] {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || typeof shape !== 'object') return [];
  return Object.entries(shape).map(([key, field]) => {
    const meta = fieldMeta(field);
    return {
      key,
      label: typeof meta.label === 'string' ? meta.label : key,
      ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
      secret: meta.secret === true,
      required: !field.safeParse(undefined).success,
    };
  });
}

/** The field's metadata merged across its wrappers, the outer ones winning. */
function fieldMeta(field: z.ZodType): Record<string, unknown> {
  const layers: Record<string, unknown>[] = [];
  let current: unknown = field;
  for (let depth = 0; depth < 8 && current; depth++) {
    const typed = current as { meta?: () => unknown; unwrap?: () => unknown };
    const meta = typeof typed.meta === 'function' ? typed.meta() : undefined;
    if (meta && typeof meta === 'object') layers.push(meta as Record<string, unknown>);
    current = typeof typed.unwrap === 'function' ? typed.unwrap() : undefined;
  }
  return Object.assign({}, ...layers.reverse());
}

/** Replaces every secret value in `text` (logs, errors) with `[secret]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[secret]');
  }
  return result;
}

/** Config as stored: each secret field's value (as JSON) sealed into `{ $secret: 'v1...' }`. */
export function sealConfig(
  key: Buffer,
  config: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const sealed: Record<string, unknown> = { ...config };
  for (const field of fields) {
    if (config[field] !== undefined)
      sealed[field] = { $secret: encrypt(key, JSON.stringify(config[field])) };
  }
  return sealed;
}

export function unsealConfig(
  key: Buffer,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(stored)) {
    const sealed = (value as { $secret?: unknown } | null)?.$secret;
    config[field] = typeof sealed === 'string' ? JSON.parse(decrypt(key, sealed)) : value;
  }
  return config;
}

/** The string values of secret fields (what `redact` hides). */
export function secretValues(config: Record<string, unknown>, fields: readonly string[]): string[] {
  const values: string[] = [];
  for (const field of fields) {
    const value = config[field];
    if (typeof value === 'string') values.push(value);
    else if (value !== undefined && value !== null) values.push(JSON.stringify(value));
  }
  return values;
}
