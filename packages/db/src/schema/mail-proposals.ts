import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId } from './columns';
import { proposalKind, proposalStatus } from './enums';
import { messages } from './messages';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * Something the mailbox suggests for the client's record — an invoice we sent, a payment
 * the client says they made, a promise to pay by a date, a dispute — waiting for the
 * operator to confirm or reject. Never applied by itself (PRODUCT §3). The message and the
 * claim's position in it are the natural key, so re-analysis proposes each once and never
 * brings back one the operator has decided.
 */
export const mailProposals = pgTable(
  'mail_proposals',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    messageId: uuid('message_id').notNull(),
    kind: proposalKind('kind').notNull(),
    ordinal: integer('ordinal').notNull(),
    sentence: text('sentence'),
    rule: text('rule').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    status: proposalStatus('status').notNull().default('proposed'),
    decidedAt: instant('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('mail_proposals', t),
    unique('mail_proposals_message_kind_key').on(t.workspaceId, t.messageId, t.kind, t.ordinal),
    tenantReference('mail_proposals_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('mail_proposals_message_fk', { workspaceId: t.workspaceId, column: t.messageId }, messages),
    index('mail_proposals_client_status_idx').on(t.workspaceId, t.clientId, t.status),
  ],
);
