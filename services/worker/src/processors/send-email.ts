import type { Clock } from '@firmly/core';
import { appendAuditEvent, type Database, schema } from '@firmly/db';
import { composeMime, type MailProviderClient, type SentReceipt } from '@firmly/mail';
import type { JobData } from '@firmly/queue';
import { emailAttachments } from '@firmly/reports';
import { UnrecoverableError } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';

type OutgoingRow = typeof schema.outgoingEmails.$inferSelect;
type MailboxRow = typeof schema.mailboxes.$inferSelect;

/** Re-checked just before sending (PRODUCT §5.2): a stale draft is cancelled with its reason, never sent. */
export type SendPrecondition = (email: OutgoingRow) => Promise<{ ok: true } | { ok: false; reason: string }>;

export interface SendEmailDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  providerFor: (mailbox: MailboxRow) => Promise<MailProviderClient>;
  precondition: SendPrecondition;
  /** Decides whether an error means "the provider may have accepted it" (network, timeout, 5xx). */
  isPermanent: (error: unknown) => boolean;
  /** After the provider accepted it: what was sent may move the client's ladders (a sent work-paused notice pauses the client). */
  onSent?: (email: OutgoingRow) => Promise<void>;
}

export type SendOutcome = 'sent' | 'already_sent' | 'found_in_sent' | 'cancelled' | 'not_sendable';

/**
 * Sends one approved email at most once (issue 3 "Exactly once"):
 *
 * 1. The outbox row exists before any job; the job id is the row id.
 * 2. approved → sending is a conditional update: one worker wins.
 * 3. A row found already in `sending` is a retry after a crash or an ambiguous
 *    failure: the provider may hold it, so Sent is searched for our Message-ID first.
 * 4. Right after the provider's 2xx the row becomes `sent` (provider_accepted_at).
 * 5. A permanent provider error marks it `failed`; anything else leaves it in
 *    `sending` and rethrows, so the next attempt starts at step 3.
 */
export function sendEmailJob(deps: SendEmailDeps) {
  return async (data: JobData<'send', 'email.send'>): Promise<SendOutcome> => {
    const email = await loadEmail(deps.db, data.workspaceId, data.outgoingEmailId);
    if (!email) throw new UnrecoverableError(`outgoing email ${data.outgoingEmailId} does not exist`);
    if (email.state === 'sent') return 'already_sent';
    if (email.state !== 'approved' && email.state !== 'sending') return 'not_sendable';
    const [mailbox] = await deps.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, email.mailboxId));
    if (!mailbox) throw new UnrecoverableError(`mailbox ${email.mailboxId} does not exist`);

    let resumed = email.state === 'sending';
    if (!resumed) {
      const check = await deps.precondition(email);
      if (!check.ok) {
        await transition(deps, email, 'approved', 'cancelled', { stateReason: check.reason }, 'email.cancelled', { reason: check.reason });
        return 'cancelled';
      }
      const won = await transition(deps, email, 'approved', 'sending', { sendAttempts: email.sendAttempts + 1 }, 'email.sending', {});
      if (!won) return 'not_sendable';
    } else {
      await deps.db
        .update(schema.outgoingEmails)
        .set({ sendAttempts: email.sendAttempts + 1 })
        .where(eq(schema.outgoingEmails.id, email.id));
    }

    const provider = await deps.providerFor(mailbox);
    if (resumed) {
      const found = await provider.findSent(email.messageId);
      if (found) {
        await markSent(deps, email, found, 'found in Sent after an interrupted attempt');
        return 'found_in_sent';
      }
      resumed = false;
    }

    const thread = email.threadId
      ? (await deps.db.select().from(schema.threads).where(eq(schema.threads.id, email.threadId)))[0]
      : undefined;
    const raw = await composeMime({
      from: { address: mailbox.address, ...(mailbox.displayName ? { name: mailbox.displayName } : {}) },
      to: email.to,
      cc: email.cc,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
      references: email.references,
      date: deps.clock.now(),
      attachments: await emailAttachments(email),
    });
    let receipt: SentReceipt;
    try {
      receipt = await provider.send({
        raw,
        messageId: email.messageId,
        ...(thread ? { providerThreadId: thread.providerThreadId } : {}),
      });
    } catch (error) {
      if (deps.isPermanent(error)) {
        const reason = (error as Error).message;
        await transition(deps, email, 'sending', 'failed', { stateReason: reason, lastError: reason }, 'email.failed', { reason });
        throw new UnrecoverableError(`send failed permanently: ${reason}`);
      }
      await deps.db
        .update(schema.outgoingEmails)
        .set({ lastError: (error as Error).message })
        .where(eq(schema.outgoingEmails.id, email.id));
      throw error;
    }
    await markSent(deps, email, receipt, 'provider accepted');
    return 'sent';
  };
}

async function loadEmail(db: Database, workspaceId: string, id: string): Promise<OutgoingRow | undefined> {
  const [row] = await db
    .select()
    .from(schema.outgoingEmails)
    .where(and(eq(schema.outgoingEmails.workspaceId, workspaceId), eq(schema.outgoingEmails.id, id)));
  return row;
}

async function markSent(deps: SendEmailDeps, email: OutgoingRow, receipt: SentReceipt, how: string) {
  const marked = await transition(
    deps,
    email,
    'sending',
    'sent',
    { providerMessageId: receipt.providerMessageId, providerAcceptedAt: deps.clock.now(), lastError: null },
    'email.sent',
    { how, providerMessageId: receipt.providerMessageId },
  );
  if (marked) await deps.onSent?.(email);
}

/** A conditional state change plus its audit event, in one transaction. False when another worker moved it first. */
async function transition(
  deps: SendEmailDeps,
  email: OutgoingRow,
  from: OutgoingRow['state'],
  to: OutgoingRow['state'],
  set: Partial<typeof schema.outgoingEmails.$inferInsert>,
  action: string,
  data: Record<string, unknown>,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(schema.outgoingEmails)
      .set({ ...set, state: to })
      .where(and(eq(schema.outgoingEmails.id, email.id), eq(schema.outgoingEmails.state, from)))
      .returning({ id: schema.outgoingEmails.id });
    if (rows.length === 0) return false;
    await appendAuditEvent(tx, {
      workspaceId: email.workspaceId,
      actor: 'system:send-worker',
      action,
      subjectType: 'outgoing_email',
      subjectId: email.id,
      data: { from, to, ...data },
      occurredAt: deps.clock.now(),
    });
    return true;
  });
}
