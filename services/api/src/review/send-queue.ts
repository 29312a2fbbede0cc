import type { ApproveResult } from '@firmly/db';
import { type QueueBackend, scheduleSend } from '@firmly/queue';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The send job of an approved email, due at its `send_after`; its id is the email's, so a
 * repeated approval queues nothing new. The approval is already committed: if the queue is
 * unreachable, the client rollup re-queues every approved email, so this logs rather than
 * failing a request whose decision is recorded.
 */
export async function queueApprovedSend(queues: QueueBackend, log: FastifyBaseLogger, result: ApproveResult, now: Date): Promise<void> {
  if (!result.ok || result.email.state !== 'approved') return;
  try {
    await scheduleSend(queues, result.email.workspaceId, result.email.id, result.send.sendAfter, now.getTime());
  } catch (error) {
    log.error({ err: error, emailId: result.email.id }, 'approved, but the send job could not be queued yet');
  }
}
