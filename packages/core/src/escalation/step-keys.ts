/**
 * Deterministic names of ladder steps. Two workers evaluating the same client at the same time
 * derive the same key, so the outbox's unique idempotency key lets only one draft in.
 */
export const stepKeys = {
  nudge: (askId: string) => `unresponsive:${askId}:nudge`,
  firmNotice: (askId: string) => `unresponsive:${askId}:firm_notice`,
  paymentReminder: (invoiceId: string) => `late_payment:${invoiceId}:payment_reminder`,
  workPaused: (invoiceId: string) => `late_payment:${invoiceId}:work_paused`,
  workResumed: (invoiceId: string) => `late_payment:${invoiceId}:work_resumed`,
  /** One episode of the score staying above the threshold, named by the instant it began. */
  expectationsReset: (episodeStart: Date) => `controlling:${episodeStart.toISOString()}:expectations_reset`,
} as const;

export const alertKeys = {
  askOpenTooLong: (askId: string) => `unresponsive:${askId}:recommend_ending`,
  /** Named by the escalated ask that completed the count, so each further one is news to the operator. */
  repeatedEscalations: (askId: string) => `unresponsive:repeated:${askId}:recommend_ending`,
  paymentDrift: (lastPaidInvoiceId: string) => `late_payment:drift:${lastPaidInvoiceId}`,
  controlPersists: (episodeStart: Date) => `controlling:${episodeStart.toISOString()}:recommend_ending`,
} as const;
