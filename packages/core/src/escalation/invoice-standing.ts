/**
 * Where one invoice stands at `now`: what is still owed, the day it became fully paid, and the
 * instant the reminder falls due. Dates are the client's local calendar dates, as the
 * contract's terms are; payments dated after today do not count yet.
 */
import { startOfLocalDay } from '../analysis';
import { addDays, daysBetween } from '../payment-terms';
import type { EscalationInvoice, InvoiceFact } from './types';

export interface InvoiceStanding {
  invoice: EscalationInvoice;
  outstandingMinor: number;
  /** The local date on which payments first added up to the amount. */
  paidOn?: string | undefined;
  /** Start of the first local day past the due date plus grace. */
  reminderDueAt: Date;
}

/** The first instant of the local day `days` after `date`; undefined for a date that is not a calendar date. */
export function startOfDayAfter(date: string, days: number, timeZone: string): Date | undefined {
  try {
    return startOfLocalDay(addDays(date, days), timeZone);
  } catch {
    return undefined;
  }
}

export function invoiceStanding(
  invoice: EscalationInvoice,
  today: string,
  graceDays: number,
  timeZone: string,
): InvoiceStanding | undefined {
  const reminderDueAt = startOfDayAfter(invoice.dueOn, graceDays + 1, timeZone);
  if (!reminderDueAt || !Number.isFinite(invoice.amountMinor)) return undefined;
  const payments = invoice.payments
    .filter((p) => p.paidOn <= today && Number.isFinite(p.amountMinor))
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.amountMinor - b.amountMinor));
  let paid = 0;
  let paidOn: string | undefined;
  for (const payment of payments) {
    paid += payment.amountMinor;
    if (paidOn === undefined && paid >= invoice.amountMinor) paidOn = payment.paidOn;
  }
  return { invoice, outstandingMinor: Math.max(0, invoice.amountMinor - paid), paidOn, reminderDueAt };
}

/** Calendar days after the due date it was paid (0 when on time). */
export function daysLate(standing: InvoiceStanding): number | undefined {
  if (standing.paidOn === undefined) return undefined;
  try {
    return Math.max(0, daysBetween(standing.invoice.dueOn, standing.paidOn));
  } catch {
    return undefined;
  }
}

export function invoiceFact(standing: InvoiceStanding): InvoiceFact {
  const { invoice } = standing;
  return {
    invoiceId: invoice.invoiceId,
    number: invoice.number,
    dueOn: invoice.dueOn,
    amountMinor: invoice.amountMinor,
    outstandingMinor: standing.outstandingMinor,
    currency: invoice.currency,
  };
}

export function byDueDate(a: InvoiceStanding, b: InvoiceStanding): number {
  const x = a.invoice;
  const y = b.invoice;
  return x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : x.invoiceId < y.invoiceId ? -1 : x.invoiceId > y.invoiceId ? 1 : 0;
}
