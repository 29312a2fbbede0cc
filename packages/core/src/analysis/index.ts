// The analysis API (issue 4). Explicit lists: several parts name their own `Language`.
export {
  type AskDecision,
  type AskKind,
  classifySentence,
  detectAsk,
  detectLanguage,
  type Language,
  type SentenceVerdict,
  splitSentences,
} from './asks';
export {
  BUSINESS_HOUR,
  type BusinessCalendar,
  businessCalendar,
  type CalendarProblem,
  rememberedNextWorkingInstant,
  validateWorkingCalendar,
  type WorkingCalendar,
} from './business-time';
export {
  type AbuseFinding,
  type ControlEvidence,
  type ControlScore,
  type ControlScoreOptions,
  type ControlSignal,
  type ControlSignalKind,
  controlScore,
  detectAbuse,
  detectControlSignals,
  type InboundForControl,
} from './control';
export { type FoundDate, findDates } from './dates';
export * from './engine';
export {
  type AttachmentLike,
  detectInvoiceSent,
  detectPaymentClaims,
  detectReturnDate,
  type InvoiceFacts,
  type InvoiceLateness,
  type InvoiceProposal,
  type PaymentBehaviour,
  type PaymentClaim,
  type PaymentClaimKind,
  paymentBehaviour,
} from './payments';
export { type AskTiming, type Responsiveness, responsiveness } from './responsiveness';
export { extractVisibleText, type RemovedPart, type VisibleText, type VisibleTextInput } from './visible-text';
