import { describe, expect, it } from 'vitest';
import { findAmounts, parseAmountMinor } from './amounts';
import { findInvoiceNumber } from './invoice-number';
import { formatMinor } from './money-text';

describe('amounts', () => {
  it.each([
    ['€1,250.00', 125_000, 'EUR'],
    ['1 250 000 Ft', 125_000_000, 'HUF'],
    ['HUF 150.000', 15_000_000, 'HUF'],
    ['1.250,50 EUR', 125_050, 'EUR'],
    ['$500', 50_000, 'USD'],
    ['£480', 48_000, 'GBP'],
    ['180 000 Ft-ot', 18_000_000, 'HUF'],
    ['2 000 forintot', 200_000, 'HUF'],
    ['CHF 99.9', 9_990, 'CHF'],
  ])('%s → %i %s', (text, amountMinor, currency) => {
    expect(findAmounts(`total: ${text}, thanks`).map(({ amountMinor, currency }) => ({ amountMinor, currency }))).toEqual([
      { amountMinor, currency },
    ]);
  });

  it('never goes through floats and rejects what is not a number', () => {
    expect(parseAmountMinor('0.10')).toBe(10);
    expect(parseAmountMinor('1,005.07')).toBe(100_507);
    expect(parseAmountMinor('99999999999999999')).toBeUndefined();
    expect(findAmounts('version 1.2, 15 hours, 3 Ftx')).toEqual([]);
  });

  it('formats minor units per currency', () => {
    expect(formatMinor(125_000, 'EUR')).toBe('EUR 1,250.00');
    expect(formatMinor(18_000_000, 'HUF')).toBe('HUF 180,000.00');
    expect(formatMinor(5_000, 'JPY')).toBe('JPY 5,000');
    expect(formatMinor(5, 'KWD')).toBe('KWD 0.005');
  });
});

describe('invoice numbers', () => {
  it.each([
    ['Invoice #2026-041 attached', '2026-041'],
    ['Invoice No. INV-0042.', 'INV-0042'],
    ['számla száma: ABC-2024/15', 'ABC-2024/15'],
    ['a 2024/015 számú számla', '2024/015'],
    ['re INV_778 thanks', 'INV_778'],
    ['díjbekérő 2026-17', '2026-17'],
  ])('%s → %s', (text, number) => {
    expect(findInvoiceNumber(text)).toBe(number);
  });

  it('does not take a date, an amount or a plain word for a number', () => {
    expect(findInvoiceNumber('the invoice 2026-12-05 is due')).toBeUndefined();
    expect(findInvoiceNumber('invoice 1,250.00 EUR')).toBeUndefined();
    expect(findInvoiceNumber('invoice 1250 EUR')).toBeUndefined();
    expect(findInvoiceNumber('the invoice for October')).toBeUndefined();
  });
});
