import { describe, expect, it } from 'vitest';
import { parseMailDate } from './date';

const iso = (value: string) => parseMailDate(value)?.toISOString();

describe('parseMailDate', () => {
  it('reads RFC 5322 dates with numeric zones and comments', () => {
    expect(iso('Tue, 1 Jul 2003 10:52:37 +0200')).toBe('2003-07-01T08:52:37.000Z');
    expect(iso('Mon, 01 Nov 2020 14:49:07 -0800 (PST)')).toBe('2020-11-01T22:49:07.000Z');
    expect(iso('Fri, 21 Nov 1997 09:55:06 -0600')).toBe('1997-11-21T15:55:06.000Z');
    // Folded header, extra spaces, no seconds, no weekday.
    expect(iso('13\r\n  Feb   2024\r\n 23:32 -0330 (Newfoundland Time)')).toBe('2024-02-14T03:02:00.000Z');
  });

  it('reads the obsolete forms: two-digit years, named and military zones, asctime', () => {
    expect(iso('1 Jul 03 10:52:37 GMT')).toBe('2003-07-01T10:52:37.000Z');
    expect(iso('Sun, 14 Oct 12 16:09:01 PDT')).toBe('2012-10-14T23:09:01.000Z');
    expect(iso('Mon, 2 Jun 2008 13:02:28 CEST')).toBe('2008-06-02T11:02:28.000Z');
    // RFC 5322 §4.3: military zones are read as -0000.
    expect(iso('Mon, 2 Jun 2008 13:02:28 A')).toBe('2008-06-02T13:02:28.000Z');
    expect(iso('Mon Jun  2 13:02:28 2008')).toBe('2008-06-02T13:02:28.000Z');
    expect(iso('Mon, 2 June 2008 13:02:28 +0000')).toBe('2008-06-02T13:02:28.000Z');
  });

  it('reads a zone glued to the time, a colon in the offset, a leap second, and ISO 8601', () => {
    expect(iso('Mon, 2 Jun 2008 13:02:28+0200')).toBe('2008-06-02T11:02:28.000Z');
    expect(iso('Mon, 2 Jun 2008 13:02:28 +02:00')).toBe('2008-06-02T11:02:28.000Z');
    expect(iso('Sat, 31 Dec 2016 23:59:60 +0000')).toBe('2016-12-31T23:59:59.000Z');
    expect(iso('2024-03-05T10:00:00+01:00')).toBe('2024-03-05T09:00:00.000Z');
    expect(iso('2024-03-05 10:00:00Z')).toBe('2024-03-05T10:00:00.000Z');
  });

  it('treats a missing zone as UTC', () => {
    expect(iso('Tue, 12 Oct 2010 16:21:05')).toBe('2010-10-12T16:21:05.000Z');
    expect(iso('Tue, 12 Oct 2010 16:21:05 H0500')).toBe('2010-10-12T16:21:05.000Z');
  });

  it('returns undefined for missing, unparseable and impossible dates', () => {
    for (const value of [
      undefined,
      '',
      '   ',
      '1',
      'Hello 5',
      'yesterday',
      'Tue, 12 2010 16:21:05',
      'Mon, 31 Feb 2024 10:00:00 +0000',
      '2024-13-01',
    ]) {
      expect(parseMailDate(value), String(value)).toBeUndefined();
    }
    expect(parseMailDate(`Tue, 1 Jul 2003 10:52:37 +0200 ${'x'.repeat(500)}`)).toBeUndefined();
  });

  it('returns undefined for absurd dates (before 1970-01-02 or from 2100 on)', () => {
    expect(parseMailDate('Thu, 01 Jan 1970 00:00:00 +0000')).toBeUndefined();
    expect(parseMailDate('Thu, 13 Feb 1969 23:32:54 -0330')).toBeUndefined();
    expect(parseMailDate('Mon, 30 Jun 3609 15:33:50 +0600')).toBeUndefined();
    expect(parseMailDate('Fri, 1 Jan 2100 00:00:00 +0000')).toBeUndefined();
    expect(iso('Fri, 31 Dec 2099 12:00:00 +0000')).toBe('2099-12-31T12:00:00.000Z');
  });
});
