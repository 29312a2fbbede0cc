import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { mailboxStatus, mailProvider } from './enums';
import { tenantKey, workspaceId } from './tenant';

/** Where a mailbox's sync stands: Gmail's historyId, or one Graph delta link per folder. */
export type SyncCursor = { provider: 'gmail'; historyId: string } | { provider: 'graph'; deltaLinks: Record<string, string> };

export const mailboxes = pgTable(
  'mailboxes',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    provider: mailProvider('provider').notNull(),
    address: text('address').notNull(),
    displayName: text('display_name'),
    /** The OAuth grant, sealed with AES-256-GCM (`v1:…`), bound to this row's id. */
    encryptedGrant: text('encrypted_grant'),
    syncCursor: jsonb('sync_cursor').$type<SyncCursor>(),
    status: mailboxStatus('status').notNull().default('active'),
    statusReason: text('status_reason'),
    lastSyncedAt: instant('last_synced_at'),
    lastPushAt: instant('last_push_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('mailboxes', t),
    uniqueIndex('mailboxes_workspace_provider_address_key').on(t.workspaceId, t.provider, sql`lower(${t.address})`),
  ],
);
