import { describe, expect, it } from 'vitest';
import { BUSINESS_HOUR, businessCalendar, SUPPORTED_UNTIL } from './index';

/** ISO strings with explicit offsets, so every test reads in the local time it is about. */
const at = (iso: string) => new Date(iso);
const hours = (millis: number) => millis / BUSINESS_HOUR;

const weekdays = [1, 2, 3, 4, 5];
const everyDay = [1, 2, 3, 4, 5, 6, 7];
const budapest = businessCalendar({
  timezone: 'Europe/Budapest',
  workingDays: weekdays,
  startsAt: '09:00',
  endsAt: '17:00',
  country: 'HU',
});

describe('business time in Budapest (Mon–Fri 09:00–17:00, Hungarian public holidays)', () => {
  it('Friday 17:00 → Monday 10:00 is one business hour (PRODUCT §3, exact arithmetic)', () => {
    expect(hours(budapest.millisBetween(at('2026-05-08T17:00:00+02:00'), at('2026-05-11T10:00:00+02:00')))).toBe(1);
    expect(hours(budapest.millisBetween(at('2026-05-08T17:00:00+02:00'), at('2026-05-11T09:00:00+02:00')))).toBe(0);
    expect(hours(budapest.millisBetween(at('2026-05-08T16:00:00+02:00'), at('2026-05-11T10:00:00+02:00')))).toBe(2);
  });

  it('skips Good Friday and Easter Monday', () => {
    // Thursday 16:00 → Tuesday 10:00: 1 h on Thursday, 3 and 6 April are holidays, 1 h on Tuesday.
    expect(hours(budapest.millisBetween(at('2026-04-02T16:00:00+02:00'), at('2026-04-07T10:00:00+02:00')))).toBe(2);
    expect(budapest.isWorkingDay('2026-04-03')).toBe(false);
    expect(budapest.isWorkingDay('2026-04-06')).toBe(false);
    expect(budapest.isWorkingDay('2026-04-07')).toBe(true);
  });

  it('counts real hours across the 2026-10-25 fall-back (and skips the 23 October holiday)', () => {
    // Thursday 22 Oct 16:00 CEST → Monday 26 Oct 10:00 CET: 1 h + Friday 23 Oct holiday + 1 h.
    expect(hours(budapest.millisBetween(at('2026-10-22T16:00:00+02:00'), at('2026-10-26T10:00:00+01:00')))).toBe(2);
    // The whole week after the change: five full days.
    expect(hours(budapest.millisBetween(at('2026-10-26T00:00:00+01:00'), at('2026-11-02T00:00:00+01:00')))).toBe(40);
  });

  it('crosses the year end with New Year as a holiday', () => {
    // Thursday 31 Dec 16:00 → Monday 4 Jan 10:00: 1 h + (1 Jan holiday, weekend) + 1 h.
    expect(hours(budapest.millisBetween(at('2026-12-31T16:00:00+01:00'), at('2027-01-04T10:00:00+01:00')))).toBe(2);
    expect(budapest.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('handles leap days', () => {
    expect(budapest.isWorkingDay('2028-02-29')).toBe(true);
    expect(budapest.isWorkingDay('2027-02-29')).toBe(false);
    expect(budapest.localDate(at('2028-02-29T23:30:00Z'))).toBe('2028-03-01');
    // Monday 28 Feb, Tuesday 29 Feb: two full days.
    expect(hours(budapest.millisBetween(at('2028-02-28T00:00:00+01:00'), at('2028-03-01T00:00:00+01:00')))).toBe(16);
  });

  it('works in 2100 (not a leap year; Easter Monday 29 March)', () => {
    expect(budapest.isWorkingDay('2100-02-29')).toBe(false);
    expect(budapest.isWorkingDay('2100-03-29')).toBe(false);
    // Week of Monday 29 March 2100: Monday is Easter Monday, Tuesday–Friday work.
    expect(hours(budapest.millisBetween(at('2100-03-29T00:00:00+02:00'), at('2100-04-05T00:00:00+02:00')))).toBe(32);
  });

  it('adds business time for deadlines', () => {
    expect(budapest.addBusinessMillis(at('2026-05-08T16:00:00+02:00'), 2 * BUSINESS_HOUR)).toEqual(at('2026-05-11T10:00:00+02:00'));
    // A deadline that fills the day exactly is that day's 17:00, not the next morning.
    expect(budapest.addBusinessMillis(at('2026-05-11T09:00:00+02:00'), 8 * BUSINESS_HOUR)).toEqual(at('2026-05-11T17:00:00+02:00'));
    // Two business days from Thursday 10:00 before Easter: 7 h Thursday, 8 h Tuesday, 1 h Wednesday.
    expect(budapest.addBusinessMillis(at('2026-04-02T10:00:00+02:00'), 16 * BUSINESS_HOUR)).toEqual(at('2026-04-08T10:00:00+02:00'));
    // Zero: the instant itself inside working time, the next working instant outside it.
    expect(budapest.addBusinessMillis(at('2026-05-13T11:00:00+02:00'), 0)).toEqual(at('2026-05-13T11:00:00+02:00'));
    expect(budapest.addBusinessMillis(at('2026-05-08T17:00:00+02:00'), 0)).toEqual(at('2026-05-11T09:00:00+02:00'));
    expect(budapest.addBusinessMillis(at('2026-05-08T17:00:00+02:00'), -5)).toEqual(at('2026-05-11T09:00:00+02:00'));
  });

  it('finds the next working instant and tells working instants apart', () => {
    expect(budapest.nextWorkingInstant(at('2026-04-02T17:00:00+02:00'))).toEqual(at('2026-04-07T09:00:00+02:00'));
    expect(budapest.isWorkingInstant(at('2026-05-11T09:00:00+02:00'))).toBe(true);
    expect(budapest.isWorkingInstant(at('2026-05-11T16:59:59.999+02:00'))).toBe(true);
    expect(budapest.isWorkingInstant(at('2026-05-11T17:00:00+02:00'))).toBe(false);
    expect(budapest.isWorkingInstant(at('2026-05-11T08:59:59.999+02:00'))).toBe(false);
  });

  it('reports local dates and business days', () => {
    expect(budapest.localDate(at('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(budapest.localDate(at('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
    expect(budapest.workingDayMillis).toBe(8 * BUSINESS_HOUR);
    expect(budapest.businessDaysBetween(at('2026-05-11T09:00:00+02:00'), at('2026-05-13T13:00:00+02:00'))).toBe(2.5);
  });

  it('spans a century, and summing year by year gives the same total', () => {
    const whole = budapest.millisBetween(at('2026-03-15T12:00:00+01:00'), at('2126-06-01T12:00:00+02:00'));
    let pieces = budapest.millisBetween(at('2026-03-15T12:00:00+01:00'), at('2027-01-01T00:00:00Z'));
    for (let year = 2027; year < 2126; year++) {
      pieces += budapest.millisBetween(at(`${year}-01-01T00:00:00Z`), at(`${year + 1}-01-01T00:00:00Z`));
    }
    pieces += budapest.millisBetween(at('2126-01-01T00:00:00Z'), at('2126-06-01T12:00:00+02:00'));
    expect(whole).toBe(pieces);
    // About 250 working days a year × 8 h.
    expect(hours(whole) / 100).toBeGreaterThan(1950);
    expect(hours(whole) / 100).toBeLessThan(2050);
  });

  it('never throws on bad instants: 0, or the input back', () => {
    const invalid = new Date(Number.NaN);
    expect(budapest.millisBetween(invalid, at('2026-05-11T10:00:00+02:00'))).toBe(0);
    expect(budapest.millisBetween(at('2026-05-11T10:00:00+02:00'), invalid)).toBe(0);
    expect(budapest.millisBetween(at('2026-05-12T10:00:00+02:00'), at('2026-05-11T10:00:00+02:00'))).toBe(0);
    expect(Number.isNaN(budapest.addBusinessMillis(invalid, BUSINESS_HOUR).getTime())).toBe(true);
    expect(Number.isNaN(budapest.nextWorkingInstant(invalid).getTime())).toBe(true);
    expect(budapest.addBusinessMillis(at('2026-05-11T10:00:00+02:00'), Number.NaN)).toEqual(at('2026-05-11T10:00:00+02:00'));
    expect(budapest.isWorkingInstant(invalid)).toBe(false);
    expect(budapest.localDate(invalid)).toBe('');
    expect(budapest.isWorkingDay('26-05-11')).toBe(false);
    expect(budapest.isWorkingDay('2026-13-01')).toBe(false);
  });

  it('stops at the end of the supported range instead of running on', () => {
    expect(budapest.addBusinessMillis(at('2026-05-11T10:00:00+02:00'), Number.POSITIVE_INFINITY).getTime()).toBe(SUPPORTED_UNTIL);
    expect(budapest.addBusinessMillis(at('2026-05-11T10:00:00+02:00'), 1e15).getTime()).toBe(SUPPORTED_UNTIL);
    expect(budapest.millisBetween(new Date(8.64e15 - 1), new Date(8.64e15))).toBe(0);
    expect(budapest.nextWorkingInstant(new Date(8.64e15)).getTime()).toBe(8.64e15);
  });
});

describe('daylight-saving edges', () => {
  it('working hours 01:00–05:00 straddling the jump in Budapest last more or less than 4 hours', () => {
    const night = businessCalendar({ timezone: 'Europe/Budapest', workingDays: everyDay, startsAt: '01:00', endsAt: '05:00' });
    // Spring forward, 29 March 2026 02:00 → 03:00: 01:00–02:00 and 03:00–05:00.
    expect(hours(night.millisBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z')))).toBe(3);
    // Fall back, 25 October 2026 03:00 → 02:00: 01:00–03:00 summer time, then 02:00–05:00 winter time.
    expect(hours(night.millisBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z')))).toBe(5);
    expect(night.addBusinessMillis(at('2026-03-29T01:30:00+01:00'), BUSINESS_HOUR)).toEqual(at('2026-03-29T03:30:00+02:00'));
  });

  it('a day beginning or ending inside the repeated hour takes exactly the wall-clock times that occur', () => {
    const late = businessCalendar({ timezone: 'Europe/Budapest', workingDays: everyDay, startsAt: '02:30', endsAt: '05:00' });
    // 02:30–03:00 CEST, then 02:30–05:00 CET: 3 h, with a gap while the clock reads 02:00–02:30 again.
    expect(hours(late.millisBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z')))).toBe(3);
    expect(late.isWorkingInstant(at('2026-10-25T02:45:00+02:00'))).toBe(true);
    expect(late.isWorkingInstant(at('2026-10-25T02:15:00+01:00'))).toBe(false);
    expect(late.isWorkingInstant(at('2026-10-25T02:45:00+01:00'))).toBe(true);
    // Hours that fall entirely into the skipped hour do not exist that day.
    const skipped = businessCalendar({ timezone: 'Europe/Budapest', workingDays: everyDay, startsAt: '02:00', endsAt: '02:30' });
    expect(skipped.millisBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(0);
    expect(hours(skipped.millisBetween(at('2026-03-29T12:00:00Z'), at('2026-03-30T12:00:00Z')))).toBe(0.5);
  });

  it('a whole-day calendar has 23 and 25 hour days in New York', () => {
    const allDay = businessCalendar({ timezone: 'America/New_York', workingDays: everyDay, startsAt: '00:00', endsAt: '24:00' });
    expect(hours(allDay.millisBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00')))).toBe(23);
    expect(hours(allDay.millisBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00')))).toBe(25);
    expect(allDay.workingDayMillis).toBe(24 * BUSINESS_HOUR);
  });

  it('New York office hours around the March change, with US-NY holidays', () => {
    const newYork = businessCalendar({
      timezone: 'America/New_York',
      workingDays: weekdays,
      startsAt: '09:00',
      endsAt: '17:00',
      country: 'US-NY',
    });
    // Friday 6 March 16:00 EST → Monday 9 March 10:00 EDT.
    expect(hours(newYork.millisBetween(at('2026-03-06T16:00:00-05:00'), at('2026-03-09T10:00:00-04:00')))).toBe(2);
    expect(newYork.isWorkingDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(newYork.isWorkingDay('2026-07-03')).toBe(false); // Independence Day observed
    expect(newYork.isWorkingDay('2026-11-27')).toBe(true);
  });

  it('Lord Howe Island changes by 30 minutes', () => {
    const night = businessCalendar({ timezone: 'Australia/Lord_Howe', workingDays: everyDay, startsAt: '01:00', endsAt: '05:00' });
    // 4 October 2026 02:00 → 02:30: 01:00–02:00 and 02:30–05:00.
    expect(hours(night.millisBetween(at('2026-10-03T12:00:00+10:30'), at('2026-10-04T12:00:00+11:00')))).toBe(3.5);
    // 5 April 2026 02:00 → 01:30: 01:00–02:00 (+11), then 01:30–05:00 (+10:30).
    expect(hours(night.millisBetween(at('2026-04-04T12:00:00+11:00'), at('2026-04-05T12:00:00+10:30')))).toBe(4.5);
  });

  it('Kathmandu’s +05:45 places the working day at quarter past the UTC hour', () => {
    const kathmandu = businessCalendar({ timezone: 'Asia/Kathmandu', workingDays: weekdays, startsAt: '10:00', endsAt: '17:00' });
    expect(kathmandu.isWorkingInstant(at('2026-05-11T04:14:59.999Z'))).toBe(false);
    expect(kathmandu.isWorkingInstant(at('2026-05-11T04:15:00Z'))).toBe(true);
    expect(kathmandu.nextWorkingInstant(at('2026-05-10T12:00:00Z'))).toEqual(at('2026-05-11T04:15:00Z'));
    expect(hours(kathmandu.millisBetween(at('2026-05-11T00:00:00Z'), at('2026-05-12T00:00:00Z')))).toBe(7);
  });

  it('Samoa skipped 30 December 2011 entirely: that day has no working time', () => {
    const apia = businessCalendar({ timezone: 'Pacific/Apia', workingDays: everyDay, startsAt: '09:00', endsAt: '17:00' });
    // 29 and 31 December local: 16 h, although 48 hours of wall-clock dates seem to pass.
    expect(hours(apia.millisBetween(at('2011-12-29T00:00:00-10:00'), at('2012-01-01T00:00:00+14:00')))).toBe(16);
    expect(apia.localDate(at('2011-12-30T10:00:00Z'))).toBe('2011-12-31');
  });
});

describe('days off and calendars', () => {
  it('the operator’s own days off contribute nothing', () => {
    const withLeave = businessCalendar({
      timezone: 'Europe/Budapest',
      workingDays: weekdays,
      startsAt: '09:00',
      endsAt: '17:00',
      country: 'HU',
      daysOff: ['2026-05-12', '2026-05-13'],
    });
    expect(withLeave.isWorkingDay('2026-05-12')).toBe(false);
    expect(hours(withLeave.millisBetween(at('2026-05-11T00:00:00+02:00'), at('2026-05-16T00:00:00+02:00')))).toBe(24);
    expect(withLeave.nextWorkingInstant(at('2026-05-11T17:00:00+02:00'))).toEqual(at('2026-05-14T09:00:00+02:00'));
  });

  it('keeps its own copy of the configuration', () => {
    const config = { timezone: 'UTC', workingDays: [1], startsAt: '09:00', endsAt: '10:00', daysOff: [] as string[] };
    const calendar = businessCalendar(config);
    config.workingDays.push(2);
    config.daysOff.push('2026-05-11');
    expect(calendar.calendar.workingDays).toEqual([1]);
    expect(calendar.isWorkingDay('2026-05-11')).toBe(true);
    expect(calendar.isWorkingDay('2026-05-12')).toBe(false);
  });

  it('throws a TypeError naming the field for an invalid calendar', () => {
    expect(() => businessCalendar({ timezone: 'Mars/Olympus', workingDays: weekdays, startsAt: '09:00', endsAt: '17:00' })).toThrow(
      /invalid working calendar: timezone: unknown IANA time zone "Mars\/Olympus"/,
    );
    expect(() => businessCalendar({ timezone: 'UTC', workingDays: weekdays, startsAt: '17:00', endsAt: '09:00' })).toThrow(TypeError);
  });
});

describe('extreme inputs', () => {
  it('answers at the limits of Date and for huge strings without throwing', () => {
    expect(budapest.localDate(new Date(8.64e15))).toBe('275760-09-13');
    expect(budapest.localDate(new Date(-8.64e15))).toBe('-271821-04-20');
    expect(budapest.isWorkingInstant(new Date(-8.64e15))).toBe(false);
    const huge = '2026-05-11'.repeat(1_000_000);
    expect(budapest.isWorkingDay(huge)).toBe(false);
    expect(budapest.isWorkingDay('２０２６-05-11')).toBe(false);
    expect(budapest.isWorkingDay('')).toBe(false);
  });
});
