/** Approving drafts (one or many) for the client's next working instant (PRODUCT §5.5). */
import { type BusinessCalendar, businessCalendar } from '@firmly/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../client';
import { outgoingEmails } from '../../schema/outgoing-emails';
import { loadClientForAnalysis } from '../analysis';
import {
  type ApproveResult,
  audit,
  conflict,
  invalid,
  loadEmail,
  MAX_BULK_APPROVE,
  notFound,
  type OutgoingEmailRow,
  operatorProblem,
  type ReviewContext,
  type ReviewProblem,
  refusal,
  reload,
  UUID,
  updateIfStill,
} from './common';

/** Calendars already built, by client id: a page or a bulk approval of one client's drafts loads it once. */
export type CalendarCache = Map<string, BusinessCalendar | null>;

/**
 * The first instant at or after `now` inside the client's working hours (PRODUCT §5.5): what an
 * approval schedules, and what the review queue shows as the send plan, from this one function.
 * The calendar comes from `loadClientForAnalysis`, which already replaces a stored calendar
 * the API should have refused with a working default, so approval never fails on it.
 */
export async function firstSendableInstant(
  tx: Executor,
  workspaceId: string,
  clientId: string,
  now: Date,
  cache: CalendarCache,
): Promise<Date> {
  let calendar = cache.get(clientId);
  if (calendar === undefined) {
    const client = await loadClientForAnalysis(tx, workspaceId, clientId);
    calendar = client ? businessCalendar(client.profile.calendar) : null;
    cache.set(clientId, calendar);
  }
  return sendableInstant(calendar, now);
}

/** The first instant inside the calendar's working hours from `now` (`now` itself without a calendar). */
export function sendableInstant(calendar: Pick<BusinessCalendar, 'nextWorkingInstant'> | null | undefined, now: Date): Date {
  const next = calendar?.nextWorkingInstant(now);
  // Past the calendar's supported range the answer is NaN; sending now beats never sending.
  return next && !Number.isNaN(next.getTime()) ? next : now;
}

function alreadyApproved(email: OutgoingEmailRow, now: Date): ApproveResult {
  return { ok: true, email, changed: false, send: { emailId: email.id, sendAfter: email.sendAfter ?? now } };
}

async function approveInTransaction(
  tx: Executor,
  workspaceId: string,
  emailId: string,
  ctx: ReviewContext,
  calendars: CalendarCache,
): Promise<ApproveResult> {
  const email = await loadEmail(tx, workspaceId, emailId);
  if (!email) return notFound(emailId);
  if (email.state === 'approved') return alreadyApproved(email, ctx.now);
  const verdict = refusal(email.state, { type: 'approve' });
  if ('ok' in verdict) return verdict;
  const sendAfter = await firstSendableInstant(tx, workspaceId, email.clientId, ctx.now, calendars);
  const updated = await updateIfStill(tx, email, {
    state: verdict.to,
    reviewedBy: ctx.operatorId,
    reviewedAt: ctx.now,
    sendAfter,
    // An explicit approval overrides an earlier "later".
    snoozedUntil: null,
  });
  if (!updated) {
    const current = await reload(tx, email);
    if ('ok' in current) return current;
    // Two approvals of one draft: the second finds the first's result, which is what it asked for.
    if (current.state === 'approved') return alreadyApproved(current, ctx.now);
    return conflict(current.state, `cannot approve an email that is ${current.state}`);
  }
  await audit(tx, updated, ctx, 'email.approved', { from: email.state, to: verdict.to, sendAfter: sendAfter.toISOString() });
  return { ok: true, email: updated, changed: true, send: { emailId: updated.id, sendAfter } };
}

/** pending_review → approved, to be sent from the client's next working instant. Approving twice is a no-op. */
export async function approveEmail(db: Database, workspaceId: string, emailId: string, ctx: ReviewContext): Promise<ApproveResult> {
  return db.transaction(async (tx) => {
    const problem = await operatorProblem(tx, workspaceId, ctx.operatorId);
    if (problem) return problem;
    return approveInTransaction(tx, workspaceId, emailId, ctx, new Map());
  });
}

export type BulkApproveResult = { ok: true; results: Array<{ id: string; result: ApproveResult }> } | ReviewProblem;

/**
 * Approves each id in one transaction; one id's problem does not undo the others (each has its
 * own result, in the order given, duplicates once).
 *
 * The rows are locked up front in id order: every approval appends to the workspace's audit
 * chain under one advisory lock, and taking row locks after that lock, in whatever order the
 * operator clicked, could deadlock two overlapping bulk approvals.
 */
export async function bulkApprove(
  db: Database,
  workspaceId: string,
  ids: readonly string[],
  ctx: ReviewContext,
): Promise<BulkApproveResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return invalid('no emails to approve', 'ids');
  if (unique.length > MAX_BULK_APPROVE) return invalid(`at most ${MAX_BULK_APPROVE} emails at once`, 'ids');
  return db.transaction(async (tx) => {
    const problem = await operatorProblem(tx, workspaceId, ctx.operatorId);
    if (problem) return problem;
    const lockable = unique.filter((id) => UUID.test(id)).sort();
    if (lockable.length > 0) {
      await tx
        .select({ id: outgoingEmails.id })
        .from(outgoingEmails)
        .where(and(eq(outgoingEmails.workspaceId, workspaceId), inArray(outgoingEmails.id, lockable)))
        .orderBy(asc(outgoingEmails.id))
        .for('update');
    }
    const calendars: CalendarCache = new Map();
    const results: Array<{ id: string; result: ApproveResult }> = [];
    // One after another: a transaction is one connection.
    for (const id of unique) {
      results.push({ id, result: await approveInTransaction(tx, workspaceId, id, ctx, calendars) });
    }
    return { ok: true, results };
  });
}

/* ----------------------------------------------------------------------------- reject */

/** pending_review | approved → rejected, with the operator's reason. Rejecting again is a no-op that keeps the first reason. */
