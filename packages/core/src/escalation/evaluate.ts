/**
 * One evaluation of every ladder for one client at `now`: pure and deterministic, so the worker
 * can run it after each analysis update, invoice or payment change and at the scheduled time,
 * as often as it likes. Run twice on the same record, it proposes nothing new the second time:
 * a step with an email is taken, and an email withdrawn in this pass is replaced in this pass.
 *
 * The order inside one evaluation matters:
 *   1. the payment ladder's status change (a sent work-paused notice pauses, a cleared
 *      balance resumes), because the status decides what else may be drafted;
 *   2. stale drafts are withdrawn, under that status;
 *   3. the ladders draft and alert, seeing the withdrawn drafts as cancelled.
 */
import { type BusinessCalendar, businessCalendar } from '../analysis';
import type { LadderContext, LadderOutcome } from './context';
import { controllingLadder, staleControllingDrafts } from './controlling';
import { LadderEmails } from './ladder-emails';
import { invoiceStandings, latePaymentLadder, paymentStatusDecision, staleLatePaymentDrafts } from './late-payment';
import type { EscalationSettings } from './settings';
import type { AlertAction, CancelDraftAction, EscalationAction, EscalationInput } from './types';
import { staleUnresponsiveDrafts, unresponsiveLadder } from './unresponsive';

export interface EvaluateOptions {
  /** The client's calendar view, when the caller already holds one (it caches holiday years). */
  calendar?: BusinessCalendar;
}

const allLadderKinds = ['nudge', 'firm_notice', 'payment_reminder', 'work_paused', 'work_resumed', 'expectations_reset'] as const;

export function evaluateEscalations(
  input: EscalationInput,
  settings: EscalationSettings,
  options: EvaluateOptions = {},
): EscalationAction[] {
  const calendar = options.calendar ?? businessCalendar(input.client.calendar);
  const base: LadderContext = {
    input,
    now: input.now,
    settings,
    calendar,
    today: calendar.localDate(input.now),
    emails: new LadderEmails(input.runs),
    status: input.client.status,
  };

  // Monitoring stops for a former client: withdraw what is left, decide nothing else.
  if (input.client.status === 'former') {
    return sortActions(
      base.emails
        .withdrawable(allLadderKinds)
        .map((email) => ({ type: 'cancel_draft', outgoingEmailId: email.id, stepKey: email.stepKey, reason: 'no longer a client' })),
    );
  }

  const standings = invoiceStandings(base);
  const decision = paymentStatusDecision(base, standings);
  const withStatus: LadderContext = { ...base, status: decision.change?.status ?? input.client.status };
  const cancels: CancelDraftAction[] = [
    ...staleUnresponsiveDrafts(withStatus),
    ...staleLatePaymentDrafts(withStatus, standings),
    ...staleControllingDrafts(withStatus),
  ];
  const context: LadderContext = { ...withStatus, emails: new LadderEmails(input.runs, new Set(cancels.map((c) => c.outgoingEmailId))) };
  const outcomes: LadderOutcome[] = [
    unresponsiveLadder(context),
    latePaymentLadder(context, standings, decision),
    controllingLadder(context),
  ];

  const actions: EscalationAction[] = [...cancels];
  if (decision.change) actions.push(decision.change);
  for (const outcome of outcomes) actions.push(...outcome.actions);
  actions.push(...uniqueAlerts(outcomes.flatMap((o) => o.alerts)));
  const recheck = earliestAfter(
    outcomes.flatMap((o) => o.wakeups),
    input.now,
  );
  if (recheck) actions.push({ type: 'recheck_at', at: recheck });
  return sortActions(actions);
}

function uniqueAlerts(alerts: readonly AlertAction[]): AlertAction[] {
  const byKey = new Map<string, AlertAction>();
  for (const alert of alerts) if (!byKey.has(alert.dedupeKey)) byKey.set(alert.dedupeKey, alert);
  return [...byKey.values()];
}

function earliestAfter(times: readonly Date[], now: Date): Date | undefined {
  let earliest: Date | undefined;
  for (const time of times) {
    if (Number.isNaN(time.getTime()) || time <= now) continue;
    if (!earliest || time < earliest) earliest = time;
  }
  return earliest;
}

const typeOrder: Record<EscalationAction['type'], number> = { set_client_status: 0, cancel_draft: 1, draft: 2, alert: 3, recheck_at: 4 };

function sortKey(action: EscalationAction): string {
  switch (action.type) {
    case 'set_client_status':
      return action.status;
    case 'cancel_draft':
      return action.outgoingEmailId;
    case 'draft':
      return action.stepKey;
    case 'alert':
      return action.dedupeKey;
    case 'recheck_at':
      return action.at.toISOString();
  }
}

/** A fixed order, so the result never depends on the order of the input's lists. */
function sortActions(actions: EscalationAction[]): EscalationAction[] {
  return actions.sort((a, b) => {
    const byType = typeOrder[a.type] - typeOrder[b.type];
    if (byType !== 0) return byType;
    const x = sortKey(a);
    const y = sortKey(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
