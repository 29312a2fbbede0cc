import { useTestDatabase } from '@firmly/db/testing';
import type { Job, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createQueueBackend, type QueueBackend } from './backend';
import { queueProcessor } from './processor';
import { enqueue } from './producer';
import { backendModes } from './testing/modes';

const t = useTestDatabase();
const WS = '4b1c2a6e-0d5f-4c3a-9f0e-2f6a1c9d7e21';

function waitFor<T>(worker: Worker, event: 'completed' | 'failed', count = 1): Promise<T[]> {
  const seen: T[] = [];
  return new Promise((resolve) => {
    worker.on(event, (job: unknown, result: unknown) => {
      seen.push((event === 'completed' ? result : job) as T);
      if (seen.length === count) resolve(seen);
    });
  });
}

for (const mode of backendModes('backend')) {
  describe.skipIf(!mode.available)(`queues on ${mode.label}`, () => {
    let backend: QueueBackend;
    const workers: Worker[] = [];
    beforeAll(async () => {
      backend = await createQueueBackend(mode.config(t.url), (error) => {
        throw error;
      });
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.close()));
      await backend.queue('maintenance').obliterate({ force: true });
    });
    afterAll(async () => {
      await backend?.close();
      await mode.cleanup();
    });

    it('round-trips a job: the worker gets the validated payload and its result is recorded', async () => {
      const seen: unknown[] = [];
      const worker = backend.worker(
        'maintenance',
        queueProcessor('maintenance', {
          'audit.verify-chain': async (data) => {
            seen.push(data);
            return { checked: data.workspaceId };
          },
        }),
        { concurrency: 2 },
      );
      workers.push(worker);
      const done = waitFor<unknown>(worker, 'completed');
      const job = await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS });
      expect(await done).toEqual([{ checked: WS }]);
      expect(seen).toEqual([{ workspaceId: WS }]);
      expect(await backend.queue('maintenance').getJobState(job.id ?? '')).toBe('completed');
    });

    it('collapses jobs with the same id into one', async () => {
      let runs = 0;
      for (let i = 0; i < 5; i++)
        await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS }, { jobId: 'verify-once' });
      const worker = backend.worker(
        'maintenance',
        queueProcessor('maintenance', {
          'audit.verify-chain': async () => {
            runs += 1;
          },
        }),
        { concurrency: 4 },
      );
      workers.push(worker);
      await waitFor(worker, 'completed');
      // Let a wrongly duplicated job surface before counting.
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toBe(1);
      expect((await backend.queue('maintenance').getJobCounts()).completed).toBe(1);
    });

    it('collapses a burst by deduplication key, and accepts the key again once the job is done', async () => {
      let runs = 0;
      for (let i = 0; i < 5; i++) {
        await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS }, { deduplicationId: 'sync-mailbox-1' });
      }
      const worker = backend.worker(
        'maintenance',
        queueProcessor('maintenance', {
          'audit.verify-chain': async () => {
            runs += 1;
          },
        }),
        { concurrency: 4 },
      );
      workers.push(worker);
      await waitFor(worker, 'completed');
      expect(runs).toBe(1);
      const next = waitFor(worker, 'completed');
      await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS }, { deduplicationId: 'sync-mailbox-1' });
      await next;
      expect(runs).toBe(2);
    });

    it('refuses a malformed payload at enqueue, and fails one that slipped in without retrying it', async () => {
      await expect(enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: 'not-a-uuid' })).rejects.toThrow(/workspaceId/);
      await backend.queue('maintenance').add('audit.verify-chain', { workspaceId: 42 }, { attempts: 5 });
      const worker = backend.worker('maintenance', queueProcessor('maintenance', { 'audit.verify-chain': async () => 'ran' }), {
        concurrency: 1,
      });
      workers.push(worker);
      const [failed] = await waitFor<Job>(worker, 'failed');
      expect(failed?.failedReason).toMatch(/invalid audit.verify-chain payload/);
      expect(failed?.attemptsMade).toBe(1);
    });

    it('holds a delayed job until its time', async () => {
      const worker = backend.worker('maintenance', queueProcessor('maintenance', { 'audit.verify-chain': async () => Date.now() }), {
        concurrency: 1,
      });
      workers.push(worker);
      const done = waitFor<number>(worker, 'completed');
      const addedAt = Date.now();
      await enqueue(backend, 'maintenance', 'audit.verify-chain', { workspaceId: WS }, { delayMs: 700 });
      const [ranAt] = await done;
      expect((ranAt ?? 0) - addedAt).toBeGreaterThanOrEqual(700);
    });

    it('answers ping while its store is up', async () => {
      await expect(backend.ping()).resolves.toBeUndefined();
    });
  });
}
