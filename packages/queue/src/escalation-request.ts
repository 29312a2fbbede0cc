import type { QueueBackend } from './backend';
import { enqueue } from './producer';

/**
 * Evaluations requested within the same five seconds collapse into one job: a payment, a
 * rollup and a proposal decision arriving together evaluate the client once. A bucket (not a
 * deduplication key) because a job that already ran must not swallow the next change's request.
 */
const ESCALATE_BUCKET_MS = 5_000;

/**
 * Asks for the client's ladders (PRODUCT §4) to be evaluated again, shortly: after a sync's
 * rollup, a sent email, or an operator's change to the record (an invoice, a payment, a
 * dispute, a promise, a reminder pause, a proposal decision). Lives here, not in the worker,
 * so the API can ask without importing the worker.
 */
export async function requestEscalation(queues: QueueBackend, workspaceId: string, clientId: string): Promise<void> {
  const now = Date.now();
  const bucket = Math.floor(now / ESCALATE_BUCKET_MS);
  await enqueue(
    queues,
    'escalate',
    'client.escalate',
    { workspaceId, clientId },
    { jobId: `escalate-${clientId}-${bucket}`, delayMs: (bucket + 1) * ESCALATE_BUCKET_MS - now + 100 },
  );
}
