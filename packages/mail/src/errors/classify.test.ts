import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthConfigurationError,
  classifyProviderError,
  DAILY_QUOTA_RETRY_MS,
  errorFromClassification,
  GiveUpError,
  isUnrecoverable,
  MAX_RETRY_AFTER_MS,
  type ProviderErrorInput,
  parseRetryAfterMs,
  ReauthRequiredError,
  RetryLaterError,
  TransientAuthError,
} from './index';

const now = new Date('2026-03-02T10:00:00.000Z');
const gmail = (status: number, reason: string, message = 'error') => ({
  error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: 'STATUS' },
});
const graph = (code: string, message = 'error') => ({ error: { code, message, innerError: { date: '2026-03-02T10:00:00' } } });

describe('classifyProviderError', () => {
  const table: Array<[string, Omit<ProviderErrorInput, 'now'>, ReturnType<typeof classifyProviderError>['kind'], number?]> = [
    // no response at all
    ['network error', { networkError: true }, 'retry'],
    ['ECONNRESET', { code: 'ECONNRESET' }, 'retry'],
    ['ETIMEDOUT', { code: 'ETIMEDOUT' }, 'retry'],
    ['undici socket error', { code: 'UND_ERR_SOCKET' }, 'retry'],
    ['abort by timeout', { code: 'TimeoutError' }, 'retry'],
    ['no status', {}, 'retry'],
    // throttling and server trouble
    ['429 bare', { status: 429 }, 'retry'],
    ['429 Retry-After seconds', { status: 429, retryAfterHeader: '30' }, 'retry', 30_000],
    ['429 Retry-After HTTP date', { status: 429, retryAfterHeader: 'Mon, 02 Mar 2026 10:01:00 GMT' }, 'retry', 60_000],
    ['429 Graph ApplicationThrottled', { status: 429, body: graph('ApplicationThrottled'), retryAfterHeader: '5' }, 'retry', 5_000],
    ['429 Graph MailboxConcurrency', { status: 429, body: graph('MailboxConcurrency') }, 'retry'],
    [
      '429 Gmail "Retry after <ISO>"',
      { status: 429, body: gmail(429, 'rateLimitExceeded', 'User-rate limit exceeded.  Retry after 2026-03-02T10:00:42.500Z') },
      'retry',
      42_500,
    ],
    ['500', { status: 500 }, 'retry'],
    ['502', { status: 502 }, 'retry'],
    ['503 with Retry-After', { status: 503, retryAfterHeader: '120' }, 'retry', 120_000],
    ['503 Graph ErrorServerBusy', { status: 503, body: graph('ErrorServerBusy') }, 'retry'],
    ['504', { status: 504 }, 'retry'],
    ['408', { status: 408 }, 'retry'],
    ['501 not implemented', { status: 501 }, 'give_up'],
    ['507 Graph ErrorQuotaExceeded', { status: 507, body: graph('ErrorQuotaExceeded') }, 'give_up'],
    // Gmail 403 rate limits
    ['403 Gmail rateLimitExceeded', { status: 403, body: gmail(403, 'rateLimitExceeded') }, 'retry'],
    ['403 Gmail userRateLimitExceeded', { status: 403, body: gmail(403, 'userRateLimitExceeded') }, 'retry'],
    [
      '403 Gmail userRateLimitExceeded with date',
      { status: 403, body: gmail(403, 'userRateLimitExceeded', 'Rate Limit Exceeded. Retry after 2026-03-02T10:05:00Z') },
      'retry',
      300_000,
    ],
    ['403 Gmail dailyLimitExceeded', { status: 403, body: gmail(403, 'dailyLimitExceeded') }, 'retry', DAILY_QUOTA_RETRY_MS],
    ['403 Gmail quotaExceeded', { status: 403, body: gmail(403, 'quotaExceeded') }, 'retry', DAILY_QUOTA_RETRY_MS],
    ['403 rate limit as a code', { status: 403, code: 'rateLimitExceeded' }, 'retry'],
    // authentication
    ['401 first time', { status: 401, body: graph('InvalidAuthenticationToken') }, 'retry', 0],
    ['401 Gmail authError', { status: 401, body: gmail(401, 'authError') }, 'retry', 0],
    ['401 after a fresh token', { status: 401, afterTokenRefresh: true }, 'reauth'],
    ['403 Gmail insufficientPermissions', { status: 403, body: gmail(403, 'insufficientPermissions') }, 'reauth'],
    ['403 Graph ErrorAccessDenied', { status: 403, body: graph('ErrorAccessDenied') }, 'reauth'],
    ['403 Graph Authorization_RequestDenied', { status: 403, body: graph('Authorization_RequestDenied') }, 'reauth'],
    ['403 Gmail domainPolicy', { status: 403, body: gmail(403, 'domainPolicy') }, 'reauth'],
    // give up
    ['403 Gmail forbidden', { status: 403, body: gmail(403, 'forbidden') }, 'give_up'],
    ['403 bare', { status: 403 }, 'give_up'],
    ['400 Gmail invalidArgument', { status: 400, body: gmail(400, 'invalidArgument') }, 'give_up'],
    ['400 Gmail failedPrecondition', { status: 400, body: gmail(400, 'failedPrecondition') }, 'give_up'],
    ['400 Graph ErrorInvalidRequest', { status: 400, body: graph('ErrorInvalidRequest') }, 'give_up'],
    ['404 Gmail notFound', { status: 404, body: gmail(404, 'notFound') }, 'give_up'],
    ['404 Graph ErrorItemNotFound', { status: 404, body: graph('ErrorItemNotFound') }, 'give_up'],
    ['404 Graph MailboxNotEnabledForRESTAPI', { status: 404, body: graph('MailboxNotEnabledForRESTAPI') }, 'give_up'],
    ['409', { status: 409 }, 'give_up'],
    ['410 Graph SyncStateNotFound', { status: 410, body: graph('SyncStateNotFound') }, 'give_up'],
    ['413', { status: 413 }, 'give_up'],
    ['non-JSON body', { status: 400, body: '<html>' }, 'give_up'],
    ['403 rate-limit reason with 400 status is not a rate limit', { status: 400, body: gmail(400, 'rateLimitExceeded') }, 'give_up'],
  ];

  it.each(table)('%s → %s', (_name, input, kind, afterMs) => {
    const result = classifyProviderError({ ...input, now });
    expect(result.kind).toBe(kind);
    expect(result.reason.length).toBeGreaterThan(0);
    if (afterMs !== undefined && result.kind === 'retry') expect(result.afterMs).toBe(afterMs);
  });

  it('a 401 asks for the token to be dropped before the retry; nothing else does', () => {
    expect(classifyProviderError({ status: 401, now })).toMatchObject({ kind: 'retry', afterMs: 0, invalidateToken: true });
    expect(classifyProviderError({ status: 429, now })).not.toHaveProperty('invalidateToken');
  });

  it('reports the most specific provider code', () => {
    expect(classifyProviderError({ status: 410, body: graph('SyncStateNotFound'), now }).code).toBe('SyncStateNotFound');
    expect(classifyProviderError({ status: 404, body: gmail(404, 'notFound'), now }).code).toBe('notFound');
    expect(classifyProviderError({ status: 404, code: 'historyNotFound', now }).code).toBe('historyNotFound');
    expect(classifyProviderError({ status: 404, body: graph('ErrorItemNotFound'), now }).reason).toContain('ErrorItemNotFound');
  });

  it('property: 429 and 5xx (but 501, 507) retry whatever the body says; network failures always retry', () => {
    const status = fc.oneof(
      fc.constant(429),
      fc.integer({ min: 500, max: 599 }).filter((s) => s !== 501 && s !== 507),
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue(),
      fc.constantFrom(gmail(403, 'insufficientPermissions'), graph('ErrorAccessDenied'), graph('ErrorItemNotFound')),
    );
    fc.assert(
      fc.property(status, body, fc.boolean(), (s, b, fresh) => {
        expect(classifyProviderError({ status: s, body: b, afterTokenRefresh: fresh, now }).kind).toBe('retry');
        expect(classifyProviderError({ status: s, body: b, networkError: true, now }).kind).toBe('retry');
      }),
    );
  });

  it('property: never throws and always gives a reason, for any status, body and header', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        fc.jsonValue(),
        fc.option(fc.string(), { nil: undefined }),
        (status, body, header) => {
          const result = classifyProviderError({ status, body, retryAfterHeader: header, now });
          expect(['retry', 'reauth', 'give_up']).toContain(result.kind);
          expect(result.reason).not.toBe('');
          if (result.kind === 'retry' && result.afterMs !== undefined) {
            expect(result.afterMs).toBeGreaterThanOrEqual(0);
            expect(result.afterMs).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
          }
        },
      ),
    );
  });
});

