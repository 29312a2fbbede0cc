import { describe, expect, it } from 'vitest';
import { BUSINESS_HOUR, businessCalendar } from '../business-time';
import { responsiveness } from './index';
import type { AskTiming } from './types';

/** UTC, Mon–Fri 09:00–17:00: the arithmetic in the comments can be checked by hand. */
const calendar = businessCalendar({ timezone: 'UTC', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00' });
const at = (iso: string) => new Date(`${iso}Z`);
const now = at('2026-05-20T12:00:00'); // a Wednesday
const options = { now, calendar, slaBusinessHours: 16 };

const asks: AskTiming[] = [
  { askId: 'a1', askedAt: at('2026-05-11T09:00:00'), answeredAt: at('2026-05-11T11:00:00') }, // 2 h
  { askId: 'a2', askedAt: at('2026-05-11T15:00:00'), answeredAt: at('2026-05-12T11:00:00') }, // 2 h + 2 h
  { askId: 'a3', askedAt: at('2026-05-08T17:00:00'), answeredAt: at('2026-05-11T10:00:00') }, // Friday 17:00 → Monday 10:00: 1 h
  { askId: 'a4', askedAt: at('2026-05-12T09:00:00'), answeredAt: at('2026-05-15T09:00:00') }, // Tue, Wed, Thu: 24 h, past the SLA
  { askId: 'a5', askedAt: at('2026-05-18T09:00:00') }, // open: Mon 8 + Tue 8 + Wed 3 = 19 h
  { askId: 'a6', askedAt: at('2026-05-20T10:00:00') }, // open: 2 h
  { askId: 'a7', askedAt: at('2026-05-19T09:00:00'), answeredAt: at('2026-05-21T09:00:00') }, // answer dated after now: open, 11 h
  { askId: 'a8', askedAt: at('2026-05-21T09:00:00') }, // asked after now: ignored
];

describe('responsiveness', () => {
  const result = responsiveness(asks, options);

  it('counts answered and open asks, an answer from the future being still open', () => {
    expect(result.answered).toBe(4);
    expect(result.open).toBe(3);
    expect(result.openAsks).toEqual([
      { askId: 'a5', askedAt: at('2026-05-18T09:00:00'), ageBusinessHours: 19, overSla: true },
      { askId: 'a7', askedAt: at('2026-05-19T09:00:00'), ageBusinessHours: 11, overSla: false },
      { askId: 'a6', askedAt: at('2026-05-20T10:00:00'), ageBusinessHours: 2, overSla: false },
    ]);
  });

  it('measures latency in business hours with nearest-rank median and p90', () => {
    // Latencies 1, 2, 4, 24: median at rank 2, p90 at rank ⌈3.6⌉ = 4.
    expect(result.medianLatencyHours).toBe(2);
    expect(result.p90LatencyHours).toBe(24);
  });

  it('shares within SLA: open asks past the SLA are misses, open asks within it do not count', () => {
    // a1, a2, a3 within; a4 late; a5 open past the SLA; a6, a7 open within it.
    expect(result.withinSlaShare).toBe(3 / 5);
  });

  it('blocked time is the union of the past-SLA stretches in business days', () => {
    // a4: deadline Wed 13 May 17:00, answered Fri 09:00 → Thursday, 8 h.
    // a5: deadline Tue 19 May 17:00, open until now → Wed 09:00–12:00, 3 h. (8 + 3) / 8 = 1.375.
    expect(result.blockedBusinessDays).toBe(1.38);
  });

  it('an out-of-office pause shortens blocked time but not latency', () => {
    const paused = asks.map((ask) => (ask.askId === 'a5' ? { ...ask, pausedUntil: at('2026-05-20T11:00:00') } : ask));
    const withPause = responsiveness(paused, options);
    // a5 now blocks only Wed 11:00–12:00: (8 + 1) / 8 = 1.125.
    expect(withPause.blockedBusinessDays).toBe(1.13);
    expect(withPause.openAsks[0]).toEqual({ askId: 'a5', askedAt: at('2026-05-18T09:00:00'), ageBusinessHours: 19, overSla: true });
  });

  it('overlapping blocked stretches count once', () => {
    const twice = responsiveness(
      [
        { askId: 'x', askedAt: at('2026-05-18T09:00:00') },
        { askId: 'y', askedAt: at('2026-05-18T09:00:00') },
      ],
      options,
    );
    expect(twice.blockedBusinessDays).toBe(0.38); // Wed 09:00–12:00 once: 3/8
  });

  it('covers the last windowDays of asks; old open asks stay open', () => {
    const old: AskTiming[] = [
      { askId: 'old-answered', askedAt: at('2026-01-05T09:00:00'), answeredAt: at('2026-01-05T10:00:00') },
      { askId: 'old-open', askedAt: at('2026-01-05T09:00:00') },
    ];
    const defaultWindow = responsiveness(old, options);
    expect(defaultWindow.answered).toBe(0);
    expect(defaultWindow.medianLatencyHours).toBeUndefined();
    expect(defaultWindow.withinSlaShare).toBeUndefined();
    expect(defaultWindow.open).toBe(1);
    expect(defaultWindow.openAsks[0]?.overSla).toBe(true);
    // Blocked for the whole 90-day window, Thu 19 Feb 12:00 → Wed 20 May 12:00: Thursday 5 h, Fri 20 Feb,
    // twelve full weeks, Mon 18 and Tue 19 May (63 days), Wednesday 3 h → 64 business days.
    expect(defaultWindow.blockedBusinessDays).toBe(64);
    const longWindow = responsiveness(old, { ...options, windowDays: 200 });
    expect(longWindow.answered).toBe(1);
    expect(longWindow.medianLatencyHours).toBe(1);
    expect(longWindow.withinSlaShare).toBe(1 / 2);
  });

  it('reports the trend against the client’s own previous 90 days', () => {
    const timed = (id: string, askedIso: string, hours: number): AskTiming => {
      const askedAt = at(askedIso);
      return { askId: id, askedAt, answeredAt: calendar.addBusinessMillis(askedAt, hours * BUSINESS_HOUR) };
    };
    const baseline = [timed('b1', '2026-02-02T09:00:00', 8), timed('b2', '2026-03-02T09:00:00', 6), timed('b3', '2026-04-06T09:00:00', 10)];
    const recentWith = (hours: number[]) => hours.map((h, i) => timed(`r${i}`, `2026-05-0${4 + i}T09:00:00`, h));

    expect(responsiveness([...baseline, ...recentWith([4, 4, 5])], options).trend).toEqual({
      direction: 'improving',
      recentMedianHours: 4,
      baselineMedianHours: 8,
    });
    expect(responsiveness([...baseline, ...recentWith([10, 10, 10])], options).trend.direction).toBe('stable'); // +25 % exactly
    expect(responsiveness([...baseline, ...recentWith([6, 6, 6])], options).trend.direction).toBe('stable'); // −25 % exactly
    expect(responsiveness([...baseline, ...recentWith([11, 11, 12])], options).trend.direction).toBe('worsening');
    expect(responsiveness([...baseline, ...recentWith([4, 4])], options).trend).toEqual({
      direction: 'insufficient_data',
      recentMedianHours: 4,
      baselineMedianHours: 8,
    });
    expect(responsiveness([], options).trend).toEqual({ direction: 'insufficient_data' });
  });

  it('never throws on bad input', () => {
    const invalid = new Date(Number.NaN);
    expect(responsiveness(asks, { ...options, now: invalid })).toEqual({
      answered: 0,
      open: 0,
      openAsks: [],
      blockedBusinessDays: 0,
      trend: { direction: 'insufficient_data' },
    });
    const odd = responsiveness(
      [
        { askId: 'no-date', askedAt: invalid },
        { askId: 'bad-answer', askedAt: at('2026-05-20T09:00:00'), answeredAt: invalid, pausedUntil: invalid },
        { askId: 'answered-before-asked', askedAt: at('2026-05-20T11:00:00'), answeredAt: at('2026-05-20T10:00:00') },
      ],
      { ...options, slaBusinessHours: Number.NaN, windowDays: -3 },
    );
    expect(odd.answered).toBe(1);
    expect(odd.medianLatencyHours).toBe(0);
    expect(odd.openAsks).toEqual([{ askId: 'bad-answer', askedAt: at('2026-05-20T09:00:00'), ageBusinessHours: 3, overSla: true }]);
    expect(odd.withinSlaShare).toBe(1 / 2);
  });
});
