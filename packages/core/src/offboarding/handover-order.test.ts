import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountHandoverStep,
  type AccountOwnerKind,
  accountHandoverSteps,
  accountOwnerKinds,
  checkHandoverChange,
} from './handover-order';

const owner = fc.constantFrom<AccountOwnerKind>(...accountOwnerKinds);
const step = fc.constantFrom<AccountHandoverStep>(...accountHandoverSteps);

describe('handover order', () => {
  it("refuses to record the operator's access removed before the client owns the account", () => {
    const refused = checkHandoverChange({ owner: 'operator', handover: 'not_started' }, 'operator_access_removed');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/transfer ownership first/);
    expect(checkHandoverChange({ owner: 'unknown', handover: 'not_needed' }, 'operator_access_removed').ok).toBe(false);
  });

  it('allows it once ownership is transferred, or when the client owns the account anyway', () => {
    expect(checkHandoverChange({ owner: 'operator', handover: 'ownership_transferred' }, 'operator_access_removed').ok).toBe(true);
    expect(checkHandoverChange({ owner: 'client', handover: 'not_started' }, 'operator_access_removed').ok).toBe(true);
  });

  it('allows not_needed, and every step but the last, from anywhere', () => {
    fc.assert(
      fc.property(owner, step, step, (who, from, to) => {
        if (to !== 'operator_access_removed') expect(checkHandoverChange({ owner: who, handover: from }, to).ok).toBe(true);
      }),
    );
  });

  it('whatever the operator tries, an account reaches operator_access_removed only straight after ownership_transferred or while the client owns it', () => {
    fc.assert(
      fc.property(owner, fc.array(fc.tuple(owner, step), { maxLength: 20 }), (initialOwner, attempts) => {
        let state: { owner: AccountOwnerKind; handover: AccountHandoverStep } = { owner: initialOwner, handover: 'not_started' };
        for (const [nextOwner, nextStep] of attempts) {
          const next = { owner: nextOwner, handover: nextStep };
          if (!checkHandoverChange({ owner: nextOwner, handover: state.handover }, nextStep).ok) continue;
          if (nextStep === 'operator_access_removed' && state.handover !== 'operator_access_removed') {
            expect(state.handover === 'ownership_transferred' || nextOwner === 'client').toBe(true);
          }
          state = next;
        }
      }),
    );
  });
});
