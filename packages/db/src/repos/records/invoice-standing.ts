import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../client';
import { clients } from '../../schema/clients';
import { invoices } from '../../schema/invoices';
import { payments } from '../../schema/payments';
import { daysFrom, localDay } from './common';

type InvoiceRow = typeof invoices.$inferSelect;

export type InvoiceStatus = 'open' | 'overdue' | 'paid';

/** An invoice as the operator sees it: what was paid, whether it is overdue, how late. */
export interface InvoiceView {
  id: string;
  clientId: string;
  number: string;
  amountMinor: bigint;
  currency: string;
  issuedOn: string;
  dueOn: string;
  paidMinor: bigint;
  status: InvoiceStatus;
  /** The client's local day on which payments first added up to the amount. */
  paidOn: string | null;
  /** Paid: days after the due day it was paid (0 when on time). Overdue: days past due today. Open: null. */
  daysLate: number | null;
  remindersPaused: boolean;
  disputedAt: Date | null;
  promisedPayOn: string | null;
  source: InvoiceRow['source'];
  createdAt: Date;
}

/**
 * Where one invoice stands on the client's `today`. Payments dated after today do not count
 * yet, as in the late-payment ladder (core's invoiceStanding); "overdue" is any unpaid invoice
 * past its due day, grace days aside (grace only delays the reminder).
 */
export function invoiceView(invoice: InvoiceRow, paid: ReadonlyArray<{ paidOn: string; amountMinor: bigint }>, today: string): InvoiceView {
  const counted = paid.filter((p) => p.paidOn <= today).sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let paidMinor = 0n;
  let paidOn: string | null = null;
  for (const payment of counted) {
    paidMinor += payment.amountMinor;
    if (paidOn === null && paidMinor >= invoice.amountMinor) paidOn = payment.paidOn;
  }
  const status: InvoiceStatus = paidOn !== null ? 'paid' : today > invoice.dueOn ? 'overdue' : 'open';
  const daysLate =
    status === 'paid' && paidOn !== null
      ? Math.max(0, daysFrom(invoice.dueOn, paidOn))
      : status === 'overdue'
        ? daysFrom(invoice.dueOn, today)
        : null;
  return {
    id: invoice.id,
    clientId: invoice.clientId,
    number: invoice.number,
    amountMinor: invoice.amountMinor,
    currency: invoice.currency,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    paidMinor,
    status,
    paidOn,
    daysLate,
    remindersPaused: invoice.remindersPaused,
    disputedAt: invoice.disputedAt,
    promisedPayOn: invoice.promisedPayOn,
    source: invoice.source,
    createdAt: invoice.createdAt,
  };
}

/** Live (not voided) invoices of the workspace matching `where`, with their standing today, oldest due first. */
export async function loadInvoiceViews(db: Executor, workspaceId: string, where: SQL | undefined, now: Date): Promise<InvoiceView[]> {
  const rows = await db
    .select({ invoice: invoices, timezone: clients.timezone })
    .from(invoices)
    .innerJoin(clients, and(eq(clients.workspaceId, invoices.workspaceId), eq(clients.id, invoices.clientId)))
    .where(and(eq(invoices.workspaceId, workspaceId), isNull(invoices.voidedAt), where))
    .orderBy(asc(invoices.dueOn), asc(invoices.number));
  if (rows.length === 0) return [];
  // The same filter again, joined: no list of ids, however many invoices the client has.
  const paid = await db
    .select({ invoiceId: payments.invoiceId, paidOn: payments.paidOn, amountMinor: payments.amountMinor })
    .from(payments)
    .innerJoin(invoices, and(eq(invoices.workspaceId, payments.workspaceId), eq(invoices.id, payments.invoiceId)))
    .where(and(eq(payments.workspaceId, workspaceId), isNull(invoices.voidedAt), where));
  const byInvoice = new Map<string, Array<{ paidOn: string; amountMinor: bigint }>>();
  for (const payment of paid) {
    const list = byInvoice.get(payment.invoiceId);
    if (list) list.push(payment);
    else byInvoice.set(payment.invoiceId, [payment]);
  }
  return rows.map(({ invoice, timezone }) => invoiceView(invoice, byInvoice.get(invoice.id) ?? [], localDay(now, timezone)));
}

export async function loadInvoiceView(db: Executor, workspaceId: string, invoiceId: string, now: Date): Promise<InvoiceView | undefined> {
  const [view] = await loadInvoiceViews(db, workspaceId, eq(invoices.id, invoiceId), now);
  return view;
}

export async function loadClientInvoiceViews(db: Executor, workspaceId: string, clientId: string, now: Date): Promise<InvoiceView[]> {
  return loadInvoiceViews(db, workspaceId, eq(invoices.clientId, clientId), now);
}
