import { addDays } from '../../payment-terms';
import { BUSINESS_HOUR, type BusinessCalendar, businessCalendar } from '../business-time';
import { type ControlScore, controlScore } from '../control';
import { type InvoiceFacts, type PaymentBehaviour, paymentBehaviour } from '../payments';
import { type Responsiveness, responsiveness } from '../responsiveness';
import type { AskOutcome, ClientProfile, IncidentDraft, MessageFindings } from './types';
import { startOfLocalDay } from './zoned';

/**
 * How far back a rollup looks: the trend's last 30 days and the 90 before them, the control
 * score's 28 days and its baseline. An ask still unanswered after this long is no longer
 * "open" in any useful sense — it was escalated and documented long ago (PRODUCT §4.1 ends at
 * 4 × SLA) — and counting it would make every rollup cost the whole history.
 */
export const ANALYSIS_WINDOW_DAYS = 120;
const DAY_MS = 86_400_000;

export interface ClientSummaryInput {
  client: ClientProfile;
  /** The client's asks: at least those asked in the last ANALYSIS_WINDOW_DAYS (older ones are ignored). */
  asks: readonly AskOutcome[];
  /** Findings of the client's own inbound messages, auto-replies included (their return dates pause asks): at least the last 120 days. */
  inbound: readonly MessageFindings[];
  invoices: readonly InvoiceFacts[];
  now: Date;
  /** Days after the due date before a payment is late (PRODUCT §4.2: 1). */
  graceDays?: number;
  calendar?: BusinessCalendar;
}

export interface ClientSummary {
  computedAt: Date;
  responsiveness: Responsiveness;
  control: ControlScore;
  payments: PaymentBehaviour;
  /** Client-level incidents: feedback deadlines missed, invoices paid late or still overdue. */
  incidents: IncidentDraft[];
}

/**
 * A client's health at `now`, from its asks, its inbound messages' findings and its invoices:
 * answer latency in business time, the control score with its evidence, payment behaviour, and
 * the incidents these document. Pure: the same inputs and `now` give the same summary.
 */
export function summarizeClient(input: ClientSummaryInput): ClientSummary {
  const calendar = input.calendar ?? businessCalendar(input.client.calendar);
  const graceDays = input.graceDays ?? 1;
  const today = calendar.localDate(input.now);
  const since = input.now.getTime() - ANALYSIS_WINDOW_DAYS * DAY_MS;
  const recent = input.asks.filter((a) => a.askedAt.getTime() >= since);
  const asks = withClientAbsences(recent, input.inbound, input.client).sort(
    (a, b) => a.askedAt.getTime() - b.askedAt.getTime() || (a.messageId < b.messageId ? -1 : 1),
  );
  const payments = paymentBehaviour(input.invoices, { today, graceDays });
  return {
    computedAt: input.now,
    responsiveness: responsiveness(
      asks.map((a) => ({ askId: a.messageId, askedAt: a.askedAt, answeredAt: a.answeredAt, pausedUntil: a.pausedUntil })),
      { now: input.now, calendar, slaBusinessHours: input.client.slaBusinessHours },
    ),
    control: controlScore(
      input.inbound
        .filter((f) => f.direction === 'inbound' && f.fromClient && !f.autoReply)
        .map((f) => ({ messageId: f.messageId, threadId: f.threadId, sentAt: f.sentAt, afterHours: f.afterHours, signals: f.control })),
      { now: input.now },
    ),
    payments,
    incidents: [
      ...missedFeedbackDeadlines(asks, input.client, calendar, input.now),
      ...latePayments(payments, input.invoices, input.client, graceDays),
    ],
  };
}

/**
 * An out-of-office names the person, not the thread: mail clients put "Automatic reply: …" in a
 * thread of its own, so an absence the client announced anywhere pauses every ask that was
 * waiting on them then (asked before the auto-reply, not answered before it), until the day
 * they are back.
 */
