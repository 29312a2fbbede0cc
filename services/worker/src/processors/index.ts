import type { Clock } from '@firmly/core';
import { type Database, schema } from '@firmly/db';
import { isUnrecoverable, type NormalisePool } from '@firmly/mail';
import { type Coordination, type JobHandlers, type QueueBackend, queueProcessor, requestEscalation } from '@firmly/queue';
import { UnrecoverableError } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { MailRuntime } from '../mail/providers';
import type { Processors } from '../runtime';
import { analyzeThreadJob, analyzeThreadsJob, requestThreadAnalysis } from './analyze-thread';
import { analysisCatchUpJob, clientRollupJob } from './client-rollup';
import { escalateClientJob } from './escalate-client';
import { ladderPrecondition } from './ladder-precondition';
import { normaliserFor } from './normalise';
import { offboardClientJob } from './offboard-client';
import { pollStaleMailboxesJob } from './poll-stale';
import { type PushSettings, renewDueWatchesJob, renewWatchJob } from './renew-watch';
import { type SendPrecondition, sendEmailJob } from './send-email';
import { syncMailboxJob } from './sync-mailbox';
import { verifyAuditChainJob } from './verify-audit-chain';

export interface ProcessorDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  queues: QueueBackend;
  coordination: Coordination;
  mail: MailRuntime;
  backfillDays: number;
  push: PushSettings;
  /** Worker threads that parse MIME beside the main thread. */
  parsing: NormalisePool;
  /** Re-checked before each send; by default the ladders evaluated on the current record (ladder-precondition.ts). */
  sendPrecondition?: SendPrecondition;
}

/**
 * Provider failures that retrying cannot fix (a dead grant, a permanent 4xx) end the
 * job at once as UnrecoverableError; everything else is rethrown for BullMQ's backoff.
 */
function giveUpWhenUnrecoverable<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await run(...args);
    } catch (error) {
      if (isUnrecoverable(error)) throw new UnrecoverableError(`${error.name}: ${error.message}`);
      throw error;
    }
  };
}

/**
 * The check every email needs, the operator's own included: nothing more goes to a former
 * client (monitoring stopped). Ladder emails are also re-judged by the ladders themselves.
 */
function basicPrecondition(db: Database): SendPrecondition {
  return async (email) => {
    const [client] = await db
      .select({ status: schema.clients.status })
      .from(schema.clients)
      .where(and(eq(schema.clients.workspaceId, email.workspaceId), eq(schema.clients.id, email.clientId)));
    if (!client) return { ok: false, reason: 'the client no longer exists' };
    return client.status === 'former' ? { ok: false, reason: 'the client is a former client' } : { ok: true };
  };
}

/** Every queue firmly processes, with its handlers; `satisfies` keeps them complete. */
export function defaultProcessors(deps: ProcessorDeps): Processors {
  return {
    sync: queueProcessor('sync', {
      'mailbox.sync': giveUpWhenUnrecoverable(
        syncMailboxJob({
          db: deps.db,
          leases: deps.coordination.leases,
          clock: deps.clock,
          log: deps.log.child({ job: 'mailbox.sync' }),
          providerFor: deps.mail.providerFor,
          normalise: normaliserFor(deps.parsing),
          visibleText: (message) => message.visibleText,
          backfillDays: deps.backfillDays,
          onThreadsChanged: requestThreadAnalysis(deps),
        }),
      ),
    } satisfies JobHandlers<'sync'>),
    analyze: queueProcessor('analyze', {
      'thread.analyze': analyzeThreadJob({ ...deps, log: deps.log.child({ job: 'thread.analyze' }) }),
      'threads.analyze': analyzeThreadsJob({ ...deps, log: deps.log.child({ job: 'threads.analyze' }) }),
      'client.rollup': clientRollupJob({ ...deps, log: deps.log.child({ job: 'client.rollup' }) }),
    } satisfies JobHandlers<'analyze'>),
    escalate: queueProcessor('escalate', {
      'client.escalate': escalateClientJob({ ...deps, log: deps.log.child({ job: 'client.escalate' }) }),
      'client.offboard': offboardClientJob({ ...deps, log: deps.log.child({ job: 'client.offboard' }) }),
    } satisfies JobHandlers<'escalate'>),
    send: queueProcessor('send', {
      'email.send': sendEmailJob({
        db: deps.db,
        clock: deps.clock,
        log: deps.log.child({ job: 'email.send' }),
        providerFor: deps.mail.providerFor,
        precondition: deps.sendPrecondition ?? ladderPrecondition(deps.db, () => deps.clock.now(), basicPrecondition(deps.db)),
        isPermanent: isUnrecoverable,
        onSent: (email) => requestEscalation(deps.queues, email.workspaceId, email.clientId),
      }),
    } satisfies JobHandlers<'send'>),
    maintenance: queueProcessor('maintenance', {
      'analysis.catch-up': analysisCatchUpJob(deps),
      'audit.verify-chain': verifyAuditChainJob(deps),
      'mailboxes.poll-stale': pollStaleMailboxesJob(deps),
      'watch.renew': giveUpWhenUnrecoverable(renewWatchJob({ ...deps, providerFor: deps.mail.providerFor })),
      'watches.renew-due': renewDueWatchesJob(deps),
    } satisfies JobHandlers<'maintenance'>),
  };
}
