import type { GrantRecord, TokenStore } from '../oauth/tokens';

export type GoogleAccessCheck =
  | { ok: true; user: string; scopes: readonly string[] }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked' };

/**
 * Google's side of the shared TokenStore. The store does validity (expiry, revocation);
 * this keeps what Google adds on top: which grant each token belongs to, so that
 * `/revoke` with either an access or a refresh token revokes exactly that grant
 * (Google revokes the whole grant, not the user's other grants), which client a grant
 * was issued to, and the grant's scopes for the Gmail API's scope checks.
 */
export class GoogleGrants {
  private readonly byRefreshToken = new Map<string, { grant: GrantRecord; clientId: string | undefined }>();
  private readonly byAccessToken = new Map<string, GrantRecord>();

  constructor(readonly tokens: TokenStore) {}

  /** `clientId` undefined: a grant made by the sandbox admin, usable from any registered client. */
  create(user: string, scope: string, clientId: string | undefined): GrantRecord {
    const grant = this.tokens.createGrant(user, scope);
    this.byRefreshToken.set(grant.refreshToken, { grant, clientId });
    return grant;
  }

  issueAccessToken(grant: GrantRecord): { accessToken: string; expiresInS: number } {
    const issued = this.tokens.issueAccessToken(grant);
    this.byAccessToken.set(issued.accessToken, grant);
    return issued;
  }

  /** Google does not rotate refresh tokens (the store is built with rotateRefreshTokens: false). */
  refresh(
    refreshToken: string,
    clientId: string,
  ):
    | { ok: true; grant: GrantRecord; accessToken: string; expiresInS: number }
    | { ok: false; error: 'invalid_grant' | 'unauthorized_client' } {
    const entry = this.byRefreshToken.get(refreshToken);
    if (!entry || entry.grant.revoked) return { ok: false, error: 'invalid_grant' };
    if (entry.clientId !== undefined && entry.clientId !== clientId) return { ok: false, error: 'unauthorized_client' };
    const refreshed = this.tokens.refresh(refreshToken);
    if ('error' in refreshed) return { ok: false, error: 'invalid_grant' };
    this.byAccessToken.set(refreshed.accessToken, entry.grant);
    return { ok: true, grant: entry.grant, accessToken: refreshed.accessToken, expiresInS: refreshed.expiresInS };
  }

  /** Revokes the grant behind an access or refresh token; false when the token is unknown or already revoked. */
  revokeToken(token: string): boolean {
    const grant = this.byRefreshToken.get(token)?.grant ?? this.byAccessToken.get(token);
    if (!grant || grant.revoked) return false;
    grant.revoked = true;
    return true;
  }

  revokeUser(user: string): void {
    this.tokens.revokeUser(user);
  }

  check(authorization: string | undefined): GoogleAccessCheck {
    const result = this.tokens.check(authorization);
    if (!result.ok) return result;
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const scopes = this.byAccessToken.get(token)?.scope.split(/\s+/).filter(Boolean) ?? [];
    return { ok: true, user: result.user, scopes };
  }
}
