import type { QueueBackend } from './backend';
import { enqueue } from './producer';

/**
 * Queues the send of an approved email for its `send_after` (inside the client's working
 * hours, PRODUCT §5.5). The job's id is the outbox row's id — the exactly-once contract of
 * the send worker — so scheduling the same email twice is a no-op.
 */
export async function scheduleSend(backend: QueueBackend, workspaceId: string, emailId: string, sendAfter: Date | null, now = Date.now()) {
  const delayMs = sendAfter ? Math.max(0, sendAfter.getTime() - now) : 0;
  return enqueue(
    backend,
    'send',
    'email.send',
    { workspaceId, outgoingEmailId: emailId },
    { jobId: emailId, ...(delayMs > 0 ? { delayMs } : {}) },
  );
}
