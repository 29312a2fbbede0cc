import { jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { tenantKey, workspaceId } from './tenant';

/**
 * Something the operator must act on (a mailbox needs re-authorisation, a ladder
 * recommends ending a relationship). `dedupe_key` keeps one open alert per cause.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    message: text('message').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull(),
    resolvedAt: instant('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [tenantKey('alerts', t), unique('alerts_dedupe_key').on(t.workspaceId, t.dedupeKey)],
);
