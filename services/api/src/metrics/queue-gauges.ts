import { type QueueBackend, queueNames } from '@firmly/queue';
import type { MetricFamily, Sample } from './exposition';

/** The states an operator watches: backlog, work in flight, scheduled, and what gave up. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Job counts of every queue, on either backend: both hand out BullMQ Queue objects
 * (Redis, or BullMQ's PostgreSQL backend) whose getJobCounts answers from the store.
 */
export async function queueJobGauges(backend: QueueBackend): Promise<MetricFamily> {
  const perQueue = await Promise.all(
    queueNames.map(async (queue) => ({ queue, counts: await backend.queue(queue).getJobCounts(...QUEUE_STATES) })),
  );
  const samples: Sample[] = perQueue.flatMap(({ queue, counts }) =>
    QUEUE_STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 })),
  );
  return { name: 'firmly_queue_jobs', help: 'Jobs in each queue by state, counted at scrape time.', type: 'gauge', samples };
}
