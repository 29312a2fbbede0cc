import { type OutgoingEmailEvent, type OutgoingEmailState, transitionOutgoingEmail } from '@firmly/core';
import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Executor } from '../../client';
import { operators } from '../../schema/operators';
import { outgoingEmails } from '../../schema/outgoing-emails';

/**
 * The operator's review queue (PRODUCT §5, issue 5): drafts wait in `pending_review`
 * until an operator approves, edits, rejects or snoozes them.
 *
 * Every action runs in one transaction together with its audit event. State changes are
 * asked of core's `transitionOutgoingEmail` first (so a refusal reads the same everywhere)
 * and then written as `UPDATE … WHERE state = <the state we read>`: if the send worker or
 * the escalator moved the row in between, the update matches nothing and the caller gets
 * a conflict instead of a silent overwrite. The database trigger of migration 0001 is the
 * last line behind both.
 */

export type OutgoingEmailRow = typeof outgoingEmails.$inferSelect;
export type OutgoingEmailKind = OutgoingEmailRow['kind'];

export interface ReviewContext {
  now: Date;
  operatorId: string;
}

export type ReviewProblem = {
  ok: false;
  problem: 'not_found' | 'conflict' | 'invalid';
  detail: string;
  field?: string;
  /** On a conflict: the state the email is in, so the caller can show it. */
  state?: OutgoingEmailState;
};

/** `changed: false` means the request was already satisfied (a repeated click), and nothing was written. */
export type ReviewResult = { ok: true; email: OutgoingEmailRow; changed: boolean } | ReviewProblem;

/** What the caller needs to enqueue the send job: not before `sendAfter`. */
export interface SendSchedule {
  emailId: string;
  sendAfter: Date;
}

export type ApproveResult = { ok: true; email: OutgoingEmailRow; changed: boolean; send: SendSchedule } | ReviewProblem;

export interface RenderedParts {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders an email from its template data. Injected, because `@firmly/db` must not depend on
 * `@firmly/templates`; whatever it throws (MJML errors, missing fields) is reported as `invalid`.
 */
export type RenderEmailFn = (
  kind: OutgoingEmailKind,
  locale: string,
  data: Record<string, unknown>,
  options: { threadSubject?: string },
) => Promise<RenderedParts>;

export interface EmailEdit {
  subject?: string;
  data?: Record<string, unknown>;
}

export const MAX_REJECT_REASON_LENGTH = 500;
export const MAX_SNOOZE_MILLIS = 30 * 86_400_000;
export const MAX_SUBJECT_LENGTH = 300;
export const MAX_BULK_APPROVE = 500;
export const MAX_QUEUE_PAGE = 100;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 controls (CR and LF among them), DEL, C1 controls, and the Unicode line and paragraph
// separators: any of them in a header could end it early or smuggle in another one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const HEADER_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/* ----------------------------------------------------------------------------- results */

export function invalid(detail: string, field?: string): ReviewProblem {
  return { ok: false, problem: 'invalid', detail, ...(field === undefined ? {} : { field }) };
}

export function notFound(emailId: string): ReviewProblem {
  return { ok: false, problem: 'not_found', detail: `no outgoing email ${emailId} in this workspace` };
}

export function conflict(state: OutgoingEmailState, detail: string): ReviewProblem {
  return { ok: false, problem: 'conflict', detail, state };
}

/* ----------------------------------------------------------------------------- shared steps */

/** The email, scoped to the workspace: an id from another workspace (or not an id at all) finds nothing. */
export async function loadEmail(tx: Executor, workspaceId: string, emailId: string, lock = false): Promise<OutgoingEmailRow | undefined> {
  if (!UUID.test(emailId)) return undefined;
  const query = tx
    .select()
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.id, emailId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** `reviewed_by` references the workspace's operators; a stranger or a disabled operator is refused up front. */
export async function operatorProblem(tx: Executor, workspaceId: string, operatorId: string): Promise<ReviewProblem | undefined> {
  if (!UUID.test(operatorId)) return invalid('the operator is not an id', 'operatorId');
  const [operator] = await tx
    .select({ disabledAt: operators.disabledAt })
    .from(operators)
    .where(and(eq(operators.workspaceId, workspaceId), eq(operators.id, operatorId)));
  if (!operator) return invalid('the operator does not belong to this workspace', 'operatorId');
  if (operator.disabledAt) return invalid('the operator is disabled', 'operatorId');
  return undefined;
}

/** Core's verdict on an event; a refusal becomes a conflict that names the current state. */
export function refusal(state: OutgoingEmailState, event: OutgoingEmailEvent): ReviewProblem | { to: OutgoingEmailState } {
  const step = transitionOutgoingEmail(state, event);
  return step.ok ? { to: step.to } : conflict(state, step.reason);
}

/**
 * The conditional write: only if the row is still in the state we decided from.
 * Returns undefined when another transaction moved it first.
 */
export async function updateIfStill(
  tx: Executor,
  email: OutgoingEmailRow,
  set: Partial<typeof outgoingEmails.$inferInsert>,
): Promise<OutgoingEmailRow | undefined> {
  const [row] = await tx
    .update(outgoingEmails)
    .set(set)
    .where(and(eq(outgoingEmails.workspaceId, email.workspaceId), eq(outgoingEmails.id, email.id), eq(outgoingEmails.state, email.state)))
    .returning();
  return row;
}

/** After a lost race: re-read (READ COMMITTED sees the winner's commit) to report what the email is now. */
export async function reload(tx: Executor, email: OutgoingEmailRow): Promise<OutgoingEmailRow | ReviewProblem> {
  return (await loadEmail(tx, email.workspaceId, email.id)) ?? notFound(email.id);
}

export async function audit(tx: Executor, email: OutgoingEmailRow, ctx: ReviewContext, action: string, data: Record<string, unknown>) {
  await appendAuditEvent(tx, {
    workspaceId: email.workspaceId,
    actor: `operator:${ctx.operatorId}`,
    action,
    subjectType: 'outgoing_email',
    subjectId: email.id,
    data,
    occurredAt: ctx.now,
  });
}

/**
 * The draft an edit may change, locked for the rest of the transaction (two operators editing one
 * draft take turns, the second working on the first's result), or why it may not be edited.
 */
export async function lockDraftForEdit(
  tx: Executor,
  workspaceId: string,
  emailId: string,
  operatorId: string,
): Promise<OutgoingEmailRow | ReviewProblem> {
  const problem = await operatorProblem(tx, workspaceId, operatorId);
  if (problem) return problem;
  const email = await loadEmail(tx, workspaceId, emailId, true);
  if (!email) return notFound(emailId);
  if (email.state !== 'pending_review') {
    return conflict(email.state, `only a draft waiting for review can be edited; this one is ${email.state}`);
  }
  return email;
}
