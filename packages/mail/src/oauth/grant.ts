import { decryptSecret, type EncryptionKeys, encryptSecret } from '@firmly/config';
import { z } from 'zod';
import type { MailProviderName } from '../model';

/**
 * A mailbox's OAuth grant as stored in `mailboxes.encrypted_grant`: sealed with
 * AES-256-GCM under the mailbox id as associated data, so a grant copied into another
 * mailbox's row fails to open. Sealing always uses the newest key, so every refresh
 * also re-encrypts an old row under the current key.
 */
export interface Grant {
  provider: MailProviderName;
  refreshToken: string;
  accessToken?: string;
  accessTokenExpiresAt?: Date;
  /** Space-separated scopes as the provider last reported them. */
  scope: string;
}

export class GrantFormatError extends Error {
  override name = 'GrantFormatError';
}

const grantSchema = z.object({
  v: z.literal(1),
  provider: z.enum(['gmail', 'graph']),
  refreshToken: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  accessTokenExpiresAt: z.iso.datetime().optional(),
  scope: z.string(),
});

export function sealGrant(keys: EncryptionKeys, grant: Grant, mailboxId: string): string {
  if (!mailboxId) throw new Error('a grant is sealed to a mailbox id');
  const body: z.infer<typeof grantSchema> = {
    v: 1,
    provider: grant.provider,
    refreshToken: grant.refreshToken,
    ...(grant.accessToken === undefined ? {} : { accessToken: grant.accessToken }),
    ...(grant.accessTokenExpiresAt === undefined ? {} : { accessTokenExpiresAt: grant.accessTokenExpiresAt.toISOString() }),
    scope: grant.scope,
  };
  return encryptSecret(keys, JSON.stringify(grantSchema.parse(body)), mailboxId);
}

/** Throws DecryptionError (wrong key, tampered, other mailbox) or GrantFormatError. */
export function openGrant(keys: EncryptionKeys, sealed: string, mailboxId: string): Grant {
  const plaintext = decryptSecret(keys, sealed, mailboxId);
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    throw new GrantFormatError('sealed grant is not JSON');
  }
  const parsed = grantSchema.safeParse(json);
  if (!parsed.success) throw new GrantFormatError('sealed grant has an unknown shape');
  const { provider, refreshToken, accessToken, accessTokenExpiresAt, scope } = parsed.data;
  return {
    provider,
    refreshToken,
    ...(accessToken === undefined ? {} : { accessToken }),
    ...(accessTokenExpiresAt === undefined ? {} : { accessTokenExpiresAt: new Date(accessTokenExpiresAt) }),
    scope,
  };
}
