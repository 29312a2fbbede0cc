import { businessCalendar, type Clock, evaluateEscalations } from '@firmly/core';
import { type Database, loadEscalationState, raiseAlert } from '@firmly/db';
import { enqueue, type QueueBackend, scheduleSend } from '@firmly/queue';
import type { Logger } from 'pino';
import { type AppliedActions, applyEscalationActions } from '../escalation/apply';

export type EscalateOutcome =
  | ({ status: 'evaluated' } & Omit<AppliedActions, 'recheckAt'> & { recheckAt?: string })
  | { status: 'skipped'; reason: string };

/**
 * `client.escalate`: the ladders of PRODUCT §4 for one client. Reads the client's state under
 * its row lock, evaluates (pure, @firmly/core), applies the actions in the same transaction,
 * then schedules the next evaluation at the earliest time anything could change — a delayed
 * job whose id is the client and that instant, so scheduling it again is a no-op, and the
 * catch-up, which evaluates every monitored client, re-creates it if the queue lost it.
 */
export function escalateClientJob(deps: { db: Database; queues: QueueBackend; clock: Clock; log: Logger }) {
  return async (data: { workspaceId: string; clientId: string }): Promise<EscalateOutcome> => {
    const { workspaceId, clientId } = data;
    const now = deps.clock.now();
    const result = await deps.db.transaction(async (tx): Promise<AppliedActions | { notRun: string }> => {
      const state = await loadEscalationState(tx, workspaceId, clientId, now);
      if (!state) return { notRun: 'client not found' };
      if (!state.settings.ok) {
        const problems = state.settings.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
        await raiseAlert(tx, {
          workspaceId,
          kind: 'playbook_settings_invalid',
          dedupeKey: `playbook_settings_invalid:${clientId}:${problems}`,
          message: `The playbook settings for this client are invalid, so no escalation runs: ${problems}`,
          subjectType: 'client',
          subjectId: clientId,
          data: { problems: state.settings.problems },
        });
        return { notRun: `invalid playbook settings: ${problems}` };
      }
      const actions = evaluateEscalations(state.input, state.settings.settings);
      return applyEscalationActions(tx, workspaceId, clientId, actions, {
        now,
        timeZone: state.input.client.calendar.timezone,
        calendar: businessCalendar(state.input.client.calendar),
      });
    });
    if ('notRun' in result) return { status: 'skipped', reason: result.notRun };
    const { recheckAt, ...rest } = result;
    for (const approved of result.autoApproved) await scheduleSend(deps.queues, workspaceId, approved.id, approved.sendAfter);
    if (recheckAt) {
      await enqueue(
        deps.queues,
        'escalate',
        'client.escalate',
        { workspaceId, clientId },
        { jobId: `escalate-${clientId}-at-${recheckAt.getTime()}`, delayMs: Math.max(0, recheckAt.getTime() - Date.now()) },
      );
    }
    if (rest.drafted.length + rest.cancelled.length > 0 || rest.statusChanged)
      deps.log.info(
        { clientId, drafted: rest.drafted.length, cancelled: rest.cancelled.length, status: rest.statusChanged },
        'client escalated',
      );
    return { status: 'evaluated', ...rest, ...(recheckAt ? { recheckAt: recheckAt.toISOString() } : {}) };
  };
}
