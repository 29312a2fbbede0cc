import { randomBytes } from 'node:crypto';

/**
 * The sandbox's token registry, shared by its OAuth endpoints (which issue and
 * refresh tokens) and its Gmail / Graph APIs (which check them). In memory: the
 * sandbox is a test and demo double, restarted empty.
 *
 * Behaviour mirrors the real providers where firmly depends on it: access tokens
 * expire; a refresh may rotate the refresh token (Microsoft does, Google does
 * not) and the old one stops working; a revoked grant makes refreshes fail with
 * invalid_grant and outstanding access tokens fail with 401.
 */
export interface GrantRecord {
  readonly id: string;
  /** The mailbox address the grant is for, lower-cased. */
  readonly user: string;
  refreshToken: string;
  readonly scope: string;
  revoked: boolean;
}

export type AccessCheck = { ok: true; user: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' };

const token = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

export class TokenStore {
  private readonly grants = new Map<string, GrantRecord>();
  private readonly byRefreshToken = new Map<string, string>();
  private readonly access = new Map<string, { grantId: string; expiresAtMs: number }>();

  constructor(private readonly options: { accessTokenTtlMs: number; rotateRefreshTokens: boolean; now?: () => number }) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** A grant as an operator's consent would create it. */
  createGrant(user: string, scope: string): GrantRecord {
    const grant: GrantRecord = { id: token('g'), user: user.toLowerCase(), refreshToken: token('rt'), scope, revoked: false };
    this.grants.set(grant.id, grant);
    this.byRefreshToken.set(grant.refreshToken, grant.id);
    return grant;
  }

  /** Exchanges a refresh token for an access token; rotates the refresh token when configured to. */
  refresh(
    refreshToken: string,
  ): { accessToken: string; expiresInS: number; refreshToken: string; scope: string; user: string } | { error: 'invalid_grant' } {
    const grant = this.grants.get(this.byRefreshToken.get(refreshToken) ?? '');
    if (!grant || grant.revoked) return { error: 'invalid_grant' };
    if (this.options.rotateRefreshTokens) {
      this.byRefreshToken.delete(grant.refreshToken);
      grant.refreshToken = token('rt');
      this.byRefreshToken.set(grant.refreshToken, grant.id);
    }
    return { ...this.issueAccessToken(grant), refreshToken: grant.refreshToken, scope: grant.scope, user: grant.user };
  }

  issueAccessToken(grant: GrantRecord): { accessToken: string; expiresInS: number } {
    const accessToken = token('at');
    this.access.set(accessToken, { grantId: grant.id, expiresAtMs: this.now() + this.options.accessTokenTtlMs });
    return { accessToken, expiresInS: Math.floor(this.options.accessTokenTtlMs / 1000) };
  }

  /** Checks an `Authorization` header value. */
  check(authorization: string | undefined): AccessCheck {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, reason: 'missing' };
    const entry = this.access.get(match[1]);
    if (!entry) return { ok: false, reason: 'invalid' };
    const grant = this.grants.get(entry.grantId);
    if (!grant || grant.revoked) return { ok: false, reason: 'revoked' };
    if (entry.expiresAtMs <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, user: grant.user };
  }

  /** Revokes every grant of a user (the user removed the app's access). */
  revokeUser(user: string): void {
    for (const grant of this.grants.values()) if (grant.user === user.toLowerCase()) grant.revoked = true;
  }
}
