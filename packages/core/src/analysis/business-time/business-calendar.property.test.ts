import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar, type WorkingCalendar } from './index';
import { zoneOffsets } from './zone-offsets';

/**
 * Properties of business time under zones with ordinary, 30-minute, 2-hour and midnight DST
 * changes, a zone with a non-hour offset, and a data set with multi-day holidays. The oracle
 * below decides "is this instant working time?" without any of the module's code: it reads the
 * wall clock through Intl and the holidays straight from date-holidays.
 */
const everyDay = [1, 2, 3, 4, 5, 6, 7];
const calendars: WorkingCalendar[] = [
  { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
  { timezone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], startsAt: '08:30', endsAt: '17:30', country: 'US-NY' },
  { timezone: 'Australia/Lord_Howe', workingDays: everyDay, startsAt: '01:00', endsAt: '05:00', country: 'AU-NSW' },
  { timezone: 'America/Havana', workingDays: everyDay, startsAt: '00:00', endsAt: '02:00', country: 'CU' },
  { timezone: 'Antarctica/Troll', workingDays: everyDay, startsAt: '00:30', endsAt: '03:30', daysOff: ['2026-03-29', '2027-10-31'] },
  {
    timezone: 'Asia/Kathmandu',
    workingDays: [7, 1, 2, 3, 4, 5],
    startsAt: '10:00',
    endsAt: '17:00',
    daysOff: ['2026-05-12', '2027-01-04'],
  },
  { timezone: 'Asia/Dubai', workingDays: [1, 2, 3, 4, 5], startsAt: '08:00', endsAt: '17:00', country: 'AE' },
  { timezone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6], startsAt: '22:00', endsAt: '24:00', daysOff: ['2025-12-31'] },
];

const RANGE_FROM = Date.UTC(2024, 0, 1);
const RANGE_UNTIL = Date.UTC(2029, 0, 1);
const HOUR = 3_600_000;

function oracleFor(calendar: WorkingCalendar) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: calendar.timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  });
  const weekdayNumbers: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  const closed = new Set<string>(calendar.daysOff ?? []);
  if (calendar.country) {
    const [country = '', state] = calendar.country.split('-');
    const data = new Holidays({ country, state }, { types: ['public'] });
    for (let year = 2023; year <= 2029; year++) {
      for (const holiday of data.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
        const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
        for (let i = 0; i < days; i++) closed.add(new Date(first + i * 86_400_000).toISOString().slice(0, 10));
      }
    }
  }
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  const startMs = minutes(calendar.startsAt) * 60_000;
  const endMs = minutes(calendar.endsAt) * 60_000;

  function wallClock(instant: number) {
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) fields[part.type] = part.value;
    const date = `${fields.year}-${fields.month}-${fields.day}`;
    const msOfDay =
      ((Number(fields.hour) * 60 + Number(fields.minute)) * 60 + Number(fields.second)) * 1000 + (((instant % 1000) + 1000) % 1000);
    return { date, weekday: weekdayNumbers[fields.weekday ?? ''] ?? 0, msOfDay };
  }
  return {
    closed,
    localDate: (instant: number) => wallClock(instant).date,
    isWorking(instant: number): boolean {
      const clock = wallClock(instant);
      return calendar.workingDays.includes(clock.weekday) && !closed.has(clock.date) && clock.msOfDay >= startMs && clock.msOfDay < endMs;
    },
    /** The first instant whose local date is `date` or later (local dates only move forward by whole days here). */
    startOfLocalDay(date: string): number {
      let low = Date.parse(`${date}T00:00:00Z`) - 16 * HOUR;
      let high = low + 32 * HOUR;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (wallClock(middle).date >= date) high = middle;
        else low = middle;
      }
      return high;
    },
  };
}

