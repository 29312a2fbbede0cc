/**
 * The review state machine of an outgoing email (PRODUCT §3, §5):
 *
 *   pending_review → approved → sending → sent
 *   pending_review | approved        → rejected (operator) | cancelled (stale)
 *   sending                          → failed (permanent provider error)
 *   sending                          → approved (ambiguous failure, retry after the Sent check)
 *
 * Terminal states never change again, which is what makes "sent at most once"
 * checkable in the database: a row that reached `sent` cannot be re-queued.
 */
export const outgoingEmailStates = ['pending_review', 'approved', 'sending', 'sent', 'rejected', 'cancelled', 'failed'] as const;
export type OutgoingEmailState = (typeof outgoingEmailStates)[number];

export const terminalOutgoingEmailStates: ReadonlySet<OutgoingEmailState> = new Set(['sent', 'rejected', 'cancelled', 'failed']);

export type OutgoingEmailEvent =
  | { type: 'approve' }
  | { type: 'reject'; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'start_sending' }
  | { type: 'provider_accepted' }
  | { type: 'send_failed_permanently'; reason: string }
  | { type: 'send_failed_transiently' };

const transitions: Record<OutgoingEmailEvent['type'], Partial<Record<OutgoingEmailState, OutgoingEmailState>>> = {
  approve: { pending_review: 'approved' },
  reject: { pending_review: 'rejected', approved: 'rejected' },
  cancel: { pending_review: 'cancelled', approved: 'cancelled' },
  start_sending: { approved: 'sending' },
  provider_accepted: { sending: 'sent' },
  send_failed_permanently: { sending: 'failed' },
  // Back to approved, not pending_review: the operator already approved this exact text.
  send_failed_transiently: { sending: 'approved' },
};

export type TransitionResult =
  | { ok: true; from: OutgoingEmailState; to: OutgoingEmailState }
  | { ok: false; from: OutgoingEmailState; reason: string };

export function transitionOutgoingEmail(from: OutgoingEmailState, event: OutgoingEmailEvent): TransitionResult {
  const to = transitions[event.type][from];
  if (to === undefined) {
    return { ok: false, from, reason: `cannot ${event.type.replaceAll('_', ' ')} an email that is ${from}` };
  }
  return { ok: true, from, to };
}

/** Every (from, to) pair the machine allows; the database check constraint is derived from this. */
export function allowedOutgoingEmailTransitions(): Array<[OutgoingEmailState, OutgoingEmailState]> {
  const pairs: Array<[OutgoingEmailState, OutgoingEmailState]> = [];
  for (const byState of Object.values(transitions)) {
    for (const [from, to] of Object.entries(byState) as Array<[OutgoingEmailState, OutgoingEmailState]>) {
      pairs.push([from, to]);
    }
  }
  return pairs;
}
