import { businessCalendar, type Clock, summarizeClient } from '@firmly/core';
import { type Database, loadClientForAnalysis, loadClientRollupInput, saveClientSummary, schema } from '@firmly/db';
import { type QueueBackend, requestEscalation, scheduleSend } from '@firmly/queue';
import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { requestAnalysis, requestRollup, threadsBehindAnalysis } from './analyze-thread';

export type RollupOutcome =
  | { status: 'rolled_up'; openAsks: number; controlScore: number; newIncidents: number }
  | { status: 'skipped'; reason: string };

/**
 * `client.rollup`: the client's health at now — responsiveness, control score, payment
 * behaviour — from its stored asks, message findings and invoices (bounded by the windows
 * the summary looks at, never the whole mailbox), and the incidents they document. The
 * client row is locked meanwhile, so rollups of one client take turns.
 */
export function clientRollupJob(deps: { db: Database; queues: QueueBackend; clock: Clock; log: Logger }) {
  const once = (workspaceId: string, clientId: string, now: Date) =>
    deps.db.transaction(async (tx): Promise<RollupOutcome> => {
      await tx.execute(sql`SELECT 1 FROM ${schema.clients} WHERE workspace_id = ${workspaceId} AND id = ${clientId} FOR UPDATE`);
      const client = await loadClientForAnalysis(tx, workspaceId, clientId);
      if (!client) return { status: 'skipped', reason: 'client not found' };
      if (client.status === 'former') return { status: 'skipped', reason: 'former client: monitoring stopped' };
      const input = await loadClientRollupInput(tx, workspaceId, clientId, now);
      const calendar = businessCalendar(client.profile.calendar);
      const summary = summarizeClient({ client: client.profile, ...input, now, calendar });
      const saved = await saveClientSummary(tx, workspaceId, clientId, summary, calendar.localDate(now));
      return {
        status: 'rolled_up',
        openAsks: summary.responsiveness.open,
        controlScore: summary.control.score,
        newIncidents: saved.newIncidents,
      };
    });
  return async (data: { workspaceId: string; clientId: string }): Promise<RollupOutcome> => {
    const outcome = await once(data.workspaceId, data.clientId, deps.clock.now());
    // A new picture of the client may move a ladder (an answer cancels a nudge; a new ask starts one).
    if (outcome.status === 'rolled_up') await requestEscalation(deps.queues, data.workspaceId, data.clientId);
    return outcome;
  };
}

/** Rollups older than this are refreshed by the catch-up: open asks age and invoices fall due without new mail. */
export const ROLLUP_MAX_AGE_MS = 60 * 60_000;

/**
 * `analysis.catch-up` (every 10 minutes): the floor under the event-driven path, like polling
 * under push. Analyses client threads with messages not analysed yet (a change that landed
 * while its thread's job was running), rolls up every monitored client whose summary is
 * older than an hour, and — the reconciler of issue 5 — evaluates every monitored client's
 * ladders and re-queues the send of every approved email, so a lost queue loses nothing.
 */
export function analysisCatchUpJob(deps: { db: Database; queues: QueueBackend; clock: Clock }) {
  return async (): Promise<{ threads: number; rollups: number; escalations: number; sends: number }> => {
    const behind = await threadsBehindAnalysis(deps.db, 5_000);
    const now = deps.clock.now();
    for (const t of behind) await requestAnalysis(deps.queues, t.workspaceId, t.threadId);
    const staleBefore = new Date(now.getTime() - ROLLUP_MAX_AGE_MS);
    const due = await deps.db
      .select({ workspaceId: schema.clients.workspaceId, clientId: schema.clients.id })
      .from(schema.clients)
      .leftJoin(
        schema.clientHealth,
        and(eq(schema.clientHealth.workspaceId, schema.clients.workspaceId), eq(schema.clientHealth.clientId, schema.clients.id)),
      )
      .where(
        and(
          ne(schema.clients.status, 'former'),
          or(isNull(schema.clientHealth.computedAt), lt(schema.clientHealth.computedAt, staleBefore)),
        ),
      );
    for (const c of due) await requestRollup(deps.queues, c.workspaceId, c.clientId);
    // The reconciler: every monitored client is evaluated again, which re-creates its next
    // scheduled step from PostgreSQL if the queue lost it (evaluations are idempotent).
    const monitored = await deps.db
      .select({ workspaceId: schema.clients.workspaceId, clientId: schema.clients.id })
      .from(schema.clients)
      .where(ne(schema.clients.status, 'former'));
    for (const c of monitored) await requestEscalation(deps.queues, c.workspaceId, c.clientId);
    // …and every approved email gets its send job back (its id is the email's: a job that is
    // still there, or that already ran, makes this a no-op).
    const approved = await deps.db
      .select({ workspaceId: schema.outgoingEmails.workspaceId, id: schema.outgoingEmails.id, sendAfter: schema.outgoingEmails.sendAfter })
      .from(schema.outgoingEmails)
      .where(eq(schema.outgoingEmails.state, 'approved'));
    for (const email of approved) await scheduleSend(deps.queues, email.workspaceId, email.id, email.sendAfter);
    return { threads: behind.length, rollups: due.length, escalations: monitored.length, sends: approved.length };
  };
}
