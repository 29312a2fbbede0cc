import { sql } from 'drizzle-orm';
import { pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { mailProvider } from './enums';
import { mailboxes } from './mailboxes';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * Push registrations: a Gmail `users.watch` (renewed daily) or a Graph subscription
 * (renewed well before its expiry). Push is only a hint — polling is the floor — so
 * a lost watch delays sync, it never loses mail.
 *
 * `client_state_hash` is SHA-256 of the random clientState given to Graph; a
 * notification's clientState is hashed and compared in constant time.
 */
export const mailboxWatches = pgTable(
  'mailbox_watches',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    mailboxId: uuid('mailbox_id').notNull(),
    provider: mailProvider('provider').notNull(),
    /** Graph subscription id; for Gmail, the Pub/Sub topic the watch publishes to. */
    externalId: text('external_id').notNull(),
    clientStateHash: text('client_state_hash'),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('mailbox_watches', t),
    unique('mailbox_watches_mailbox_key').on(t.workspaceId, t.mailboxId),
    // A notification names its Graph subscription; Gmail pushes name the address instead.
    uniqueIndex('mailbox_watches_graph_subscription_key').on(t.externalId).where(sql`${t.provider} = 'graph'`),
    tenantReference('mailbox_watches_mailbox_fk', { workspaceId: t.workspaceId, column: t.mailboxId }, mailboxes),
  ],
);
