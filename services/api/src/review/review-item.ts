/**
 * An outbox row and its context → the `ReviewItem` the console shows.
 *
 * Two fields move with the clock: `ageSeconds` and the send plan (when an approval now would
 * send it, in words). The rest is fixed for as long as the row and its client, thread and
 * escalation do not change, which is what lets a queue page be kept (review/queue-pages.ts):
 * a `PreparedReviewItem` holds the fixed part as JSON, checked against the schema once, and
 * writes the moving part at each request.
 */
import { type BusinessCalendar, rememberedNextWorkingInstant } from '@firmly/core';
import { earliestSendAtOf, type OutgoingEmailRow, type ReviewItemContext, sendableInstant } from '@firmly/db';
import { attachmentNames } from '@firmly/reports';
import type { z } from '../http/schemas';
import { isoOrNull } from '../http/schemas';
import { causeOf } from './cause';
import type { JsonBytes } from './json-bytes';
import { ReviewItem, type ReviewItemDetail } from './schemas';

type Item = z.infer<typeof ReviewItem>;
type Detail = z.infer<typeof ReviewItemDetail>;
type SendPlan = Item['sendPlan'];

function where(email: OutgoingEmailRow, threadSubject: string | null): string {
  if (!email.threadId) return 'as a new conversation';
  return threadSubject ? `as a reply in the thread “${threadSubject}”` : 'as a reply in its thread';
}

/** The send plan in a sentence: when (the instant the approval would schedule) and where. */
function planNote(email: OutgoingEmailRow, at: Date | null, threadSubject: string | null, now: Date): string {
  const place = where(email, threadSubject);
  switch (email.state) {
    case 'pending_review':
      return at && at.getTime() > now.getTime()
        ? `If approved now, it goes out at ${at.toISOString()}, the client’s next working hour, ${place}.`
        : `If approved now, it goes out right away (inside the client’s working hours), ${place}.`;
    case 'approved':
      return `Approved: it goes out at ${at?.toISOString() ?? 'once due'}, ${place}, after firmly re-checks that its cause still stands.`;
    case 'sending':
      return `Being sent now, ${place}.`;
    case 'sent':
      return `Sent${at ? ` at ${at.toISOString()}` : ''}, ${place}.`;
    case 'rejected':
      return 'Rejected: nothing will be sent.';
    case 'cancelled':
      return `Cancelled${email.stateReason ? ` (${email.stateReason})` : ''}: nothing will be sent.`;
    case 'failed':
      return 'Sending failed for good: nothing more will be tried.';
  }
}

function ageSecondsOf(email: OutgoingEmailRow, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - email.createdAt.getTime()) / 1000));
}

function sendPlanOf(email: OutgoingEmailRow, at: Date | null, threadSubject: string | null, now: Date): SendPlan {
  return { earliestSendAt: isoOrNull(at), inThread: email.threadId !== null, note: planNote(email, at, threadSubject, now) };
}

const MISSING_CONTEXT: ReviewItemContext = { clientName: '', threadSubject: null, escalationCause: null, earliestSendAt: null };

/** The fields that stay put while the row and its context do. */
function fixedFields(email: OutgoingEmailRow, ctx: ReviewItemContext): Omit<Item, 'ageSeconds' | 'sendPlan'> {
  const recipients = email.to.map((p) => p.address);
  return {
    id: email.id,
    clientId: email.clientId,
    clientName: ctx.clientName,
    kind: email.kind,
    state: email.state,
    subject: email.subject,
    cause: causeOf(email, ctx.escalationCause),
    createdAt: email.createdAt.toISOString(),
    snoozedUntil: isoOrNull(email.snoozedUntil),
    to: recipients.length > 0 ? recipients : null,
    threadId: email.threadId,
    threadSubject: ctx.threadSubject,
    rejectReason: email.state === 'rejected' ? email.stateReason : null,
    sentAt: email.state === 'sent' ? isoOrNull(email.providerAcceptedAt) : null,
  };
}

