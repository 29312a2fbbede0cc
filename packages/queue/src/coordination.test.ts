import { useTestDatabase } from '@firmly/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueBackend, type QueueBackend } from './backend';
import { acquireSlot, waitForBudget } from './coordination/waiting';
import { backendModes } from './testing/modes';

const t = useTestDatabase();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const mode of backendModes('coordination')) {
  describe.skipIf(!mode.available)(`locks and rate budgets on ${mode.label}`, () => {
    let backend: QueueBackend;
    beforeAll(async () => {
      backend = await createQueueBackend(mode.config(t.url), () => undefined);
    });
    afterAll(async () => {
      await backend?.close();
      await mode.cleanup();
    });

    it('grants a lease to exactly one of many concurrent callers', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => backend.coordination.leases.acquire('mailbox-sync:a', 10_000)));
      expect(results.filter((l) => l !== null)).toHaveLength(1);
    });

    it('lets only the owner extend or release, and frees the name on release', async () => {
      const lease = await backend.coordination.leases.acquire('mailbox-sync:b', 10_000);
      if (!lease) throw new Error('expected the lease');
      expect(await backend.coordination.leases.acquire('mailbox-sync:b', 10_000)).toBeNull();
      expect(await lease.extend(10_000)).toBe(true);
      expect(await lease.release()).toBe(true);
      expect(await lease.release()).toBe(false);
      const next = await backend.coordination.leases.acquire('mailbox-sync:b', 10_000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    it('hands an expired lease to the next caller, and the old owner can no longer extend or release it', async () => {
      const first = await backend.coordination.leases.acquire('mailbox-sync:c', 150);
      if (!first) throw new Error('expected the lease');
      await sleep(300);
      const second = await backend.coordination.leases.acquire('mailbox-sync:c', 10_000);
      expect(second).not.toBeNull();
      expect(await first.extend(10_000)).toBe(false);
      expect(await first.release()).toBe(false);
      expect(await second?.release()).toBe(true);
    });

    it('never grants more than the budget, however many workers ask at once', async () => {
      // A slow refill, so the test's own duration cannot add a whole token.
      const policy = { capacity: 10, refillPerSecond: 0.01 };
      const decisions = await Promise.all(Array.from({ length: 25 }, () => backend.coordination.budgets.take('gmail:user-1', 1, policy)));
      expect(decisions.filter((d) => d.granted)).toHaveLength(10);
      const denied = decisions.find((d) => !d.granted);
      // With no tokens left, one token takes 1 / 0.01 s = 100 s to come back.
      expect(denied && !denied.granted && denied.retryAfterMs).toBeGreaterThan(90_000);
      expect(denied && !denied.granted && denied.retryAfterMs).toBeLessThanOrEqual(100_000);
    });

    it('refills over time and charges costs, never partially', async () => {
      const policy = { capacity: 10, refillPerSecond: 20 };
      expect(await backend.coordination.budgets.take('gmail:user-2', 10, policy)).toMatchObject({ granted: true, remaining: 0 });
      const denied = await backend.coordination.budgets.take('gmail:user-2', 5, policy);
      expect(denied.granted).toBe(false);
      await sleep(300); // about 6 tokens back
      expect((await backend.coordination.budgets.take('gmail:user-2', 5, policy)).granted).toBe(true);
    });

    it('rejects a cost the bucket can never hold', async () => {
      await expect(backend.coordination.budgets.take('gmail:user-3', 11, { capacity: 10, refillPerSecond: 1 })).rejects.toThrow(RangeError);
    });
  });
}

for (const mode of backendModes('waiting')) {
  describe.skipIf(!mode.available)(`waiting for budgets and slots on ${mode.label}`, () => {
    let backend: QueueBackend;
    beforeAll(async () => {
      backend = await createQueueBackend(mode.config(t.url), () => undefined);
    });
    afterAll(async () => {
      await backend?.close();
      await mode.cleanup();
    });

    it('never lets more than N holders into a slot group at once', async () => {
      let inside = 0;
      let peak = 0;
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          const slot = await acquireSlot(backend.coordination.leases, 'graph-slot:mb', 4, 10_000);
          inside += 1;
          peak = Math.max(peak, inside);
          await sleep(30);
          inside -= 1;
          await slot.release();
        }),
      );
      expect(peak).toBeLessThanOrEqual(4);
      expect(peak).toBeGreaterThan(1);
    });

    it('waits for a refill instead of failing, and gives up past its deadline', async () => {
      const policy = { capacity: 2, refillPerSecond: 20 };
      await waitForBudget(backend.coordination.budgets, 'b:wait', 2, policy);
      await waitForBudget(backend.coordination.budgets, 'b:wait', 2, policy); // needs ~100 ms of refill
      await expect(
        waitForBudget(backend.coordination.budgets, 'b:starved', 1, { capacity: 1, refillPerSecond: 0.001 }, 0).then(() =>
          waitForBudget(backend.coordination.budgets, 'b:starved', 1, { capacity: 1, refillPerSecond: 0.001 }, 50),
        ),
      ).rejects.toThrow(/exhausted/);
    });
  });
}