/** Instants anywhere in 2024–2028, within a day of a DST change, and a few ms from the local start or end of working hours. */
function instantsFor(calendar: WorkingCalendar): fc.Arbitrary<number> {
  const zone = zoneOffsets(calendar.timezone);
  const changes = zone
    .segments(RANGE_FROM, RANGE_UNTIL)
    .map((segment) => segment.start)
    .filter((start) => start > RANGE_FROM && start % 86_400_000 !== 0);
  const anywhere = fc.integer({ min: RANGE_FROM, max: RANGE_UNTIL - 1 });
  const boundaries = [calendar.startsAt, calendar.endsAt].map(
    (clock) => (Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))) * 60_000,
  );
  const nearBoundary = fc
    .tuple(
      fc.integer({ min: RANGE_FROM / 86_400_000, max: RANGE_UNTIL / 86_400_000 - 2 }),
      fc.constantFrom(...boundaries),
      fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3_000, max: 3_000 })),
    )
    .map(([day, boundary, delta]) => {
      const wall = day * 86_400_000 + boundary;
      return wall - zone.offsetAt(wall - zone.offsetAt(wall)) + delta;
    });
  if (changes.length === 0) return fc.oneof(anywhere, nearBoundary);
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -30 * HOUR, max: 30 * HOUR }))
    .map(([change, delta]) => change + delta);
  return fc.oneof(
    anywhere,
    nearBoundary,
    nearChange,
    nearChange.map((t) => t - (t % 60_000)),
  );
}

const runs = { numRuns: 150 };

describe.each(calendars)('business time properties in $timezone', (config) => {
  const calendar = businessCalendar(config);
  const oracle = oracleFor(config);
  const instants = instantsFor(config);
  const d = (a: number, b: number) => calendar.millisBetween(new Date(a), new Date(b));

  it('is additive, bounded by elapsed time and monotonic', () => {
    fc.assert(
      fc.property(instants, instants, instants, (x, y, z) => {
        const [a = 0, b = 0, c = 0] = [x, y, z].sort((p, q) => p - q);
        expect(d(a, c)).toBe(d(a, b) + d(b, c));
        expect(d(a, b)).toBeGreaterThanOrEqual(0);
        expect(d(a, b)).toBeLessThanOrEqual(b - a);
        expect(d(a, c)).toBeGreaterThanOrEqual(d(a, b));
        expect(d(a, c)).toBeGreaterThanOrEqual(d(b, c));
        expect(d(c, a)).toBe(0);
      }),
      runs,
    );
  });

  it('agrees with the independent wall-clock oracle, and isWorkingInstant ⇔ d(t, t+1ms) = 1', () => {
    fc.assert(
      fc.property(instants, (t) => {
        const working = oracle.isWorking(t);
        expect(calendar.isWorkingInstant(new Date(t))).toBe(working);
        expect(d(t, t + 1)).toBe(working ? 1 : 0);
        expect(calendar.localDate(new Date(t))).toBe(oracle.localDate(t));
      }),
      runs,
    );
  });

  it('adds exactly: d(from, add(from, m)) = m from a working instant, and no earlier instant reaches m', () => {
    const amounts = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 400 * HOUR }));
    fc.assert(
      fc.property(instants, amounts, (t, m) => {
        const from = calendar.nextWorkingInstant(new Date(t));
        expect(from.getTime()).toBeGreaterThanOrEqual(t);
        expect(oracle.isWorking(from.getTime())).toBe(true);
        expect(d(t, from.getTime())).toBe(0);
        const until = calendar.addBusinessMillis(from, m);
        expect(d(from.getTime(), until.getTime())).toBe(m);
        if (m > 0) expect(d(from.getTime(), until.getTime() - 1)).toBe(m - 1);
      }),
      runs,
    );
  });

  it('public holidays and days off contribute nothing', () => {
    const closedDays = [...oracle.closed].filter((date) => date >= '2024-01-02' && date <= '2028-12-30');
    expect(closedDays.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...closedDays), (date) => {
        const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(calendar.isWorkingDay(date)).toBe(false);
        expect(d(oracle.startOfLocalDay(date), oracle.startOfLocalDay(next))).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
