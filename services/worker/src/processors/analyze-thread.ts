import { analyzeThread, type Clock } from '@firmly/core';
import {
  askOverrides,
  type Database,
  loadClientForAnalysis,
  lockThreadForAnalysis,
  saveThreadAnalysis,
  schema,
  threadMessagesForAnalysis,
} from '@firmly/db';
import { enqueue, type QueueBackend } from '@firmly/queue';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';

export interface AnalyzeDeps {
  db: Database;
  queues: QueueBackend;
  clock: Clock;
  log: Logger;
}

/**
 * Requests collapse per time bucket: every request for one thread (or client) made within
 * the same bucket is the same job id, and the job is delayed to just after the bucket ends.
 * A request is made after its change has committed, so the job, running after the bucket,
 * sees every change whose request it absorbed; a change a moment later falls in the next
 * bucket and gets a job of its own. (BullMQ's deduplication would drop a request made
 * while the job runs, losing that change until the catch-up.)
 */
export const ANALYSIS_BUCKET_MS = 1_000;
export const ROLLUP_BUCKET_MS = 5_000;
const BUCKET_MARGIN_MS = 100;

/** Wall time, not the domain clock: this is queue mechanics, and a frozen test clock would make every bucket the same. */
function bucketed(key: string, bucketMs: number): { jobId: string; delayMs: number } {
  const now = Date.now();
  const bucket = Math.floor(now / bucketMs);
  return { jobId: `${key}-${bucket}`, delayMs: (bucket + 1) * bucketMs - now + BUCKET_MARGIN_MS };
}

export async function requestAnalysis(queues: QueueBackend, workspaceId: string, threadId: string): Promise<void> {
  await enqueue(queues, 'analyze', 'thread.analyze', { workspaceId, threadId }, bucketed(`analyze-${threadId}`, ANALYSIS_BUCKET_MS));
}

export async function requestRollup(queues: QueueBackend, workspaceId: string, clientId: string): Promise<void> {
  await enqueue(queues, 'analyze', 'client.rollup', { workspaceId, clientId }, bucketed(`rollup-${clientId}`, ROLLUP_BUCKET_MS));
}

export type AnalyzeOutcome =
  | { status: 'analysed'; messages: number; asks: number; newIncidents: number }
  | { status: 'skipped'; reason: string };

/**
 * One client thread, analysed from its stored messages (the thread row is locked meanwhile,
 * so two workers take turns on it), its results stored in the same transaction. Idempotent:
 * running it again on the same messages stores the same results.
 */
async function analyzeOneThread(deps: AnalyzeDeps, workspaceId: string, threadId: string): Promise<AnalyzeOutcome & { clientId?: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx): Promise<AnalyzeOutcome & { clientId?: string }> => {
    const thread = await lockThreadForAnalysis(tx, workspaceId, threadId);
    if (!thread) return { status: 'skipped', reason: 'thread not found' };
    if (!thread.clientId) return { status: 'skipped', reason: 'thread has no client: kept out of analysis' };
    const client = await loadClientForAnalysis(tx, workspaceId, thread.clientId);
    if (!client) return { status: 'skipped', reason: 'client not found' };
    if (client.status === 'former') return { status: 'skipped', reason: 'former client: monitoring stopped' };
    if (client.calendarProblems.length > 0)
      deps.log.warn(
        { clientId: thread.clientId, problems: client.calendarProblems },
        'client calendar invalid: analysed with the default calendar',
      );
    const messages = await threadMessagesForAnalysis(tx, workspaceId, threadId);
    const overrides = await askOverrides(tx, workspaceId, threadId);
    const analysis = analyzeThread(threadId, messages, client.profile, { now, overrides });
    const saved = await saveThreadAnalysis(tx, workspaceId, analysis, now);
    return {
      status: 'analysed',
      messages: messages.length,
      asks: analysis.asks.length,
      newIncidents: saved.newIncidents,
      clientId: thread.clientId,
    };
  });
}

/** `thread.analyze`: one thread (the operator's mark, the catch-up), then its client's rollup is requested. */
export function analyzeThreadJob(deps: AnalyzeDeps) {
  return async (data: { workspaceId: string; threadId: string }): Promise<AnalyzeOutcome> => {
    const { clientId, ...outcome } = await analyzeOneThread(deps, data.workspaceId, data.threadId);
    if (clientId) await requestRollup(deps.queues, data.workspaceId, clientId);
    return outcome;
  };
}

/**
 * `threads.analyze`: the client threads a stored page touched, one after another (each in its
 * own transaction), then one rollup request per client — not per thread: a back-fill page
 * touches dozens of one client's threads.
 */
export function analyzeThreadsJob(deps: AnalyzeDeps) {
  return async (data: { workspaceId: string; threadIds: string[] }): Promise<{ analysed: number; skipped: number; rollups: number }> => {
    const ids = [...new Set(data.threadIds)];
    const rows = await deps.db
      .select({ id: schema.threads.id })
      .from(schema.threads)
      .where(and(eq(schema.threads.workspaceId, data.workspaceId), inArray(schema.threads.id, ids), isNotNull(schema.threads.clientId)));
    const clients = new Set<string>();
    let analysed = 0;
    for (const { id } of rows) {
      const outcome = await analyzeOneThread(deps, data.workspaceId, id);
      if (outcome.status === 'analysed') analysed += 1;
      if (outcome.clientId) clients.add(outcome.clientId);
    }
    for (const clientId of clients) await requestRollup(deps.queues, data.workspaceId, clientId);
    return { analysed, skipped: ids.length - analysed, rollups: clients.size };
  };
}

/** At most this many threads per `threads.analyze` job (a page holds at most a hundred messages). */
const THREADS_PER_JOB = 100;

/**
 * After a page is stored: one `threads.analyze` job for the threads it touched (the job keeps
 * to those with a client: threads without one stay out of analysis). One queue write per page,
 * so requesting analysis costs the sync next to nothing. A crash between the page's commit and
 * this request is covered by `analysis.catch-up`.
 */
export function requestThreadAnalysis(deps: { queues: QueueBackend }) {
  return async (workspaceId: string, threadIds: string[]): Promise<void> => {
    for (let i = 0; i < threadIds.length; i += THREADS_PER_JOB) {
      await enqueue(deps.queues, 'analyze', 'threads.analyze', { workspaceId, threadIds: threadIds.slice(i, i + THREADS_PER_JOB) });
    }
  };
}

/** Client threads with a message analysis has not seen yet (or seen before the operator's last mark). */
export async function threadsBehindAnalysis(db: Database, limit: number): Promise<Array<{ workspaceId: string; threadId: string }>> {
  const rows = await db.execute<{ workspace_id: string; thread_id: string }>(sql`
    SELECT DISTINCT m.workspace_id, m.thread_id
    FROM ${schema.messages} m
    JOIN ${schema.threads} t ON t.workspace_id = m.workspace_id AND t.id = m.thread_id
    JOIN ${schema.clients} c ON c.workspace_id = t.workspace_id AND c.id = t.client_id
    WHERE c.status <> 'former'
      AND NOT EXISTS (
        SELECT 1 FROM ${schema.messageAnalyses} a WHERE a.workspace_id = m.workspace_id AND a.message_id = m.id
      )
    LIMIT ${limit}`);
  return rows.rows.map((r) => ({ workspaceId: r.workspace_id, threadId: r.thread_id }));
}
