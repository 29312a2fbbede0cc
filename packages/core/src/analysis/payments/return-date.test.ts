import { describe, expect, it } from 'vitest';
import { detectReturnDate } from './return-date';
import { readJsonLines } from './test-support';
import type { Language } from './types';

interface Row {
  subject: string;
  text: string;
  lang: Language;
  date: string | null;
  reference: string;
}

const rows = readJsonLines<Row>('return-dates.jsonl');

describe('detectReturnDate on the labelled out-of-office texts', () => {
  const results = rows.map((row) => ({
    row,
    got: detectReturnDate({
      subject: row.subject,
      visibleText: row.text,
      language: row.lang,
      sentAt: new Date(row.reference),
      timeZone: 'Europe/Budapest',
    }),
  }));

  it('has at least 40 texts in both languages, some without any date', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.lang === 'hu').length).toBeGreaterThanOrEqual(15);
    expect(rows.filter((r) => r.date === null).length).toBeGreaterThanOrEqual(6);
  });

  it('states the exact return date in ≥ 90 % of the texts (and none where none is stated)', () => {
    const wrong = results.filter(({ row, got }) => (got?.date ?? null) !== row.date);
    const accuracy = (results.length - wrong.length) / results.length;
    expect(
      accuracy,
      wrong.map(({ row, got }) => `${JSON.stringify(row.text)}: want ${row.date}, got ${JSON.stringify(got)}`).join('\n'),
    ).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectReturnDate rules', () => {
  const sentAt = new Date('2024-11-27T08:00:00Z'); // Wednesday
  const detect = (visibleText: string, language: Language = 'en', subject = '') =>
    detectReturnDate({ subject, visibleText, language, sentAt, timeZone: 'Europe/Budapest' });

  it('returns the date and the phrase that stated it', () => {
    expect(detect("I'm out of office until Monday, 2 December.")).toEqual({ date: '2024-12-02', phrase: 'Monday, 2 December' });
    expect(detect('Szabadságon vagyok január 6-ig.', 'hu')).toEqual({ date: '2025-01-07', phrase: 'január 6-ig' });
  });

  it('moves a return on a weekend to the Monday, and an inclusive end to the next working day', () => {
    expect(detect('I will be back on Saturday, 30 November.')?.date).toBe('2024-12-02');
    expect(detect('I am on leave through Friday.')?.date).toBe('2024-12-02');
  });

  it('prefers an explicit "back on" to an absence span', () => {
    expect(detect('Out from 2 December to 6 December, back in the office on 10 December.')?.date).toBe('2024-12-10');
  });

  it('ignores dates already past and dates not about the absence', () => {
    expect(detect('I was back on 1 November.')).toBeUndefined();
    expect(detect('The offer is valid until Friday.')).toBeUndefined();
    expect(detect('Please call me on Monday.')).toBeUndefined();
  });

  it('never throws', () => {
    expect(() => detect('\ud800'.repeat(10) + 'until Dec'.repeat(50_000))).not.toThrow();
    expect(() =>
      detectReturnDate({
        subject: undefined as unknown as string,
        visibleText: null as unknown as string,
        language: 'hu',
        sentAt: new Date(Number.NaN),
        timeZone: '',
      }),
    ).not.toThrow();
  });
});
