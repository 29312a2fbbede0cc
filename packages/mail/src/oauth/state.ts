import { randomBytes } from 'node:crypto';
import { DecryptionError, decryptSecret, type EncryptionKeys, encryptSecret } from '@firmly/config';
import { z } from 'zod';
import type { MailProviderName } from '../model';
import { CODE_VERIFIER_PATTERN } from './pkce';

/**
 * The OAuth `state` parameter: everything the callback needs, sealed with AES-256-GCM
 * (encryptSecret) under the associated data `oauth-state`. GCM authenticates, so the
 * seal both signs (no one can forge or alter a state) and hides the PKCE verifier (the
 * state travels through the browser and the provider's logs). No server-side session.
 *
 * Wire form: `v1.<base64url>` — the `:` after the key version becomes `.`, so the whole
 * state is in [A-Za-z0-9._-] and needs no escaping in a URL.
 *
 * What the seal does NOT prove is that the browser bringing the state back is the one
 * that started the flow: the callback must also check that the signed-in operator belongs
 * to `workspaceId` (else anyone could send a victim a link that connects the victim's
 * mailbox to the attacker's workspace). `nonce` can additionally be bound to a cookie.
 */
export interface OAuthStateInput {
  workspaceId: string;
  provider: MailProviderName;
  codeVerifier: string;
  /** A path inside firmly (`/settings/mailboxes`); never an absolute URL (no open redirect). */
  redirectAfter?: string;
}

export interface OAuthState extends OAuthStateInput {
  nonce: string;
  expiresAt: Date;
}

export type OpenStateResult = { ok: true; state: OAuthState } | { ok: false; error: 'expired' | 'invalid' };

export const OAUTH_STATE_ASSOCIATED_DATA = 'oauth-state';
/** Longer input is refused before any decoding. */
export const MAX_STATE_LENGTH = 2048;

const relativePath = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s\\\p{Cc}]*$/u, 'a path starting with a single /');

const inputSchema = z.object({
  workspaceId: z.string().min(1).max(100),
  provider: z.enum(['gmail', 'graph']),
  codeVerifier: z.string().regex(CODE_VERIFIER_PATTERN),
  redirectAfter: relativePath.optional(),
});

const sealedSchema = z.strictObject({
  w: inputSchema.shape.workspaceId,
  p: inputSchema.shape.provider,
  v: inputSchema.shape.codeVerifier,
  r: relativePath.optional(),
  n: z.string().min(16).max(64),
  e: z.number().int().positive(),
});

export function createState(
  keys: EncryptionKeys,
  input: OAuthStateInput,
  ttlMs: number,
  now: Date,
): { state: string; nonce: string; expiresAt: Date } {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError('ttlMs must be a positive integer');
  const parsed = inputSchema.parse(input);
  const nonce = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  const body: z.infer<typeof sealedSchema> = {
    w: parsed.workspaceId,
    p: parsed.provider,
    v: parsed.codeVerifier,
    ...(parsed.redirectAfter === undefined ? {} : { r: parsed.redirectAfter }),
    n: nonce,
    e: expiresAt.getTime(),
  };
  const sealed = encryptSecret(keys, JSON.stringify(body), OAUTH_STATE_ASSOCIATED_DATA);
  return { state: sealed.replace(':', '.'), nonce, expiresAt };
}

export function openState(keys: EncryptionKeys, state: string, now: Date): OpenStateResult {
  const invalid = { ok: false, error: 'invalid' } as const;
  const match = /^(v\d{1,6})\.([A-Za-z0-9_-]+)$/.exec(state);
  if (state.length > MAX_STATE_LENGTH || !match?.[1] || !match[2]) return invalid;
  // Base64url decoding ignores a last character's spare bits; only the canonical form is ours.
  if (Buffer.from(match[2], 'base64url').toString('base64url') !== match[2]) return invalid;
  let plaintext: string;
  try {
    plaintext = decryptSecret(keys, `${match[1]}:${match[2]}`, OAUTH_STATE_ASSOCIATED_DATA);
  } catch (error) {
    if (error instanceof DecryptionError) return invalid;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    return invalid;
  }
  const body = sealedSchema.safeParse(json);
  if (!body.success) return invalid;
  if (now.getTime() >= body.data.e) return { ok: false, error: 'expired' };
  return {
    ok: true,
    state: {
      workspaceId: body.data.w,
      provider: body.data.p,
      codeVerifier: body.data.v,
      ...(body.data.r === undefined ? {} : { redirectAfter: body.data.r }),
      nonce: body.data.n,
      expiresAt: new Date(body.data.e),
    },
  };
}
