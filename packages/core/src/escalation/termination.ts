/**
 * Ending the relationship (PRODUCT §2.4, §4.4) is the operator's decision; firmly prepares it.
 * The plan holds the access-handover checklist — held back while any invoice is overdue, as
 * the playbook says access is handed over to a client who is up to date with payments — the
 * facts of the closing report, and the reason for the letter from the documented incidents.
 * Setting the client `former` afterwards is the caller's step.
 */
import {
  BUSINESS_HOUR,
  type BusinessCalendar,
  businessCalendar,
  type IncidentKind,
  type PaymentBehaviour,
  paymentBehaviour,
  type Responsiveness,
  responsiveness,
} from '../analysis';
import { DAY_MS } from './context';
import { byDueDate, type InvoiceStanding, invoiceFact, invoiceStanding } from './invoice-standing';
import { defaultEscalationSettings, type EscalationSettings } from './settings';
import {
  type ReasonFailure,
  type ReasonLocale,
  reasonLocaleOf,
  terminationReasonClause,
  terminationReasonText,
} from './termination-reason';
import type { EscalationInput, InvoiceFact, OpenAskFact } from './types';

export interface DocumentedIncident {
  kind: IncidentKind | 'other';
  occurredAt: Date;
  summary: string;
}

/** An account the operator manages for the client (a social profile, an ad account, a domain). */
export interface ManagedAccount {
  name: string;
  service?: string | undefined;
}

export interface RecordedDeliverable {
  title: string;
  deliveredOn?: string | undefined;
  result?: string | undefined;
}

export interface TerminationInput extends EscalationInput {
  incidents: readonly DocumentedIncident[];
  managedAccounts: readonly ManagedAccount[];
  deliverables?: readonly RecordedDeliverable[] | undefined;
  /** Start of the period the closing report covers; defaults to the earliest ask or invoice on record. */
  periodStart?: Date | undefined;
}

export interface HandoverItem {
  account: string;
  service?: string | undefined;
  /** `grant_access`: the client gets owner access; `revoke_ours`: ours is removed once they confirm. */
  step: 'grant_access' | 'revoke_ours';
}

export interface TerminationPlan {
  handover: {
    status: 'ready' | 'held_back';
    /** Why it is held back. */
    reason?: string | undefined;
    overdueInvoices: InvoiceFact[];
    checklist: HandoverItem[];
  };
  closingReport: {
    periodFrom: Date;
    periodTo: Date;
    deliverables: RecordedDeliverable[];
    responsiveness: Responsiveness;
    payments: PaymentBehaviour;
    openItems: { asks: OpenAskFact[]; unpaidInvoices: InvoiceFact[] };
    incidentCounts: Partial<Record<IncidentKind | 'other', number>>;
  };
  /** `text`: a sentence of its own; `clause`: what completes "I cannot meet your needs because …" in the letter. */
  reason: { locale: ReasonLocale; failures: ReasonFailure[]; text: string; clause: string };
}

const reasonOrder: readonly IncidentKind[] = ['missed_feedback_deadline', 'late_payment', 'control_episode', 'abusive_message'];

