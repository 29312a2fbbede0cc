/** Editing a draft's facts or subject: re-rendered, re-validated, audited with what changed. */
import { canonicalJson } from '@firmly/core';
import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../client';
import { threads } from '../../schema/threads';
import {
  audit,
  conflict,
  type EmailEdit,
  HEADER_BREAKING,
  invalid,
  lockDraftForEdit,
  MAX_SUBJECT_LENGTH,
  type OutgoingEmailRow,
  type RenderEmailFn,
  type RenderedParts,
  type ReviewContext,
  type ReviewProblem,
  type ReviewResult,
  reload,
  updateIfStill,
} from './common';

export function safeSubject(subject: string): string {
  return subject.replace(HEADER_BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function validSubject(subject: string, field: string): string | ReviewProblem {
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
    const email = await lockDraftForEdit(tx, workspaceId, emailId, ctx.operatorId);
    if ('ok' in email) return email;

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
