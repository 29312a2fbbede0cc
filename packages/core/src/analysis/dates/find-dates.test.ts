import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './calendar';
import { findDates, MAX_DATE_SCAN_CHARS, scanDates } from './find-dates';
import type { FoundDate } from './types';

// Wednesday 25 November 2026, 10:30 in Budapest.
const reference = new Date('2026-11-25T09:30:00Z');
const en = { reference, timeZone: 'Europe/Budapest', language: 'en' as const };
const hu = { reference, timeZone: 'Europe/Budapest', language: 'hu' as const };

function only(text: string, options: typeof en | typeof hu): FoundDate {
  const found = findDates(text, options);
  expect(found, text).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error(`no date in ${text}`);
  return first;
}

describe('findDates: absolute dates', () => {
  it.each([
    ['2026-12-05', '2026-12-05', '2026-12-05'],
    ['due 2026.12.05. please', '2026-12-05', '2026.12.05.'],
    ['on 12/05/2026', '2026-12-05', '12/05/2026'],
    ['on 05.12.2026', '2026-12-05', '05.12.2026'],
    ['by December 5', '2026-12-05', 'December 5'],
    ['by Dec 5th', '2026-12-05', 'Dec 5th'],
    ['on 5 December 2027', '2027-12-05', '5 December 2027'],
    ['the 5th of December', '2026-12-05', 'the 5th of December'],
    ['until Monday, 2 December', '2026-12-02', 'Monday, 2 December'],
    ['returning January 6th', '2027-01-06', 'January 6th'],
    ['back on 12/02', '2026-12-02', '12/02'],
    ['at 2026-01-06T10:00:00Z', '2026-01-06', '2026-01-06'],
  ])('en %j → %s', (text, date, phrase) => {
    expect(only(text, en)).toEqual({ date, phrase, relative: false });
  });

  it.each([
    ['december 5.', '2026-12-05', 'december 5.'],
    ['december 5-ig átutalom', '2026-12-05', 'december 5-ig'],
    ['dec. 5-én', '2026-12-05', 'dec. 5-én'],
    ['December 2-án visszatérek', '2026-12-02', 'December 2-án'],
    ['2026. január 6.', '2026-01-06', '2026. január 6.'],
    ['2026.01.06-tól elérhető vagyok', '2026-01-06', '2026.01.06-tól'],
    ['05/12/2026', '2026-12-05', '05/12/2026'],
    ['12.05. után', '2026-12-05', '12.05.'],
    ['szeptember 3-án', '2027-09-03', 'szeptember 3-án'],
  ])('hu %j → %s', (text, date, phrase) => {
    expect(only(text, hu)).toEqual({ date, phrase, relative: false });
  });

  it('reads slash dates in the language order unless one part cannot be a month', () => {
    expect(only('03/04/2027', en).date).toBe('2027-03-04');
    expect(only('03/04/2027', hu).date).toBe('2027-04-03');
    expect(only('25/12/2026', en).date).toBe('2026-12-25');
  });

  it('keeps a yearless date up to 31 days back in the past, otherwise takes the next one', () => {
    expect(only('paid on Nov 20', en).date).toBe('2026-11-20');
    expect(only('since Oct 1', en).date).toBe('2027-10-01');
    expect(only('February 29', en).date).toBe('2028-02-29');
  });

  it('gives spans their last day', () => {
    expect(only('July 10-31', en)).toEqual({ date: '2027-07-10', periodEnd: '2027-07-31', phrase: 'July 10-31', relative: false });
    expect(only('10–31 July', en)).toMatchObject({ date: '2027-07-10', periodEnd: '2027-07-31' });
    expect(only('július 10-től 31-ig', hu)).toMatchObject({ date: '2027-07-10', periodEnd: '2027-07-31' });
  });

  it('does not read numbers, times, fractions or Hungarian words as dates', () => {
    for (const text of [
      'EUR 1.250.000',
      '24/7 support',
      '1/2 price',
      'Hours: 5am - 5:30pm',
      '+0.000.000.0000',
      'we may 5 times',
      'hárman 3-an voltunk',
      '10.30-kor',
      'már 5 napja',
      'invoice 2024/017',
      'version 3.14',
    ]) {
      expect(findDates(text, text.includes('á') || text.includes('kor') ? hu : en), text).toEqual([]);
    }
  });
});

