import { boolean, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { instant, primaryId } from './columns';
import { messageDirection } from './enums';
import { messages } from './messages';
import { tenantKey, tenantReference, workspaceId } from './tenant';
import { threads } from './threads';

/**
 * What analysis found in one message of a client thread (`MessageFindings` of
 * @firmly/core, minus the columns below): the ask, control signals, abusive sentences,
 * payment claims, an invoice sent, an out-of-office's return date, and notes on what was
 * skipped. One row per message, rewritten whenever its thread is analysed again, so the
 * client-level rollup reads these instead of re-reading mail.
 */
export const messageAnalyses = pgTable(
  'message_analyses',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    messageId: uuid('message_id').notNull(),
    threadId: uuid('thread_id').notNull(),
    clientId: uuid('client_id').notNull(),
    direction: messageDirection('direction').notNull(),
    /** As analysed: a Date header in the future is read as the analysis time. */
    sentAt: instant('sent_at').notNull(),
    language: text('language').notNull(),
    fromClient: boolean('from_client').notNull(),
    autoReply: boolean('auto_reply').notNull(),
    afterHours: boolean('after_hours').notNull(),
    findings: jsonb('findings').$type<Record<string, unknown>>().notNull(),
    analyzedAt: instant('analyzed_at').notNull(),
  },
  (t) => [
    tenantKey('message_analyses', t),
    unique('message_analyses_message_key').on(t.workspaceId, t.messageId),
    tenantReference('message_analyses_message_fk', { workspaceId: t.workspaceId, column: t.messageId }, messages),
    tenantReference('message_analyses_thread_fk', { workspaceId: t.workspaceId, column: t.threadId }, threads),
    tenantReference('message_analyses_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    index('message_analyses_client_sent_idx').on(t.workspaceId, t.clientId, t.sentAt),
    index('message_analyses_thread_idx').on(t.workspaceId, t.threadId),
  ],
);
