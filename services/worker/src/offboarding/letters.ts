/**
 * An offboarding's two letters from its plan (@firmly/core terminationPlan): the termination
 * letter — its reason completed from the incidents the operator chose, the accounts to hand
 * over, and the overdue invoices the handover waits for — and the closing report (the work log's
 * deliverables, responsiveness, payments, what is still open). Only recorded facts reach them.
 */
import type { TerminationPlan } from '@firmly/core';
import type { OffboardingReason } from '@firmly/db';
import { type EmailLocale, formatDate, formatMoney, type InvoiceItem } from '@firmly/templates';
import type { DraftInput, LetterParties } from '../escalation/template-data';

const OPEN_ASK = {
  en: (on: string, sentence: string) => `Open question from ${on}: “${sentence}”`,
  hu: (on: string, sentence: string) => `Nyitott kérdés (${on}): „${sentence}”`,
} as const;
/** Only incidents of no stated kind ("other"): the operator's own summaries are the reason. */
const DOCUMENTED = {
  en: (list: string) => `of what happened: ${list}`,
  hu: (list: string) => `a következő esetek ezt lehetetlenné tették: ${list}`,
} as const;

const UNPAID = {
  en: (number: string, amount: string) => `Invoice ${number}: ${amount} outstanding`,
  hu: (number: string, amount: string) => `${number} számú számla: ${amount} rendezetlen`,
} as const;

function base(parties: LetterParties) {
  return {
    clientName: parties.clientName,
    operatorName: parties.operatorName,
    ...(parties.operatorBusiness ? { operatorBusiness: parties.operatorBusiness } : {}),
    timeZone: parties.timeZone,
  };
}

export interface OffboardingLetterFacts {
  plan: TerminationPlan;
  reasons: readonly OffboardingReason[];
  /** Each reason as the letter lists it (incident-lines.ts), in the same order. */
  reasonLines: readonly string[];
  endsOn: string;
  /** "Meta Business Suite: Northwind Coffee", one per managed account. */
  accounts: readonly string[];
  parties: LetterParties;
  locale: EmailLocale;
  /** Each answered question's answer time in business hours, and the agreed time: the report's chart. */
  answers: ReadonlyArray<{ askedOn: string; businessHours: number }>;
  agreedAnswerHours: number;
}

export function terminationLetter(facts: OffboardingLetterFacts): DraftInput {
  const overdue: InvoiceItem[] = facts.plan.handover.overdueInvoices.map((invoice) => ({
    number: invoice.number,
    amount: { amountMinor: invoice.outstandingMinor, currency: invoice.currency },
    dueOn: invoice.dueOn,
  }));
  return {
    kind: 'termination',
    data: {
      ...base(facts.parties),
      reason: facts.plan.reason.clause || DOCUMENTED[facts.locale](facts.reasons.map((reason) => reason.summary).join('; ')),
      incidents: facts.reasons.map((reason, index) => ({
        date: new Date(reason.occurredAt),
        description: facts.reasonLines[index] ?? reason.summary,
      })),
      endsOn: facts.endsOn,
      accounts: facts.accounts,
      overdueInvoices: overdue,
    },
  };
}

export function closingReport(facts: OffboardingLetterFacts): DraftInput {
  const { closingReport: report } = facts.plan;
  const { locale } = facts;
  const paid = report.payments.invoices.filter((invoice) => invoice.paidOn !== undefined);
  const paidLate = paid.filter((invoice) => invoice.daysLate > 0);
  const outstanding = new Map<string, number>();
  for (const invoice of report.openItems.unpaidInvoices) {
    outstanding.set(invoice.currency, (outstanding.get(invoice.currency) ?? 0) + invoice.outstandingMinor);
  }
  const openItems = [
    ...report.openItems.asks.map((ask) =>
      OPEN_ASK[locale](
        formatDate(ask.askedAt, locale, facts.parties.timeZone),
        ask.sentence ?? (locale === 'hu' ? 'egy korábbi kérdésem' : 'an earlier question'),
      ),
    ),
    ...report.openItems.unpaidInvoices.map((invoice) =>
      UNPAID[locale](invoice.number, formatMoney({ amountMinor: invoice.outstandingMinor, currency: invoice.currency }, locale)),
    ),
  ];
  return {
    kind: 'closing_report',
    data: {
      ...base(facts.parties),
      periodStart: report.periodFrom,
      periodEnd: report.periodTo,
      deliverables: report.deliverables.map((deliverable) => ({
        description: deliverable.deliveredOn ? `${deliverable.title} (${formatDate(deliverable.deliveredOn, locale)})` : deliverable.title,
        ...(deliverable.result ? { result: deliverable.result } : {}),
      })),
      responsiveness: {
        ...(report.responsiveness.medianLatencyHours !== undefined
          ? { medianAnswerBusinessHours: report.responsiveness.medianLatencyHours }
          : {}),
        ...(report.responsiveness.withinSlaShare !== undefined ? { answeredWithinAgreedTime: report.responsiveness.withinSlaShare } : {}),
        openAsks: report.openItems.asks.length,
      },
      payments: {
        invoicesPaid: paid.length,
        invoicesPaidLate: paidLate.length,
        ...(paidLate.length > 0 ? { averageDaysLate: paidLate.reduce((sum, invoice) => sum + invoice.daysLate, 0) / paidLate.length } : {}),
        outstanding: [...outstanding].map(([currency, amountMinor]) => ({ amountMinor, currency })),
      },
      openItems,
      history: {
        answers: facts.answers,
        agreedAnswerHours: facts.agreedAnswerHours,
        payments: report.payments.invoices.map((invoice) => ({
          number: invoice.number,
          dueOn: invoice.dueOn,
          daysLate: invoice.daysLate,
          paid: invoice.paidOn !== undefined,
        })),
      },
    },
  };
}
