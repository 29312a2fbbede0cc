import { type DateInput, formatDate, formatMoney, type MoneyAmount } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView } from './common';

/** §4.2: "payment received, work resumes". */
export interface WorkResumedData extends ClientEmailBase {
  readonly paidAmount: MoneyAmount;
  readonly paidOn: DateInput;
  readonly invoiceNumbers?: readonly string[];
  /** When work picks up again; "right away" when not given. */
  readonly resumesOn?: DateInput;
  /** What happens first, e.g. "I will send the revised calendar on Thursday". */
  readonly nextSteps?: string;
}

export const workResumedSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'paidAmount', 'paidOn', 'resumesOn', 'nextSteps'],
  flags: [...CLIENT_BASE_FLAGS],
  lists: { invoices: ['number'] },
};

export function workResumedView(data: WorkResumedData, locale: EmailLocale): ViewModel {
  return clientView(data, {
    paidAmount: formatMoney(data.paidAmount, locale),
    paidOn: formatDate(data.paidOn, locale, data.timeZone),
    resumesOn: data.resumesOn === undefined ? '' : formatDate(data.resumesOn, locale, data.timeZone),
    nextSteps: data.nextSteps ?? '',
    invoices: (data.invoiceNumbers ?? []).map((number) => ({ number })),
  });
}
