/**
 * Google's JSON error envelope, as the Gmail API returns it. googleapis turns these
 * into GaxiosError with `status`, `errors` and `message` taken from this body, so
 * firmly's error handling is exercised exactly as against the real API.
 */
export interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface GoogleErrorBody {
  error: { code: number; message: string; errors: GoogleErrorItem[]; status: string };
}

export class GmailApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: string,
    readonly items: GoogleErrorItem[],
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): GoogleErrorBody {
    return { error: { code: this.code, message: this.message, errors: this.items, status: this.status } };
  }
}

const item = (message: string, reason: string, domain = 'global'): GoogleErrorItem => ({ message, domain, reason });

export const notFound = () =>
  new GmailApiError(404, 'Requested entity was not found.', 'NOT_FOUND', [item('Requested entity was not found.', 'notFound')]);

export const invalidArgument = (message: string) => new GmailApiError(400, message, 'INVALID_ARGUMENT', [item(message, 'invalidArgument')]);

export const failedPrecondition = (message: string) =>
  new GmailApiError(400, message, 'FAILED_PRECONDITION', [item(message, 'failedPrecondition')]);

/** Google words a missing token differently from a bad one; both are 401. */
export function unauthenticated(missing: boolean): GmailApiError {
  const message = missing
    ? 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'
    : 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  return new GmailApiError(
    401,
    message,
    'UNAUTHENTICATED',
    [
      {
        message: missing ? 'Login Required.' : 'Invalid Credentials',
        domain: 'global',
        reason: missing ? 'required' : 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
    ],
    {
      'www-authenticate': missing
        ? 'Bearer realm="https://accounts.google.com/"'
        : 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    },
  );
}

export const insufficientScope = () =>
  new GmailApiError(403, 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED', [
    item('Insufficient Permission', 'insufficientPermissions'),
  ]);

export const permissionDenied = (message: string) => new GmailApiError(403, message, 'PERMISSION_DENIED', [item(message, 'forbidden')]);

/**
 * Gmail's per-user rate limit error as observed in the wild (reason `rateLimitExceeded`,
 * domain `usageLimits`, "User-rate limit exceeded.  Retry after <ISO>" with two spaces).
 * Google's current quota page names the reason `userRateLimitExceeded`; clients should
 * key on the 429 status and Retry-After, not on the reason string.
 */
export function rateLimited(retryAt: Date, retryAfterS: number): GmailApiError {
  const message = `User-rate limit exceeded.  Retry after ${retryAt.toISOString()}`;
  return new GmailApiError(429, message, 'RESOURCE_EXHAUSTED', [item(message, 'rateLimitExceeded', 'usageLimits')], {
    'retry-after': String(retryAfterS),
  });
}

/** What Gmail answers on its own transient failures ("Backend Error"), for fault injection. */
export function backendError(code: 500 | 503): GmailApiError {
  return code === 500
    ? new GmailApiError(500, 'Internal error encountered.', 'INTERNAL', [item('Backend Error', 'backendError')])
    : new GmailApiError(503, 'The service is currently unavailable.', 'UNAVAILABLE', [item('Backend Error', 'backendError')]);
}
