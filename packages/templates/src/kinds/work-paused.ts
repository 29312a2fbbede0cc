import { type DateInput, formatDate } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView, type InvoiceItem, overdueInvoicesView } from './common';

/** §2.3 / §4.2: work stops until the overdue balance is paid, and resumes quickly once it is. */
export interface WorkPausedData extends ClientEmailBase {
  readonly invoices: readonly InvoiceItem[];
  /** When the reminder went out, so the notice can say it is not the first word. */
  readonly reminderSentOn?: DateInput;
  readonly pausedFrom: DateInput;
  readonly paymentDetails?: string;
}

export const workPausedSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'total', 'reminderSentOn', 'pausedFrom', 'paymentDetails'],
  flags: [...CLIENT_BASE_FLAGS, 'severalInvoices'],
  lists: { invoices: ['number', 'amount', 'dueOn'] },
};

export function workPausedView(data: WorkPausedData, locale: EmailLocale): ViewModel {
  return clientView(data, overdueInvoicesView(data.invoices, locale, data.timeZone), {
    reminderSentOn: data.reminderSentOn === undefined ? '' : formatDate(data.reminderSentOn, locale, data.timeZone),
    pausedFrom: formatDate(data.pausedFrom, locale, data.timeZone),
    paymentDetails: data.paymentDetails ?? '',
  });
}
