import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { escalationCause, escalationStatus } from './enums';
import { tenantKey, tenantReference, workspaceId } from './tenant';

export interface EscalationStep {
  at: string;
  from: string;
  to: string;
  reason: string;
}

/**
 * One run of a playbook ladder (PRODUCT §4) for one client and one cause.
 * `subject_key` names what the run is about (an ask, an invoice, or the client as a
 * whole); at most one run per subject is open at a time.
 */
export const escalations = pgTable(
  'escalations',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    cause: escalationCause('cause').notNull(),
    subjectKey: text('subject_key').notNull(),
    stage: text('stage').notNull(),
    status: escalationStatus('status').notNull().default('open'),
    nextStepAt: instant('next_step_at'),
    history: jsonb('history').$type<EscalationStep[]>().notNull().default([]),
    closedReason: text('closed_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('escalations', t),
    tenantReference('escalations_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    uniqueIndex('escalations_one_open_per_subject').on(t.workspaceId, t.clientId, t.cause, t.subjectKey).where(sql`${t.status} = 'open'`),
    index('escalations_next_step_idx').on(t.nextStepAt).where(sql`${t.status} = 'open'`),
  ],
);
