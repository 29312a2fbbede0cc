/**
 * What to do about a failed Gmail or Microsoft Graph API call. Pure: the caller
 * extracts status, headers and body from whatever client it used.
 *
 *   network error, timeout, no response, 408, 429, 5xx (but 501, 507)  → retry
 *       honouring Retry-After (seconds or HTTP date) or Gmail's "Retry after <ISO date>"
 *   Gmail 403 rateLimitExceeded / userRateLimitExceeded                   → retry
 *   Gmail 403 dailyLimitExceeded / quotaExceeded                          → retry, in an hour by default
 *   401                                                                   → retry at once with a fresh token
 *       (`invalidateToken: true`), unless the token was refreshed just before
 *       the call (`afterTokenRefresh`): a fresh token refused means the grant is dead → reauth
 *   403 missing scope (Gmail insufficientPermissions, Graph ErrorAccessDenied /
 *       Authorization_RequestDenied) or Gmail domainPolicy                → reauth
 *   other 4xx (400, 403, 404, 409, 410, …), 501, 507                     → give_up
 *
 * `code` in the result is the most specific provider code found (Gmail `errors[].reason`,
 * Graph `error.code`), so callers can special-case e.g. Graph 410 SyncStateNotFound or
 * Gmail's 404 on a stale historyId (both: start a full sync).
 */
export interface ProviderErrorInput {
  status?: number;
  /** A provider error code, or a Node network error code (ECONNRESET, ETIMEDOUT, UND_ERR_…). */
  code?: string;
  /** No HTTP response arrived (connection refused/reset, DNS, timeout). */
  networkError?: boolean;
  retryAfterHeader?: string;
  /** The parsed JSON error body (Gmail `{error:{code,message,errors:[{reason}]}}`, Graph `{error:{code,message}}`). */
  body?: unknown;
  /** True when the access token used was refreshed for this very attempt (after an earlier 401). */
  afterTokenRefresh?: boolean;
  now: Date;
}

export type ProviderErrorClassification =
  | { kind: 'retry'; afterMs?: number; reason: string; code?: string; invalidateToken?: true }
  | { kind: 'reauth'; reason: string; code?: string }
  | { kind: 'give_up'; reason: string; code?: string };

/** Waits beyond a day are not believed; a provider never asks for that. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** Gmail's per-project daily quota: no reset time given, try again in an hour. */
export const DAILY_QUOTA_RETRY_MS = 60 * 60 * 1000;

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'TimeoutError',
  'AbortError',
]);

const rateLimitReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED', 'concurrentLimitExceeded']);
const dailyQuotaReasons = new Set(['dailyLimitExceeded', 'quotaExceeded']);
const scopeReasons = new Set([
  'insufficientPermissions',
  'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
  'ErrorAccessDenied',
  'Authorization_RequestDenied',
  'domainPolicy',
]);

