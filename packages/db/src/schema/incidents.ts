import { index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId } from './columns';
import { incidentKind } from './enums';
import { tenantKey, tenantReference, workspaceId } from './tenant';

export interface Evidence {
  messageIds?: string[];
  quotes?: string[];
  invoiceIds?: string[];
  note?: string;
}

/**
 * A documented problem, kept forever in the client's record (PRODUCT §2.5).
 * `dedupe_key` (e.g. `late_payment:<invoice id>`) makes detection idempotent: the
 * analyzer may run any number of times and files each incident once.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    kind: incidentKind('kind').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    summary: text('summary').notNull(),
    evidence: jsonb('evidence').$type<Evidence>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('incidents', t),
    unique('incidents_dedupe_key').on(t.workspaceId, t.dedupeKey),
    tenantReference('incidents_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    index('incidents_client_occurred_idx').on(t.workspaceId, t.clientId, t.occurredAt),
  ],
);
