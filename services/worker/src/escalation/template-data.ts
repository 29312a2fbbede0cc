import type { DraftAction, InvoiceFact, OpenAskFact } from '@firmly/core';
import type { ClientEmailBase, DatedNote, EmailDataByKind, EmailKind, InvoiceItem } from '@firmly/templates';

/** Who writes and to whom: the parts of every letter that do not come from the ladder's step. */
export interface LetterParties {
  clientName: string;
  operatorName: string;
  operatorBusiness?: string | undefined;
  timeZone: string;
}

export type TemplateInput = { [K in EmailKind]: { kind: K; data: EmailDataByKind[K] } }[EmailKind];
/** What a client's email is rendered from (operator alerts go to the operator, not into the outbox). */
export type DraftInput = Exclude<TemplateInput, { kind: 'operator_alert' }>;

function base(parties: LetterParties): ClientEmailBase {
  return {
    clientName: parties.clientName,
    operatorName: parties.operatorName,
    ...(parties.operatorBusiness ? { operatorBusiness: parties.operatorBusiness } : {}),
    timeZone: parties.timeZone,
  };
}

/** An ask the operator marked by hand may have no detected sentence: it is named by where it was asked. */
const UNNAMED_ASK = { en: 'my earlier question in this thread', hu: 'a korábbi kérdésem ebben a levélváltásban' } as const;

function askItem(ask: OpenAskFact, locale: string): { sentence: string; askedOn: Date } {
  return { sentence: ask.sentence ?? UNNAMED_ASK[locale === 'hu' ? 'hu' : 'en'], askedOn: ask.askedAt };
}

function invoiceItem(invoice: InvoiceFact): InvoiceItem {
  return { number: invoice.number, amount: { amountMinor: invoice.outstandingMinor, currency: invoice.currency }, dueOn: invoice.dueOn };
}

/**
 * A ladder's draft → the template and the facts it is filled with. Only facts the ladder
 * established reach the letter (what is pending, since when, how much); nothing is invented.
 */
/** What is approved in one batch (PRODUCT §4.3's example); Hungarian in the accusative the sentence needs. */
const BATCH_SCOPE = { en: 'the content calendar for the following week', hu: 'a következő heti tartalomnaptárt' } as const;

export interface LetterFacts {
  /** The client's documented per-item approval demands (date and quoted sentence), newest first. */
  controlExamples?: readonly DatedNote[];
}

export function templateInputOf(action: DraftAction, parties: LetterParties, now: Date, facts: LetterFacts = {}): DraftInput {
  const common = base(parties);
  switch (action.kind) {
    case 'nudge':
      return { kind: 'nudge', data: { ...common, asks: [askItem(action.data.ask, action.locale)] } };
    case 'firm_notice':
      return {
        kind: 'firm_notice',
        data: { ...common, asks: action.data.openAsks.map((ask) => askItem(ask, action.locale)), onHoldFrom: now },
      };
    case 'payment_reminder':
      return { kind: 'payment_reminder', data: { ...common, invoices: [invoiceItem(action.data.invoice)] } };
    case 'work_paused':
      return {
        kind: 'work_paused',
        data: { ...common, invoices: [invoiceItem(action.data.invoice)], reminderSentOn: action.data.reminderSentAt, pausedFrom: now },
      };
    case 'work_resumed': {
      const paid = action.data.paidInvoices;
      const currency = paid[0]?.currency ?? 'EUR';
      const sameCurrency = paid.filter((i) => i.currency === currency);
      return {
        kind: 'work_resumed',
        data: {
          ...common,
          paidAmount: { amountMinor: sameCurrency.reduce((sum, i) => sum + i.amountMinor, 0), currency },
          paidOn: now,
          invoiceNumbers: paid.map((i) => i.number),
        },
      };
    }
    case 'expectations_reset':
      return {
        kind: 'expectations_reset',
        data: {
          ...common,
          examples: (facts.controlExamples ?? []).slice(0, 3),
          batchWeekday: 1,
          batchScope: BATCH_SCOPE[action.locale.toLowerCase().startsWith('hu') ? 'hu' : 'en'],
        },
      };
  }
}
