import { describe, expect, it } from 'vitest';
import { formatDayNumber } from './civil-date';
import { parseHolidayRegion, publicHolidays } from './public-holidays';

const dates = (days: ReadonlySet<number>) => [...days].sort((a, b) => a - b).map(formatDayNumber);

describe('public holidays', () => {
  it('lists Hungary’s 2026 public holidays (public type only)', () => {
    const hungary = publicHolidays({ country: 'HU' });
    expect(dates(hungary.inYear(2026))).toEqual([
      '2026-01-01',
      '2026-03-15',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-24',
      '2026-05-25',
      '2026-08-20',
      '2026-10-23',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('counts every day of a multi-day holiday, also when it runs into the next year', () => {
    // Eid al-Fitr in the UAE lasts three days in the data set.
    const emirates = dates(publicHolidays({ country: 'AE' }).inYear(2026));
    expect(emirates).toContain('2026-03-20');
    expect(emirates).toContain('2026-03-21');
    expect(emirates).toContain('2026-03-22');
    // Armenia's New Year holiday lasts two days from 1 January.
    const armenia = dates(publicHolidays({ country: 'AM' }).inYear(2026));
    expect(armenia.slice(0, 2)).toEqual(['2026-01-01', '2026-01-02']);
  });

  it('parses country, state and region codes against the data set', () => {
    expect(parseHolidayRegion('HU')).toEqual({ country: 'HU' });
    expect(parseHolidayRegion('us-ny')).toEqual({ country: 'US', state: 'NY' });
    expect(parseHolidayRegion('DE-BY-A')).toEqual({ country: 'DE', state: 'BY', region: 'A' });
    expect(parseHolidayRegion('XX')).toBeUndefined();
    expect(parseHolidayRegion('US-XX')).toBeUndefined();
    expect(parseHolidayRegion('HUN')).toBeUndefined();
    expect(parseHolidayRegion('')).toBeUndefined();
  });
});
