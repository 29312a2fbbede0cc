import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, instant, primaryId, updatedAt } from './columns';
import { contracts } from './contracts';
import { recordSource } from './enums';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/**
 * An invoice. Whether it is paid is derived from its payments (partial payments
 * allowed), never stored twice. The invoice number is the natural key: importing
 * the same CSV twice cannot create a second row.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    contractId: uuid('contract_id'),
    number: text('number').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    source: recordSource('source').notNull(),
    /** The outbound message that carried it, when detected in the mailbox. */
    sourceMessageId: uuid('source_message_id'),
    voidedAt: instant('voided_at'),
    /** The operator paused reminders for this invoice (the ladder leaves it alone until unpaused). */
    remindersPaused: boolean('reminders_paused').notNull().default(false),
    /** The client disputes it (confirmed by the operator): no reminder until the dispute is settled. */
    disputedAt: instant('disputed_at'),
    /** A promise to pay by this local date, confirmed by the operator: the ladder waits until the day after. */
    promisedPayOn: date('promised_pay_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('invoices', t),
    unique('invoices_workspace_number_key').on(t.workspaceId, t.number),
    tenantReference('invoices_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    tenantReference('invoices_contract_fk', { workspaceId: t.workspaceId, column: t.contractId }, contracts, 'no action'),
    check('invoices_amount_positive', sql`${t.amountMinor} > 0`),
    check('invoices_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('invoices_due_after_issue', sql`${t.dueOn} >= ${t.issuedOn}`),
  ],
);
