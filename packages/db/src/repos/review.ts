import {
  type BusinessCalendar,
  businessCalendar,
  canonicalJson,
  type OutgoingEmailEvent,
  type OutgoingEmailState,
  transitionOutgoingEmail,
} from '@firmly/core';
import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { operators } from '../schema/operators';
import { outgoingEmails } from '../schema/outgoing-emails';
import { threads } from '../schema/threads';
import { loadClientForAnalysis } from './analysis';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 controls (CR and LF among them), DEL, C1 controls, and the Unicode line and paragraph
// separators: any of them in a header could end it early or smuggle in another one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const HEADER_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/* ----------------------------------------------------------------------------- results */

function invalid(detail: string, field?: string): ReviewProblem {
  return { ok: false, problem: 'invalid', detail, ...(field === undefined ? {} : { field }) };
}

function notFound(emailId: string): ReviewProblem {
  return { ok: false, problem: 'not_found', detail: `no outgoing email ${emailId} in this workspace` };
}

function conflict(state: OutgoingEmailState, detail: string): ReviewProblem {
  return { ok: false, problem: 'conflict', detail, state };
}

/* ----------------------------------------------------------------------------- shared steps */

/** The email, scoped to the workspace: an id from another workspace (or not an id at all) finds nothing. */
async function loadEmail(tx: Executor, workspaceId: string, emailId: string, lock = false): Promise<OutgoingEmailRow | undefined> {
  if (!UUID.test(emailId)) return undefined;
  const query = tx
    .select()
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.id, emailId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** `reviewed_by` references the workspace's operators; a stranger or a disabled operator is refused up front. */
async function operatorProblem(tx: Executor, workspaceId: string, operatorId: string): Promise<ReviewProblem | undefined> {
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
function refusal(state: OutgoingEmailState, event: OutgoingEmailEvent): ReviewProblem | { to: OutgoingEmailState } {
  const step = transitionOutgoingEmail(state, event);
  return step.ok ? { to: step.to } : conflict(state, step.reason);
}

/**
 * The conditional write: only if the row is still in the state we decided from.
 * Returns undefined when another transaction moved it first.
 */
async function updateIfStill(
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
async function reload(tx: Executor, email: OutgoingEmailRow): Promise<OutgoingEmailRow | ReviewProblem> {
  return (await loadEmail(tx, email.workspaceId, email.id)) ?? notFound(email.id);
}

async function audit(tx: Executor, email: OutgoingEmailRow, ctx: ReviewContext, action: string, data: Record<string, unknown>) {
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

/* ----------------------------------------------------------------------------- the queue */

export interface ReviewQueueOptions {
  now: Date;
  /** Defaults to `pending_review`; the snooze filter applies to that state only. */
  state?: OutgoingEmailState;
  clientId?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

export type ReviewQueuePage = { ok: true; items: OutgoingEmailRow[]; nextCursor: string | null } | ReviewProblem;

interface QueueCursor {
  createdAt: string;
  id: string;
}

// Postgres keeps microseconds and a JS Date only milliseconds: a cursor holding a Date would
// land inside a run of rows with the same millisecond and repeat or skip them. So the cursor
// carries the database's own text form of the instant, and the id breaks exact ties.
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const createdAtText = sql<string>`to_char(${outgoingEmails.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): QueueCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !CURSOR_INSTANT.test(createdAt) || !UUID.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}

/** Drafts waiting for the operator, oldest first; a snoozed draft shows again once its snooze has passed. */
export async function reviewQueue(db: Executor, workspaceId: string, options: ReviewQueueOptions): Promise<ReviewQueuePage> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_QUEUE_PAGE) {
    return invalid(`limit must be a whole number from 1 to ${MAX_QUEUE_PAGE}`, 'limit');
  }
  if (options.clientId !== undefined && !UUID.test(options.clientId)) return invalid('clientId is not an id', 'clientId');
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  if (options.cursor && !cursor) return invalid('the cursor is not one this queue handed out', 'cursor');

  const state = options.state ?? 'pending_review';
  const conditions: Array<SQL | undefined> = [eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.state, state)];
  if (state === 'pending_review') {
    conditions.push(or(isNull(outgoingEmails.snoozedUntil), lte(outgoingEmails.snoozedUntil, options.now)));
  }
  if (options.clientId !== undefined) conditions.push(eq(outgoingEmails.clientId, options.clientId));
  if (cursor) {
    conditions.push(sql`(${outgoingEmails.createdAt}, ${outgoingEmails.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ email: outgoingEmails, createdAtText })
    .from(outgoingEmails)
    .where(and(...conditions))
    .orderBy(asc(outgoingEmails.createdAt), asc(outgoingEmails.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ createdAt: last.createdAtText, id: last.email.id }) : null;
  return { ok: true, items: page.map((r) => r.email), nextCursor };
}

/* ----------------------------------------------------------------------------- approve */

/** Calendars already built in this transaction, by client id: a bulk approval of one client's drafts loads it once. */
type CalendarCache = Map<string, BusinessCalendar | null>;

/**
 * The first instant at or after `now` inside the client's working hours (PRODUCT §5.5).
 * The calendar comes from `loadClientForAnalysis`, which already replaces a stored calendar
 * the API should have refused with a working default, so approval never fails on it.
 */
async function firstSendableInstant(tx: Executor, workspaceId: string, clientId: string, now: Date, cache: CalendarCache): Promise<Date> {
  let calendar = cache.get(clientId);
  if (calendar === undefined) {
    const client = await loadClientForAnalysis(tx, workspaceId, clientId);
    calendar = client ? businessCalendar(client.profile.calendar) : null;
    cache.set(clientId, calendar);
  }
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
export function safeSubject(subject: string): string {
  return subject.replace(HEADER_BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function validSubject(subject: string, field: string): string | ReviewProblem {
  const clean = safeSubject(subject);
  if (clean.length === 0) return invalid('the subject is empty', field);
  if (clean.length > MAX_SUBJECT_LENGTH) return invalid(`the subject is longer than ${MAX_SUBJECT_LENGTH} characters`, field);
  return clean;
}

async function threadSubjectOf(tx: Executor, email: OutgoingEmailRow): Promise<string | undefined> {
  if (!email.threadId) return undefined;
  const [thread] = await tx
    .select({ subject: threads.subject })
    .from(threads)
    .where(and(eq(threads.workspaceId, email.workspaceId), eq(threads.id, email.threadId)));
  return thread?.subject ?? undefined;
}

async function tryRender(
  render: RenderEmailFn,
  email: OutgoingEmailRow,
  data: Record<string, unknown>,
  threadSubject: string | undefined,
): Promise<RenderedParts | { error: string }> {
  try {
    const parts = await render(email.kind, email.locale, data, threadSubject === undefined ? {} : { threadSubject });
    if (typeof parts?.subject !== 'string' || typeof parts.html !== 'string' || typeof parts.text !== 'string') {
      return { error: 'the renderer returned no subject, html and text' };
    }
    return parts;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Which subject the edited email keeps. An explicit one wins. Otherwise the template's new
 * subject is taken only if the stored one is still the template's (re-rendering the old data
 * tells): an operator's earlier subject must not vanish because they later fixed a date.
 */
async function resolveSubject(
  patchSubject: string | undefined,
  rendered: RenderedParts,
  email: OutgoingEmailRow,
  render: RenderEmailFn,
  threadSubject: string | undefined,
): Promise<string | ReviewProblem> {
  if (patchSubject !== undefined) return patchSubject;
  const before = await tryRender(render, email, email.templateData ?? {}, threadSubject);
  const storedWasTemplates = 'subject' in before && safeSubject(before.subject) === email.subject;
  return storedWasTemplates ? validSubject(rendered.subject, 'data') : email.subject;
}

/**
 * Edits a draft waiting for review: merges `data` into its template data and re-renders it
 * (what the renderer throws comes back as `invalid`, and nothing is stored); a `subject`
 * replaces the subject, cleaned of anything that could break the header.
 */
export async function editEmail(
  db: Database,
  workspaceId: string,
  emailId: string,
  patch: EmailEdit,
  render: RenderEmailFn,
  ctx: ReviewContext,
): Promise<ReviewResult> {
  if (patch.subject === undefined && patch.data === undefined) return invalid('nothing to change: give a subject or data');
  if (patch.data !== undefined && !isPlainObject(patch.data)) return invalid('data must be an object of template fields', 'data');
  let subjectOverride: string | undefined;
  if (patch.subject !== undefined) {
    if (typeof patch.subject !== 'string') return invalid('the subject must be text', 'subject');
    const checked = validSubject(patch.subject, 'subject');
    if (typeof checked !== 'string') return checked;
    subjectOverride = checked;
  }
  return db.transaction(async (tx) => {
    const problem = await operatorProblem(tx, workspaceId, ctx.operatorId);
    if (problem) return problem;
    // Locked: two operators editing one draft take turns, the second merging onto the first's result.
    const email = await loadEmail(tx, workspaceId, emailId, true);
    if (!email) return notFound(emailId);
    if (email.state !== 'pending_review')
      return conflict(email.state, `only a draft waiting for review can be edited; this one is ${email.state}`);

    const templateData = { ...(email.templateData ?? {}), ...(patch.data ?? {}) };
    const threadSubject = await threadSubjectOf(tx, email);
    const rendered = await tryRender(render, email, templateData, threadSubject);
    if ('error' in rendered) return invalid(rendered.error, 'data');
    const subject = await resolveSubject(subjectOverride, rendered, email, render, threadSubject);
    if (typeof subject !== 'string') return subject;

    const changed = [
      subject !== email.subject ? 'subject' : undefined,
      rendered.html !== email.html ? 'html' : undefined,
      rendered.text !== email.text ? 'text' : undefined,
      canonicalJson(templateData) !== canonicalJson(email.templateData ?? {}) ? 'template_data' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (changed.length === 0) return { ok: true, email, changed: false };

    const updated = await updateIfStill(tx, email, { subject, html: rendered.html, text: rendered.text, templateData });
    if (!updated) {
      const current = await reload(tx, email);
      return 'ok' in current
        ? current
        : conflict(current.state, `only a draft waiting for review can be edited; this one is ${current.state}`);
    }
    await audit(tx, updated, ctx, 'email.edited', {
      changed,
      dataKeys: Object.keys(patch.data ?? {}).sort(),
      ...(changed.includes('subject') ? { subject: { from: email.subject, to: subject } } : {}),
    });
    return { ok: true, email: updated, changed: true };
  });
}
