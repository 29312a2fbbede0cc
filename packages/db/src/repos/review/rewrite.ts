/**
 * The operator rewriting a draft in their own words. The plain-text part becomes what they
 * typed and the HTML part is rendered from it (by the injected renderer: `@firmly/db` does not
 * depend on the templates), so the two parts always say the same thing.
 *
 * Such a body no longer follows from the template data, so it is marked in the audit event
 * (`handWritten: true`): a later change of the facts must not re-render over the operator's
 * words (see `bodyWrittenByHand`).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../client';
import { auditEvents } from '../../schema/audit-events';
import {
  audit,
  conflict,
  invalid,
  lockDraftForEdit,
  type ReviewContext,
  type ReviewProblem,
  type ReviewResult,
  reload,
  updateIfStill,
} from './common';
import { validSubject } from './edit';

export const MAX_TEXT_LENGTH = 20_000;

/** Renders the HTML part of a hand-written body; what it throws is reported as `invalid` on `text`. */
export type RenderTextFn = (locale: string, subject: string, text: string) => Promise<{ html: string; text: string }>;

export interface TextRewrite {
  subject?: string;
  /** Absent: keep the (hand-written) text, e.g. when only the subject changes. */
  text?: string;
}

// Every control character except the line feed; tabs become spaces below.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Typed text, tidied: LF line breaks, no other control characters, no trailing spaces, at most one blank line in a row. */
export function cleanBodyText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(CONTROL_BUT_LINE_FEED, '')
    .replace(/[ \u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function validText(text: string): string | ReviewProblem {
  if (typeof text !== 'string') return invalid('the text must be text', 'text');
  const clean = cleanBodyText(text);
  if (clean.length === 0) return invalid('the text is empty', 'text');
  if (clean.length > MAX_TEXT_LENGTH) return invalid(`the text is longer than ${MAX_TEXT_LENGTH} characters`, 'text');
  return clean;
}

/** Whether an operator has rewritten this email's body by hand (then its template data no longer describes it). */
export async function bodyWrittenByHand(db: Executor, workspaceId: string, emailId: string): Promise<boolean> {
  const [marked] = await db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        eq(auditEvents.subjectType, 'outgoing_email'),
        eq(auditEvents.subjectId, emailId),
        eq(auditEvents.action, 'email.edited'),
        sql`${auditEvents.data} @> '{"handWritten": true}'::jsonb`,
      ),
    )
    .limit(1);
  return marked !== undefined;
}

/** Replaces a pending draft's body (and optionally its subject) with the operator's own text. */
export async function rewriteEmailText(
  db: Database,
  workspaceId: string,
  emailId: string,
  patch: TextRewrite,
  render: RenderTextFn,
  ctx: ReviewContext,
): Promise<ReviewResult> {
  if (patch.subject === undefined && patch.text === undefined) return invalid('nothing to change: give a subject or text');
  let subjectOverride: string | undefined;
  if (patch.subject !== undefined) {
    const checked = validSubject(patch.subject, 'subject');
    if (typeof checked !== 'string') return checked;
    subjectOverride = checked;
  }
  let textOverride: string | undefined;
  if (patch.text !== undefined) {
    const checked = validText(patch.text);
    if (typeof checked !== 'string') return checked;
    textOverride = checked;
  }
  return db.transaction(async (tx) => {
    const email = await lockDraftForEdit(tx, workspaceId, emailId, ctx.operatorId);
    if ('ok' in email) return email;

    const subject = subjectOverride ?? email.subject;
    let rendered: { html: string; text: string };
    try {
      rendered = await render(email.locale, subject, textOverride ?? cleanBodyText(email.text));
    } catch (error) {
      return invalid(error instanceof Error ? error.message : String(error), 'text');
    }
    const changed = [
      subject !== email.subject ? 'subject' : undefined,
      rendered.html !== email.html ? 'html' : undefined,
      rendered.text !== email.text ? 'text' : undefined,
    ].filter((field): field is string => field !== undefined);
    if (changed.length === 0) return { ok: true, email, changed: false };

    const updated = await updateIfStill(tx, email, { subject, html: rendered.html, text: rendered.text });
    if (!updated) {
      const current = await reload(tx, email);
      return 'ok' in current
        ? current
        : conflict(current.state, `only a draft waiting for review can be edited; this one is ${current.state}`);
    }
    await audit(tx, updated, ctx, 'email.edited', {
      changed,
      dataKeys: [],
      handWritten: true,
      ...(changed.includes('subject') ? { subject: { from: email.subject, to: subject } } : {}),
    });
    return { ok: true, email: updated, changed: true };
  });
}
