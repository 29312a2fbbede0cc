import { GMAIL_METHOD_UNITS, type GmailMethod } from './quota';

/** What one user's traffic cost, for benchmarks (units per synced message vs the floor of 5). */
export interface GmailUserStats {
  /** Quota units charged (refused and failed-before-quota requests cost nothing). */
  unitsConsumed: number;
  /** Authenticated requests by method, whatever their outcome. */
  requestsByMethod: Partial<Record<GmailMethod, number>>;
  unitsByMethod: Partial<Record<GmailMethod, number>>;
  /** 429s served. */
  rateLimited: number;
  /** Injected 500/503s served. */
  faultsServed: number;
}

export class StatsBook {
  private readonly users = new Map<string, GmailUserStats>();

  private of(user: string): GmailUserStats {
    const key = user.toLowerCase();
    let stats = this.users.get(key);
    if (!stats) {
      stats = { unitsConsumed: 0, requestsByMethod: {}, unitsByMethod: {}, rateLimited: 0, faultsServed: 0 };
      this.users.set(key, stats);
    }
    return stats;
  }

  request(user: string, method: GmailMethod): void {
    const stats = this.of(user);
    stats.requestsByMethod[method] = (stats.requestsByMethod[method] ?? 0) + 1;
  }

  charged(user: string, method: GmailMethod): void {
    const stats = this.of(user);
    stats.unitsConsumed += GMAIL_METHOD_UNITS[method];
    stats.unitsByMethod[method] = (stats.unitsByMethod[method] ?? 0) + GMAIL_METHOD_UNITS[method];
  }

  rateLimited(user: string): void {
    this.of(user).rateLimited += 1;
  }

  fault(user: string): void {
    this.of(user).faultsServed += 1;
  }

  /** A copy, so callers can compare before/after. */
  snapshot(user: string): GmailUserStats {
    const stats = this.of(user);
    return { ...stats, requestsByMethod: { ...stats.requestsByMethod }, unitsByMethod: { ...stats.unitsByMethod } };
  }

  reset(user?: string): void {
    if (user) this.users.delete(user.toLowerCase());
    else this.users.clear();
  }
}
