import { sql } from 'drizzle-orm';
import { date, jsonb, pgEnum, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { operators } from './operators';
import { outgoingEmails } from './outgoing-emails';
import { tenantKey, tenantReference, workspaceId } from './tenant';

export const offboardingStates = ['in_progress', 'completed', 'cancelled'] as const;
export const offboardingState = pgEnum('offboarding_state', offboardingStates);

/** A reason the operator chose, with the incident it comes from as it read when chosen. */
export interface OffboardingReason {
  incidentId: string;
  kind: string;
  summary: string;
  occurredAt: string;
}

/**
 * Ending a relationship (PRODUCT §4.4), started by the operator: the reasons chosen from the
 * client's incidents, the termination letter and the closing report (both drafts in the review
 * queue), and, once both are sent and the handover is done, the client becomes `former`.
 */
export const offboardings = pgTable(
  'offboardings',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    state: offboardingState('state').notNull().default('in_progress'),
    reasons: jsonb('reasons').$type<OffboardingReason[]>().notNull(),
    /** The last working day for the client, as the letter states it (the client's local date). */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    startedBy: uuid('started_by').notNull(),
    terminationEmailId: uuid('termination_email_id'),
    closingReportEmailId: uuid('closing_report_email_id'),
    completedAt: instant('completed_at'),
    cancelledAt: instant('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('offboardings', t),
    tenantReference('offboardings_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('offboardings_operator_fk', { workspaceId: t.workspaceId, column: t.startedBy }, operators, 'no action'),
    tenantReference(
      'offboardings_termination_email_fk',
      { workspaceId: t.workspaceId, column: t.terminationEmailId },
      outgoingEmails,
      'no action',
    ),
    tenantReference(
      'offboardings_closing_report_email_fk',
      { workspaceId: t.workspaceId, column: t.closingReportEmailId },
      outgoingEmails,
      'no action',
    ),
    // One open offboarding per client at a time.
    uniqueIndex('offboardings_one_open_per_client').on(t.workspaceId, t.clientId).where(sql`${t.state} = 'in_progress'`),
  ],
);
