import type { EmailKind } from '../kinds';
import type { EmailDataByKind } from '../registry';

/**
 * Realistic data for every kind, for tests and benchmarks. `text` fills every free-text
 * field, so an injection test reaches each one; `formality` picks the Hungarian address form.
 */
export function sampleEmailData(text?: string, formality: 'formal' | 'informal' = 'formal'): EmailDataByKind {
  const t = (fallback: string): string => text ?? fallback;
  const base = {
    clientName: t('Kovács Anna'),
    operatorName: t('Nagy Péter'),
    operatorBusiness: t('Nagy Social Studio'),
    projectName: t('Spring campaign'),
    formality,
    timeZone: 'Europe/Budapest',
  };
  const asks = [
    { sentence: t('Could you approve the March content calendar?'), askedOn: '2026-11-16' },
    { sentence: t('Which photos should go into the carousel post?'), askedOn: '2026-11-18' },
  ];
  const invoices = [
    { number: t('INV-2026-031'), amount: { amountMinor: 12_000_000n, currency: 'HUF' }, dueOn: '2026-11-01' },
    { number: t('INV-2026-034'), amount: { amountMinor: 125_050n, currency: 'EUR' }, dueOn: '2026-11-15' },
  ];
  return {
    nudge: { ...base, asks, blocks: t("scheduling next week's posts") },
    firm_notice: { ...base, asks, blocks: t('the campaign launch'), onHoldFrom: '2026-11-27' },
    payment_reminder: { ...base, invoices, paymentDetails: t('IBAN HU42 1177 3016 1111 1018 0000 0000') },
    work_paused: { ...base, invoices, reminderSentOn: '2026-11-20', pausedFrom: '2026-11-30', paymentDetails: t('IBAN HU42 1177') },
    work_resumed: {
      ...base,
      paidAmount: { amountMinor: 12_000_000n, currency: 'HUF' },
      paidOn: '2026-12-02',
      invoiceNumbers: [t('INV-2026-031')],
      resumesOn: '2026-12-03',
      nextSteps: t('I will send the revised calendar on Thursday'),
    },
    expectations_reset: {
      ...base,
      examples: [{ date: '2026-11-10', description: t('Asked to approve a single story before it went out') }],
      batchWeekday: 1,
      batchScope: t('the content calendar for the following week'),
      firstBatchOn: '2026-12-07',
    },
    termination: {
      ...base,
      reason: t('questions about the campaign stayed unanswered for weeks at a time'),
      incidents: [{ date: '2026-10-02', description: t('Feedback on the October plan arrived 19 days late') }],
      endsOn: '2026-12-31',
      accounts: [t('Instagram @annabakes')],
      overdueInvoices: [invoices[0] ?? { number: 'x', amount: { amountMinor: 0n, currency: 'HUF' }, dueOn: '2026-11-01' }],
    },
    closing_report: {
      ...base,
      periodStart: '2026-03-01',
      periodEnd: '2026-12-31',
      deliverables: [{ description: t('120 Instagram posts'), result: t('followers up from 2,100 to 3,450') }],
      responsiveness: { medianAnswerBusinessHours: 18.5, answeredWithinAgreedTime: 0.42, openAsks: 3 },
      payments: {
        invoicesPaid: 9,
        invoicesPaidLate: 5,
        averageDaysLate: 6.4,
        outstanding: [{ amountMinor: 12_000_000n, currency: 'HUF' }],
      },
      openItems: [t('Handover of the Meta Business Suite admin role')],
    },
    operator_alert: {
      operatorName: t('Nagy Péter'),
      alerts: [
        {
          clientName: t('Kovács Anna'),
          summary: t('Three escalated questions in 30 days'),
          recommendation: t('Consider ending the relationship'),
          raisedAt: '2026-11-30T09:00:00Z',
        },
      ],
      pendingReviewCount: 4,
      timeZone: 'Europe/Budapest',
    },
  };
}

/** The data of one kind, typed for that kind. */
export function sampleFor<Kind extends EmailKind>(kind: Kind, text?: string, formality?: 'formal' | 'informal'): EmailDataByKind[Kind] {
  return sampleEmailData(text, formality)[kind];
}
