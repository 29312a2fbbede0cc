import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { outgoingEmailKind, outgoingEmailState } from './enums';
import { escalations } from './escalations';
import { mailboxes } from './mailboxes';
import type { Participant } from './messages';
import { operators } from './operators';
import { tenantKey, tenantReference, workspaceId } from './tenant';
import { threads } from './threads';

/**
 * The outbox: every email firmly may send, with its review state (PRODUCT §3, §5).
 *
 * - `idempotency_key` (e.g. `nudge:<ask id>`) stops the escalator drafting twice;
 * - `message_id` is our own RFC 5322 Message-ID, fixed when the row is written, so
 *   after an ambiguous send failure the worker can look it up in Sent before retrying;
 * - a trigger (migration 0001) rejects any state change the core state machine does
 *   not allow, so `sent` can never become anything else.
 */
export const outgoingEmails = pgTable(
  'outgoing_emails',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    mailboxId: uuid('mailbox_id').notNull(),
    threadId: uuid('thread_id'),
    escalationId: uuid('escalation_id'),
    kind: outgoingEmailKind('kind').notNull(),
    locale: text('locale').notNull(),
    state: outgoingEmailState('state').notNull().default('pending_review'),
    stateReason: text('state_reason'),
    idempotencyKey: text('idempotency_key').notNull(),
    messageId: text('message_id').notNull().unique(),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    to: jsonb('to').$type<Participant[]>().notNull(),
    cc: jsonb('cc').$type<Participant[]>().notNull().default([]),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** The ladder step that drafted it (`unresponsive:<ask id>:nudge`, …); null for the operator's own emails. */
    stepKey: text('step_key'),
    /** The asks a firm notice speaks for: answering any of them does not make it stale on its own. */
    coversAskIds: text('covers_ask_ids').array().notNull().default(sql`'{}'::text[]`),
    /** What the template was filled with, so an operator's edit re-renders from the same facts. */
    templateData: jsonb('template_data').$type<Record<string, unknown>>(),
    /** Hidden from the review queue until then (the operator's snooze). */
    snoozedUntil: instant('snoozed_until'),
    /** Not before this instant: inside the client's working hours (PRODUCT §5.5). */
    sendAfter: instant('send_after'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    providerMessageId: text('provider_message_id'),
    providerAcceptedAt: instant('provider_accepted_at'),
    sendAttempts: integer('send_attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('outgoing_emails', t),
    unique('outgoing_emails_idempotency_key').on(t.workspaceId, t.idempotencyKey),
    tenantReference('outgoing_emails_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('outgoing_emails_mailbox_fk', { workspaceId: t.workspaceId, column: t.mailboxId }, mailboxes),
    tenantReference('outgoing_emails_thread_fk', { workspaceId: t.workspaceId, column: t.threadId }, threads, 'no action'),
    tenantReference('outgoing_emails_escalation_fk', { workspaceId: t.workspaceId, column: t.escalationId }, escalations, 'no action'),
    tenantReference('outgoing_emails_reviewer_fk', { workspaceId: t.workspaceId, column: t.reviewedBy }, operators, 'no action'),
    // The queue's keyset order is (created_at, id): with id in the index a page is read in order and
    // stops at its limit, instead of sorting every pending draft (16 ms → 0.1 ms at 10,000 drafts).
    index('outgoing_emails_review_queue_idx').on(t.workspaceId, t.state, t.createdAt, t.id),
  ],
);
