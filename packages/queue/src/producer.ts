import type { JobsOptions } from 'bullmq';
import type { QueueBackend } from './backend';
import { type JobData, type JobName, parseJobData, type QueueName } from './catalog';

export interface EnqueueOptions {
  /**
   * Deterministic job id. Adding a job whose id already exists is a no-op in both
   * backends, which is how bursts collapse (ten pushes for one mailbox → one sync)
   * and how a re-run producer stays idempotent. BullMQ forbids ':' in custom ids.
   */
  jobId?: string;
  /**
   * Collapses jobs while one with this key is waiting or running (BullMQ's
   * deduplication, simple mode): unlike `jobId`, the key is released when the job
   * ends, so the next push starts a new sync instead of hitting a finished job's id.
   */
  deduplicationId?: string;
  delayMs?: number;
  priority?: number;
}

/** Validates the payload against the catalog before it reaches the store. */
export async function enqueue<Q extends QueueName, N extends JobName<Q>>(
  backend: QueueBackend,
  queue: Q,
  name: N,
  data: JobData<Q, N>,
  options: EnqueueOptions = {},
) {
  const parsed = parseJobData(queue, name, data);
  const jobOptions: JobsOptions = {
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.deduplicationId ? { deduplication: { id: options.deduplicationId } } : {}),
    ...(options.delayMs ? { delay: options.delayMs } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
  };
  return backend.queue(queue).add(name, parsed, jobOptions);
}
