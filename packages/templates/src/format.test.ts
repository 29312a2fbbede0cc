import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatTotals, formatWeekday } from './format';

const plain = (value: string): string => value.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('shows HUF without decimals and EUR with two, from minor units', () => {
    expect(plain(formatMoney({ amountMinor: 12_000_000n, currency: 'HUF' }, 'hu'))).toBe('120 000 Ft');
    expect(plain(formatMoney({ amountMinor: 125_050, currency: 'EUR' }, 'en'))).toBe('€1,250.50');
    expect(plain(formatMoney({ amountMinor: 125_050, currency: 'EUR' }, 'hu'))).toBe('1250,50 EUR');
    expect(plain(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en'))).toBe('JP¥500');
  });

  it('keeps large amounts exact (no float rounding)', () => {
    expect(formatMoney({ amountMinor: 1_234_567_890_123_456_789n, currency: 'EUR' }, 'en')).toBe('€12,345,678,901,234,567.89');
  });

  it('adds totals per currency', () => {
    const amounts = [
      { amountMinor: 100n, currency: 'EUR' },
      { amountMinor: 200_000n, currency: 'HUF' },
      { amountMinor: 50n, currency: 'EUR' },
    ];
    expect(plain(formatTotals(amounts, 'en'))).toBe('€1.50 + HUF 2,000');
  });

  it('writes Hungarian and English dates; a calendar day stays that day in any time zone', () => {
    expect(formatDate('2026-11-30', 'hu', 'America/Los_Angeles')).toBe('2026. november 30.');
    expect(formatDate('2026-11-30', 'en')).toBe('30 November 2026');
    expect(formatDate('2026-11-30T23:30:00Z', 'hu', 'Europe/Budapest')).toBe('2026. december 1.');
    expect(() => formatDate('not a date', 'en')).toThrow(RangeError);
  });

  it('names weekdays from ISO numbers', () => {
    expect(formatWeekday(1, 'en')).toBe('Monday');
    expect(formatWeekday(7, 'hu')).toBe('vasárnap');
    expect(() => formatWeekday(0, 'en')).toThrow(RangeError);
  });
});
