import type { ThrottleOptions } from './options';

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; code: 'ApplicationThrottled' | 'TooManyRequests'; message: string; retryAfterS: number };

/**
 * Outlook's per-app, per-mailbox limits: 4 requests in flight and 10,000 requests per
 * 10 minutes (sliding). Exceeding either answers 429 with Retry-After; the Graph client's
 * RetryHandler honours it, and firmly's sync must too. Rejected requests do not count
 * against the window (Outlook's exact accounting is undocumented).
 */
export class MailboxThrottle {
  private readonly inFlight = new Map<string, number>();
  private readonly admitted = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleOptions) {}

  admit(user: string, nowMs: number): Admission {
    const running = this.inFlight.get(user) ?? 0;
    if (running >= this.limits.maxConcurrent) {
      return {
        ok: false,
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
        retryAfterS: this.limits.concurrencyRetryAfterS,
      };
    }
    const times = this.admitted.get(user) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= nowMs - this.limits.windowMs) times.shift();
    if (times.length >= this.limits.maxRequests) {
      const oldest = times[0] ?? nowMs;
      return {
        ok: false,
        code: 'TooManyRequests',
        message: 'Application is over its request rate limit for this mailbox. Retry after the time in Retry-After.',
        retryAfterS: Math.max(1, Math.ceil((oldest + this.limits.windowMs - nowMs) / 1000)),
      };
    }
    times.push(nowMs);
    this.admitted.set(user, times);
    this.inFlight.set(user, running + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(user, Math.max(0, (this.inFlight.get(user) ?? 1) - 1));
      },
    };
  }

  running(user: string): number {
    return this.inFlight.get(user) ?? 0;
  }
}
