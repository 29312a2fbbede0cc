import { describe, expect, it } from 'vitest';
import { parseClockTime, validateWorkingCalendar, type WorkingCalendar } from './working-calendar';

const valid: WorkingCalendar = {
  timezone: 'Europe/Budapest',
  workingDays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '17:00',
  country: 'HU',
};

describe('validateWorkingCalendar', () => {
  it('accepts a valid calendar, states and regions, 24:00 as an end, and days off', () => {
    expect(validateWorkingCalendar(valid)).toEqual([]);
    expect(validateWorkingCalendar({ ...valid, country: 'US-NY' })).toEqual([]);
    expect(validateWorkingCalendar({ ...valid, country: 'de-by-a' })).toEqual([]);
    expect(validateWorkingCalendar({ ...valid, startsAt: '00:00', endsAt: '24:00', daysOff: ['2026-12-24', '2028-02-29'] })).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(validateWorkingCalendar({ ...valid, timezone: 'Europe/Budapset' })).toEqual([
      { field: 'timezone', message: 'unknown IANA time zone "Europe/Budapset"' },
    ]);
    expect(validateWorkingCalendar({ ...valid, workingDays: [] }).map((p) => p.field)).toEqual(['workingDays']);
    expect(validateWorkingCalendar({ ...valid, workingDays: [0, 1, 8, 2.5] })).toEqual([
      { field: 'workingDays', message: '0 is not an ISO weekday 1..7' },
      { field: 'workingDays', message: '8 is not an ISO weekday 1..7' },
      { field: 'workingDays', message: '2.5 is not an ISO weekday 1..7' },
    ]);
    expect(validateWorkingCalendar({ ...valid, startsAt: '9:00', endsAt: '25:00' }).map((p) => p.field)).toEqual(['startsAt', 'endsAt']);
    expect(validateWorkingCalendar({ ...valid, startsAt: '17:00', endsAt: '17:00' })).toEqual([
      { field: 'endsAt', message: 'working hours must end after they start (17:00–17:00)' },
    ]);
    expect(validateWorkingCalendar({ ...valid, startsAt: '24:00' }).map((p) => p.field)).toEqual(['startsAt']);
    expect(validateWorkingCalendar({ ...valid, country: 'XX' })).toEqual([
      { field: 'country', message: 'no public-holiday data for "XX"' },
    ]);
    expect(validateWorkingCalendar({ ...valid, country: 'US-ZZ' }).map((p) => p.field)).toEqual(['country']);
    expect(validateWorkingCalendar({ ...valid, country: 'Hungary' }).map((p) => p.field)).toEqual(['country']);
    expect(validateWorkingCalendar({ ...valid, daysOff: ['2026-02-30', '2026-05-01', 'tomorrow'] }).map((p) => p.field)).toEqual([
      'daysOff[0]',
      'daysOff[2]',
    ]);
  });

  it('reports values of the wrong type (from JSON) instead of throwing', () => {
    const broken = {
      timezone: 42,
      workingDays: 'weekdays',
      startsAt: null,
      endsAt: 1700,
      country: {},
      daysOff: 'none',
    } as unknown as WorkingCalendar;
    expect(validateWorkingCalendar(broken).map((p) => p.field)).toEqual([
      'timezone',
      'workingDays',
      'startsAt',
      'endsAt',
      'country',
      'daysOff',
    ]);
    expect(validateWorkingCalendar(null as unknown as WorkingCalendar)).toEqual([
      { field: 'calendar', message: 'expected a working calendar object' },
    ]);
    expect(validateWorkingCalendar({ ...valid, timezone: '🕐'.repeat(100_000) }).map((p) => p.field)).toEqual(['timezone']);
  });
});

describe('parseClockTime', () => {
  it('reads HH:MM as minutes after midnight; 24:00 only as an end', () => {
    expect(parseClockTime('09:30', false)).toBe(570);
    expect(parseClockTime('23:59', false)).toBe(1439);
    expect(parseClockTime('24:00', true)).toBe(1440);
    expect(parseClockTime('24:00', false)).toBeUndefined();
    expect(parseClockTime('24:01', true)).toBeUndefined();
    expect(parseClockTime('12:60', false)).toBeUndefined();
    expect(parseClockTime(' 09:00', false)).toBeUndefined();
  });
});
