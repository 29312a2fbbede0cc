import { describe, expect, it } from 'vitest';
import { baseInput, budapest, drafts, london, openAsk, Scenario } from './testing/fixtures';
import type { EscalationAction, EscalationInput } from './types';

/**
 * Asked Thursday 17 April 2025, 10:00 local. Good Friday and Easter Monday are holidays in both
 * countries; 1 May is one in Hungary only, so the 4 × SLA deadline differs by a day.
 */
const cases = [
  {
    name: 'Europe/Budapest (HU holidays)',
    calendar: budapest,
    locale: 'hu',
    askedAt: '2025-04-17T08:00:00.000Z',
    nudgeDue: '2025-04-23T08:00:00.000Z',
    // The nudge goes out an hour late (Wed 11:00), so the firm notice waits a full SLA after it: Fri 11:00.
    firmDue: '2025-04-25T09:00:00.000Z',
    endingDue: '2025-05-02T08:00:00.000Z',
  },
  {
    name: 'Europe/London (GB holidays)',
    calendar: london,
    locale: 'en',
    askedAt: '2025-04-17T09:00:00.000Z',
    nudgeDue: '2025-04-23T09:00:00.000Z',
    firmDue: '2025-04-25T10:00:00.000Z',
    endingDue: '2025-05-01T09:00:00.000Z',
  },
];

function plusMs(iso: string, ms: number): string {
  return new Date(new Date(iso).getTime() + ms).toISOString();
}

function recheck(actions: readonly EscalationAction[]): string | undefined {
  const found = actions.find((a) => a.type === 'recheck_at');
  return found?.type === 'recheck_at' ? found.at.toISOString() : undefined;
}

function answer(id: string, at: string) {
  return (input: EscalationInput): EscalationInput => ({
    ...input,
    asks: input.asks.map((a) => (a.messageId === id ? { ...a, status: 'answered', answeredAt: new Date(at) } : a)),
  });
}

describe.each(cases)('unresponsive ladder in $name', (c) => {
  function scenario(): Scenario {
    const input = baseInput(c.calendar, c.askedAt, c.locale);
    return new Scenario({ ...input, asks: [openAsk('A', c.askedAt)] });
  }

  it('goes nudge → firm notice → recommend ending, each at its business-time deadline', () => {
    const s = scenario().at(plusMs(c.askedAt, 3_600_000));
    expect(s.step()).toEqual([{ type: 'recheck_at', at: new Date(c.nudgeDue) }]);

    expect(drafts(s.at(plusMs(c.nudgeDue, -1)).step())).toEqual([]);
    const atNudge = s.at(c.nudgeDue).step();
    expect(drafts(atNudge).map((d) => [d.kind, d.stepKey, d.threadId, d.attempt, d.locale, d.autoSend])).toEqual([
      ['nudge', 'unresponsive:A:nudge', 'thread-A', 1, c.locale, false],
    ]);
    // Without a sent nudge there is no firm notice to wait for; only the 4 × SLA alert is ahead.
    expect(recheck(atNudge)).toBe(c.endingDue);
    expect(drafts(s.step())).toEqual([]);

    s.at(plusMs(c.nudgeDue, 3_600_000)).send();
    expect(s.step()).toEqual([{ type: 'recheck_at', at: new Date(c.firmDue) }]);
    expect(drafts(s.at(plusMs(c.firmDue, -1)).step())).toEqual([]);

    const firm = drafts(s.at(c.firmDue).step());
    expect(firm).toHaveLength(1);
    expect(firm[0]).toMatchObject({
      kind: 'firm_notice',
      stepKey: 'unresponsive:A:firm_notice',
      threadId: 'thread-A',
      data: { askIds: ['A'] },
    });

    const atEnding = s.at(c.endingDue).step();
    expect(atEnding).toEqual([
      expect.objectContaining({
        type: 'alert',
        kind: 'recommend_ending',
        cause: 'unresponsive',
        dedupeKey: 'unresponsive:A:recommend_ending',
      }),
    ]);

    // Recovery: the client answers; the unsent firm notice is withdrawn, nothing else follows.
    const answered = s
      .at(plusMs(c.endingDue, 60_000))
      .update(answer('A', plusMs(c.endingDue, 1)))
      .step();
    expect(answered).toEqual([
      expect.objectContaining({ type: 'cancel_draft', stepKey: 'unresponsive:A:firm_notice', reason: 'the client answered' }),
    ]);
    expect(s.step()).toEqual([]);
  });

  it('withdraws a pending nudge when the client answers before it is sent', () => {
    const s = scenario().at(c.nudgeDue);
    expect(drafts(s.step())).toHaveLength(1);
    const actions = s
      .at(plusMs(c.nudgeDue, 600_000))
      .update(answer('A', plusMs(c.nudgeDue, 300_000)))
      .step();
    expect(actions).toEqual([
      expect.objectContaining({ type: 'cancel_draft', stepKey: 'unresponsive:A:nudge', reason: 'the client answered' }),
    ]);
  });

  it('lists every open ask in the firm notice, and drafts it only for the asks that reached that step', () => {
    const s = scenario().at(c.nudgeDue);
    s.update((i) => ({ ...i, asks: [...i.asks, openAsk('B', plusMs(c.nudgeDue, -3_600_000))] }));
    s.step();
    s.at(plusMs(c.nudgeDue, 3_600_000)).send();
    const firm = drafts(s.at(c.firmDue).step()).find((d) => d.kind === 'firm_notice');
    expect(firm?.kind === 'firm_notice' && firm.data.askIds).toEqual(['A']);
    expect(firm?.kind === 'firm_notice' && firm.data.openAsks.map((a) => a.askId)).toEqual(['A', 'B']);
  });
});

