import type { EmailLocale } from './kinds';

/**
 * Locale formatting for what templates show. Amounts arrive in minor units (as in
 * @firmly/core's Money), dates as Date or ISO strings.
 */

/** Structurally the same as core's Money, so callers pass theirs unchanged. */
export interface MoneyAmount {
  readonly amountMinor: bigint | number;
  readonly currency: string;
}

/** A calendar day ("2026-11-30") or an instant (Date or ISO timestamp). */
export type DateInput = Date | string;

const LANGUAGE_TAGS: Readonly<Record<EmailLocale, string>> = { en: 'en-GB', hu: 'hu-HU' };

// ISO 4217 minor units: two for most currencies (HUF too, the fillér still exists on paper).
const ZERO_DECIMALS = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'XOF', 'XAF', 'UGX', 'PYG']);
const THREE_DECIMALS = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']);
// Shown without decimals even though stored with them: nobody invoices fillér.
const SHOWN_WITHOUT_DECIMALS = new Set(['HUF']);

function minorDigits(currency: string): number {
  if (ZERO_DECIMALS.has(currency)) return 0;
  return THREE_DECIMALS.has(currency) ? 3 : 2;
}

/** Exact decimal text of a minor-unit amount, so no float ever rounds a large invoice. */
function toDecimalText(amountMinor: bigint, digits: number): `${number}` {
  const negative = amountMinor < 0n;
  const text = (negative ? -amountMinor : amountMinor).toString().padStart(digits + 1, '0');
  const major = text.slice(0, text.length - digits);
  const minor = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${major}${minor}` as `${number}`;
}

/**
 * Intl formatters, made once per locale and options: building one costs far more than using
 * it (it was four fifths of rendering an email), and they are stateless.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: EmailLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LANGUAGE_TAGS[locale], options);
    numberFormats.set(key, found);
  }
  return found;
}

function dateFormat(locale: EmailLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], options);
    dateFormats.set(key, found);
  }
  return found;
}

export function formatMoney(amount: MoneyAmount, locale: EmailLocale): string {
  const digits = minorDigits(amount.currency);
  const shown = SHOWN_WITHOUT_DECIMALS.has(amount.currency) ? 0 : digits;
  const formatter = numberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    minimumFractionDigits: shown,
    maximumFractionDigits: shown,
  });
  return formatter.format(toDecimalText(BigInt(amount.amountMinor), digits));
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "30 November 2026" / "2026. november 30.". A calendar day is shown as written; an instant
 * is shown as the day it is in the reader's time zone.
 */
export function formatDate(value: DateInput, locale: EmailLocale, timeZone = 'UTC'): string {
  const isCalendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  const date = typeof value === 'string' ? new Date(isCalendarDay ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return dateFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: isCalendarDay ? 'UTC' : timeZone }).format(date);
}

/** ISO weekday (1 = Monday … 7 = Sunday) as a word: "Monday", "hétfő". */
export function formatWeekday(isoWeekday: number, locale: EmailLocale): string {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) throw new RangeError(`ISO weekday must be 1–7, got ${isoWeekday}`);
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, isoWeekday));
  return dateFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day);
}

export function formatNumber(value: number, locale: EmailLocale, maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 as a whole percentage. */
export function formatPercent(share: number, locale: EmailLocale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Totals per currency, in the order the currencies first appear (mixed-currency debts stay separate). */
export function formatTotals(amounts: readonly MoneyAmount[], locale: EmailLocale): string {
  const totals = new Map<string, bigint>();
  for (const amount of amounts) totals.set(amount.currency, (totals.get(amount.currency) ?? 0n) + BigInt(amount.amountMinor));
  return [...totals].map(([currency, amountMinor]) => formatMoney({ amountMinor, currency }, locale)).join(' + ');
}
