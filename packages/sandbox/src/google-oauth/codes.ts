import { randomBytes } from 'node:crypto';

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  user: string;
  scope: string;
  /** S256 challenge from the authorization request (RFC 7636). */
  codeChallenge: string;
  /** access_type=offline: the exchange also returns a refresh token. */
  offline: boolean;
  expiresAtMs: number;
}

/** Google's codes live about ten minutes and can be exchanged once. */
const CODE_TTL_MS = 10 * 60_000;

export class AuthorizationCodes {
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly now: () => number) {}

  issue(grant: Omit<AuthorizationCode, 'expiresAtMs'>): string {
    // Google's codes start with "4/0" and contain a slash, which redirect handling must survive.
    const code = `4/0${randomBytes(32).toString('base64url')}`;
    this.codes.set(code, { ...grant, expiresAtMs: this.now() + CODE_TTL_MS });
    return code;
  }

  /** The code's grant, once; undefined when unknown, used or expired. */
  consume(code: string | undefined): AuthorizationCode | undefined {
    if (!code) return undefined;
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && found.expiresAtMs > this.now() ? found : undefined;
  }
}
