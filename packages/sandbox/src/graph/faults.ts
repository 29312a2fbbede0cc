/**
 * Failures on demand, so firmly's retry and backoff paths run against the real client:
 * the next `count` matching Graph requests answer `status` with a Graph error body
 * (and Retry-After when given), or are held for `ms` before being handled.
 */
export interface FaultSpec {
  status: number;
  /** How many requests fail; default 1. */
  count?: number;
  /** Graph error code; default from the status (e.g. 503 → serviceNotAvailable). */
  code?: string;
  message?: string;
  retryAfterS?: number;
  /** Only requests of this mailbox (address). */
  user?: string;
  /** Only requests whose path (after /v1.0) contains this text, or matches this pattern. */
  path?: string | RegExp;
}

export interface DelaySpec {
  ms: number;
  /** How many requests are delayed; default: every request until clearFaults(). */
  count?: number;
  user?: string;
  path?: string | RegExp;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'ErrorAccessDenied',
  404: 'ErrorItemNotFound',
  409: 'ErrorIrresolvableConflict',
  429: 'TooManyRequests',
  500: 'generalException',
  502: 'badGateway',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

interface Armed<T> {
  spec: T;
  remaining: number;
}

const applies = (spec: { user?: string; path?: string | RegExp }, user: string, path: string) =>
  (!spec.user || spec.user.toLowerCase() === user) &&
  (!spec.path || (typeof spec.path === 'string' ? path.toLowerCase().includes(spec.path.toLowerCase()) : spec.path.test(path)));

export interface TriggeredFault {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

export class FaultInjector {
  private faults: Armed<FaultSpec>[] = [];
  private delays: Armed<DelaySpec>[] = [];

  injectFaults(spec: FaultSpec): void {
    this.faults.push({ spec, remaining: spec.count ?? 1 });
  }

  injectDelay(spec: DelaySpec): void {
    this.delays.push({ spec, remaining: spec.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
    this.delays = [];
  }

  /** Consumes one matching fault, first armed first. */
  takeFault(user: string, path: string): TriggeredFault | undefined {
    const armed = this.faults.find((entry) => entry.remaining > 0 && applies(entry.spec, user, path));
    if (!armed) return undefined;
    armed.remaining--;
    this.faults = this.faults.filter((entry) => entry.remaining > 0);
    const { status, retryAfterS } = armed.spec;
    return {
      status,
      code: armed.spec.code ?? DEFAULT_CODES[status] ?? 'generalException',
      message: armed.spec.message ?? `Injected fault (${status}).`,
      headers: retryAfterS === undefined ? {} : { 'Retry-After': String(retryAfterS) },
    };
  }

  /** Milliseconds to hold this request (consumes one matching delay), 0 when none. */
  takeDelay(user: string, path: string): number {
    const armed = this.delays.find((entry) => entry.remaining > 0 && applies(entry.spec, user, path));
    if (!armed) return 0;
    armed.remaining--;
    this.delays = this.delays.filter((entry) => entry.remaining > 0);
    return armed.spec.ms;
  }
}
