import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, primaryId } from './columns';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/** A mail domain that belongs to a client: anyone @domain counts as the client. */
export const clientDomains = pgTable(
  'client_domains',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    domain: text('domain').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('client_domains', t),
    tenantReference('client_domains_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    uniqueIndex('client_domains_workspace_domain_key').on(t.workspaceId, sql`lower(${t.domain})`),
  ],
);
