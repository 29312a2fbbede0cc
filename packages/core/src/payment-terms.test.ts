import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueDate, formatDueRule, isLate, parseDueRule } from './payment-terms';

const isoDates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('payment terms', () => {
  it('parses the two rules contracts use, and says what it expected otherwise', () => {
    expect(parseDueRule('Net 14')).toEqual({ kind: 'net_days', days: 14 });
    expect(parseDueRule('day 1 of the month')).toEqual({ kind: 'day_of_month', day: 1 });
    expect(parseDueRule('day 32 of the month')).toEqual({ error: 'day of month must be between 1 and 31' });
    expect(parseDueRule('whenever')).toEqual({ error: 'expected "net N" or "day N of the month"' });
  });

  it('"day 1 of the month" on an invoice issued mid-month falls due on the 1st of the next', () => {
    expect(dueDate({ kind: 'day_of_month', day: 1 }, '2026-11-15')).toBe('2026-12-01');
    expect(dueDate({ kind: 'day_of_month', day: 1 }, '2026-12-01')).toBe('2026-12-01');
    expect(dueDate({ kind: 'day_of_month', day: 1 }, '2026-12-02')).toBe('2027-01-01');
  });

  it('clamps day 31 to the end of short months, leap years included', () => {
    expect(dueDate({ kind: 'day_of_month', day: 31 }, '2028-02-10')).toBe('2028-02-29');
    expect(dueDate({ kind: 'day_of_month', day: 31 }, '2027-02-10')).toBe('2027-02-28');
    expect(dueDate({ kind: 'day_of_month', day: 30 }, '2027-01-31')).toBe('2027-02-28');
  });

  it('"net 14" crosses year ends', () => {
    expect(dueDate({ kind: 'net_days', days: 14 }, '2026-12-25')).toBe('2027-01-08');
  });

  it('is late only after the grace days have passed', () => {
    const terms = { dueRule: { kind: 'net_days', days: 14 } as const, graceDays: 1 };
    expect(isLate(terms, '2026-12-01', '2026-12-02')).toBe(false);
    expect(isLate(terms, '2026-12-01', '2026-12-03')).toBe(true);
  });

  it('rejects dates that are not on the calendar', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow('not a calendar date');
  });

  it('property: a due date is never before the issue date and at most a month and a day after it (day-of-month rule)', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 1, max: 31 }), (issued, day) => {
        const due = dueDate({ kind: 'day_of_month', day }, issued);
        const gap = daysBetween(issued, due);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(31);
      }),
    );
  });

  it('property: net N is exactly N days later, and formatting round-trips', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 0, max: 365 }), (issued, days) => {
        expect(daysBetween(issued, dueDate({ kind: 'net_days', days }, issued))).toBe(days);
        expect(parseDueRule(formatDueRule({ kind: 'net_days', days }))).toEqual({ kind: 'net_days', days });
      }),
    );
  });
});
