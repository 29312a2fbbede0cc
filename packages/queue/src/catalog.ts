import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * The queue contract, shared by producers and consumers (ARCHITECTURE "The flow").
 * Jobs carry ids, never message bodies or secrets; a worker parses `job.data` with
 * the schema before doing anything, so a malformed job fails as unrecoverable
 * instead of half-running.
 */
const uuid = z.uuid();

export const jobCatalog = {
  sync: {
    'mailbox.sync': z.object({ workspaceId: uuid, mailboxId: uuid, reason: z.enum(['poll', 'push', 'backfill', 'manual']) }),
  },
  analyze: {
    'thread.analyze': z.object({ workspaceId: uuid, threadId: uuid }),
    /** The threads one stored page touched (those with a client are analysed). */
    'threads.analyze': z.object({ workspaceId: uuid, threadIds: z.array(uuid).min(1).max(100) }),
    /** The client's health summary and client-level incidents, from its stored analyses. */
    'client.rollup': z.object({ workspaceId: uuid, clientId: uuid }),
  },
  escalate: {
    'client.escalate': z.object({ workspaceId: uuid, clientId: uuid }),
    /** Drafts an offboarding's termination letter and closing report (once each). */
    'client.offboard': z.object({ workspaceId: uuid, offboardingId: uuid }),
  },
  send: {
    'email.send': z.object({ workspaceId: uuid, outgoingEmailId: uuid }),
  },
  maintenance: {
    'audit.verify-chain': z.object({ workspaceId: uuid }),
    /** Push is a hint, polling the floor: enqueues a sync for every mailbox without push for 10 minutes. */
    'mailboxes.poll-stale': z.object({}),
    /** Creates or renews a mailbox's push registration (Gmail watch, Graph subscription). */
    'watch.renew': z.object({ workspaceId: uuid, mailboxId: uuid }),
    /** Enqueues watch.renew for every registration whose renew-by time has come. */
    'watches.renew-due': z.object({}),
    /** Analyses client threads with unanalysed messages and refreshes rollups older than an hour. */
    'analysis.catch-up': z.object({}),
  },
} as const;

export type QueueName = keyof typeof jobCatalog;
export type JobName<Q extends QueueName> = keyof (typeof jobCatalog)[Q] & string;
export type JobData<Q extends QueueName, N extends JobName<Q>> = z.infer<(typeof jobCatalog)[Q][N]>;

export const queueNames = Object.keys(jobCatalog) as QueueName[];

/**
 * Defaults per queue. Completed jobs are trimmed (Postgres holds the record);
 * failed ones are kept longer for inspection. `send` retries less eagerly: every
 * attempt first checks Sent for our Message-ID, which costs quota.
 */
export const defaultJobOptions: Record<QueueName, JobsOptions> = {
  sync: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
  analyze: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
  escalate: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
  send: { attempts: 6, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: 10_000, removeOnFail: 10_000 },
  maintenance: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: 100, removeOnFail: 1_000 },
};

export function parseJobData<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: string, data: unknown): JobData<Q, N> {
  const schema = (jobCatalog[queue] as Record<string, z.ZodType | undefined>)[name];
  if (!schema) throw new UnknownJobError(queue, name);
  return schema.parse(data) as JobData<Q, N>;
}

export class UnknownJobError extends Error {
  constructor(queue: string, name: string) {
    super(`queue "${queue}" has no job named "${name}"`);
    this.name = 'UnknownJobError';
  }
}
