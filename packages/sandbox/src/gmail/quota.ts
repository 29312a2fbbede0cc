/**
 * Gmail's per-method quota units, from the "Usage limits" page
 * (developers.google.com/workspace/gmail/api/reference/quota): getProfile 1,
 * messages.list 5, messages.get 5, history.list 2, messages.send 100, watch 100, stop 1.
 */
export const GMAIL_METHOD_UNITS = {
  'users.getProfile': 1,
  'users.messages.list': 5,
  'users.messages.get': 5,
  'users.history.list': 2,
  'users.messages.send': 100,
  'users.watch': 100,
  'users.stop': 1,
} as const;

export type GmailMethod = keyof typeof GMAIL_METHOD_UNITS;

export type QuotaDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * The per-user rate limit: "250 quota units per user per second, moving average (allows
 * short bursts)" (the page now states it as 15,000 units per user per minute). Modelled
 * as a sliding window: a request is refused when the units charged in the last
 * `windowMs`, plus its own cost, would exceed the limit. Refused requests cost nothing.
 */
export class QuotaMeter {
  private readonly charges = new Map<string, { at: number; units: number }[]>();

  constructor(
    private readonly unitsPerSecond: number,
    private readonly windowMs = 1000,
  ) {}

  take(user: string, units: number, nowMs: number): QuotaDecision {
    if (this.unitsPerSecond === Number.POSITIVE_INFINITY) return { ok: true };
    const limit = (this.unitsPerSecond * this.windowMs) / 1000;
    const recent = (this.charges.get(user) ?? []).filter((c) => c.at > nowMs - this.windowMs);
    this.charges.set(user, recent);
    let used = recent.reduce((sum, c) => sum + c.units, 0);
    if (used + units <= limit) {
      recent.push({ at: nowMs, units });
      return { ok: true };
    }
    // Retry when enough of the window has slid past for this request to fit.
    for (const charge of recent) {
      used -= charge.units;
      if (used + units <= limit) return { ok: false, retryAfterMs: charge.at + this.windowMs - nowMs };
    }
    return { ok: false, retryAfterMs: this.windowMs };
  }
}
