import { and, count, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { mailboxWatches } from '../../schema/mailbox-watches';
import { mailboxes } from '../../schema/mailboxes';
import { messages } from '../../schema/messages';
import { threads } from '../../schema/threads';

type MailboxRow = typeof mailboxes.$inferSelect;

export interface StoredCounts {
  messages: number;
  threads: number;
}

/** How much of each mailbox is stored: messages and threads per mailbox of the workspace (or of one mailbox). */
export async function storedCountsByMailbox(db: Executor, workspaceId: string, mailboxId?: string): Promise<Map<string, StoredCounts>> {
  const [messageCounts, threadCounts] = await Promise.all([
    db
      .select({ mailboxId: messages.mailboxId, n: count() })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), mailboxId ? eq(messages.mailboxId, mailboxId) : undefined))
      .groupBy(messages.mailboxId),
    db
      .select({ mailboxId: threads.mailboxId, n: count() })
      .from(threads)
      .where(and(eq(threads.workspaceId, workspaceId), mailboxId ? eq(threads.mailboxId, mailboxId) : undefined))
      .groupBy(threads.mailboxId),
  ]);
  const counts = new Map<string, StoredCounts>();
  const entry = (id: string) => {
    const found = counts.get(id) ?? { messages: 0, threads: 0 };
    counts.set(id, found);
    return found;
  };
  for (const row of messageCounts) entry(row.mailboxId).messages = row.n;
  for (const row of threadCounts) entry(row.mailboxId).threads = row.n;
  return counts;
}

/** The workspace's mailbox, locked for the rest of the transaction, or undefined. */
async function lockMailbox(tx: Executor, workspaceId: string, mailboxId: string): Promise<MailboxRow | undefined> {
  const [mailbox] = await tx
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.id, mailboxId)))
    .for('update');
  return mailbox;
}

export type RestartSyncResult =
  | { ok: true; mailbox: MailboxRow }
  | { ok: false; problem: 'not_found' | 'not_active'; mailbox?: MailboxRow };

/**
 * Forgets where the mailbox's sync stands, so its next sync is a full back-fill (the provider
 * sync starts from scratch without a cursor; storing is idempotent, so what is already stored
 * stays once). The caller holds the mailbox's sync lease, so no running sync writes its cursor
 * back over the reset.
 */
export async function restartMailboxSync(
  db: Database,
  input: { workspaceId: string; mailboxId: string; actor: string; now: Date },
): Promise<RestartSyncResult> {
  return db.transaction(async (tx) => {
    const mailbox = await lockMailbox(tx, input.workspaceId, input.mailboxId);
    if (!mailbox) return { ok: false, problem: 'not_found' };
    if (mailbox.status !== 'active') return { ok: false, problem: 'not_active', mailbox };
    const [updated] = await tx.update(mailboxes).set({ syncCursor: null }).where(eq(mailboxes.id, mailbox.id)).returning();
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'mailbox.resync_requested',
      subjectType: 'mailbox',
      subjectId: mailbox.id,
      data: { provider: mailbox.provider, address: mailbox.address, hadCursor: mailbox.syncCursor !== null },
      occurredAt: input.now,
    });
    return { ok: true, mailbox: updated ?? mailbox };
  });
}

export type DisconnectResult = { ok: true; mailbox: MailboxRow; changed: boolean } | { ok: false; problem: 'not_found' };

/**
 * Disconnects a mailbox: status `disconnected`, the sealed grant deleted (firmly can no longer
 * read or send as it), and its push registration forgotten, so notifications for it are refused
 * and the renewal job leaves it alone. What was stored from it stays: documentation outlives the
 * mailbox. The sync cursor is kept, so connecting the address again continues where it stopped.
 */
export async function disconnectMailbox(
  db: Database,
  input: { workspaceId: string; mailboxId: string; actor: string; now: Date },
): Promise<DisconnectResult> {
  return db.transaction(async (tx) => {
    const mailbox = await lockMailbox(tx, input.workspaceId, input.mailboxId);
    if (!mailbox) return { ok: false, problem: 'not_found' };
    if (mailbox.status === 'disconnected' && mailbox.encryptedGrant === null) return { ok: true, mailbox, changed: false };
    const [updated] = await tx
      .update(mailboxes)
      .set({ status: 'disconnected', statusReason: 'disconnected by an operator', encryptedGrant: null })
      .where(eq(mailboxes.id, mailbox.id))
      .returning();
    const watches = await tx
      .delete(mailboxWatches)
      .where(and(eq(mailboxWatches.workspaceId, input.workspaceId), eq(mailboxWatches.mailboxId, mailbox.id)))
      .returning({ provider: mailboxWatches.provider, externalId: mailboxWatches.externalId });
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'mailbox.disconnected',
      subjectType: 'mailbox',
      subjectId: mailbox.id,
      data: { provider: mailbox.provider, address: mailbox.address, previousStatus: mailbox.status, watchesRemoved: watches.length },
      occurredAt: input.now,
    });
    return { ok: true, mailbox: updated ?? mailbox, changed: true };
  });
}
