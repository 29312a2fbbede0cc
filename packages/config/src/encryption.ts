import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Envelope for secrets at rest (OAuth grants): AES-256-GCM, a fresh 96-bit IV per
 * message, and the key version as a visible prefix so keys can rotate.
 *
 *   v2:<base64url(iv ‖ tag ‖ ciphertext)>
 *
 * FIRMLY_ENCRYPTION_KEY lists keys as `version:base64key`, comma-separated, newest
 * first. The first key encrypts; every listed key decrypts. Rotation: prepend a new
 * key, re-encrypt rows whose prefix is old (`needsReencryption`), then drop the old key.
 *
 * The caller passes associated data (for a grant: the mailbox id), binding the
 * ciphertext to its row so a grant copied into another mailbox fails to decrypt.
 */
export interface EncryptionKeys {
  readonly current: { readonly version: string; readonly key: Buffer };
  readonly byVersion: ReadonlyMap<string, Buffer>;
}

const versionPattern = /^v\d{1,6}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const encryptionKeysExpected =
  'a comma-separated list of version:key pairs, newest first, e.g. "v1:<32 random bytes in base64>" (version like v1, v2)';

export function parseEncryptionKeys(value: string): EncryptionKeys {
  const byVersion = new Map<string, Buffer>();
  let current: EncryptionKeys['current'] | undefined;
  for (const entry of value.split(',').map((e) => e.trim())) {
    const separator = entry.indexOf(':');
    const version = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (separator <= 0 || !versionPattern.test(version)) throw new Error('each key needs a version prefix such as v1:');
    if (key.length !== 32) throw new Error(`key ${version} must be 32 bytes, base64-encoded`);
    if (byVersion.has(version)) throw new Error(`key version ${version} is listed twice`);
    byVersion.set(version, key);
    current ??= { version, key };
  }
  if (!current) throw new Error('no key given');
  return { current, byVersion };
}

/** zod schema for FIRMLY_ENCRYPTION_KEY; used by every service's env spec. */
export const encryptionKeysSchema = z.string().transform((value, ctx) => {
  try {
    return parseEncryptionKeys(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

export function generateEncryptionKey(version = 'v1'): string {
  return `${version}:${randomBytes(32).toString('base64')}`;
}

export function encryptSecret(keys: EncryptionKeys, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${keys.current.version}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function decryptSecret(keys: EncryptionKeys, sealed: string, associatedData: string): string {
  const separator = sealed.indexOf(':');
  const version = sealed.slice(0, separator);
  const key = keys.byVersion.get(version);
  if (separator <= 0 || !key) throw new DecryptionError(`no key for version "${version}"`);
  const raw = Buffer.from(sealed.slice(separator + 1), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // GCM says only "unable to authenticate"; which of key, data or binding is wrong is unknowable.
    throw new DecryptionError('sealed value failed authentication (wrong key, tampered, or bound to another record)');
  }
}

export function needsReencryption(keys: EncryptionKeys, sealed: string): boolean {
  return !sealed.startsWith(`${keys.current.version}:`);
}
