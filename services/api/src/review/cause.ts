/**
 * Why a draft exists, in one line for the operator: the ladder that drafted it and the facts
 * it was filled with (the template data the ladder stored). Defensive: the data is JSON the
 * worker wrote, and an email the operator wrote has none.
 */
import type { OutgoingEmailRow } from '@firmly/db';
import type { CAUSE_TYPES } from './schemas';

export type CauseType = (typeof CAUSE_TYPES)[number];

const CAUSE_OF_KIND: Record<OutgoingEmailRow['kind'], CauseType> = {
  nudge: 'unresponsive',
  firm_notice: 'unresponsive',
  payment_reminder: 'late_payment',
  work_paused: 'late_payment',
  work_resumed: 'late_payment',
  expectations_reset: 'controlling',
  termination: 'ending',
  closing_report: 'ending',
  custom: 'operator',
};

type Json = Record<string, unknown>;

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

/** "2026-11-02" from an ISO instant or day; undefined for anything else. */
function day(value: unknown): string | undefined {
  const t = text(value);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
}

function invoiceNumbers(invoices: Json[]): string {
  return invoices
    .map((i) => text(i.number))
    .filter((n): n is string => n !== undefined)
    .join(', ');
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

function summaryOf(kind: OutgoingEmailRow['kind'], data: Json): string | undefined {
  const asks = records(data.asks);
  const invoices = records(data.invoices);
  switch (kind) {
    case 'nudge': {
      const ask = asks[0];
      const since = day(ask?.askedOn);
      return ask ? `An ask unanswered${since ? ` since ${since}` : ''}: “${text(ask.sentence) ?? '…'}”` : undefined;
    }
    case 'firm_notice': {
      const oldest = asks
        .map((a) => day(a.askedOn))
        .filter((d): d is string => d !== undefined)
        .sort()[0];
      return asks.length > 0
        ? `${asks.length} ${plural(asks.length, 'ask', 'asks')} still unanswered${oldest ? `, the oldest since ${oldest}` : ''}; work on hold`
        : undefined;
    }
    case 'payment_reminder': {
      const due = day(invoices[0]?.dueOn);
      return invoices.length > 0
        ? `${plural(invoices.length, 'Invoice', 'Invoices')} ${invoiceNumbers(invoices)} overdue${due ? ` (due ${due})` : ''}`
        : undefined;
    }
    case 'work_paused':
      return invoices.length > 0 ? `${invoiceNumbers(invoices)} still unpaid after the reminder: work pauses` : undefined;
    case 'work_resumed': {
      const numbers = Array.isArray(data.invoiceNumbers) ? data.invoiceNumbers.filter((n) => typeof n === 'string').join(', ') : '';
      return `Payment received${numbers ? ` for ${numbers}` : ''}: work resumes`;
    }
    case 'expectations_reset': {
      const examples = records(data.examples).length;
      return `Sustained per-item approval demands${examples > 0 ? ` (${examples} quoted)` : ''}: proposing a batched process`;
    }
    case 'termination':
      return `Ending the relationship${text(data.reason) ? `: ${text(data.reason)}` : ''}`;
    case 'custom':
      return undefined;
  }
}

const FALLBACK: Record<CauseType, string> = {
  unresponsive: 'The client has left asks unanswered',
  late_payment: 'An invoice is overdue',
  controlling: 'Sustained control signals',
  ending: 'Ending the relationship',
  operator: 'Written by the operator',
};

export function causeOf(email: OutgoingEmailRow, escalationCause: CauseType | null): { type: CauseType; summary: string } {
  const type = escalationCause ?? CAUSE_OF_KIND[email.kind];
  return { type, summary: summaryOf(email.kind, email.templateData ?? {}) ?? FALLBACK[type] };
}
