import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar, rememberedNextWorkingInstant, type WorkingCalendar } from './index';

const calendars: WorkingCalendar[] = [
  { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
  { timezone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], startsAt: '08:30', endsAt: '17:30', country: 'US-NY' },
  { timezone: 'Australia/Lord_Howe', workingDays: [1, 2, 3, 4, 5, 6, 7], startsAt: '01:00', endsAt: '05:00' },
  { timezone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6], startsAt: '22:00', endsAt: '24:00', daysOff: ['2026-12-31'] },
];
const FROM = Date.UTC(2026, 0, 1);
const UNTIL = Date.UTC(2028, 0, 1);
const MINUTE = 60_000;

describe('rememberedNextWorkingInstant', () => {
  it('answers what the calendar answers, for any walk of the clock (forward in steps, sometimes back)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars),
        fc.integer({ min: FROM, max: UNTIL }),
        // Mostly small steps forward (many requests within one closed stretch), some long ones, some back.
        fc.array(fc.oneof(fc.integer({ min: 0, max: 30 * MINUTE }), fc.integer({ min: -3 * 86_400_000, max: 4 * 86_400_000 })), {
          minLength: 1,
          maxLength: 60,
        }),
        (working, start, steps) => {
          const calendar = businessCalendar(working);
          const remembered = rememberedNextWorkingInstant(calendar);
          let at = start;
          for (const step of steps) {
            at += step;
            expect(remembered(new Date(at)).getTime()).toBe(calendar.nextWorkingInstant(new Date(at)).getTime());
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks the calendar once for a whole closed stretch, and again inside working hours', () => {
    const calendar = businessCalendar(calendars[0] as WorkingCalendar);
    let asked = 0;
    const remembered = rememberedNextWorkingInstant({
      nextWorkingInstant: (at) => {
        asked += 1;
        return calendar.nextWorkingInstant(at);
      },
    });
    // Saturday night in Budapest: closed until Monday 09:00 (08:00 UTC).
    const saturday = Date.parse('2026-11-28T21:00:00Z');
    for (let minute = 0; minute < 600; minute += 1) {
      expect(remembered(new Date(saturday + minute * MINUTE)).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    }
    expect(asked).toBe(1);
    // Monday 10:00 local: working time, the answer is the instant itself, so each call asks.
    const monday = Date.parse('2026-11-30T09:00:00Z');
    remembered(new Date(monday));
    remembered(new Date(monday + MINUTE));
    expect(asked).toBe(3);
  });
});