/** The item at `now`, its send time as the context worked it out (the detail and history views). */
export function toReviewItem(email: OutgoingEmailRow, context: ReviewItemContext | undefined, now: Date): Item {
  const ctx = context ?? MISSING_CONTEXT;
  return {
    ...fixedFields(email, ctx),
    ageSeconds: ageSecondsOf(email, now),
    sendPlan: sendPlanOf(email, ctx.earliestSendAt, ctx.threadSubject, now),
  };
}

export function toReviewDetail(email: OutgoingEmailRow, context: ReviewItemContext | undefined, now: Date): Detail {
  const attachments = attachmentNames(email).map((file) => ({
    ...file,
    url: `/v1/review-queue/${email.id}/attachments/${encodeURIComponent(file.filename)}`,
  }));
  return { ...toReviewItem(email, context, now), text: email.text, html: email.html, attachments };
}

/**
 * A queue item ready to be written at any later instant: the fixed fields as UTF-8 JSON
 * (checked against `ReviewItem` here, since a kept page is sent as bytes and skips the
 * response check), and what the moving fields need. `draftSendsAt` answers "when would an
 * approval now send it" for a pending draft, the same `sendableInstant` an approval uses,
 * remembered per client. Bytes rather than text: encoding a page's text on every request
 * (Fastify measures it, then the socket encodes it) cost more than writing it.
 */
export class PreparedReviewItem {
  readonly id: string;
  private readonly email: OutgoingEmailRow;
  private readonly threadSubject: string | null;
  /** `{…fixed fields…,"ageSeconds":` */
  private readonly head: Buffer;
  private readonly draftSendsAt: (now: Date) => Date;
  // The last plan written (`,"sendPlan":{…}}`), for the instant it names: a pending draft's
  // plan changes only when its next working instant does, so most requests reuse it.
  private lastPlan: { at: number; future: boolean; bytes: Buffer } | undefined;

  constructor(email: OutgoingEmailRow, context: ReviewItemContext | undefined, draftSendsAt: (now: Date) => Date, now: Date) {
    const ctx = context ?? MISSING_CONTEXT;
    this.id = email.id;
    this.email = email;
    this.threadSubject = ctx.threadSubject;
    this.draftSendsAt = draftSendsAt;
    const item = ReviewItem.parse(toReviewItem(email, { ...ctx, earliestSendAt: this.sendAt(now) }, now));
    const { ageSeconds: _age, sendPlan: _plan, ...fixed } = item;
    this.head = Buffer.from(`${JSON.stringify(fixed).slice(0, -1)},"ageSeconds":`);
  }

  private sendAt(now: Date): Date | null {
    return earliestSendAtOf(this.email, now, () => this.draftSendsAt(now));
  }

  /** Appends the item's JSON at `now` to `out`. */
  write(now: Date, out: JsonBytes): void {
    const at = this.sendAt(now);
    const atTime = at ? at.getTime() : Number.NaN;
    const future = atTime > now.getTime();
    let plan = this.lastPlan;
    // The plan's words depend on the instant and on whether it is still ahead (and, when it
    // is `now` itself or missing, on `now`: then it is never reused).
    if (!plan || plan.at !== atTime || plan.future !== future || Number.isNaN(atTime) || atTime === now.getTime()) {
      const json = JSON.stringify(sendPlanOf(this.email, at, this.threadSubject, now));
      plan = { at: atTime, future, bytes: Buffer.from(`,"sendPlan":${json}}`) };
      this.lastPlan = plan;
    }
    out
      .bytes(this.head)
      .ascii(String(ageSecondsOf(this.email, now)))
      .bytes(plan.bytes);
  }
}

/** One remembered "next working instant" per client: what a pending draft's send plan asks at each request. */
export function draftSendTimes(calendars: ReadonlyMap<string, BusinessCalendar>): (clientId: string) => (now: Date) => Date {
  const remembered = new Map<string, (now: Date) => Date>();
  return (clientId) => {
    let sendsAt = remembered.get(clientId);
    if (!sendsAt) {
      const calendar = calendars.get(clientId);
      const next = calendar ? rememberedNextWorkingInstant(calendar) : undefined;
      // sendableInstant's rule: without a calendar, or past its range (NaN), now.
      sendsAt = (now) => sendableInstant(next ? { nextWorkingInstant: next } : null, now);
      remembered.set(clientId, sendsAt);
    }
    return sendsAt;
  };
}
