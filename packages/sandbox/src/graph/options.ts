import type { SandboxCertificate } from '../tls/certificate';

/** Structurally the same as `@firmly/core`'s Clock; the sandbox does not depend on core. */
export interface SandboxClock {
  now(): Date;
}

/** One HTTP request the sandbox makes to a subscriber (validation handshake, change or lifecycle notification). */
export interface OutgoingNotification {
  kind: 'validation' | 'change' | 'lifecycle';
  /** The full URL, query included (the validation token travels as `?validationToken=`). */
  url: string;
  contentType: string;
  body: string;
  /** The sandbox gives up after this long, as Graph does (10 s for validation, 3 s for notifications). */
  timeoutMs: number;
}

export interface NotificationResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * Where notifications go. Default: a real HTTP POST with `fetch` to the registered URL
 * (plain http is fine in the sandbox). Tests may capture them in-process instead.
 */
export type NotificationTarget = (notification: OutgoingNotification) => Promise<NotificationResponse>;

export interface ThrottleOptions {
  /** Requests of one mailbox in flight at once; Outlook allows 4 per app and mailbox. */
  maxConcurrent: number;
  /** Requests of one mailbox per window; Outlook allows 10,000 per 10 minutes. */
  maxRequests: number;
  windowMs: number;
  /** `Retry-After` (seconds) when the concurrency limit is hit. */
  concurrencyRetryAfterS: number;
}

export interface GraphSandboxOptions {
  /** PEM pair; see `tls/certificate.ts` for how it must be trusted (NODE_EXTRA_CA_CERTS). */
  tls: SandboxCertificate;
  /** Listen address; default 127.0.0.1. URLs the sandbox emits always say `localhost`. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  clock?: SandboxClock;
  /** Default 3600 s, like Microsoft's access tokens. */
  accessTokenTtlMs?: number;
  /** Delta and skip tokens older than this answer 410 syncStateNotFound. Default 7 days. */
  deltaTokenLifetimeMs?: number;
  /** Delta page size without `Prefer: odata.maxpagesize`; default 10. */
  deltaPageSize?: number;
  throttle?: Partial<ThrottleOptions>;
  /** Default: a fixed GUID per sandbox. */
  tenantId?: string;
  /** Default 10 s (Graph's validation deadline). */
  validationTimeoutMs?: number;
  /** Default 3 s (Graph drops a notification whose endpoint takes longer). */
  notificationTimeoutMs?: number;
  notificationTarget?: NotificationTarget;
  /** Latest allowed subscription expiry, minutes from now; default 10070 (mail's limit). */
  maxSubscriptionMinutes?: number;
}

export interface ResolvedOptions {
  clock: SandboxClock;
  accessTokenTtlMs: number;
  deltaTokenLifetimeMs: number;
  deltaPageSize: number;
  throttle: ThrottleOptions;
  tenantId: string;
  validationTimeoutMs: number;
  notificationTimeoutMs: number;
  maxSubscriptionMinutes: number;
}

export const systemClock: SandboxClock = { now: () => new Date() };

export function resolveOptions(options: GraphSandboxOptions, tenantId: string): ResolvedOptions {
  return {
    clock: options.clock ?? systemClock,
    accessTokenTtlMs: options.accessTokenTtlMs ?? 3_600_000,
    deltaTokenLifetimeMs: options.deltaTokenLifetimeMs ?? 7 * 86_400_000,
    deltaPageSize: options.deltaPageSize ?? 10,
    throttle: {
      maxConcurrent: 4,
      maxRequests: 10_000,
      windowMs: 600_000,
      concurrencyRetryAfterS: 1,
      ...options.throttle,
    },
    tenantId: options.tenantId ?? tenantId,
    validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
    notificationTimeoutMs: options.notificationTimeoutMs ?? 3_000,
    maxSubscriptionMinutes: options.maxSubscriptionMinutes ?? 10_070,
  };
}
