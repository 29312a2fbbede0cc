import { type DateInput, formatDate, formatTotals } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import {
  CLIENT_BASE_FLAGS,
  CLIENT_BASE_VALUES,
  type ClientEmailBase,
  clientView,
  type DatedNote,
  datedNotes,
  type InvoiceItem,
  invoiceItems,
} from './common';

/** §2.4 / §4.4: the termination letter, its reason taken from the documented incidents. */
export interface TerminationData extends ClientEmailBase {
  /**
   * Completes "I cannot meet your needs because …", in the client's language, e.g.
   * "questions about the campaign stayed unanswered for weeks at a time".
   */
  readonly reason: string;
  readonly incidents: readonly DatedNote[];
  readonly endsOn: DateInput;
  /** Accounts the operator managed and will hand over, e.g. "Instagram @brand". */
  readonly accounts: readonly string[];
  /** Overdue invoices; while any remain, the handover waits for them (§2.4). */
  readonly overdueInvoices: readonly InvoiceItem[];
}

export const terminationSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'reason', 'endsOn', 'overdueTotal'],
  flags: [...CLIENT_BASE_FLAGS, 'paymentsUpToDate'],
  lists: { incidents: ['date', 'description'], accounts: ['name'], overdueInvoices: ['number', 'amount', 'dueOn'] },
};

export function terminationView(data: TerminationData, locale: EmailLocale): ViewModel {
  return clientView(data, {
    reason: data.reason,
    endsOn: formatDate(data.endsOn, locale, data.timeZone),
    overdueTotal: formatTotals(
      data.overdueInvoices.map((invoice) => invoice.amount),
      locale,
    ),
    paymentsUpToDate: data.overdueInvoices.length === 0,
    incidents: datedNotes(data.incidents, locale, data.timeZone),
    accounts: data.accounts.map((name) => ({ name })),
    overdueInvoices: invoiceItems(data.overdueInvoices, locale, data.timeZone),
  });
}
