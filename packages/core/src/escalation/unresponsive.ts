/**
 * The unresponsive-client ladder (PRODUCT §4.1), per open ask:
 *
 *   open > 1 SLA                     → nudge in the ask's thread
 *   open > 2 SLA, nudge sent ≥ 1 SLA ago → firm notice listing every open ask
 *   open > 4 SLA, or 3 asks escalated in 30 days → alert: recommend ending (no email)
 *
 * Every deadline is business time in the client's calendar. An out-of-office return date
 * moves the ladder: step k is due k SLAs after the ask, and at least (k − 1) SLAs after the
 * client is back (the first step at their return, as the analysis' deadline has it).
 * The firm notice also waits one SLA after the nudge actually went out, so a nudge approved
 * late still gives the client the time to answer it before the firmer tone.
 */
import { DAY_MS, draft, type LadderContext, type LadderOutcome, laterOf } from './context';
import { alertsAllowed, workDraftBlockedBy } from './status-gates';
import { alertKeys, stepKeys } from './step-keys';
import type { AlertAction, CancelDraftAction, DraftAction, EscalationAsk, OpenAskFact } from './types';

function slaMillis(context: LadderContext): number {
  return context.settings.slaBusinessDays * context.calendar.workingDayMillis;
}

/** When step `slas` (1 = nudge) of an ask falls due. */
export function askStepDueAt(context: LadderContext, ask: EscalationAsk, slas: number): Date {
  const sla = slaMillis(context);
  const fromAsked = context.calendar.addBusinessMillis(ask.askedAt, slas * sla);
  if (!ask.pausedUntil) return fromAsked;
  return laterOf(fromAsked, context.calendar.addBusinessMillis(ask.pausedUntil, (slas - 1) * sla));
}

function isOpen(ask: EscalationAsk): boolean {
  return ask.status === 'open';
}

function byAskedAt(a: EscalationAsk, b: EscalationAsk): number {
  return a.askedAt.getTime() - b.askedAt.getTime() || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0);
}

function factOf(ask: EscalationAsk): OpenAskFact {
  return { askId: ask.messageId, threadId: ask.threadId, askedAt: ask.askedAt, sentence: ask.sentence };
}

function quote(ask: EscalationAsk): string {
  if (!ask.sentence) return `the request of ${ask.askedAt.toISOString()}`;
  const text = ask.sentence.length > 120 ? `${ask.sentence.slice(0, 119)}…` : ask.sentence;
  return `“${text}”`;
}

/** The asks a firm notice speaks for: those it was drafted for, and at least its subject. */
function coveredBy(email: { subjectKey: string; coversAskIds?: readonly string[] | undefined }): string[] {
  return [email.subjectKey, ...(email.coversAskIds ?? [])];
}

export function staleUnresponsiveDrafts(context: LadderContext): CancelDraftAction[] {
  const asks = new Map(context.input.asks.map((ask) => [ask.messageId, ask]));
  const blocked = workDraftBlockedBy(context.status);
  const cancels: CancelDraftAction[] = [];
  for (const email of context.emails.withdrawable(['nudge', 'firm_notice'])) {
    const askIds = email.kind === 'firm_notice' ? coveredBy(email) : [email.subjectKey];
    let reason = blocked;
    for (const id of askIds) {
      if (reason) break;
      const ask = asks.get(id);
      if (!ask) reason = 'the message is no longer marked as an ask';
      else if (!isOpen(ask)) reason = 'the client answered';
      else if (ask.pausedUntil && ask.pausedUntil > context.now) reason = `the client is away until ${ask.pausedUntil.toISOString()}`;
    }
    if (reason) cancels.push({ type: 'cancel_draft', outgoingEmailId: email.id, stepKey: email.stepKey, reason });
  }
  return cancels;
}

