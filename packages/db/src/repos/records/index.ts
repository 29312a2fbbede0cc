/** The client's record as the operator's API reads and changes it: clients, invoices, payments, charts, timeline, audit log. */
export * from './asks-list';
export * from './audit-log';
export * from './charts';
export * from './client-summary';
export * from './clients';
export { isCalendarDay, type RecordContext, type RecordProblem } from './common';
export * from './dossier';
export type * from './dossier-types';
export * from './escalations-list';
export * from './invoice-standing';
export * from './invoices';
export * from './invoices-import';
export * from './managed-accounts';
export { currencyDigits, decimalToMinor, formatMinor, isKnownCurrency } from './money';
export * from './proposals-list';
export * from './timeline';
export * from './work-log';