export function terminationPlan(
  input: TerminationInput,
  settings: EscalationSettings = defaultEscalationSettings,
  options: { calendar?: BusinessCalendar } = {},
): TerminationPlan {
  const calendar = options.calendar ?? businessCalendar(input.client.calendar);
  const today = calendar.localDate(input.now);
  const timeZone = input.client.calendar.timezone;
  const standings = input.invoices
    .flatMap((invoice) => invoiceStanding(invoice, today, settings.paymentGraceDays, timeZone) ?? [])
    .sort(byDueDate);
  const overdue = standings.filter((s) => s.outstandingMinor > 0 && input.now >= s.reminderDueAt);
  const periodFrom = input.periodStart ?? earliestRecord(input, standings) ?? input.now;

  return {
    handover: {
      status: overdue.length > 0 ? 'held_back' : 'ready',
      reason:
        overdue.length > 0
          ? `held back until ${overdue.length === 1 ? 'the overdue invoice is' : `${overdue.length} overdue invoices are`} paid: ${overdue.map((s) => s.invoice.number).join(', ')}`
          : undefined,
      overdueInvoices: overdue.map(invoiceFact),
      checklist: handoverChecklist(input.managedAccounts),
    },
    closingReport: {
      periodFrom,
      periodTo: input.now,
      deliverables: [...(input.deliverables ?? [])].sort(
        (a, b) => (a.deliveredOn ?? '').localeCompare(b.deliveredOn ?? '') || a.title.localeCompare(b.title),
      ),
      responsiveness: responsiveness(
        input.asks.map((a) => ({
          askId: a.messageId,
          askedAt: a.askedAt,
          answeredAt: a.status === 'answered' ? a.answeredAt : undefined,
          pausedUntil: a.pausedUntil,
        })),
        {
          now: input.now,
          calendar,
          slaBusinessHours: (settings.slaBusinessDays * calendar.workingDayMillis) / BUSINESS_HOUR,
          windowDays: Math.max(1, Math.ceil((input.now.getTime() - periodFrom.getTime()) / DAY_MS)),
        },
      ),
      payments: paymentBehaviour(input.invoices, { today, graceDays: settings.paymentGraceDays }),
      openItems: {
        asks: input.asks
          .filter((a) => a.status === 'open')
          .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime() || a.messageId.localeCompare(b.messageId))
          .map((a) => ({ askId: a.messageId, threadId: a.threadId, askedAt: a.askedAt, sentence: a.sentence })),
        unpaidInvoices: standings.filter((s) => s.outstandingMinor > 0).map(invoiceFact),
      },
      incidentCounts: countIncidents(input.incidents),
    },
    reason: reasonFromIncidents(input, calendar),
  };
}

function handoverChecklist(accounts: readonly ManagedAccount[]): HandoverItem[] {
  const sorted = [...accounts].sort((a, b) => a.name.localeCompare(b.name) || (a.service ?? '').localeCompare(b.service ?? ''));
  // Every grant comes before any revocation: the client must never be left without access.
  return [
    ...sorted.map((a): HandoverItem => ({ account: a.name, service: a.service, step: 'grant_access' })),
    ...sorted.map((a): HandoverItem => ({ account: a.name, service: a.service, step: 'revoke_ours' })),
  ];
}

function earliestRecord(input: TerminationInput, standings: readonly InvoiceStanding[]): Date | undefined {
  const times = input.asks.map((a) => a.askedAt.getTime());
  for (const s of standings) {
    const issued = Date.parse(`${s.invoice.issuedOn}T00:00:00Z`);
    if (Number.isFinite(issued)) times.push(issued);
  }
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}

function countIncidents(incidents: readonly DocumentedIncident[]): Partial<Record<IncidentKind | 'other', number>> {
  const counts: Partial<Record<IncidentKind | 'other', number>> = {};
  for (const incident of incidents) counts[incident.kind] = (counts[incident.kind] ?? 0) + 1;
  return counts;
}

/** Most frequent failures first; `other` incidents have no clause the letter could state for the operator. */
function reasonFromIncidents(input: TerminationInput, calendar: BusinessCalendar): TerminationPlan['reason'] {
  const locale = reasonLocaleOf(input.client.locale);
  const failures: ReasonFailure[] = [];
  for (const kind of reasonOrder) {
    const ofKind = input.incidents.filter((i) => i.kind === kind && i.occurredAt <= input.now);
    if (ofKind.length === 0) continue;
    const last = new Date(Math.max(...ofKind.map((i) => i.occurredAt.getTime())));
    failures.push({ kind, count: ofKind.length, lastOn: calendar.localDate(last) });
  }
  failures.sort((a, b) => b.count - a.count || reasonOrder.indexOf(a.kind) - reasonOrder.indexOf(b.kind));
  return { locale, failures, text: terminationReasonText(failures, locale), clause: terminationReasonClause(failures, locale) };
}