export function classifyProviderError(input: ProviderErrorInput): ProviderErrorClassification {
  const details = errorDetails(input.body);
  const providerCode = input.code !== undefined && !isNetworkCode(input.code) ? input.code : undefined;
  const reasons = providerCode === undefined ? details.reasons : [providerCode, ...details.reasons];
  const code = reasons[0];
  const withCode = <T extends { reason: string }>(result: T): T & { code?: string } => (code === undefined ? result : { ...result, code });
  const status = input.status;

  if (input.networkError || (input.code !== undefined && isNetworkCode(input.code)) || status === undefined) {
    const what = input.code ?? (input.networkError ? 'network error' : 'no response');
    return { kind: 'retry', reason: `no response from the provider (${what})` };
  }

  const afterMs = parseRetryAfterMs(input.retryAfterHeader, details.messages, input.now);
  const retry = (reason: string, fallbackMs?: number) => {
    const wait = afterMs ?? fallbackMs;
    return withCode(wait === undefined ? { kind: 'retry' as const, reason } : { kind: 'retry' as const, reason, afterMs: wait });
  };

  if (status === 429) return retry('rate limited (429)');
  if (status === 501 || status === 507) return withCode({ kind: 'give_up', reason: describe(status, code, details) });
  if (status >= 500 && status <= 599) return retry(`provider error (${status})`);
  if (status === 408) return retry('request timeout (408)');

  if (status === 401) {
    if (input.afterTokenRefresh) return withCode({ kind: 'reauth', reason: 'a freshly refreshed access token was refused (401)' });
    return { ...retry('access token refused (401); retry with a fresh token', 0), invalidateToken: true };
  }

  if (status === 403) {
    if (reasons.some((r) => rateLimitReasons.has(r))) return retry('rate limited (403)');
    if (reasons.some((r) => dailyQuotaReasons.has(r))) return retry('daily quota exhausted (403)', DAILY_QUOTA_RETRY_MS);
    if (reasons.some((r) => scopeReasons.has(r))) return withCode({ kind: 'reauth', reason: describe(status, code, details) });
  }

  return withCode({ kind: 'give_up', reason: describe(status, code, details) });
}

function isNetworkCode(code: string): boolean {
  return networkCodes.has(code) || code.startsWith('UND_ERR_');
}

interface ErrorDetails {
  /** Gmail errors[].reason, google.rpc ErrorInfo reason, Graph error.code / innerError.code. */
  reasons: string[];
  code: string | undefined;
  messages: string[];
}

/** Reads Gmail's and Graph's error bodies without trusting their shape. */
export function errorDetails(body: unknown): ErrorDetails {
  const reasons: string[] = [];
  const messages: string[] = [];
  const error = isRecord(body) ? body.error : undefined;
  if (typeof error === 'string') reasons.push(error);
  if (isRecord(error)) {
    if (typeof error.message === 'string') messages.push(error.message);
    for (const item of Array.isArray(error.errors) ? error.errors : []) {
      if (!isRecord(item)) continue;
      if (typeof item.reason === 'string') reasons.push(item.reason);
      if (typeof item.message === 'string') messages.push(item.message);
    }
    for (const item of Array.isArray(error.details) ? error.details : []) {
      if (isRecord(item) && typeof item.reason === 'string') reasons.push(item.reason);
    }
    // Graph: error.code is a name ("ErrorItemNotFound"); Gmail: a number, and its status ("PERMISSION_DENIED").
    if (typeof error.code === 'string') reasons.push(error.code);
    const inner = error.innerError ?? error.innererror;
    if (isRecord(inner) && typeof inner.code === 'string') reasons.push(inner.code);
    if (typeof error.status === 'string') reasons.push(error.status);
  }
  return { reasons, code: reasons[0], messages };
}

/**
 * Retry-After as delta-seconds or HTTP date (RFC 9110 §10.2.3), else Gmail's
 * "Retry after 2024-05-01T10:00:00.000Z" in the error message. Clamped to [0, 1 day].
 */
export function parseRetryAfterMs(header: string | undefined, messages: readonly string[], now: Date): number | undefined {
  const clamp = (ms: number) => Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
  const value = header?.trim();
  if (value) {
    if (/^\d+$/.test(value)) return clamp(Number(value) * 1000);
    const at = Date.parse(value);
    if (Number.isFinite(at) && /[A-Za-z]/.test(value)) return clamp(at - now.getTime());
  }
  for (const message of messages) {
    const match = /Retry after (\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))/i.exec(message);
    const at = match?.[1] ? Date.parse(match[1]) : Number.NaN;
    if (Number.isFinite(at)) return clamp(at - now.getTime());
  }
  return undefined;
}

function describe(status: number, code: string | undefined, details: ErrorDetails): string {
  const parts = [`HTTP ${status}`];
  if (code) parts.push(code);
  if (details.messages[0]) parts.push(details.messages[0].slice(0, 300));
  return parts.join(': ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
