import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { mailboxes, type SyncCursor } from '../schema/mailboxes';

export type MailboxRow = typeof mailboxes.$inferSelect;

export async function findMailbox(db: Executor, workspaceId: string, mailboxId: string): Promise<MailboxRow | undefined> {
  const [row] = await db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.id, mailboxId)));
  return row;
}

/** Every active mailbox, across workspaces: the poller's floor ("polling is the floor"). */
export async function activeMailboxes(db: Executor) {
  return db
    .select({
      id: mailboxes.id,
      workspaceId: mailboxes.workspaceId,
      lastSyncedAt: mailboxes.lastSyncedAt,
      lastPushAt: mailboxes.lastPushAt,
    })
    .from(mailboxes)
    .where(eq(mailboxes.status, 'active'));
}

/**
 * Compare-and-set on the sealed grant: a refresh persists its (possibly rotated)
 * refresh token only if nobody else replaced the grant meanwhile.
 */
export async function replaceSealedGrant(db: Executor, mailboxId: string, sealed: string, expectedPrevious: string): Promise<boolean> {
  const result = await db
    .update(mailboxes)
    .set({ encryptedGrant: sealed })
    .where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.encryptedGrant, expectedPrevious)))
    .returning({ id: mailboxes.id });
  return result.length === 1;
}

export async function markMailboxStatus(db: Executor, mailboxId: string, status: MailboxRow['status'], reason: string | null) {
  await db.update(mailboxes).set({ status, statusReason: reason }).where(eq(mailboxes.id, mailboxId));
}

/**
 * Moves the sync cursor forward, never back. Gmail historyIds are compared as
 * numbers; a Graph delta link has no order, so it is replaced (its page sequence is
 * already ordered by the caller). Returns false when the stored cursor is newer.
 */
export async function advanceSyncCursor(db: Executor, mailboxId: string, cursor: SyncCursor, syncedAt: Date): Promise<boolean> {
  const guard =
    cursor.provider === 'gmail'
      ? sql`(${mailboxes.syncCursor} IS NULL OR ${mailboxes.syncCursor}->>'provider' <> 'gmail' OR (${mailboxes.syncCursor}->>'historyId')::numeric <= ${cursor.historyId}::numeric)`
      : sql`true`;
  const result = await db
    .update(mailboxes)
    .set({ syncCursor: cursor, lastSyncedAt: syncedAt })
    .where(and(eq(mailboxes.id, mailboxId), guard))
    .returning({ id: mailboxes.id });
  return result.length === 1;
}

export async function recordPush(db: Executor, mailboxId: string, at: Date) {
  await db.update(mailboxes).set({ lastPushAt: at }).where(eq(mailboxes.id, mailboxId));
}

/**
 * Mailboxes a Gmail push names. Pushes carry only the address, and one address may
 * be connected in several workspaces; each is synced with its own workspace's data.
 */
export async function activeMailboxesByAddress(db: Executor, provider: MailboxRow['provider'], address: string) {
  return db
    .select({ id: mailboxes.id, workspaceId: mailboxes.workspaceId })
    .from(mailboxes)
    .where(
      and(eq(mailboxes.provider, provider), eq(sql`lower(${mailboxes.address})`, address.toLowerCase()), eq(mailboxes.status, 'active')),
    );
}
