import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { askSource, askStatus } from './enums';
import { messages } from './messages';
import { tenantKey, tenantReference, workspaceId } from './tenant';
import { threads } from './threads';

/**
 * An outbound message that asks the client for something (PRODUCT §3), with the
 * sentence and rule that decided it. One row per message: re-analysis updates it.
 * `operator_override` (true = marked, false = unmarked) wins over detection.
 */
export const asks = pgTable(
  'asks',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    messageId: uuid('message_id').notNull(),
    threadId: uuid('thread_id').notNull(),
    clientId: uuid('client_id').notNull(),
    askedAt: instant('asked_at').notNull(),
    /** question | approval | feedback | material | decision (the asks detector's kinds). */
    kind: text('kind'),
    sentence: text('sentence'),
    rule: text('rule'),
    source: askSource('source').notNull(),
    operatorOverride: boolean('operator_override'),
    status: askStatus('status').notNull().default('open'),
    answeredByMessageId: uuid('answered_by_message_id'),
    answeredAt: instant('answered_at'),
    /** An out-of-office with a return date pauses escalation until then. */
    pausedUntil: instant('paused_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('asks', t),
    unique('asks_message_key').on(t.workspaceId, t.messageId),
    tenantReference('asks_message_fk', { workspaceId: t.workspaceId, column: t.messageId }, messages),
    tenantReference('asks_thread_fk', { workspaceId: t.workspaceId, column: t.threadId }, threads),
    tenantReference('asks_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('asks_answer_fk', { workspaceId: t.workspaceId, column: t.answeredByMessageId }, messages, 'no action'),
    index('asks_client_status_idx').on(t.workspaceId, t.clientId, t.status),
  ],
);
