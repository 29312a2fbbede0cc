import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, primaryId } from './columns';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/** An address that belongs to a client. One address maps to one client per workspace. */
export const clientContacts = pgTable(
  'client_contacts',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    address: text('address').notNull(),
    name: text('name'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('client_contacts', t),
    tenantReference('client_contacts_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    uniqueIndex('client_contacts_workspace_address_key').on(t.workspaceId, sql`lower(${t.address})`),
  ],
);
