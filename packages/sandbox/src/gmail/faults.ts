import type { GmailMethod } from './quota';

/** The next `count` matching requests fail with this status, as Gmail's own transient errors do. */
export interface FaultSpec {
  status: 500 | 503;
  count: number;
  /** Only these methods; all when omitted. */
  methods?: readonly GmailMethod[];
}

/** The next `count` matching requests are answered only after `ms` (to trip client timeouts). */
export interface DelaySpec {
  ms: number;
  count: number;
  methods?: readonly GmailMethod[];
}

/** Queued faults and delays, consumed first-come by the requests they match. */
export class FaultInjector {
  private faults: FaultSpec[] = [];
  private delays: DelaySpec[] = [];

  injectFaults(spec: FaultSpec): void {
    this.faults.push({ ...spec });
  }

  injectDelay(spec: DelaySpec): void {
    this.delays.push({ ...spec });
  }

  clear(): void {
    this.faults = [];
    this.delays = [];
  }

  takeFault(method: GmailMethod): 500 | 503 | undefined {
    return take(this.faults, method)?.status;
  }

  takeDelay(method: GmailMethod): number {
    return take(this.delays, method)?.ms ?? 0;
  }
}

function take<T extends { count: number; methods?: readonly GmailMethod[] }>(queue: T[], method: GmailMethod): T | undefined {
  const spec = queue.find((s) => s.count > 0 && (!s.methods || s.methods.includes(method)));
  if (spec) spec.count -= 1;
  return spec;
}
