import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDayNumber, isoWeekday, parseLocalDate, yearOfDayNumber, yearSpan } from './civil-date';

describe('civil dates as day numbers', () => {
  it('parses real dates only', () => {
    expect(parseLocalDate('1970-01-01')).toBe(0);
    expect(parseLocalDate('2026-05-11')).toBe(20584);
    expect(parseLocalDate('2028-02-29')).toBe(21243);
    expect(parseLocalDate('2100-02-29')).toBeUndefined();
    expect(parseLocalDate('2026-04-31')).toBeUndefined();
    expect(parseLocalDate('2026-5-11')).toBeUndefined();
    expect(parseLocalDate('')).toBeUndefined();
  });

  it('knows weekdays and year spans', () => {
    expect(isoWeekday(0)).toBe(4); // Thursday 1 January 1970
    expect(isoWeekday(20584)).toBe(1); // Monday 11 May 2026
    expect(isoWeekday(-1)).toBe(3);
    expect(yearSpan(2028).afterLast - yearSpan(2028).first).toBe(366);
    expect(yearSpan(2100).afterLast - yearSpan(2100).first).toBe(365);
    expect(yearOfDayNumber(yearSpan(2027).first - 1)).toBe(2026);
  });

  it('agrees with Date for every day from 0001-01-01 to 9999-12-31, and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const viaDate = new Date(day * 86_400_000);
        expect(formatDayNumber(day)).toBe(viaDate.toISOString().slice(0, 10));
        expect(isoWeekday(day)).toBe(viaDate.getUTCDay() === 0 ? 7 : viaDate.getUTCDay());
        expect(parseLocalDate(formatDayNumber(day))).toBe(day);
      }),
      { numRuns: 500 },
    );
  });
});
