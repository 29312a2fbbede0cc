import { evaluateEscalations } from '@firmly/core';
import { type Database, loadEscalationState } from '@firmly/db';
import type { SendPrecondition } from './send-email';

/**
 * PRODUCT §5.2, just before sending: a ladder's email is sent only if the ladders, evaluated
 * now on the current record, still stand behind it — otherwise the evaluation's own reason
 * (the client answered, the invoice was paid, a dispute, a promise) cancels it. Emails the
 * operator wrote fall back to `fallback` (the client still being monitored).
 */
export function ladderPrecondition(db: Database, now: () => Date, fallback: SendPrecondition): SendPrecondition {
  return async (email) => {
    if (!email.stepKey) return fallback(email);
    const basic = await fallback(email);
    if (!basic.ok) return basic;
    const verdict = await db.transaction(async (tx) => {
      const state = await loadEscalationState(tx, email.workspaceId, email.clientId, now());
      if (!state) return { ok: false as const, reason: 'the client no longer exists' };
      if (!state.settings.ok) return { ok: true as const };
      const stale = evaluateEscalations(state.input, state.settings.settings).find(
        (action) => action.type === 'cancel_draft' && action.outgoingEmailId === email.id,
      );
      return stale && stale.type === 'cancel_draft' ? { ok: false as const, reason: stale.reason } : { ok: true as const };
    });
    return verdict;
  };
}
