/**
 * Typed failures of the mail providers (Gmail, Graph, their OAuth endpoints), by what
 * a worker should do about them:
 *
 *   retry    RetryLaterError (and TransientAuthError): rethrow; the job retries, after
 *            `afterMs` when the provider said how long to wait.
 *   reauth   ReauthRequiredError: the grant is dead (revoked, expired, consent or MFA
 *            needed); the mailbox is marked needs_reauth, the job must not retry.
 *   give_up  GiveUpError (and AuthConfigurationError): retrying cannot help; the job
 *            fails for good. AuthConfigurationError means the operator must fix firmly's
 *            OAuth client configuration (id, secret, redirect URI, tenant).
 *
 * Workers map `isUnrecoverable(error)` to BullMQ's UnrecoverableError and rethrow the rest.
 */
export type ProviderErrorKind = 'retry' | 'reauth' | 'give_up';

export abstract class MailProviderError extends Error {
  abstract readonly kind: ProviderErrorKind;
  /** The provider's own error code when known (`invalid_grant`, `rateLimitExceeded`, `ErrorItemNotFound`, HTTP status…). */
  readonly code: string | undefined;
  /** The HTTP status of the failed call, when there was a response (a 404 on a stale historyId, a 410 on a dead delta link). */
  readonly status: number | undefined;

  constructor(message: string, options: { code?: string | undefined; status?: number | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
  }
}

export class RetryLaterError extends MailProviderError {
  override name = 'RetryLaterError';
  readonly kind = 'retry' as const;
  /** How long the provider asked us to wait, when it said so. */
  readonly afterMs: number | undefined;
  /** True for a 401: drop the access token (TokenManager.invalidate) before the retry. */
  readonly invalidateToken: boolean;

  constructor(
    message: string,
    options: {
      afterMs?: number | undefined;
      invalidateToken?: boolean;
      code?: string | undefined;
      status?: number | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(message, options);
    this.afterMs = options.afterMs;
    this.invalidateToken = options.invalidateToken ?? false;
  }
}

/** The token endpoint could not be reached or was overloaded; says nothing about the credentials. */
export class TransientAuthError extends RetryLaterError {
  override name = 'TransientAuthError';
}

export class ReauthRequiredError extends MailProviderError {
  override name = 'ReauthRequiredError';
  readonly kind = 'reauth' as const;
}

export class GiveUpError extends MailProviderError {
  override name = 'GiveUpError';
  readonly kind = 'give_up' as const;
}

/** firmly's OAuth client is misconfigured (invalid_client, unauthorized_client, bad redirect URI or scope). */
export class AuthConfigurationError extends GiveUpError {
  override name = 'AuthConfigurationError';
}

/** Reauth and give-up errors must not be retried: map them to BullMQ's UnrecoverableError. */
export function isUnrecoverable(error: unknown): error is ReauthRequiredError | GiveUpError {
  return error instanceof ReauthRequiredError || error instanceof GiveUpError;
}

export function providerErrorKind(error: unknown): ProviderErrorKind | undefined {
  return error instanceof MailProviderError ? error.kind : undefined;
}
