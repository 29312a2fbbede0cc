import { integer, jsonb, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { instant, primaryId } from './columns';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * A client's latest health summary (`ClientSummary` of @firmly/core): responsiveness,
 * control score with its evidence, payment behaviour. One row per client, replaced by each
 * rollup; the incidents it documents live in `incidents`, kept forever.
 */
export const clientHealth = pgTable(
  'client_health',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    computedAt: instant('computed_at').notNull(),
    controlScore: integer('control_score').notNull(),
    openAsks: integer('open_asks').notNull(),
    responsiveness: jsonb('responsiveness').$type<Record<string, unknown>>().notNull(),
    control: jsonb('control').$type<Record<string, unknown>>().notNull(),
    payments: jsonb('payments').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    tenantKey('client_health', t),
    unique('client_health_client_key').on(t.workspaceId, t.clientId),
    tenantReference('client_health_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
  ],
);
