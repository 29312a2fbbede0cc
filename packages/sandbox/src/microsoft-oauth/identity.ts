import { randomBytes } from 'node:crypto';
import type { GrantRecord, TokenStore } from '../oauth/tokens';
import { AadError } from './errors';
import type { IdTokenSigner } from './id-token';
import { verifyS256 } from './pkce';

export interface IdentityUser {
  id: string;
  address: string;
  displayName: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  user: string;
  codeChallenge: string;
  expiresAtMs: number;
  redeemed: boolean;
}

/** Azure AD authorization codes live about 10 minutes. */
const CODE_TTL_MS = 10 * 60_000;

/**
 * The Microsoft identity side of the sandbox: authorization codes, consent state, and
 * the grants it (or admin.grant) created in the shared TokenStore.
 *
 * The TokenStore has no lookup by refresh token without refreshing, and a refresh
 * rotates; to refuse a refresh for missing consent *before* rotating, this keeps the
 * GrantRecord objects it created (the store mutates the same objects when it rotates).
 */
export class IdentityState {
  private readonly grants: GrantRecord[] = [];
  private readonly consentRequired = new Set<string>();
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    readonly tokens: TokenStore,
    readonly signer: IdTokenSigner,
    readonly tenantId: string,
    private readonly users: (address: string) => IdentityUser | undefined,
    private readonly nowMs: () => number,
  ) {}

  user(address: string): IdentityUser | undefined {
    return this.users(address.trim().toLowerCase());
  }

  grant(user: string, scope: string): GrantRecord {
    const grant = this.tokens.createGrant(user, scope);
    this.grants.push(grant);
    return grant;
  }

  grantForRefreshToken(refreshToken: string): GrantRecord | undefined {
    return this.grants.find((grant) => grant.refreshToken === refreshToken);
  }

  /** Refreshes fail with interaction_required (AADSTS65001) until the user consents again via /authorize. */
  requireConsent(user: string): void {
    this.consentRequired.add(user.toLowerCase());
  }

  consented(user: string): void {
    this.consentRequired.delete(user.toLowerCase());
  }

  needsConsent(user: string): boolean {
    return this.consentRequired.has(user.toLowerCase());
  }

  issueCode(code: Omit<PendingCode, 'expiresAtMs' | 'redeemed'>): string {
    const value = `M.C5_BAY.2.U.${randomBytes(32).toString('base64url')}`;
    this.codes.set(value, { ...code, expiresAtMs: this.nowMs() + CODE_TTL_MS, redeemed: false });
    return value;
  }

  /**
   * A code is single-use, bound to its client, redirect URI and PKCE challenge, and
   * short-lived. The sandbox consumes it only when every check passed.
   */
  redeemCode(value: string, clientId: string, redirectUri: string, codeVerifier: string): PendingCode {
    const code = this.codes.get(value);
    if (!code) throw new AadError('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid.");
    if (code.redeemed)
      throw new AadError(
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    if (code.expiresAtMs <= this.nowMs())
      throw new AadError('invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.');
    if (code.clientId !== clientId)
      throw new AadError(
        'invalid_grant',
        70000,
        "The provided value for the 'code' parameter is not valid: it was issued to another client.",
      );
    if (code.redirectUri !== redirectUri)
      throw new AadError(
        'invalid_grant',
        500117,
        'The reply uri specified in the request does not match the reply uri used in the authorization request.',
      );
    if (!verifyS256(codeVerifier, code.codeChallenge)) {
      throw new AadError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
    code.redeemed = true;
    return code;
  }
}
