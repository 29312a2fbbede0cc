export type { CompiledTemplate, TemplateError, TemplatePart } from './compile';
export {
  defaultRenderer,
  precompileTemplates,
  renderEmail,
  renderEmailUncompiled,
  validateTemplateOverride,
} from './default-renderer';
export { type DateInput, formatDate, formatMoney, formatNumber, formatPercent, formatTotals, type MoneyAmount } from './format';
export { type HandWrittenEmail, renderHandWrittenEmail } from './hand-written';
export { EMAIL_KINDS, EMAIL_LOCALES, type EmailKind, type EmailLocale, isEmailKind, isEmailLocale } from './kinds';
export type { ClosingReportData } from './kinds/closing-report';
export type { AskItem, ClientEmailBase, DatedNote, InvoiceItem } from './kinds/common';
export type { ExpectationsResetData } from './kinds/expectations-reset';
export type { FirmNoticeData } from './kinds/firm-notice';
export type { NudgeData } from './kinds/nudge';
export type { OperatorAlertData } from './kinds/operator-alert';
export type { PaymentReminderData } from './kinds/payment-reminder';
export type { TerminationData } from './kinds/termination';
export type { WorkPausedData } from './kinds/work-paused';
export type { WorkResumedData } from './kinds/work-resumed';
export { compileMjmlStrict, type MjmlCompiler } from './mjml-compiler';
export { compiledOverride, type EditRenderer, type OverrideLoader, rendererForEdit } from './overrides';
export { builtInTemplateSources, type EmailDataByKind, placeholderSchema, type TemplateSources } from './registry';
export {
  createEmailRenderer,
  type EmailRenderer,
  type OverrideValidation,
  type RenderedEmail,
  type RenderOptions,
  type TemplateOverrideSource,
} from './renderer';
export { escapeHtml, replySubject, toSafeLine } from './sanitize';
/** Realistic data for every kind; for tests and the `bench:escalate` benchmark. */
export { sampleEmailData, sampleFor } from './testing/sample-email-data';
export type { PlaceholderSchema } from './view-model';
