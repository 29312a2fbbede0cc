/** An outbox row and its context → the `ReviewItem` the console shows. */
import type { OutgoingEmailRow, ReviewItemContext } from '@firmly/db';
import type { z } from '../http/schemas';
import { isoOrNull } from '../http/schemas';
import { causeOf } from './cause';
import type { ReviewItem, ReviewItemDetail } from './schemas';

type Item = z.infer<typeof ReviewItem>;
type Detail = z.infer<typeof ReviewItemDetail>;

function where(email: OutgoingEmailRow, threadSubject: string | null): string {
  if (!email.threadId) return 'as a new conversation';
  return threadSubject ? `as a reply in the thread “${threadSubject}”` : 'as a reply in its thread';
}

/** The send plan in a sentence: when (the instant the approval would schedule) and where. */
function planNote(email: OutgoingEmailRow, context: ReviewItemContext, now: Date): string {
  const at = context.earliestSendAt;
  const place = where(email, context.threadSubject);
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

const MISSING_CONTEXT: ReviewItemContext = { clientName: '', threadSubject: null, escalationCause: null, earliestSendAt: null };

export function toReviewItem(email: OutgoingEmailRow, context: ReviewItemContext | undefined, now: Date): Item {
  const ctx = context ?? MISSING_CONTEXT;
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
    ageSeconds: Math.max(0, Math.floor((now.getTime() - email.createdAt.getTime()) / 1000)),
    snoozedUntil: isoOrNull(email.snoozedUntil),
    to: recipients.length > 0 ? recipients : null,
    threadId: email.threadId,
    threadSubject: ctx.threadSubject,
    sendPlan: { earliestSendAt: isoOrNull(ctx.earliestSendAt), inThread: email.threadId !== null, note: planNote(email, ctx, now) },
    rejectReason: email.state === 'rejected' ? email.stateReason : null,
    sentAt: email.state === 'sent' ? isoOrNull(email.providerAcceptedAt) : null,
  };
}

export function toReviewDetail(email: OutgoingEmailRow, context: ReviewItemContext | undefined, now: Date): Detail {
  return { ...toReviewItem(email, context, now), text: email.text, html: email.html };
}
