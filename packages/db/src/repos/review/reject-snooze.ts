/** Rejecting a draft with the operator's reason, and snoozing it out of the queue for a while. */
import type { Database } from '../../client';
import {
  audit,
  conflict,
  invalid,
  loadEmail,
  MAX_REJECT_REASON_LENGTH,
  MAX_SNOOZE_MILLIS,
  notFound,
  operatorProblem,
  type ReviewContext,
  type ReviewResult,
  refusal,
  reload,
  updateIfStill,
} from './common';

export async function rejectEmail(
  db: Database,
  workspaceId: string,
  emailId: string,
  reason: string,
  ctx: ReviewContext,
): Promise<ReviewResult> {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length === 0) return invalid('a reason is required', 'reason');
  if (trimmed.length > MAX_REJECT_REASON_LENGTH)
    return invalid(`the reason is longer than ${MAX_REJECT_REASON_LENGTH} characters`, 'reason');
  return db.transaction(async (tx) => {
    const problem = await operatorProblem(tx, workspaceId, ctx.operatorId);
    if (problem) return problem;
    const email = await loadEmail(tx, workspaceId, emailId);
    if (!email) return notFound(emailId);
    if (email.state === 'rejected') return { ok: true, email, changed: false };
    const verdict = refusal(email.state, { type: 'reject', reason: trimmed });
    if ('ok' in verdict) return verdict;
    const updated = await updateIfStill(tx, email, {
      state: verdict.to,
      stateReason: trimmed,
      reviewedBy: ctx.operatorId,
      reviewedAt: ctx.now,
    });
    if (!updated) {
      const current = await reload(tx, email);
      if ('ok' in current) return current;
      return current.state === 'rejected'
        ? { ok: true, email: current, changed: false }
        : conflict(current.state, `cannot reject an email that is ${current.state}`);
    }
    await audit(tx, updated, ctx, 'email.rejected', { from: email.state, to: verdict.to, reason: trimmed });
    return { ok: true, email: updated, changed: true };
  });
}

/* ----------------------------------------------------------------------------- snooze */

/** Hides a draft from the queue until `until` (in the future, at most 30 days ahead). Not a state change. */
export async function snoozeEmail(
  db: Database,
  workspaceId: string,
  emailId: string,
  until: Date,
  ctx: ReviewContext,
): Promise<ReviewResult> {
  const at = until instanceof Date ? until.getTime() : Number.NaN;
  if (Number.isNaN(at)) return invalid('until is not a valid instant', 'until');
  if (at <= ctx.now.getTime()) return invalid('until must be in the future', 'until');
  if (at - ctx.now.getTime() > MAX_SNOOZE_MILLIS) return invalid('a draft can be snoozed for at most 30 days', 'until');
  return db.transaction(async (tx) => {
    const problem = await operatorProblem(tx, workspaceId, ctx.operatorId);
    if (problem) return problem;
    const email = await loadEmail(tx, workspaceId, emailId);
    if (!email) return notFound(emailId);
    if (email.state !== 'pending_review')
      return conflict(email.state, `only a draft waiting for review can be snoozed; this one is ${email.state}`);
    if (email.snoozedUntil?.getTime() === at) return { ok: true, email, changed: false };
    const updated = await updateIfStill(tx, email, { snoozedUntil: until });
    if (!updated) {
      const current = await reload(tx, email);
      return 'ok' in current
        ? current
        : conflict(current.state, `only a draft waiting for review can be snoozed; this one is ${current.state}`);
    }
    await audit(tx, updated, ctx, 'email.snoozed', { until: until.toISOString(), previous: email.snoozedUntil?.toISOString() ?? null });
    return { ok: true, email: updated, changed: true };
  });
}

/* ----------------------------------------------------------------------------- edit */

/** A subject safe for a header: no line breaks or other control characters, one line, trimmed. */
