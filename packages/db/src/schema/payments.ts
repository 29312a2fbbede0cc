import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, primaryId } from './columns';
import { recordSource } from './enums';
import { invoices } from './invoices';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * One payment towards an invoice; several may add up to it. `reference` (bank
 * transaction id, CSV row key, or the API caller's idempotency key) is the natural
 * key, so a replayed import or request records the payment once.
 */
export const payments = pgTable(
  'payments',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    invoiceId: uuid('invoice_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    source: recordSource('source').notNull(),
    /** Set when an operator confirmed a payment proposed from the mailbox. */
    confirmedAt: instant('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey('payments', t),
    unique('payments_workspace_reference_key').on(t.workspaceId, t.reference),
    tenantReference('payments_invoice_fk', { workspaceId: t.workspaceId, column: t.invoiceId }, invoices, 'no action'),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
    check('payments_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
