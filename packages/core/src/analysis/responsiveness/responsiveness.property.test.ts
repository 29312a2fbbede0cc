import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../business-time';
import { responsiveness } from './index';
import type { AskTiming } from './types';

const calendar = businessCalendar({
  timezone: 'Europe/Budapest',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '17:00',
  country: 'HU',
});
const NOW = Date.UTC(2026, 9, 28, 10, 0); // just after the October fall-back
const DAY = 86_400_000;

/** Asks from 200 days before now to a little after it, answered (possibly "after now"), open, or paused. */
const askArbitrary: fc.Arbitrary<AskTiming> = fc
  .record({
    askId: fc.string({ maxLength: 6 }),
    asked: fc.integer({ min: NOW - 200 * DAY, max: NOW + 2 * DAY }),
    answerAfter: fc.option(fc.integer({ min: -DAY, max: 30 * DAY }), { nil: undefined }),
    pauseAfter: fc.option(fc.integer({ min: 0, max: 20 * DAY }), { nil: undefined }),
  })
  .map(({ askId, asked, answerAfter, pauseAfter }) => {
    const ask: AskTiming = { askId, askedAt: new Date(asked) };
    if (answerAfter !== undefined) ask.answeredAt = new Date(asked + answerAfter);
    if (pauseAfter !== undefined) ask.pausedUntil = new Date(asked + pauseAfter);
    return ask;
  });

const settings = fc.record({ sla: fc.integer({ min: 0, max: 40 }), windowDays: fc.integer({ min: 1, max: 150 }) });
const runs = { numRuns: 120 };

describe('responsiveness properties', () => {
  it('does not depend on the order of the asks', () => {
    fc.assert(
      fc.property(
        fc
          .array(askArbitrary, { maxLength: 25 })
          .chain((asks) => fc.tuple(fc.constant(asks), fc.shuffledSubarray(asks, { minLength: asks.length }))),
        settings,
        ([asks, shuffled], { sla, windowDays }) => {
          const options = { now: new Date(NOW), calendar, slaBusinessHours: sla, windowDays };
          expect(responsiveness(shuffled, options)).toEqual(responsiveness(asks, options));
        },
      ),
      runs,
    );
  });

  it('adding an answered ask never changes what is open', () => {
    const answeredAsk = fc
      .tuple(fc.integer({ min: NOW - 200 * DAY, max: NOW }), fc.integer({ min: 0, max: 30 * DAY }))
      .map(
        ([asked, after]): AskTiming => ({ askId: 'added', askedAt: new Date(asked), answeredAt: new Date(Math.min(asked + after, NOW)) }),
      );
    fc.assert(
      fc.property(fc.array(askArbitrary, { maxLength: 25 }), answeredAsk, settings, (asks, extra, { sla, windowDays }) => {
        const options = { now: new Date(NOW), calendar, slaBusinessHours: sla, windowDays };
        const before = responsiveness(asks, options);
        const after = responsiveness([...asks, extra], options);
        expect(after.open).toBe(before.open);
        expect(after.openAsks).toEqual(before.openAsks);
        expect(after.answered).toBe(before.answered + (extra.askedAt.getTime() >= NOW - windowDays * DAY ? 1 : 0));
      }),
      runs,
    );
  });

  it('keeps shares, percentiles and blocked time within their bounds', () => {
    fc.assert(
      fc.property(fc.array(askArbitrary, { maxLength: 25 }), settings, (asks, { sla, windowDays }) => {
        const now = new Date(NOW);
        const result = responsiveness(asks, { now, calendar, slaBusinessHours: sla, windowDays });
        if (result.withinSlaShare !== undefined) {
          expect(result.withinSlaShare).toBeGreaterThanOrEqual(0);
          expect(result.withinSlaShare).toBeLessThanOrEqual(1);
        }
        expect(result.medianLatencyHours === undefined).toBe(result.answered === 0);
        if (result.medianLatencyHours !== undefined) expect(result.p90LatencyHours).toBeGreaterThanOrEqual(result.medianLatencyHours);
        const windowDaysOfWork = calendar.businessDaysBetween(new Date(NOW - windowDays * DAY), now);
        expect(result.blockedBusinessDays).toBeGreaterThanOrEqual(0);
        expect(result.blockedBusinessDays).toBeLessThanOrEqual(Math.round(windowDaysOfWork * 100) / 100);
        for (const open of result.openAsks) expect(open.overSla).toBe(open.ageBusinessHours > sla);
      }),
      runs,
    );
  });
});