describe('findDates: relative dates', () => {
  it.each([
    ['today', '2026-11-25', undefined],
    ['tomorrow', '2026-11-26', undefined],
    ['the day after tomorrow', '2026-11-27', undefined],
    ['on Friday', '2026-11-27', undefined],
    ['on Wednesday', '2026-11-25', undefined],
    ['next Friday', '2026-12-04', undefined],
    ['last Friday', '2026-11-20', undefined],
    ['by the 15th', '2026-12-15', undefined],
    ['next week', '2026-11-30', '2026-12-04'],
    ['this week', '2026-11-25', '2026-11-27'],
    ['end of the month', '2026-11-30', undefined],
    ['next month', '2026-12-01', '2026-12-31'],
    ['in 3 business days', '2026-11-30', undefined],
    ['within two weeks', '2026-12-09', undefined],
  ])('en %j → %s', (text, date, periodEnd) => {
    const found = only(text, en);
    expect(found?.date).toBe(date);
    expect(found?.periodEnd).toBe(periodEnd);
    expect(found?.relative).toBe(true);
  });

  it.each([
    ['ma', '2026-11-25', undefined],
    ['holnap', '2026-11-26', undefined],
    ['holnapután', '2026-11-27', undefined],
    ['pénteken', '2026-11-27', undefined],
    ['péntekig', '2026-11-27', undefined],
    ['jövő pénteken', '2026-12-04', undefined],
    ['jövő héten', '2026-11-30', '2026-12-04'],
    ['jovo heten', '2026-11-30', '2026-12-04'],
    ['a héten', '2026-11-25', '2026-11-27'],
    ['a hónap végéig', '2026-11-30', undefined],
    ['jövő hónapban', '2026-12-01', '2026-12-31'],
    ['hó 15-ig', '2026-12-15', undefined],
    ['15-éig', '2026-12-15', undefined],
    ['3 munkanapon belül', '2026-11-30', undefined],
    ['két hét múlva', '2026-12-09', undefined],
    ['hétvégén', '2026-11-28', '2026-11-29'],
  ])('hu %j → %s', (text, date, periodEnd) => {
    const found = only(text, hu);
    expect(found?.date).toBe(date);
    expect(found?.periodEnd).toBe(periodEnd);
  });

  it('takes the calendar day from the time zone, not from UTC', () => {
    // 23:30 UTC on Tuesday is already Wednesday in Budapest and still Tuesday in New York.
    const late = new Date('2026-11-24T23:30:00Z');
    expect(findDates('tomorrow', { reference: late, timeZone: 'Europe/Budapest', language: 'en' })[0]?.date).toBe('2026-11-26');
    expect(findDates('tomorrow', { reference: late, timeZone: 'America/New_York', language: 'en' })[0]?.date).toBe('2026-11-25');
    expect(findDates('tomorrow', { reference: late, timeZone: 'Not/AZone', language: 'en' })[0]?.date).toBe('2026-11-25');
  });

  it('finds several dates in order, one per phrase', () => {
    expect(findDates('Out Dec 20 to Jan 3, back Monday, 4 January.', en).map((d) => d.phrase)).toEqual([
      'Dec 20',
      'Jan 3',
      'Monday, 4 January',
    ]);
  });
});

describe('findDates: robustness', () => {
  it('reads only the first MAX_DATE_SCAN_CHARS of a huge text and says so', () => {
    const text = `${'x '.repeat(MAX_DATE_SCAN_CHARS)} December 5`;
    const scan = scanDates(text, en);
    expect(scan).toEqual({ dates: [], truncated: true });
    expect(scanDates('December 5', en).truncated).toBe(false);
  });

  it('stays linear on adversarial repetitions', () => {
    for (const unit of ['1/', '1.', 'december ', '5-', 'next ', 'the 1', 'a a ', '2026.']) {
      findDates(unit.repeat(20_000), hu);
      findDates(unit.repeat(20_000), en);
    }
  });

  it('never throws and only returns real calendar dates whose phrase is in the text', () => {
    const wordy = fc.constantFrom(
      'December',
      'dec.',
      '5-én',
      '-ig',
      'jövő',
      'héten',
      'next',
      'Friday',
      '12/',
      '2026.',
      '31',
      '29',
      'február',
      ' ',
      '\n',
      '🙂',
      'שלום',
      'İ',
      '̈',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(wordy, { maxLength: 40 }).map((parts) => parts.join('')),
        ),
        fc.date({ min: new Date('1901-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.constantFrom('en' as const, 'hu' as const),
        fc.constantFrom('UTC', 'Europe/Budapest', 'Pacific/Kiritimati', 'bogus'),
        (text, ref, language, timeZone) => {
          const found = findDates(text, { reference: ref, timeZone, language });
          for (const item of found) {
            expect(isIsoDate(item.date)).toBe(true);
            if (item.periodEnd !== undefined) expect(isIsoDate(item.periodEnd) && item.periodEnd > item.date).toBe(true);
            expect(text.normalize('NFC')).toContain(item.phrase);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives an invalid reference date and lone surrogates', () => {
    expect(() => findDates('\ud800 December 5 \udfff', { reference: new Date(Number.NaN), timeZone: 'UTC', language: 'en' })).not.toThrow();
  });
});
