/**
 * Coordination between any number of workers, with the same semantics on Redis
 * and on PostgreSQL (PRODUCT §7: quotas are respected per mailbox across all
 * workers; one sync per mailbox at a time). Time is always the store's clock, never
 * a worker's, so skewed worker clocks cannot break a lease or over-spend a budget.
 */
export interface Lease {
  readonly name: string;
  readonly token: string;
  /** Pushes the expiry out; false when the lease was lost (expired and taken). */
  extend(ttlMs: number): Promise<boolean>;
  /** Releases only if still ours; false when it had already been lost. */
  release(): Promise<boolean>;
}

export interface Leases {
  /** A lease on `name` for `ttlMs`, or null when another owner holds an unexpired one. */
  acquire(name: string, ttlMs: number): Promise<Lease | null>;
}

export interface BudgetPolicy {
  /** Bucket size: the largest burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export type BudgetDecision = { granted: true; remaining: number } | { granted: false; retryAfterMs: number };

export interface RateBudgets {
  /** Takes `cost` tokens from the bucket `name`, or tells how long until they exist. Never partial. */
  take(name: string, cost: number, policy: BudgetPolicy): Promise<BudgetDecision>;
}

export interface Coordination {
  readonly leases: Leases;
  readonly budgets: RateBudgets;
}

export function validateTake(cost: number, policy: BudgetPolicy): void {
  if (!(policy.capacity > 0) || !(policy.refillPerSecond > 0)) throw new RangeError('capacity and refill must be positive');
  if (!(cost > 0) || cost > policy.capacity) throw new RangeError(`cost must be in (0, ${policy.capacity}], got ${cost}`);
}

/** Shared token-bucket arithmetic; both stores apply it under their own atomicity. */
export function refill(tokens: number, elapsedMs: number, policy: BudgetPolicy): number {
  return Math.min(policy.capacity, tokens + (Math.max(0, elapsedMs) * policy.refillPerSecond) / 1000);
}

export function retryAfterMs(tokens: number, cost: number, policy: BudgetPolicy): number {
  return Math.ceil(((cost - tokens) / policy.refillPerSecond) * 1000);
}
