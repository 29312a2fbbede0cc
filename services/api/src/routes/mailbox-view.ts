import type { StoredCounts, schema } from '@firmly/db';
import { graphFolders } from '@firmly/mail';
import { Instant, isoOrNull, Uuid, z } from '../http/schemas';

type MailboxRow = typeof schema.mailboxes.$inferSelect;

export const ProviderName = z.enum(['gmail', 'graph']);

const SyncProgress = z
  .object({
    messages: z.number().int().describe('messages stored from this mailbox'),
    threads: z.number().int().describe('threads stored from this mailbox'),
    backfillDone: z.boolean().describe('whether the first (or a requested full) back-fill has finished; after it, syncs are incremental'),
  })
  .meta({ id: 'MailboxSyncProgress' });

/** A mailbox as the API shows it: connection and sync status, never the grant or the cursor itself. */
export const MailboxView = z
  .object({
    id: Uuid,
    provider: ProviderName,
    address: z.string(),
    status: z.enum(['active', 'needs_reauth', 'paused', 'disconnected']),
    statusReason: z.string().nullable(),
    lastSyncedAt: Instant.nullable(),
    lastPushAt: Instant.nullable(),
    sync: SyncProgress,
  })
  .meta({ id: 'Mailbox' });

/**
 * The provider sync hands out its cursor only when a back-fill's last page is stored: Gmail's
 * historyId after the whole listing, a Graph delta link per folder once that folder is done. So
 * a back-fill is finished when the cursor covers everything the provider sync follows.
 */
export function backfillDone(cursor: MailboxRow['syncCursor']): boolean {
  if (!cursor) return false;
  if (cursor.provider === 'gmail') return true;
  return graphFolders.every((folder) => Boolean(cursor.deltaLinks[folder]));
}

export function mailboxView(row: MailboxRow, counts: StoredCounts | undefined): z.infer<typeof MailboxView> {
  return {
    id: row.id,
    provider: row.provider,
    address: row.address,
    status: row.status,
    statusReason: row.statusReason,
    lastSyncedAt: isoOrNull(row.lastSyncedAt),
    lastPushAt: isoOrNull(row.lastPushAt),
    sync: { messages: counts?.messages ?? 0, threads: counts?.threads ?? 0, backfillDone: backfillDone(row.syncCursor) },
  };
}
