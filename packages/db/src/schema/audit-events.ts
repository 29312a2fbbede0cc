import { bigint, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';
import { tenantKey, workspaceId } from './tenant';

/**
 * The append-only, hash-chained audit log (PRODUCT §3): every detection, decision,
 * review action, email and status change. `seq` counts per workspace from 1;
 * `hash` = SHA-256(prev_hash ‖ canonical JSON of the event), so a removed or edited
 * row breaks the chain. A trigger (migration 0001) rejects UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** `operator:<id>`, `api_key:<id>` or `system:<component>`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    occurredAt: createdAt(),
  },
  (t) => [tenantKey('audit_events', t), unique('audit_events_workspace_seq_key').on(t.workspaceId, t.seq)],
);
