/**
 * Which ladders may act for a client in a given status. A client whose work is paused for
 * non-payment is not chased for feedback (the work is stopped on our side), a client being
 * offboarded gets no more process emails, and a former client gets nothing at all.
 */
import type { ClientStatus } from '../client-status';

/** Why work-related drafts (nudges, firm notices, how-we-work-together, work paused) are stale in this status; undefined when they may go out. */
export function workDraftBlockedBy(status: ClientStatus): string | undefined {
  switch (status) {
    case 'active':
      return undefined;
    case 'paused':
      return 'work is paused until payment arrives';
    case 'offboarding':
      return 'the relationship is being ended';
    case 'former':
      return 'no longer a client';
  }
}

/** Payment reminders still go out while work is paused or the relationship is ending: the money is still owed. */
export function paymentDraftBlockedBy(status: ClientStatus): string | undefined {
  return status === 'former' ? 'no longer a client' : undefined;
}

/** Alerts recommend ending, which only makes sense while the relationship is still running. */
export function alertsAllowed(status: ClientStatus): boolean {
  return status === 'active' || status === 'paused';
}
