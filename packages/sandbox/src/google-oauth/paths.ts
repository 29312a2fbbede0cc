/**
 * Where the sandbox serves Google's OAuth endpoints. Google spreads them over hosts
 * (accounts.google.com, oauth2.googleapis.com, www.googleapis.com); the sandbox keeps
 * each path and serves them all from one base URL, which firmly takes as GOOGLE_OAUTH_URL.
 */
export const GOOGLE_OAUTH_PATHS = {
  /** accounts.google.com/o/oauth2/v2/auth */
  authorize: '/o/oauth2/v2/auth',
  /** oauth2.googleapis.com/token */
  token: '/token',
  /** oauth2.googleapis.com/revoke */
  revoke: '/revoke',
  /** www.googleapis.com/oauth2/v3/certs (JWKS) */
  jwks: '/oauth2/v3/certs',
  /** www.googleapis.com/oauth2/v1/certs (kid → PEM) */
  pemCerts: '/oauth2/v1/certs',
} as const;
