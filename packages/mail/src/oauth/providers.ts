import type { MailProviderName } from '../model';

/**
 * Where and how each provider is asked for a grant. Built from configuration the
 * caller passes in (this module reads no environment): the client id, secret and
 * redirect URI, and one base URL per provider so tests and the sandbox can stand in
 * for the real endpoints.
 *
 * Provider names are the mailbox's (`gmail`, `graph`), not the identity provider's,
 * so a grant, a state and a mailbox row all say the same thing.
 */
export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Must be registered with the provider exactly as given. */
  redirectUri: string;
}

export interface GoogleOAuthConfig extends OAuthClientCredentials {
  /**
   * GOOGLE_OAUTH_URL. Unset (or `https://accounts.google.com`): Google's real, split
   * endpoints. Anything else (a sandbox `http://127.0.0.1:P`): every endpoint under it,
   * `/o/oauth2/v2/auth`, `/token`, `/revoke`.
   */
  baseUrl?: string;
}

export interface MicrosoftOAuthConfig extends OAuthClientCredentials {
  /** MICROSOFT_LOGIN_URL; national clouds differ (login.microsoftonline.us, login.chinacloudapi.cn). */
  loginUrl?: string;
  /** `common` (work, school and personal accounts), `organizations`, `consumers`, or a tenant id/domain. */
  tenant?: string;
}

export interface ProviderConfig {
  readonly provider: MailProviderName;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  /** Google only; Microsoft has no token revocation endpoint. */
  readonly revokeUrl?: string;
  readonly scopes: readonly string[];
  /** Scopes a grant must carry to be usable (the user can untick some on Google's consent screen). */
  readonly requiredScopes: readonly string[];
  /** Extra authorization request parameters. */
  readonly authorizeParams: Readonly<Record<string, string>>;
  /** Whether token requests repeat `scope` (Microsoft's v2.0 endpoint expects it). */
  readonly scopeOnTokenRequests: boolean;
}

export const GOOGLE_ACCOUNTS_URL = 'https://accounts.google.com';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';
export const MICROSOFT_LOGIN_URL = 'https://login.microsoftonline.com';

/**
 * gmail.readonly + gmail.send only. No `openid email`: the address comes from
 * `users.getProfile` (`emailAddress`), which gmail.readonly allows, so the consent
 * screen asks for nothing more than firmly uses.
 */
export const GMAIL_SCOPES = ['https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/gmail.send'] as const;

/**
 * offline_access for a refresh token; Mail.ReadWrite and Mail.Send as the product
 * needs; User.Read (no admin consent, low privilege) to learn the mailbox address
 * from `GET /me` (`mail`, else `userPrincipalName`). Short names resolve to Graph.
 */
export const GRAPH_SCOPES = ['offline_access', 'User.Read', 'Mail.ReadWrite', 'Mail.Send'] as const;

export function googleProvider(config: GoogleOAuthConfig): ProviderConfig {
  const base = config.baseUrl ? trimSlash(config.baseUrl) : GOOGLE_ACCOUNTS_URL;
  const real = base === GOOGLE_ACCOUNTS_URL;
  return {
    provider: 'gmail',
    ...credentials(config),
    authorizeUrl: `${base}/o/oauth2/v2/auth`,
    tokenUrl: real ? GOOGLE_TOKEN_URL : `${base}/token`,
    revokeUrl: real ? GOOGLE_REVOKE_URL : `${base}/revoke`,
    scopes: GMAIL_SCOPES,
    requiredScopes: GMAIL_SCOPES,
    // offline + consent: a refresh token on every connection, even a repeated one.
    authorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
    scopeOnTokenRequests: false,
  };
}

export function microsoftProvider(config: MicrosoftOAuthConfig): ProviderConfig {
  const base = trimSlash(config.loginUrl || MICROSOFT_LOGIN_URL);
  const tenant = config.tenant || 'common';
  if (!/^[A-Za-z0-9.-]+$/.test(tenant)) throw new Error(`invalid Microsoft tenant "${tenant}"`);
  return {
    provider: 'graph',
    ...credentials(config),
    authorizeUrl: `${base}/${tenant}/oauth2/v2.0/authorize`,
    tokenUrl: `${base}/${tenant}/oauth2/v2.0/token`,
    scopes: GRAPH_SCOPES,
    requiredScopes: ['Mail.ReadWrite', 'Mail.Send'],
    // select_account: an operator connecting a second mailbox is not silently signed in as the first.
    authorizeParams: { response_mode: 'query', prompt: 'select_account' },
    scopeOnTokenRequests: true,
  };
}

/**
 * Required scopes a grant's `scope` lacks. Graph reports scopes fully qualified
 * (`https://graph.microsoft.com/Mail.Send`) and case-insensitively; both forms count.
 */
export function missingScopes(provider: ProviderConfig, granted: string): string[] {
  const have = new Set(
    granted
      .split(/\s+/)
      .filter(Boolean)
      .map((s) => s.toLowerCase().replace(/^https:\/\/graph\.microsoft\.com\//, '')),
  );
  return provider.requiredScopes.filter((s) => !have.has(s.toLowerCase()));
}

function credentials(config: OAuthClientCredentials): Pick<ProviderConfig, 'clientId' | 'clientSecret' | 'redirectUri'> {
  for (const key of ['clientId', 'clientSecret', 'redirectUri'] as const) {
    if (!config[key]) throw new Error(`OAuth ${key} is required`);
  }
  if (!URL.canParse(config.redirectUri)) throw new Error('OAuth redirectUri must be an absolute URL');
  return { clientId: config.clientId, clientSecret: config.clientSecret, redirectUri: config.redirectUri };
}

function trimSlash(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`not an http(s) URL: ${url}`);
  return parsed.toString().replace(/\/+$/, '');
}
