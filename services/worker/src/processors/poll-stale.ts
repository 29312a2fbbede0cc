import type { Clock } from '@firmly/core';
import { activeMailboxes, type Database } from '@firmly/db';
import { enqueue, type QueueBackend } from '@firmly/queue';

/** Push is a hint; polling is the floor: a mailbox that heard nothing for this long is synced anyway. */
export const POLL_AFTER_MS = 10 * 60_000;

/**
 * Runs every minute (a job scheduler). Enqueues a sync for each active mailbox with
 * no push and no sync in the last 10 minutes. The deduplication key is the same as a
 * push's, so a poll never stacks on a pending push-triggered sync.
 */
export function pollStaleMailboxesJob(deps: { db: Database; queues: QueueBackend; clock: Clock }) {
  return async (): Promise<{ enqueued: number }> => {
    const cutoff = deps.clock.now().getTime() - POLL_AFTER_MS;
    let enqueued = 0;
    for (const mailbox of await activeMailboxes(deps.db)) {
      const lastHeard = Math.max(mailbox.lastPushAt?.getTime() ?? 0, mailbox.lastSyncedAt?.getTime() ?? 0);
      if (lastHeard > cutoff) continue;
      await enqueue(
        deps.queues,
        'sync',
        'mailbox.sync',
        { workspaceId: mailbox.workspaceId, mailboxId: mailbox.id, reason: mailbox.lastSyncedAt ? 'poll' : 'backfill' },
        { deduplicationId: `sync-${mailbox.id}` },
      );
      enqueued += 1;
    }
    return { enqueued };
  };
}