export function unresponsiveLadder(context: LadderContext): LadderOutcome {
  const { now, settings, emails } = context;
  const outcome: LadderOutcome = { actions: [], alerts: [], wakeups: [] };
  const draftsAllowed = workDraftBlockedBy(context.status) === undefined;
  const openAsks = context.input.asks.filter(isOpen).sort(byAskedAt);
  const covered = new Set(
    emails
      .ofKind('firm_notice')
      .filter((e) => e.state !== 'cancelled')
      .flatMap(coveredBy),
  );
  const dueForFirmNotice: EscalationAsk[] = [];

  for (const ask of openAsks) {
    const nudgeDue = askStepDueAt(context, ask, 1);
    const nudgeKey = stepKeys.nudge(ask.messageId);
    if (!emails.isTaken(nudgeKey)) {
      if (nudgeDue > now) outcome.wakeups.push(nudgeDue);
      else if (draftsAllowed) outcome.actions.push(nudge(context, ask, nudgeDue));
    } else {
      const nudgeSent = emails.sent(nudgeKey)?.sentAt;
      // Never firmer before the gentle step went out: without a sent nudge there is no firm notice.
      if (nudgeSent && !covered.has(ask.messageId)) {
        const firmDue = laterOf(
          askStepDueAt(context, ask, settings.firmNoticeAfterSlas),
          context.calendar.addBusinessMillis(nudgeSent, slaMillis(context)),
        );
        if (firmDue > now) outcome.wakeups.push(firmDue);
        else dueForFirmNotice.push(ask);
      }
    }
    const endingDue = askStepDueAt(context, ask, settings.endingAfterSlas);
    if (endingDue > now) outcome.wakeups.push(endingDue);
    else if (alertsAllowed(context.status)) outcome.alerts.push(askOpenTooLong(context, ask));
  }

  if (draftsAllowed && dueForFirmNotice.length > 0) outcome.actions.push(firmNotice(context, dueForFirmNotice, openAsks));
  const repeated = repeatedEscalations(context);
  if (repeated && alertsAllowed(context.status)) outcome.alerts.push(repeated);
  return outcome;
}

function nudge(context: LadderContext, ask: EscalationAsk, dueAt: Date): DraftAction {
  const openBusinessDays = Math.round(context.calendar.businessDaysBetween(ask.askedAt, context.now) * 10) / 10;
  return draft(
    context,
    { cause: 'unresponsive', subjectKey: ask.messageId, stepKey: stepKeys.nudge(ask.messageId), threadId: ask.threadId },
    { kind: 'nudge', data: { ask: factOf(ask), dueAt, openBusinessDays } },
  );
}

/** One firm notice for every ask that has reached that step, in the thread of the oldest. */
function firmNotice(context: LadderContext, due: readonly EscalationAsk[], openAsks: readonly EscalationAsk[]): DraftAction {
  const [first] = due as [EscalationAsk, ...EscalationAsk[]];
  return draft(
    context,
    { cause: 'unresponsive', subjectKey: first.messageId, stepKey: stepKeys.firmNotice(first.messageId), threadId: first.threadId },
    { kind: 'firm_notice', data: { askIds: due.map((a) => a.messageId), openAsks: openAsks.map(factOf) } },
  );
}

function askOpenTooLong(context: LadderContext, ask: EscalationAsk): AlertAction {
  const days = context.settings.endingAfterSlas * context.settings.slaBusinessDays;
  return {
    type: 'alert',
    kind: 'recommend_ending',
    cause: 'unresponsive',
    dedupeKey: alertKeys.askOpenTooLong(ask.messageId),
    message: `The client has left ${quote(ask)} unanswered for more than ${days} business days. Consider ending the relationship (PRODUCT §4.4); firmly sends nothing on its own.`,
  };
}

/**
 * An ask is escalated when its first deadline passed before it was answered. Enough of them
 * inside the window recommends ending; the alert is named by the most recent one.
 */
function repeatedEscalations(context: LadderContext): AlertAction | undefined {
  const { now, settings } = context;
  const windowStart = now.getTime() - settings.endingWindowDays * DAY_MS;
  const escalated = context.input.asks
    .map((ask) => ({ ask, deadline: askStepDueAt(context, ask, 1) }))
    .filter(
      ({ ask, deadline }) => deadline <= now && deadline.getTime() > windowStart && (isOpen(ask) || (ask.answeredAt ?? now) > deadline),
    )
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || byAskedAt(a.ask, b.ask));
  const latest = escalated[escalated.length - 1];
  if (!latest || escalated.length < settings.endingEscalatedAsks) return undefined;
  return {
    type: 'alert',
    kind: 'recommend_ending',
    cause: 'unresponsive',
    dedupeKey: alertKeys.repeatedEscalations(latest.ask.messageId),
    message: `${escalated.length} asks went unanswered past the ${settings.slaBusinessDays}-business-day deadline in the last ${settings.endingWindowDays} days. Consider ending the relationship (PRODUCT §4.4); firmly sends nothing on its own.`,
  };
}
