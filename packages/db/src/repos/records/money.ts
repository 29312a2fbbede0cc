/**
 * Money as the record keeps it: an integer count of the currency's minor unit (bigint), never
 * a float. Amounts arrive as decimal text ("1250.50") from CSV imports and leave as strings,
 * because JSON numbers lose precision past 2^53.
 */

// ISO 4217 minor units: two for most currencies (HUF too: the fillér still exists on paper,
// so 120000 HUF is 12 000 000 minor units). The same table as core's payments and the
// templates' formatting, which do not export theirs.
const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'XOF', 'XAF', 'UGX', 'PYG']);
const THREE_DECIMALS = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);

export function currencyDigits(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  return THREE_DECIMALS.has(currency) ? 3 : 2;
}

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** A current ISO 4217 code the runtime knows ("EUR", not "eur", not "ABC"). */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

const DECIMAL = /^(\d{1,15})(?:\.(\d+))?$/;

export type DecimalParse = { ok: true; minor: bigint } | { ok: false; reason: string };

/**
 * "1250.50" EUR → 125050n, exactly (string arithmetic, no float). More decimals than the
 * currency has is an error rather than a rounding: an import must not change an amount.
 */
export function decimalToMinor(text: string, currency: string): DecimalParse {
  const match = DECIMAL.exec(text.trim());
  if (!match) return { ok: false, reason: `amount "${text.slice(0, 40)}" is not a decimal number like 1250.50` };
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, reason: `amount "${text.trim()}" has more than ${digits} decimal${digits === 1 ? '' : 's'} for ${currency}` };
  }
  const minor = BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0n) return { ok: false, reason: 'amount must be more than zero' };
  return { ok: true, minor };
}

/** "EUR 1,250.50": exact decimal text for titles and reasons, from minor units. */
export function formatMinor(amountMinor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const text = (amountMinor < 0n ? -amountMinor : amountMinor).toString().padStart(digits + 1, '0');
  const major = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const minor = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${currency} ${amountMinor < 0n ? '-' : ''}${major}${minor}`;
}
