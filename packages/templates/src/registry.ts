import type { EmailKind, EmailLocale } from './kinds';
import { type ClosingReportData, closingReportSchema, closingReportView } from './kinds/closing-report';
import { type ExpectationsResetData, expectationsResetSchema, expectationsResetView } from './kinds/expectations-reset';
import { type FirmNoticeData, firmNoticeSchema, firmNoticeView } from './kinds/firm-notice';
import { type NudgeData, nudgeSchema, nudgeView } from './kinds/nudge';
import { type OperatorAlertData, operatorAlertSchema, operatorAlertView } from './kinds/operator-alert';
import { type PaymentReminderData, paymentReminderSchema, paymentReminderView } from './kinds/payment-reminder';
import { type TerminationData, terminationSchema, terminationView } from './kinds/termination';
import { type WorkPausedData, workPausedSchema, workPausedView } from './kinds/work-paused';
import { type WorkResumedData, workResumedSchema, workResumedView } from './kinds/work-resumed';
import { wordingToMjml, wordingToText } from './layout';
import type { PlaceholderSchema, ViewModel } from './view-model';
import { closingReportWording } from './wording/closing-report';
import { expectationsResetWording } from './wording/expectations-reset';
import { firmNoticeWording } from './wording/firm-notice';
import { nudgeWording } from './wording/nudge';
import { operatorAlertWording } from './wording/operator-alert';
import { paymentReminderWording } from './wording/payment-reminder';
import { terminationWording } from './wording/termination';
import type { Wording } from './wording/wording';
import { workPausedWording } from './wording/work-paused';
import { workResumedWording } from './wording/work-resumed';

/** The data each kind of email is rendered from. */
export interface EmailDataByKind {
  nudge: NudgeData;
  firm_notice: FirmNoticeData;
  payment_reminder: PaymentReminderData;
  work_paused: WorkPausedData;
  work_resumed: WorkResumedData;
  expectations_reset: ExpectationsResetData;
  termination: TerminationData;
  closing_report: ClosingReportData;
  operator_alert: OperatorAlertData;
}

interface KindDefinition<Data> {
  readonly schema: PlaceholderSchema;
  readonly view: (data: Data, locale: EmailLocale) => ViewModel;
  readonly wording: Readonly<Record<EmailLocale, Wording>>;
}

const DEFINITIONS: { readonly [Kind in EmailKind]: KindDefinition<EmailDataByKind[Kind]> } = {
  nudge: { schema: nudgeSchema, view: nudgeView, wording: nudgeWording },
  firm_notice: { schema: firmNoticeSchema, view: firmNoticeView, wording: firmNoticeWording },
  payment_reminder: { schema: paymentReminderSchema, view: paymentReminderView, wording: paymentReminderWording },
  work_paused: { schema: workPausedSchema, view: workPausedView, wording: workPausedWording },
  work_resumed: { schema: workResumedSchema, view: workResumedView, wording: workResumedWording },
  expectations_reset: { schema: expectationsResetSchema, view: expectationsResetView, wording: expectationsResetWording },
  termination: { schema: terminationSchema, view: terminationView, wording: terminationWording },
  closing_report: { schema: closingReportSchema, view: closingReportView, wording: closingReportWording },
  operator_alert: { schema: operatorAlertSchema, view: operatorAlertView, wording: operatorAlertWording },
};

/** The three sources one template × locale is compiled from. */
export interface TemplateSources {
  readonly subject: string;
  readonly mjml: string;
  readonly text: string;
}

export function placeholderSchema(kind: EmailKind): PlaceholderSchema {
  return DEFINITIONS[kind].schema;
}

/** The built-in sources, e.g. as the starting point an operator edits into an override. */
export function builtInTemplateSources(kind: EmailKind, locale: EmailLocale): TemplateSources {
  const wording = DEFINITIONS[kind].wording[locale];
  return { subject: wording.subject, mjml: wordingToMjml(wording, locale), text: wordingToText(wording) };
}

/** A new object on every call: the renderer adds the subject to it. */
export function buildViewModel<Kind extends EmailKind>(kind: Kind, locale: EmailLocale, data: EmailDataByKind[Kind]): ViewModel {
  // The mapped type pairs each kind with its own data; TypeScript cannot follow the pairing through the index.
  const definition = DEFINITIONS[kind] as KindDefinition<EmailDataByKind[Kind]>;
  return definition.view(data, locale);
}
