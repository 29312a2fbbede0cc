import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../client';
import { mailboxWatches } from '../schema/mailbox-watches';

export type WatchRow = typeof mailboxWatches.$inferSelect;

export async function findGraphWatch(db: Executor, subscriptionId: string): Promise<WatchRow | undefined> {
  const [row] = await db
    .select()
    .from(mailboxWatches)
    .where(and(eq(mailboxWatches.provider, 'graph'), eq(mailboxWatches.externalId, subscriptionId)));
  return row;
}

/** Records (or replaces) the one watch of a mailbox. */
export async function saveWatch(db: Executor, watch: Omit<typeof mailboxWatches.$inferInsert, 'id'>) {
  await db
    .insert(mailboxWatches)
    .values(watch)
    .onConflictDoUpdate({
      target: [mailboxWatches.workspaceId, mailboxWatches.mailboxId],
      set: {
        provider: watch.provider,
        externalId: watch.externalId,
        clientStateHash: watch.clientStateHash ?? null,
        expiresAt: watch.expiresAt,
      },
    });
}

/** Watches that expire before `before`: the renewal job's work list. */
export async function watchesExpiringBefore(db: Executor, before: Date) {
  return db.select().from(mailboxWatches).where(lt(mailboxWatches.expiresAt, before));
}
