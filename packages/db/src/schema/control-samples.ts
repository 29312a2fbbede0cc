import { date, integer, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { instant, primaryId } from './columns';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * The client's control score, one sample per local day (the day's latest rollup wins): the
 * controlling ladder (PRODUCT §4.3) needs how long the score has stayed above its threshold,
 * which one current value cannot say.
 */
export const controlSamples = pgTable(
  'control_samples',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    at: instant('at').notNull(),
    score: integer('score').notNull(),
    /** The thread of the strongest evidence, where the how-we-work-together email replies. */
    threadId: uuid('thread_id'),
  },
  (t) => [
    tenantKey('control_samples', t),
    unique('control_samples_client_day_key').on(t.workspaceId, t.clientId, t.day),
    tenantReference('control_samples_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
  ],
);