describe('unresponsive ladder details', () => {
  const askedAt = '2025-04-17T08:00:00.000Z';

  it('waits for the client to be back from an out-of-office before nudging', () => {
    const input = baseInput(budapest, '2025-04-23T08:00:00.000Z');
    // Back on Monday 28 April (local midnight): the nudge falls due at 09:00 that day.
    const away = { ...openAsk('A', askedAt), pausedUntil: new Date('2025-04-27T22:00:00.000Z') };
    const actions = new Scenario({ ...input, asks: [away] }).step();
    expect(drafts(actions)).toEqual([]);
    expect(actions.find((a) => a.type === 'recheck_at')).toEqual({ type: 'recheck_at', at: new Date('2025-04-28T07:00:00.000Z') });
  });

  it('does not chase feedback while work is paused for non-payment', () => {
    const input = baseInput(budapest, '2025-04-23T08:00:00.000Z');
    const actions = new Scenario({ ...input, client: { ...input.client, status: 'paused' }, asks: [openAsk('A', askedAt)] }).step();
    expect(drafts(actions)).toEqual([]);
  });

  it('recommends ending after three escalated asks within 30 days, named by the latest', () => {
    const input = baseInput(london, '2025-06-20T12:00:00.000Z');
    const asks = [
      { ...openAsk('A', '2025-06-02T09:00:00.000Z'), status: 'answered' as const, answeredAt: new Date('2025-06-06T09:00:00.000Z') },
      { ...openAsk('B', '2025-06-09T09:00:00.000Z'), status: 'answered' as const, answeredAt: new Date('2025-06-13T09:00:00.000Z') },
      { ...openAsk('C', '2025-06-16T09:00:00.000Z'), status: 'answered' as const, answeredAt: new Date('2025-06-19T12:00:00.000Z') },
      // Answered within the SLA: not escalated.
      { ...openAsk('D', '2025-06-17T09:00:00.000Z'), status: 'answered' as const, answeredAt: new Date('2025-06-17T15:00:00.000Z') },
    ];
    const alerts = new Scenario({ ...input, asks }).step().filter((a) => a.type === 'alert');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'recommend_ending', dedupeKey: 'unresponsive:repeated:C:recommend_ending' })]);
    expect(alerts[0]?.type === 'alert' && alerts[0].message).toContain('3 asks went unanswered');

    const twoOnly = new Scenario({ ...input, asks: asks.filter((a) => a.messageId !== 'B') }).step();
    expect(twoOnly.filter((a) => a.type === 'alert')).toEqual([]);
  });

  it('treats a rejected nudge as the operator declining the step: no second nudge, no firm notice', () => {
    const s = new Scenario({ ...baseInput(budapest, '2025-04-23T08:00:00.000Z'), asks: [openAsk('A', askedAt)] });
    s.step();
    s.update((i) => ({ ...i, runs: i.runs.map((r) => ({ ...r, emails: r.emails.map((e) => ({ ...e, state: 'rejected' as const })) })) }));
    expect(drafts(s.at('2025-04-29T08:00:00.000Z').step())).toEqual([]);
  });
});