function withClientAbsences(asks: readonly AskOutcome[], inbound: readonly MessageFindings[], client: ClientProfile): AskOutcome[] {
  const absences = inbound.flatMap((f) => {
    if (!f.autoReply || !f.fromClient || !f.returnsOn) return [];
    const back = startOfLocalDay(f.returnsOn, client.calendar.timezone);
    return back ? [{ at: f.sentAt.getTime(), back }] : [];
  });
  if (absences.length === 0) return [...asks];
  return asks.map((ask) => {
    let pausedUntil = ask.pausedUntil;
    for (const absence of absences) {
      if (absence.at < ask.askedAt.getTime()) continue;
      if (ask.answeredAt && ask.answeredAt.getTime() <= absence.at) continue;
      if (!pausedUntil || absence.back > pausedUntil) pausedUntil = absence.back;
    }
    return pausedUntil === ask.pausedUntil ? ask : { ...ask, pausedUntil };
  });
}

/** The instant an ask's answer was due: SLA business hours after it was asked, or after the client is back from an out-of-office. */
export function askDeadline(ask: Pick<AskOutcome, 'askedAt' | 'pausedUntil'>, client: ClientProfile, calendar: BusinessCalendar): Date {
  const deadline = calendar.addBusinessMillis(ask.askedAt, client.slaBusinessHours * BUSINESS_HOUR);
  if (ask.pausedUntil && ask.pausedUntil > deadline) return calendar.nextWorkingInstant(ask.pausedUntil);
  return deadline;
}

function missedFeedbackDeadlines(
  asks: readonly AskOutcome[],
  client: ClientProfile,
  calendar: BusinessCalendar,
  now: Date,
): IncidentDraft[] {
  const incidents: IncidentDraft[] = [];
  for (const ask of asks) {
    const deadline = askDeadline(ask, client, calendar);
    const late = ask.answeredAt ? ask.answeredAt > deadline : now > deadline;
    if (!late) continue;
    const what = ask.sentence ? `“${ask.sentence}”` : 'a request';
    incidents.push({
      kind: 'missed_feedback_deadline',
      dedupeKey: `missed_feedback_deadline:${ask.messageId}`,
      occurredAt: deadline,
      summary: ask.answeredAt
        ? `The client answered ${what} after the ${client.slaBusinessHours}-business-hour deadline`
        : `The client did not answer ${what} within ${client.slaBusinessHours} business hours`,
      evidence: {
        messageIds: ask.answeredByMessageId ? [ask.messageId, ask.answeredByMessageId] : [ask.messageId],
        quotes: ask.sentence ? [ask.sentence] : [],
        note: `asked ${ask.askedAt.toISOString()}, due ${deadline.toISOString()}${ask.answeredAt ? `, answered ${ask.answeredAt.toISOString()}` : ''}`,
      },
    });
  }
  return incidents;
}

function latePayments(
  behaviour: PaymentBehaviour,
  invoices: readonly InvoiceFacts[],
  client: ClientProfile,
  graceDays: number,
): IncidentDraft[] {
  const byId = new Map(invoices.map((i) => [i.invoiceId, i]));
  const incidents: IncidentDraft[] = [];
  for (const line of behaviour.invoices) {
    if (line.daysLate <= graceDays) continue;
    const invoice = byId.get(line.invoiceId);
    const lateFrom = startOfLocalDay(addDays(line.dueOn, graceDays + 1), client.calendar.timezone);
    if (!invoice || !lateFrom) continue;
    incidents.push({
      kind: 'late_payment',
      dedupeKey: `late_payment:${line.invoiceId}`,
      occurredAt: lateFrom,
      summary: line.paidOn
        ? `Invoice ${line.number} was paid ${line.daysLate} days after its due date (${line.dueOn})`
        : `Invoice ${line.number} is unpaid ${line.daysLate} days after its due date (${line.dueOn})`,
      evidence: { invoiceIds: [line.invoiceId], note: `due ${line.dueOn}, grace ${graceDays} day(s)` },
    });
  }
  return incidents;
}
