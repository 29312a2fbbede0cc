/**
 * Amounts in plain words for reasons ("EUR 1,250.00"). Minor units follow ISO 4217:
 * most currencies have two decimals (HUF too: the fillér still exists on paper).
 */
const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'XOF', 'XAF', 'UGX', 'PYG']);
const THREE_DECIMALS = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);

export function minorDigits(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  return THREE_DECIMALS.has(currency) ? 3 : 2;
}

export function formatMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  const major = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minor = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${currency} ${negative ? '-' : ''}${major}${minor}`;
}