describe('parseRetryAfterMs', () => {
  it.each([
    ['0', 0],
    ['7', 7_000],
    ['Mon, 02 Mar 2026 10:00:10 GMT', 10_000],
    ['Mon, 02 Mar 2026 09:00:00 GMT', 0], // in the past
    ['999999999', MAX_RETRY_AFTER_MS],
    ['-5', undefined],
    ['soon', undefined],
    ['', undefined],
  ] as const)('header %j → %s', (header, expected) => {
    expect(parseRetryAfterMs(header, [], now)).toBe(expected);
  });

  it('prefers the header over Gmail message, and reads offsets in the message', () => {
    expect(parseRetryAfterMs('3', ['Retry after 2026-03-02T10:10:00Z'], now)).toBe(3_000);
    expect(parseRetryAfterMs(undefined, ['x', 'Retry after 2026-03-02T11:00:01+01:00'], now)).toBe(1_000);
    expect(parseRetryAfterMs(undefined, ['no date here'], now)).toBeUndefined();
  });
});

describe('error classes', () => {
  it('map classifications to errors workers can tell apart', () => {
    const retry = errorFromClassification(classifyProviderError({ status: 429, retryAfterHeader: '2', now }));
    expect(retry).toBeInstanceOf(RetryLaterError);
    expect(retry).toMatchObject({ kind: 'retry', afterMs: 2_000, invalidateToken: false });
    expect(isUnrecoverable(retry)).toBe(false);

    const unauthorized = errorFromClassification(classifyProviderError({ status: 401, now }));
    expect(unauthorized).toMatchObject({ kind: 'retry', invalidateToken: true });

    const reauth = errorFromClassification(classifyProviderError({ status: 403, body: gmail(403, 'insufficientPermissions'), now }));
    expect(reauth).toBeInstanceOf(ReauthRequiredError);
    expect(reauth.code).toBe('insufficientPermissions');
    expect(isUnrecoverable(reauth)).toBe(true);

    const cause = new Error('http');
    const giveUp = errorFromClassification(classifyProviderError({ status: 404, now }), cause);
    expect(giveUp).toBeInstanceOf(GiveUpError);
    expect(giveUp.cause).toBe(cause);
    expect(isUnrecoverable(giveUp)).toBe(true);

    expect(isUnrecoverable(new AuthConfigurationError('bad client'))).toBe(true);
    expect(new AuthConfigurationError('bad client').kind).toBe('give_up');
    expect(isUnrecoverable(new TransientAuthError('down'))).toBe(false);
    expect(new TransientAuthError('down')).toBeInstanceOf(RetryLaterError);
    expect(isUnrecoverable(new Error('other'))).toBe(false);
  });
});
