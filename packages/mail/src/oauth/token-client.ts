import type { Clock } from '@firmly/core';
import { z } from 'zod';
import { AuthConfigurationError, ReauthRequiredError, TransientAuthError } from '../errors/provider-errors';
import type { ProviderConfig } from './providers';

/**
 * Code exchange and refresh against the providers' token endpoints, over plain fetch
 * (client_secret_post), each request bounded by a timeout. Failures become exactly one of:
 *
 *   ReauthRequiredError     the grant is dead: mark the mailbox needs_reauth
 *   TransientAuthError      network, timeout, 429, 5xx: retry later; says nothing about the credentials
 *   AuthConfigurationError  firmly's client id/secret/redirect/scope is wrong: the operator must fix it
 */
export interface TokenSet {
  accessToken: string;
  expiresAt: Date;
  /** The rotated refresh token when the provider returned one, else the one used. */
  refreshToken: string;
  /** Granted scopes, when the provider said (Google and Microsoft both do). */
  scope: string | undefined;
}

export interface TokenClient {
  exchangeCode(provider: ProviderConfig, code: string, codeVerifier: string): Promise<TokenSet>;
  refresh(provider: ProviderConfig, refreshToken: string): Promise<TokenSet>;
}

export interface TokenClientOptions {
  clock: Clock;
  /** Per request, body included. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;

const successSchema = z.object({
  access_token: z.string().min(1),
  // RFC 6749 says number; Azure AD v1 sent strings. Absent: assume the providers' usual hour.
  expires_in: z.coerce.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

export function createTokenClient(options: TokenClientOptions): TokenClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch;

  async function post(provider: ProviderConfig, params: Record<string, string>, previousRefreshToken?: string): Promise<TokenSet> {
    const form = new URLSearchParams({ ...params, client_id: provider.clientId, client_secret: provider.clientSecret });
    if (provider.scopeOnTokenRequests) form.set('scope', provider.scopes.join(' '));
    const startedAt = options.clock.now();
    let status: number;
    let text: string;
    try {
      const response = await doFetch(provider.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw toError(classifyTokenError({ provider: provider.provider, networkError: true, timedOut }), error);
    }
    const body = parseJson(text);
    if (status < 200 || status > 299) {
      throw toError(classifyTokenError({ provider: provider.provider, status, body: body ?? text }));
    }
    const parsed = successSchema.safeParse(body);
    // A 2xx we cannot read (a proxy's HTML page, a truncated body) is the path's fault, not the grant's.
    if (!parsed.success) throw new TransientAuthError(`token endpoint answered ${status} with an unreadable body`);
    const refreshToken = parsed.data.refresh_token ?? previousRefreshToken;
    if (!refreshToken) {
      throw new AuthConfigurationError(
        'the token endpoint returned no refresh token (Google needs access_type=offline and prompt=consent, Microsoft offline_access)',
      );
    }
    return {
      accessToken: parsed.data.access_token,
      expiresAt: new Date(startedAt.getTime() + (parsed.data.expires_in ?? 3600) * 1000),
      refreshToken,
      scope: parsed.data.scope,
    };
  }

  return {
    exchangeCode: (provider, code, codeVerifier) =>
      post(provider, { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: provider.redirectUri }),
    refresh: (provider, refreshToken) => post(provider, { grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken),
  };
}

export interface TokenErrorInput {
  provider: ProviderConfig['provider'];
  status?: number;
  /** Parsed JSON body (`{error, error_description, error_codes, suberror, error_subtype}`) or raw text. */
  body?: unknown;
  networkError?: boolean;
  timedOut?: boolean;
}

export type TokenErrorClassification = { kind: 'reauth' | 'transient' | 'configuration'; reason: string; code?: string };

/** OAuth error codes that mean the user must connect the mailbox again. */
const reauthErrors = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'login_required',
  'access_denied',
  'admin_policy_enforced',
]);
/** Entra ID (AADSTS) codes that mean the same whatever `error` says. */
const reauthAadsts = new Set([
  50076, // MFA required
  50079, // MFA registration required
  50158, // external security challenge
  53003, // blocked by conditional access
  65001, // consent required
  700082, // refresh token expired by inactivity
  70008, // code or refresh token expired
  50173, // grant revoked (password changed)
  54005, // code already redeemed
  50057, // account disabled
  50034, // account does not exist in the directory
]);
/** Entra ID codes that are the service's own trouble. */
const transientAadsts = new Set([
  90033, // "a transient error has occurred"
  50196, // request loop detected: back off
]);
const transientErrors = new Set(['temporarily_unavailable', 'server_error']);

/**
 * Pure: which of the three outcomes a token endpoint failure is. A server error or an
 * unreachable endpoint is NEVER read as bad credentials.
 */
export function classifyTokenError(input: TokenErrorInput): TokenErrorClassification {
  if (input.networkError || input.status === undefined) {
    return { kind: 'transient', reason: input.timedOut ? 'token endpoint timed out' : 'token endpoint unreachable' };
  }
  const { status } = input;
  const body = isRecord(input.body) ? input.body : {};
  const error = typeof body.error === 'string' ? body.error : undefined;
  const subError = [body.suberror, body.error_subtype].find((s): s is string => typeof s === 'string');
  const description = typeof body.error_description === 'string' ? body.error_description : undefined;
  const aadsts = aadstsCodes(body, description);
  const code = error ?? (aadsts[0] === undefined ? undefined : `AADSTS${aadsts[0]}`);
  const reason = [`HTTP ${status}`, error, subError, description?.split(/\r?\n/)[0]?.slice(0, 300)].filter(Boolean).join(': ');
  const result = (kind: TokenErrorClassification['kind']): TokenErrorClassification =>
    code === undefined ? { kind, reason } : { kind, reason, code };

  if (status === 429 || status === 408 || (status >= 500 && status <= 599)) return result('transient');
  if ((error !== undefined && transientErrors.has(error)) || aadsts.some((c) => transientAadsts.has(c))) return result('transient');
  if ((error !== undefined && reauthErrors.has(error)) || aadsts.some((c) => reauthAadsts.has(c))) return result('reauth');
  if (subError === 'invalid_rapt') return result('reauth');
  // invalid_client, unauthorized_client, invalid_request (redirect URI, tenant), invalid_scope,
  // unsupported_grant_type, a 3xx/4xx without an OAuth body: firmly's configuration.
  return result('configuration');
}

function aadstsCodes(body: Record<string, unknown>, description: string | undefined): number[] {
  const codes = Array.isArray(body.error_codes) ? body.error_codes.filter((c): c is number => typeof c === 'number') : [];
  for (const match of description?.matchAll(/AADSTS(\d+)/g) ?? []) codes.push(Number(match[1]));
  return codes;
}

function toError(classification: TokenErrorClassification, cause?: unknown): Error {
  const options = { code: classification.code, cause };
  switch (classification.kind) {
    case 'reauth':
      return new ReauthRequiredError(classification.reason, options);
    case 'transient':
      return new TransientAuthError(classification.reason, options);
    case 'configuration':
      return new AuthConfigurationError(classification.reason, options);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
