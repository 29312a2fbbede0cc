import { type Job, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { type JobData, type JobName, parseJobData, type QueueName, UnknownJobError } from './catalog';

export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (data: JobData<Q, N>, job: Job) => Promise<unknown>;
};

/**
 * Builds a BullMQ processor for one queue from a handler per job name. Services
 * pass a complete `JobHandlers<Q>` (checked with `satisfies`) so a new job in the
 * catalog cannot be forgotten; tests may pass only the handlers they exercise. A payload
 * that does not match the catalog, or an unknown job name, can never succeed on
 * retry, so it fails as UnrecoverableError (no retries) with the reason.
 */
export function queueProcessor<Q extends QueueName>(queue: Q, handlers: Partial<JobHandlers<Q>>) {
  return async (job: Job): Promise<unknown> => {
    let data: unknown;
    try {
      data = parseJobData(queue, job.name, job.data);
    } catch (error) {
      if (error instanceof z.ZodError) throw new UnrecoverableError(`invalid ${job.name} payload: ${z.prettifyError(error)}`);
      if (error instanceof UnknownJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const handler = handlers[job.name as JobName<Q>] as ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`this worker has no handler for ${queue}/${job.name}`);
    return handler(data, job);
  };
}
