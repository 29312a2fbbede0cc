import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { mailboxes } from './mailboxes';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * A conversation in one mailbox: Gmail `threadId` or Graph `conversationId`.
 * `client_id` is null for threads with no client, which stay out of analysis.
 */
export const threads = pgTable(
  'threads',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    mailboxId: uuid('mailbox_id').notNull(),
    providerThreadId: text('provider_thread_id').notNull(),
    clientId: uuid('client_id'),
    subject: text('subject'),
    lastMessageAt: instant('last_message_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('threads', t),
    unique('threads_mailbox_provider_thread_key').on(t.workspaceId, t.mailboxId, t.providerThreadId),
    tenantReference('threads_mailbox_fk', { workspaceId: t.workspaceId, column: t.mailboxId }, mailboxes),
    tenantReference('threads_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients, 'no action'),
    index('threads_client_last_message_idx').on(t.workspaceId, t.clientId, t.lastMessageAt),
  ],
);
