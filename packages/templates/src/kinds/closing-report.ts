import { type DateInput, formatDate, formatNumber, formatPercent, formatTotals, type MoneyAmount } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView } from './common';

/** §4.4: what was done, how the collaboration went, and what is still open. */
export interface ClosingReportData extends ClientEmailBase {
  readonly periodStart: DateInput;
  readonly periodEnd: DateInput;
  readonly deliverables: ReadonlyArray<{ readonly description: string; readonly result?: string }>;
  readonly responsiveness: {
    /** Median time to answer a question, in business hours. */
    readonly medianAnswerBusinessHours?: number;
    /** Share of questions answered within the agreed time, 0–1. */
    readonly answeredWithinAgreedTime?: number;
    readonly openAsks: number;
  };
  readonly payments: {
    readonly invoicesPaid: number;
    readonly invoicesPaidLate: number;
    readonly averageDaysLate?: number;
    readonly outstanding: readonly MoneyAmount[];
  };
  readonly openItems: readonly string[];
  /**
   * What the attached PDF's charts show (the email itself states the totals above): how long each
   * answered question took, against the agreed time, and how late each invoice was paid.
   */
  readonly history?: {
    readonly answers: ReadonlyArray<{ readonly askedOn: string; readonly businessHours: number }>;
    readonly agreedAnswerHours?: number;
    readonly payments: ReadonlyArray<{
      readonly number: string;
      readonly dueOn: string;
      readonly daysLate: number;
      readonly paid: boolean;
    }>;
  };
}

export const closingReportSchema: PlaceholderSchema = {
  values: [
    ...CLIENT_BASE_VALUES,
    'periodStart',
    'periodEnd',
    'medianAnswerHours',
    'answeredWithinAgreedTime',
    'openAsks',
    'invoicesPaid',
    'invoicesPaidLate',
    'averageDaysLate',
    'outstanding',
  ],
  flags: [...CLIENT_BASE_FLAGS],
  lists: { deliverables: ['description', 'result'], openItems: ['description'] },
};

export function closingReportView(data: ClosingReportData, locale: EmailLocale): ViewModel {
  const { responsiveness, payments } = data;
  const optional = (value: number | undefined, format: (value: number) => string): string => (value === undefined ? '' : format(value));
  return clientView(data, {
    periodStart: formatDate(data.periodStart, locale, data.timeZone),
    periodEnd: formatDate(data.periodEnd, locale, data.timeZone),
    medianAnswerHours: optional(responsiveness.medianAnswerBusinessHours, (hours) => formatNumber(hours, locale)),
    answeredWithinAgreedTime: optional(responsiveness.answeredWithinAgreedTime, (share) => formatPercent(share, locale)),
    openAsks: formatNumber(responsiveness.openAsks, locale),
    invoicesPaid: formatNumber(payments.invoicesPaid, locale),
    invoicesPaidLate: formatNumber(payments.invoicesPaidLate, locale),
    averageDaysLate: optional(payments.averageDaysLate, (days) => formatNumber(days, locale)),
    outstanding: formatTotals(payments.outstanding, locale),
    deliverables: data.deliverables.map((item) => ({ description: item.description, result: item.result ?? '' })),
    openItems: data.openItems.map((description) => ({ description })),
  });
}
