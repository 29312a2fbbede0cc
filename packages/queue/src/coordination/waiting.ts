import type { BudgetPolicy, Lease, Leases, RateBudgets } from './types';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `cost` from a shared budget, waiting as long as the store says it takes to
 * refill. Gives up after `maxWaitMs` so a job never sleeps forever on a starved
 * budget; the job then fails and is retried with backoff.
 */
export async function waitForBudget(
  budgets: RateBudgets,
  name: string,
  cost: number,
  policy: BudgetPolicy,
  maxWaitMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const decision = await budgets.take(name, cost, policy);
    if (decision.granted) return;
    if (Date.now() + decision.retryAfterMs > deadline) throw new Error(`rate budget ${name} exhausted for longer than ${maxWaitMs} ms`);
    // A little jitter so workers woken together do not collide again.
    await sleep(decision.retryAfterMs + Math.floor(Math.random() * 25));
  }
}

/**
 * A counting semaphore over leases: one of `slots` named leases. Used for Graph's
 * limit of 4 concurrent requests per mailbox across every worker. Each slot expires
 * on its own, so a crashed holder frees its slot after `ttlMs`.
 */
export async function acquireSlot(leases: Leases, name: string, slots: number, ttlMs: number, maxWaitMs = 60_000): Promise<Lease> {
  const deadline = Date.now() + maxWaitMs;
  let wait = 10;
  for (;;) {
    const start = Math.floor(Math.random() * slots);
    for (let i = 0; i < slots; i++) {
      const lease = await leases.acquire(`${name}:${(start + i) % slots}`, ttlMs);
      if (lease) return lease;
    }
    if (Date.now() > deadline) throw new Error(`no free ${name} slot within ${maxWaitMs} ms`);
    await sleep(wait);
    wait = Math.min(250, wait * 2);
  }
}
