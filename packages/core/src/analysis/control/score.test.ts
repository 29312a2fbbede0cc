import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlScore } from './score';
import { CONTROL_SCORE_POLICY } from './score-policy';
import type { ControlScore, ControlSignal, ControlSignalKind, InboundForControl } from './types';

const NOW = new Date('2025-03-29T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

function signal(kind: ControlSignalKind, sentence = `${kind} sentence`): ControlSignal {
  return { kind, sentence, rule: `en.test.${kind.replace('_', '-')}` };
}
function msg(
  id: string,
  ageDays: number,
  signals: ControlSignal[] = [],
  options: { thread?: string; afterHours?: boolean } = {},
): InboundForControl {
  return { messageId: id, threadId: options.thread ?? 't1', sentAt: daysAgo(ageDays), afterHours: options.afterHours ?? false, signals };
}
const points = (s: ControlScore) => Object.fromEntries(s.components.map((c) => [c.name, c.points]));

describe('controlScore', () => {
  it('caps add up to 100', () => {
    const p = CONTROL_SCORE_POLICY;
    expect(p.approvalDemands.cap + p.revisions.cap + p.tinyChanges.cap + p.distrust.cap + p.volume.cap + p.afterHours.cap).toBe(100);
  });

  it('is 0 for a client with no signals, steady volume and no after-hours mail', () => {
    // One message a week for four months: the window's rate equals the baseline's.
    const steady = Array.from({ length: 17 }, (_, i) => msg(`m${i}`, i * 7 + 1));
    const result = controlScore(steady, { now: NOW });
    expect(result.score).toBe(0);
    expect(result.components.map((c) => c.points)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.evidence).toEqual([]);
    expect(result.messagesInWindow).toBe(4);
    expect(result.volumeRatio).toBe(0.99);
    expect(result.afterHoursShare).toBe(0);
    expect(controlScore([], { now: NOW })).toMatchObject({
      score: 0,
      messagesInWindow: 0,
      afterHoursShare: 0,
      revisionsByThread: {},
      evidence: [],
    });
    expect(controlScore([], { now: NOW }).volumeRatio).toBeUndefined();
  });

  it('weighs each component as documented', () => {
    const messages = [
      msg('a1', 1, [signal('approval_demand')]),
      msg('a2', 2, [signal('approval_demand')]),
      msg('a3', 3, [signal('approval_demand')]),
      // Deliverable A: five revision messages, three beyond the normal two. B: two, which is normal.
      ...[4, 5, 6, 7, 8].map((d) => msg(`rA${d}`, d, [signal('revision_request')], { thread: 'A' })),
      ...[9, 10].map((d) => msg(`rB${d}`, d, [signal('revision_request')], { thread: 'B' })),
      msg('tiny1', 11, [signal('tiny_change')], { thread: 'B' }),
      msg('tiny2', 12, [signal('tiny_change')], { thread: 'C' }),
      msg('d1', 13, [signal('distrust')]),
      msg('u1', 14, [signal('urgency_pressure')]),
    ];
    const result = controlScore(messages, { now: NOW });
    expect(points(result)).toEqual({ approval_demands: 35, revisions: 16, tiny_changes: 6, distrust: 5, volume: 0, after_hours: 0 });
    expect(result.score).toBe(62);
    // B has two revisions and a tiny change: three rounds, one beyond normal; A has three beyond.
    expect(result.revisionsByThread).toEqual({ A: 5, B: 3, C: 1 });
    expect(result.components.find((c) => c.name === 'revisions')?.measure).toBe(4);
    expect(result.components.find((c) => c.name === 'approval_demands')?.measure).toBe(3);
    expect(result.messagesInWindow).toBe(14);
  });

  it('scores one revision per deliverable as normal and ten as control', () => {
    const one = controlScore([msg('r', 1, [signal('revision_request')])], { now: NOW });
    expect(one.score).toBe(0);
    expect(one.evidence).toEqual([]);
    const ten = controlScore(
      Array.from({ length: 10 }, (_, i) => msg(`r${i}`, i + 1, [signal('revision_request')], { thread: 'logo' })),
      { now: NOW },
    );
    expect(points(ten).revisions).toBe(20);
    expect(ten.revisionsByThread).toEqual({ logo: 10 });
  });

  it('scores volume against the client’s own baseline', () => {
    // Baseline: 26 messages in 90 days (2.02 a week). Window: 20 in 28 days (5 a week).
    const baseline = Array.from({ length: 26 }, (_, i) => msg(`b${i}`, 29 + i * 3));
    const window = Array.from({ length: 20 }, (_, i) => msg(`w${i}`, 1 + i));
    const result = controlScore([...baseline, ...window], { now: NOW });
    expect(result.volumeRatio).toBe(2.47);
    expect(points(result).volume).toBe(2);
    expect(result.evidence).toEqual([{ messageId: 'w0', kind: 'volume' }]);
    // A busy client whose baseline was just as busy is not scored.
    const busyAlways = Array.from({ length: 64 }, (_, i) => msg(`x${i}`, 1 + i * 1.85));
    expect(points(controlScore(busyAlways, { now: NOW })).volume).toBe(0);
    // Without any baseline there is no ratio and no points.
    const fresh = controlScore(window, { now: NOW });
    expect(fresh.volumeRatio).toBeUndefined();
    expect(points(fresh).volume).toBe(0);
  });

  it('scores the after-hours share above a fifth, from three messages on', () => {
    const make = (after: number, total: number) =>
      Array.from({ length: total }, (_, i) => msg(`m${i}`, i + 1, [], { afterHours: i < after }));
    expect(points(controlScore(make(2, 2), { now: NOW })).after_hours).toBe(0);
    expect(points(controlScore(make(6, 10), { now: NOW })).after_hours).toBe(10);
    const half = controlScore(make(5, 10), { now: NOW });
    expect(half.afterHoursShare).toBe(0.5);
    expect(points(half).after_hours).toBe(8);
    expect(half.evidence.map((e) => [e.messageId, e.kind])).toEqual([
      ['m0', 'after_hours'],
      ['m1', 'after_hours'],
      ['m2', 'after_hours'],
      ['m3', 'after_hours'],
      ['m4', 'after_hours'],
    ]);
  });

  it('scores only the window: older and future messages do not count', () => {
    const result = controlScore(
      [
        msg('old', 40, [signal('approval_demand')]),
        msg('future', -1, [signal('approval_demand')]),
        msg('edge', 28, [signal('approval_demand')]),
      ],
      { now: NOW },
    );
    expect(result.score).toBe(0);
    expect(result.messagesInWindow).toBe(0);
    expect(controlScore([msg('old', 40, [signal('approval_demand')])], { now: NOW, windowDays: 60 }).score).toBe(12);
  });

  it('lists evidence most recent first with quotes and rules, at most 20, and leaves urgency out', () => {
    const messages = Array.from({ length: 25 }, (_, i) =>
      msg(`m${String(i).padStart(2, '0')}`, i + 1, [signal('approval_demand', `demand ${i}`), signal('urgency_pressure')]),
    );
    const result = controlScore(messages, { now: NOW });
    expect(result.evidence).toHaveLength(20);
    expect(result.evidence[0]).toEqual({ messageId: 'm00', kind: 'approval_demand', quote: 'demand 0', rule: 'en.test.approval-demand' });
    expect(result.evidence.map((e) => e.messageId)).toEqual(messages.slice(0, 20).map((m) => m.messageId));
    expect(result.evidence.some((e) => e.kind === 'urgency_pressure')).toBe(false);
  });

  it('merges the same message seen twice, whatever the order', () => {
    const a = msg('same', 2, [signal('approval_demand')], { thread: 'z' });
    const b = { ...msg('same', 3, [signal('distrust')], { thread: 'a' }), afterHours: true };
    const ab = controlScore([a, b], { now: NOW });
    expect(ab).toEqual(controlScore([b, a], { now: NOW }));
    expect(ab.messagesInWindow).toBe(1);
    expect(points(ab)).toMatchObject({ approval_demands: 12, distrust: 5 });
  });

  it('never throws on bad input and ignores what it cannot read', () => {
    const broken = [
      { messageId: 'x', threadId: 't', sentAt: new Date(Number.NaN), afterHours: true, signals: [signal('approval_demand')] },
      { messageId: 'y', threadId: 't', sentAt: daysAgo(1), afterHours: false, signals: [null, { kind: 'nonsense' }, signal('distrust')] },
    ] as unknown as InboundForControl[];
    const result = controlScore(broken, { now: NOW, windowDays: -5, baselineDays: Number.NaN });
    expect(result.score).toBe(5);
    expect(result.messagesInWindow).toBe(1);
    expect(controlScore(broken, { now: new Date('nope') }).score).toBe(0);
    expect(controlScore(null as unknown as InboundForControl[], { now: NOW }).score).toBe(0);
  });
});

describe('controlScore properties', () => {
  const kindArb = fc.constantFrom<ControlSignalKind>('approval_demand', 'revision_request', 'tiny_change', 'distrust', 'urgency_pressure');
  const signalArb = fc.record({ kind: kindArb, sentence: fc.string({ maxLength: 12 }), rule: fc.constantFrom('r1', 'r2') });
  const messageArb = fc.record({
    messageId: fc.string({ minLength: 1, maxLength: 4 }),
    threadId: fc.constantFrom('t1', 't2', 't3', '__proto__'),
    sentAt: fc.integer({ min: -5, max: 140 }).map((d) => new Date(NOW.getTime() - d * DAY - 1000)),
    afterHours: fc.boolean(),
    signals: fc.array(signalArb, { maxLength: 3 }),
  });
  const setArb = fc.array(messageArb, { maxLength: 40 });

  it('does not depend on the order of the messages', () => {
    const withPermutation = setArb.chain((messages) =>
      fc.tuple(fc.constant(messages), fc.shuffledSubarray(messages, { minLength: messages.length, maxLength: messages.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([messages, shuffled]) => {
        expect(controlScore(shuffled, { now: NOW })).toEqual(controlScore(messages, { now: NOW }));
      }),
    );
  });

  it('stays within 0..100, equals the sum of its components and respects every cap', () => {
    const caps: Record<string, number> = {
      approval_demands: CONTROL_SCORE_POLICY.approvalDemands.cap,
      revisions: CONTROL_SCORE_POLICY.revisions.cap,
      tiny_changes: CONTROL_SCORE_POLICY.tinyChanges.cap,
      distrust: CONTROL_SCORE_POLICY.distrust.cap,
      volume: CONTROL_SCORE_POLICY.volume.cap,
      after_hours: CONTROL_SCORE_POLICY.afterHours.cap,
    };
    fc.assert(
      fc.property(setArb, (messages) => {
        const result = controlScore(messages, { now: NOW });
        expect(result.score).toBe(result.components.reduce((s, c) => s + c.points, 0));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        for (const c of result.components) {
          expect(Number.isInteger(c.points)).toBe(true);
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(caps[c.name] ?? -1);
        }
        expect(result.evidence.length).toBeLessThanOrEqual(20);
      }),
    );
  });

  it('never goes down when a signal is added to a message', () => {
    fc.assert(
      fc.property(
        setArb.filter((m) => m.length > 0),
        fc.nat(),
        signalArb,
        (messages, index, extra) => {
          const target = index % messages.length;
          const more = messages.map((m, i) => (i === target ? { ...m, signals: [...m.signals, extra] } : m));
          expect(controlScore(more, { now: NOW }).score).toBeGreaterThanOrEqual(controlScore(messages, { now: NOW }).score);
        },
      ),
    );
  });

  it('never goes down when another after-hours message with signals arrives in the window', () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 0, max: 27 }), fc.array(signalArb, { maxLength: 3 }), (messages, age, signals) => {
        const more = [
          ...messages,
          { messageId: 'fresh-id-not-generated', threadId: 't1', sentAt: daysAgo(age), afterHours: true, signals },
        ];
        expect(controlScore(more, { now: NOW }).score).toBeGreaterThanOrEqual(controlScore(messages, { now: NOW }).score);
      }),
    );
  });
});
