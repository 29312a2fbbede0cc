import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { messageDirection, parseStatus } from './enums';
import { mailboxes } from './mailboxes';
import { tenantKey, tenantReference, workspaceId } from './tenant';
import { threads } from './threads';

export interface Participant {
  address: string;
  name?: string;
}

export interface AttachmentMeta {
  name: string;
  contentType: string;
  size: number;
}

/**
 * One message, normalised from Gmail or Graph. Only what analysis and threading
 * need is kept: the visible new text (quotes and signatures stripped), headers for
 * replying in-thread, attachment metadata (never attachment bodies).
 *
 * `(mailbox_id, provider_message_id)` is the natural key: a sync that runs twice,
 * or two workers that race, store the message once.
 */
export const messages = pgTable(
  'messages',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    mailboxId: uuid('mailbox_id').notNull(),
    threadId: uuid('thread_id').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    /** RFC 5322 Message-ID, without angle brackets. */
    internetMessageId: text('internet_message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    direction: messageDirection('direction').notNull(),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    to: jsonb('to').$type<Participant[]>().notNull().default([]),
    cc: jsonb('cc').$type<Participant[]>().notNull().default([]),
    subject: text('subject'),
    sentAt: instant('sent_at').notNull(),
    visibleText: text('visible_text').notNull().default(''),
    /** Why the visible text is partial, when it is (e.g. a 10 MB body cut before stripping); analysis records it. */
    visibleTextNote: text('visible_text_note'),
    /** Auto-Submitted, X-Autoreply, out-of-office or bounce: never answers an ask. */
    isAutoReply: boolean('is_auto_reply').notNull().default(false),
    autoReplyReason: text('auto_reply_reason'),
    attachments: jsonb('attachments').$type<AttachmentMeta[]>().notNull().default([]),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** A message that could not be parsed is recorded as such, with why, and skipped by analysis. */
    parseStatus: parseStatus('parse_status').notNull().default('ok'),
    parseError: text('parse_error'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('messages', t),
    unique('messages_mailbox_provider_message_key').on(t.workspaceId, t.mailboxId, t.providerMessageId),
    tenantReference('messages_mailbox_fk', { workspaceId: t.workspaceId, column: t.mailboxId }, mailboxes),
    tenantReference('messages_thread_fk', { workspaceId: t.workspaceId, column: t.threadId }, threads),
    index('messages_thread_sent_idx').on(t.workspaceId, t.threadId, t.sentAt),
    index('messages_internet_message_id_idx').on(t.workspaceId, t.internetMessageId),
  ],
);
