import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedOutgoingEmailTransitions,
  type OutgoingEmailEvent,
  outgoingEmailStates,
  terminalOutgoingEmailStates,
  transitionOutgoingEmail,
} from './outgoing-email-state';

const events: OutgoingEmailEvent[] = [
  { type: 'approve' },
  { type: 'reject', reason: 'tone' },
  { type: 'cancel', reason: 'client answered' },
  { type: 'start_sending' },
  { type: 'provider_accepted' },
  { type: 'send_failed_permanently', reason: '400' },
  { type: 'send_failed_transiently' },
];

describe('outgoing email review state machine', () => {
  it('sends only after approval: the happy path is review → approved → sending → sent', () => {
    let state = transitionOutgoingEmail('pending_review', { type: 'approve' });
    expect(state).toEqual({ ok: true, from: 'pending_review', to: 'approved' });
    state = transitionOutgoingEmail('approved', { type: 'start_sending' });
    expect(state.ok && state.to).toBe('sending');
    state = transitionOutgoingEmail('sending', { type: 'provider_accepted' });
    expect(state.ok && state.to).toBe('sent');
  });

  it('refuses to start sending a draft nobody approved', () => {
    const result = transitionOutgoingEmail('pending_review', { type: 'start_sending' });
    expect(result).toEqual({ ok: false, from: 'pending_review', reason: 'cannot start sending an email that is pending_review' });
  });

  it('a stale draft can be cancelled before sending but not once it is being sent', () => {
    expect(transitionOutgoingEmail('approved', { type: 'cancel', reason: 'paid' }).ok).toBe(true);
    expect(transitionOutgoingEmail('sending', { type: 'cancel', reason: 'paid' }).ok).toBe(false);
  });

  it('property: no sequence of events ever leaves a terminal state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...outgoingEmailStates), fc.array(fc.constantFrom(...events), { maxLength: 30 }), (start, seq) => {
        let state = start;
        let reachedTerminal = terminalOutgoingEmailStates.has(state);
        for (const event of seq) {
          const result = transitionOutgoingEmail(state, event);
          if (reachedTerminal) expect(result.ok).toBe(false);
          if (result.ok) state = result.to;
          reachedTerminal ||= terminalOutgoingEmailStates.has(state);
        }
      }),
    );
  });

  it('property: `sent` is reachable only through `sending`, and only by provider acceptance', () => {
    fc.assert(
      fc.property(fc.constantFrom(...outgoingEmailStates), fc.constantFrom(...events), (from, event) => {
        const result = transitionOutgoingEmail(from, event);
        if (result.ok && result.to === 'sent') {
          expect(from).toBe('sending');
          expect(event.type).toBe('provider_accepted');
        }
      }),
    );
  });

  it('lists exactly the pairs the transition function accepts', () => {
    const accepted = new Set<string>();
    for (const from of outgoingEmailStates) {
      for (const event of events) {
        const result = transitionOutgoingEmail(from, event);
        if (result.ok) accepted.add(`${result.from}->${result.to}`);
      }
    }
    expect(new Set(allowedOutgoingEmailTransitions().map(([a, b]) => `${a}->${b}`))).toEqual(accepted);
  });
});
