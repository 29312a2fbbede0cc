import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, primaryId, updatedAt } from './columns';
import { dueRuleKind } from './enums';
import { tenantKey, tenantReference, workspaceId } from './tenant';

/** A client's contract: when invoices fall due (PRODUCT §2.3) and how much slack there is. */
export const contracts = pgTable(
  'contracts',
  {
    id: primaryId(),
    workspaceId: workspaceId(),
    clientId: uuid('client_id').notNull(),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** "day N of the month" (N = due_rule_value) or "net N" days after issue. */
    dueRuleKind: dueRuleKind('due_rule_kind').notNull(),
    dueRuleValue: integer('due_rule_value').notNull(),
    graceDays: integer('grace_days').notNull().default(1),
    /** The recurring fee, when there is one, in minor units of `currency`. */
    feeMinor: bigint('fee_minor', { mode: 'bigint' }),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    tenantKey('contracts', t),
    tenantReference('contracts_client_fk', { workspaceId: t.workspaceId, column: t.clientId }, clients),
    check(
      'contracts_due_rule_range',
      sql`(${t.dueRuleKind} = 'day_of_month' and ${t.dueRuleValue} between 1 and 31) or (${t.dueRuleKind} = 'net_days' and ${t.dueRuleValue} between 0 and 365)`,
    ),
    check('contracts_grace_days_range', sql`${t.graceDays} between 0 and 90`),
    check('contracts_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('contracts_fee_positive', sql`${t.feeMinor} is null or ${t.feeMinor} > 0`),
    check('contracts_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
