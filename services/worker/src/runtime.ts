import type { QueueBackend, QueueName } from '@firmly/queue';
import type { Processor, Worker } from 'bullmq';
import type { Logger } from 'pino';

export type Processors = Partial<Record<QueueName, Processor>>;

/**
 * The order workers stop in: intake first, sending last. Stopping `sync` first
 * means no new analysis is triggered while later stages finish what they hold;
 * `send` stops last so an approved email being handed to the provider completes
 * and is recorded, instead of being left ambiguous.
 */
export const drainOrder: readonly QueueName[] = ['sync', 'analyze', 'escalate', 'maintenance', 'send'];

export interface WorkerRuntime {
  readonly workers: ReadonlyMap<QueueName, Worker>;
  /**
   * Stops taking jobs and waits for running ones, queue by queue in drainOrder, all
   * within `deadlineMs`. Whatever is still running at the deadline is force-closed:
   * its lock lapses and BullMQ hands it to another worker as stalled — retried, not
   * lost, because every job is idempotent.
   */
  drain(deadlineMs: number): Promise<{ forced: QueueName[] }>;
}

export function startWorkers(options: { backend: QueueBackend; processors: Processors; concurrency: number; log: Logger }): WorkerRuntime {
  const workers = new Map<QueueName, Worker>();
  for (const name of drainOrder) {
    const processor = options.processors[name];
    if (!processor) continue;
    const worker = options.backend.worker(name, processor, { concurrency: options.concurrency });
    const log = options.log.child({ queue: name });
    worker.on('failed', (job, err) => log.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, err }, 'job failed'));
    worker.on('completed', (job) => log.debug({ jobId: job.id, job: job.name }, 'job completed'));
    workers.set(name, worker);
  }
  options.log.info({ queues: [...workers.keys()], backend: options.backend.kind }, 'workers started');

  return {
    workers,
    async drain(deadlineMs) {
      const deadline = Date.now() + deadlineMs;
      const forced: QueueName[] = [];
      // Every worker stops fetching at once; then each is awaited in order.
      for (const worker of workers.values()) worker.pause(true).catch(() => undefined);
      for (const [name, worker] of workers) {
        const left = deadline - Date.now();
        const closed = await Promise.race([
          worker.close().then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.max(0, left)).unref()),
        ]);
        if (!closed) {
          forced.push(name);
          options.log.warn({ queue: name }, 'drain deadline passed: force-closing; running jobs will be retried');
          await worker.close(true);
        }
      }
      return { forced };
    },
  };
}

/**
 * Recurring jobs, declared idempotently at every start (BullMQ job schedulers are
 * upserted by id), so any number of workers starting at once leaves one schedule.
 */
export async function scheduleRecurringJobs(backend: QueueBackend): Promise<void> {
  await backend
    .queue('maintenance')
    .upsertJobScheduler('mailboxes-poll-stale', { every: 60_000 }, { name: 'mailboxes.poll-stale', data: {} });
  await backend
    .queue('maintenance')
    .upsertJobScheduler('watches-renew-due', { every: 15 * 60_000 }, { name: 'watches.renew-due', data: {} });
  await backend
    .queue('maintenance')
    .upsertJobScheduler('analysis-catch-up', { every: 10 * 60_000 }, { name: 'analysis.catch-up', data: {} });
}
