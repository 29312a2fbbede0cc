/**
 * The order of an account's handover (PRODUCT §2.4): the client's ownership first, the
 * operator's own access removed last, so the client is never left without a way in.
 */
export const accountHandoverSteps = ['not_started', 'ownership_transferred', 'operator_access_removed', 'not_needed'] as const;
export type AccountHandoverStep = (typeof accountHandoverSteps)[number];

export const accountOwnerKinds = ['client', 'operator', 'unknown'] as const;
export type AccountOwnerKind = (typeof accountOwnerKinds)[number];

export type HandoverChange = { ok: true } | { ok: false; reason: string };

/**
 * Whether an account may move to `next`. `owner` is who owns the account once the change is
 * made (an update may say the client owns it in the same breath); `handover` is where it is now.
 * `not_needed` and every step back are always allowed: they record a decision or a correction.
 */
export function checkHandoverChange(
  state: { owner: AccountOwnerKind; handover: AccountHandoverStep },
  next: AccountHandoverStep,
): HandoverChange {
  if (next !== 'operator_access_removed') return { ok: true };
  if (state.handover === 'ownership_transferred' || state.handover === 'operator_access_removed' || state.owner === 'client') {
    return { ok: true };
  }
  return {
    ok: false,
    reason:
      'transfer ownership first: the operator\'s own access is removed only after the client owns the account (handover "ownership_transferred", or owner "client")',
  };
}
