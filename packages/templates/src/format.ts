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

/** `key` names the options (callers build it from the few fields they vary): cheaper than serialising them per call. */
function numberFormat(locale: EmailLocale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let found = numberFormats.get(cacheKey);
  if (!found) {
    found = new Intl.NumberFormat(LANGUAGE_TAGS[locale], options);
    numberFormats.set(cacheKey, found);
  }
  return found;
}

function dateFormat(locale: EmailLocale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${key}`;
  let found = dateFormats.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], options);
    dateFormats.set(cacheKey, found);
  }
  return found;
}

export function formatMoney(amount: MoneyAmount, locale: EmailLocale): string {
  const digits = minorDigits(amount.currency);
  const shown = SHOWN_WITHOUT_DECIMALS.has(amount.currency) ? 0 : digits;
  const formatter = numberFormat(locale, `currency|${amount.currency}|${shown}`, {
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
/** Days already written out (the same due dates and reminder days recur across a batch of emails); bounded. */
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 10_000;

export function formatDate(value: DateInput, locale: EmailLocale, timeZone = 'UTC'): string {
  // A day given as text is looked up by that text before any parsing: the same due dates and
  // ask days recur across a batch, and parsing an ISO string costs more than the lookup.
  const textKey = typeof value === 'string' ? `${locale}|${timeZone}|${value}` : undefined;
  const known = textKey === undefined ? undefined : formattedDays.get(textKey);
  if (known !== undefined) return known;
  const isCalendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  const date = typeof value === 'string' ? new Date(isCalendarDay ? `${value}T00:00:00Z` : value) : value;
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError(`not a date: ${String(value)}`);
  const zone = isCalendarDay ? 'UTC' : timeZone;
  const key = textKey ?? `${locale}|${zone}|${time}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = dateFormat(locale, `day|${zone}`, { year: 'numeric', month: 'long', day: 'numeric', timeZone: zone }).format(date);
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}

/** ISO weekday (1 = Monday … 7 = Sunday) as a word: "Monday", "hétfő". */
export function formatWeekday(isoWeekday: number, locale: EmailLocale): string {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) throw new RangeError(`ISO weekday must be 1–7, got ${isoWeekday}`);
  const key = `${locale}|${isoWeekday}`;
  let name = weekdayNames.get(key);
  if (name === undefined) {
    // 2024-01-01 was a Monday.
    const day = new Date(Date.UTC(2024, 0, isoWeekday));
    name = dateFormat(locale, 'weekday', { weekday: 'long', timeZone: 'UTC' }).format(day);
    weekdayNames.set(key, name);
  }
  return name;
}

/** Seven names per locale, written out once. */
const weekdayNames = new Map<string, string>();

export function formatNumber(value: number, locale: EmailLocale, maximumFractionDigits = 1): string {
  return numberFormat(locale, `number|${maximumFractionDigits}`, { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 as a whole percentage. */
export function formatPercent(share: number, locale: EmailLocale): string {
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Totals per currency, in the order the currencies first appear (mixed-currency debts stay separate). */
export function formatTotals(amounts: readonly MoneyAmount[], locale: EmailLocale): string {
  const totals = new Map<string, bigint>();
  for (const amount of amounts) totals.set(amount.currency, (totals.get(amount.currency) ?? 0n) + BigInt(amount.amountMinor));
  return [...totals].map(([currency, amountMinor]) => formatMoney({ amountMinor, currency }, locale)).join(' + ');
}
