/**
 * The late-payment ladder (PRODUCT §2.3, §4.2), per unpaid invoice:
 *
 *   due date + grace passed              → face-saving payment reminder
 *   N business days after it was *sent*  → work-paused notice
 *   work-paused notice sent              → client status `paused`
 *   the overdue balance is cleared       → status `active` and "payment received, work resumes"
 *
 * A dispute, a promise to pay (until the day after the promised date) and the operator's
 * pause of reminders (per client or per invoice) stop the ladder and withdraw its drafts.
 * Separately, lateness drifting upwards over the last cycles alerts the operator while
 * nothing is overdue yet.
 */
import { slope } from '../analysis/payments';
import { draft, type LadderContext, type LadderOutcome } from './context';
import { byDueDate, daysLate, type InvoiceStanding, invoiceFact, invoiceStanding, startOfDayAfter } from './invoice-standing';
import type { IndexedEmail } from './ladder-emails';
import { alertsAllowed, paymentDraftBlockedBy, workDraftBlockedBy } from './status-gates';
import { alertKeys, stepKeys } from './step-keys';
import type { AlertAction, CancelDraftAction, DraftAction, SetClientStatusAction } from './types';

export function invoiceStandings(context: LadderContext): InvoiceStanding[] {
  const { settings, today, input } = context;
  return input.invoices
    .flatMap((invoice) => invoiceStanding(invoice, today, settings.paymentGraceDays, input.client.calendar.timezone) ?? [])
    .sort(byDueDate);
}

function isOverdue(context: LadderContext, standing: InvoiceStanding): boolean {
  return standing.outstandingMinor > 0 && context.now >= standing.reminderDueAt;
}

/** Why the ladder must not chase this invoice now; undefined when it may. */
function chaseBlockedBy(context: LadderContext, standing: InvoiceStanding): string | undefined {
  const { invoice } = standing;
  if (context.input.client.remindersPaused) return 'payment reminders are paused for this client';
  if (invoice.remindersPaused) return 'payment reminders are paused for this invoice';
  if (invoice.disputed) return 'the client disputes this invoice';
  if (invoice.promisedPayOn !== undefined && context.today <= invoice.promisedPayOn)
    return `the client promised to pay by ${invoice.promisedPayOn}`;
  return undefined;
}

export function staleLatePaymentDrafts(context: LadderContext, standings: readonly InvoiceStanding[]): CancelDraftAction[] {
  const byId = new Map(standings.map((s) => [s.invoice.invoiceId, s]));
  const cancels: CancelDraftAction[] = [];
  for (const email of context.emails.withdrawable(['payment_reminder', 'work_paused'])) {
    const standing = byId.get(email.subjectKey);
    const statusBlock =
      email.kind === 'work_paused'
        ? // A work-paused notice while already paused is merely redundant, not wrong.
          context.status === 'paused'
          ? undefined
          : workDraftBlockedBy(context.status)
        : paymentDraftBlockedBy(context.status);
    const reason =
      statusBlock ??
      (!standing
        ? 'the invoice is no longer on record'
        : standing.outstandingMinor === 0
          ? 'the invoice is paid'
          : chaseBlockedBy(context, standing));
    if (reason) cancels.push({ type: 'cancel_draft', outgoingEmailId: email.id, stepKey: email.stepKey, reason });
  }
  return cancels;
}

function sentWorkPausedNotices(context: LadderContext): IndexedEmail[] {
  return context.emails
    .ofKind('work_paused')
    .filter((e) => e.state === 'sent' && e.sentAt)
    .sort((a, b) => (a.sentAt?.getTime() ?? 0) - (b.sentAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1));
}

export interface StatusDecision {
  change?: SetClientStatusAction;
  /** Set when the change resumes work: the "payment received, work resumes" email to draft. */
  resumed?: { stepInvoiceId: string; paidInvoices: InvoiceStanding[] };
}

/**
 * Status follows the notices actually sent: `paused` once a work-paused notice went out for an
 * invoice still unpaid (and after the last status change, which may have been the operator's);
 * `active` again once every paused invoice is paid and nothing else is overdue.
 */
export function paymentStatusDecision(context: LadderContext, standings: readonly InvoiceStanding[]): StatusDecision {
  const byId = new Map(standings.map((s) => [s.invoice.invoiceId, s]));
  const notices = sentWorkPausedNotices(context);
  const status = context.input.client.status;
  const changedAt = context.input.client.statusChangedAt;

  if (status === 'active') {
    const pausing = notices.find((n) => (!changedAt || (n.sentAt ?? 0) > changedAt) && (byId.get(n.subjectKey)?.outstandingMinor ?? 0) > 0);
    if (!pausing) return {};
    const number = byId.get(pausing.subjectKey)?.invoice.number ?? pausing.subjectKey;
    return { change: { type: 'set_client_status', status: 'paused', reason: `the work-paused notice for invoice ${number} was sent` } };
  }
  if (status !== 'paused' || notices.length === 0) return {};

  // The current pause began with the notices sent since work last resumed.
  const lastResumed = context.emails
    .ofKind('work_resumed')
    .filter((e) => e.state === 'sent' && e.sentAt)
    .reduce<Date | undefined>((latest, e) => (!latest || (e.sentAt && e.sentAt > latest) ? e.sentAt : latest), undefined);
  const current = notices.filter((n) => !lastResumed || (n.sentAt ?? 0) > lastResumed);
  const stillOwed = notices.some((n) => (byId.get(n.subjectKey)?.outstandingMinor ?? 0) > 0);
  const otherOverdue = standings.some((s) => isOverdue(context, s) && !s.invoice.disputed);
  const latest = current[current.length - 1];
  if (stillOwed || otherOverdue || !latest) return {};
  const paidInvoices = current.flatMap((n) => byId.get(n.subjectKey) ?? []);
  return {
    change: { type: 'set_client_status', status: 'active', reason: 'payment cleared the overdue balance' },
    resumed: { stepInvoiceId: latest.subjectKey, paidInvoices: [...new Set(paidInvoices)].sort(byDueDate) },
  };
}

