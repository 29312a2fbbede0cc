import { describe, expect, it } from 'vitest';
import {
  addCivilDays,
  civilDaysBetween,
  isIsoDate,
  localDateOf,
  nextWorkingDayAfter,
  onOrNextWorkingDay,
  parseIsoDate,
  weekdayOf,
} from './calendar';

describe('calendar dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('does day arithmetic across months, years and DST changes', () => {
    expect(addCivilDays({ y: 2026, m: 12, d: 31 }, 1)).toEqual({ y: 2027, m: 1, d: 1 });
    expect(addCivilDays({ y: 2026, m: 3, d: 28 }, 2)).toEqual({ y: 2026, m: 3, d: 30 });
    expect(civilDaysBetween({ y: 2026, m: 3, d: 1 }, { y: 2026, m: 4, d: 1 })).toBe(31);
    expect(weekdayOf({ y: 2026, m: 11, d: 25 })).toBe(3);
  });

  it('moves weekends to the next Monday', () => {
    expect(onOrNextWorkingDay({ y: 2026, m: 11, d: 28 })).toEqual({ y: 2026, m: 11, d: 30 });
    expect(onOrNextWorkingDay({ y: 2026, m: 11, d: 27 })).toEqual({ y: 2026, m: 11, d: 27 });
    expect(nextWorkingDayAfter({ y: 2026, m: 11, d: 27 })).toEqual({ y: 2026, m: 11, d: 30 });
  });

  it('reads the local date of an instant in a zone, UTC for an unknown zone', () => {
    const instant = new Date('2026-03-29T22:30:00Z');
    expect(localDateOf(instant, 'Europe/Budapest')).toEqual({ y: 2026, m: 3, d: 30 });
    expect(localDateOf(instant, 'America/Los_Angeles')).toEqual({ y: 2026, m: 3, d: 29 });
    expect(localDateOf(instant, 'Mars/Olympus')).toEqual({ y: 2026, m: 3, d: 29 });
    expect(localDateOf(new Date(Number.NaN), 'UTC')).toEqual({ y: 1970, m: 1, d: 1 });
  });
});
