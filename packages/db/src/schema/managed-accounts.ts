import { accountHandoverSteps, accountOwnerKinds, handoverPlatforms } from '@firmly/core';
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/** The platforms firmly has handover guidance for (@firmly/core), plus `other`. */
export const managedAccountPlatforms = handoverPlatforms;
export const managedAccountPlatform = pgEnum('managed_account_platform', managedAccountPlatforms);

/** Who owns the account itself (not who can use it): the handover moves it to the client. */
export const accountOwners = accountOwnerKinds;
export const accountOwner = pgEnum('account_owner', accountOwners);

/**
 * How far the handover has gone, in its order (PRODUCT §2.4): the client's ownership first, the
 * operator's own access removed last. Whether it is held until overdue invoices are paid is not
 * stored: it follows from the invoices whenever it is asked.
 */
export const handoverSteps = accountHandoverSteps;
export const handoverStep = pgEnum('handover_step', handoverSteps);

/** An account the operator runs for a client: a page, an ad account, an analytics property. */
export const managedAccounts = pgTable(
  'managed_accounts',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    platform: managedAccountPlatform('platform').notNull(),
    /** The handle, page name or URL that identifies it on the platform. */
    handle: text('handle').notNull(),
    /** The operator's role there, in the platform's own words ("Admin", "Editor", "Full control"). */
    accessLevel: text('access_level').notNull(),
    owner: accountOwner('owner').notNull().default('unknown'),
    handover: handoverStep('handover').notNull().default('not_started'),
    handoverChangedAt: instant('handover_changed_at'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('managed_accounts', t),
    tenantReference('managed_accounts_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    index('managed_accounts_client_idx').on(t.workspaceId, t.clientId),
    check('managed_accounts_handle_present', sql`length(btrim(${t.handle})) > 0`),
  ],
);
