import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView, type InvoiceItem, overdueInvoicesView } from './common';

/** §4.2 first step: the face-saving reminder ("this may have slipped through"). */
export interface PaymentReminderData extends ClientEmailBase {
  /** The overdue invoices this reminder is about (never a paid one: the ladder checks). */
  readonly invoices: readonly InvoiceItem[];
  /** How to pay, e.g. the bank account, when the operator wants it repeated. */
  readonly paymentDetails?: string;
}

export const paymentReminderSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'total', 'paymentDetails', 'firstInvoiceNumber'],
  flags: [...CLIENT_BASE_FLAGS, 'severalInvoices'],
  lists: { invoices: ['number', 'amount', 'dueOn'] },
};

export function paymentReminderView(data: PaymentReminderData, locale: EmailLocale): ViewModel {
  return clientView(data, overdueInvoicesView(data.invoices, locale, data.timeZone), {
    paymentDetails: data.paymentDetails ?? '',
    firstInvoiceNumber: data.invoices[0]?.number ?? '',
  });
}
