import type { Executor } from '../client';
import { alerts } from '../schema/alerts';

/** Raises an operator alert once per dedupe key; repeated raises change nothing. */
export async function raiseAlert(db: Executor, alert: Omit<typeof alerts.$inferInsert, 'id' | 'createdAt' | 'resolvedAt'>) {
  await db
    .insert(alerts)
    .values(alert)
    .onConflictDoNothing({ target: [alerts.workspaceId, alerts.dedupeKey] });
}
