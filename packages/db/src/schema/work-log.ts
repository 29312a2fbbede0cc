import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, primaryId, updatedAt } from './columns';
import { operators } from './operators';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * What the operator delivered for a client, and what it achieved (PRODUCT §2.5): the answer to
 * "is that all you did?", and the source of the closing report's deliverables.
 */
export const workLogEntries = pgTable(
  'work_log_entries',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    /** The local date it was delivered (the operator's calendar day). */
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    /** What was delivered, in a line: "12 posts for the spring campaign". */
    title: text('title').notNull(),
    /** Where it can be seen (a post, a report, a folder). */
    link: text('link'),
    /** What it achieved: "reach up 40 % on March". */
    outcome: text('outcome'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('work_log_entries', t),
    tenantReference('work_log_entries_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('work_log_entries_operator_fk', { workspaceId: t.workspaceId, column: t.recordedBy }, operators, 'no action'),
    index('work_log_entries_client_done_idx').on(t.workspaceId, t.clientId, t.doneOn),
    check('work_log_entries_title_present', sql`length(btrim(${t.title})) > 0`),
  ],
);