export function latePaymentLadder(context: LadderContext, standings: readonly InvoiceStanding[], decision: StatusDecision): LadderOutcome {
  const { now, emails, settings, calendar } = context;
  const outcome: LadderOutcome = { actions: [], alerts: [], wakeups: [] };
  const timeZone = context.input.client.calendar.timezone;

  for (const standing of standings) {
    if (standing.outstandingMinor === 0) continue;
    const { invoice } = standing;
    if (chaseBlockedBy(context, standing)) {
      const promiseEnds = invoice.promisedPayOn ? startOfDayAfter(invoice.promisedPayOn, 1, timeZone) : undefined;
      if (promiseEnds && promiseEnds > now) outcome.wakeups.push(promiseEnds);
      continue;
    }
    const reminderKey = stepKeys.paymentReminder(invoice.invoiceId);
    if (!emails.isTaken(reminderKey)) {
      if (standing.reminderDueAt > now) outcome.wakeups.push(standing.reminderDueAt);
      else if (!paymentDraftBlockedBy(context.status)) outcome.actions.push(reminder(context, standing));
      continue;
    }
    const reminderSent = emails.sent(reminderKey);
    const pausedKey = stepKeys.workPaused(invoice.invoiceId);
    if (!reminderSent?.sentAt || emails.isTaken(pausedKey)) continue;
    const pauseDue = calendar.addBusinessMillis(reminderSent.sentAt, settings.workPausedAfterBusinessDays * calendar.workingDayMillis);
    if (pauseDue > now) outcome.wakeups.push(pauseDue);
    else if (context.status === 'active') outcome.actions.push(workPaused(context, standing, reminderSent));
  }

  if (decision.resumed && !emails.isTaken(stepKeys.workResumed(decision.resumed.stepInvoiceId))) {
    outcome.actions.push(workResumed(context, decision.resumed));
  }
  const drift = driftAlert(context, standings);
  if (drift) outcome.alerts.push(drift);
  return outcome;
}

function reminder(context: LadderContext, standing: InvoiceStanding): DraftAction {
  const { invoice } = standing;
  return draft(
    context,
    {
      cause: 'late_payment',
      subjectKey: invoice.invoiceId,
      stepKey: stepKeys.paymentReminder(invoice.invoiceId),
      threadId: invoice.threadId,
    },
    { kind: 'payment_reminder', data: { invoice: invoiceFact(standing) } },
  );
}

function workPaused(context: LadderContext, standing: InvoiceStanding, reminderEmail: IndexedEmail): DraftAction {
  const { invoice } = standing;
  return draft(
    context,
    {
      cause: 'late_payment',
      subjectKey: invoice.invoiceId,
      stepKey: stepKeys.workPaused(invoice.invoiceId),
      // The notice follows the reminder, in the thread it went out in.
      threadId: reminderEmail.threadId ?? invoice.threadId,
    },
    { kind: 'work_paused', data: { invoice: invoiceFact(standing), reminderSentAt: reminderEmail.sentAt ?? context.now } },
  );
}

function workResumed(context: LadderContext, resumed: NonNullable<StatusDecision['resumed']>): DraftAction {
  const notice = context.emails.sent(stepKeys.workPaused(resumed.stepInvoiceId));
  const invoice = resumed.paidInvoices.find((s) => s.invoice.invoiceId === resumed.stepInvoiceId)?.invoice;
  return draft(
    context,
    {
      cause: 'late_payment',
      subjectKey: resumed.stepInvoiceId,
      stepKey: stepKeys.workResumed(resumed.stepInvoiceId),
      threadId: notice?.threadId ?? invoice?.threadId,
    },
    { kind: 'work_resumed', data: { paidInvoices: resumed.paidInvoices.map(invoiceFact) } },
  );
}

/**
 * Early warning (§4.2): the last cycles were each paid later than the one before, by more than
 * the allowed days per cycle on average, and nothing is overdue yet (once it is, the ladder
 * speaks for itself). Named by the last paid invoice, so each further drifting cycle is news.
 */
function driftAlert(context: LadderContext, standings: readonly InvoiceStanding[]): AlertAction | undefined {
  const { settings } = context;
  if (!alertsAllowed(context.status) || standings.some((s) => isOverdue(context, s))) return undefined;
  const cycles = standings.flatMap((s) => {
    const late = daysLate(s);
    return late === undefined ? [] : [{ standing: s, late }];
  });
  const recent = cycles.slice(-settings.driftCycles);
  const last = recent[recent.length - 1];
  if (!last || recent.length < settings.driftCycles) return undefined;
  const lateness = recent.map((c) => c.late);
  const increasing = lateness.every((days, i) => i === 0 || days > (lateness[i - 1] ?? days));
  const perCycle = slope(lateness);
  if (!increasing || perCycle <= settings.driftDaysPerCycle) return undefined;
  return {
    type: 'alert',
    kind: 'payment_drift',
    cause: 'late_payment',
    dedupeKey: alertKeys.paymentDrift(last.standing.invoice.invoiceId),
    message: `The client paid the last ${recent.length} invoices ${lateness.join(', ')} days late: ${perCycle} more days each cycle. Nothing is overdue yet; consider a word about the payment terms before the next due date.`,
  };
}
