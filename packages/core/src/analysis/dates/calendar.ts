/**
 * Calendar-date arithmetic on plain `YYYY-MM-DD` strings, plus the one place that asks
 * `Intl` which day it is in a zone. Dates named in mail are calendar dates in the writer's
 * zone, so everything after `localDateOf` works on civil dates in UTC arithmetic, where a
 * day is always 24 hours and DST cannot shift anything.
 */
export interface CivilDate {
  readonly y: number;
  readonly m: number; // 1–12
  readonly d: number; // 1–31
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidCivil(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Parses `YYYY-MM-DD`; undefined for anything that is not a real calendar date. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidCivil(y, m, d) ? { y, m, d } : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

export function formatIsoDate(date: CivilDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

function toEpochDay(date: CivilDate): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear avoids that for tiny years.
  const probe = new Date(0);
  probe.setUTCFullYear(date.y, date.m - 1, date.d);
  return Math.round(probe.getTime() / DAY_MS);
}

function fromEpochDay(day: number): CivilDate {
  const probe = new Date(day * DAY_MS);
  return { y: probe.getUTCFullYear(), m: probe.getUTCMonth() + 1, d: probe.getUTCDate() };
}

export function addCivilDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function civilDaysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return civilDaysBetween(b, a);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(date: CivilDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Monday to Friday. Public holidays are not known here (the client's country is not). */
export function isWorkingDay(date: CivilDate): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** The date itself when it is a working day, otherwise the following Monday. */
export function onOrNextWorkingDay(date: CivilDate): CivilDate {
  let day = date;
  while (!isWorkingDay(day)) day = addCivilDays(day, 1);
  return day;
}

export function nextWorkingDayAfter(date: CivilDate): CivilDate {
  return onOrNextWorkingDay(addCivilDays(date, 1));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_ZONES = 64;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
  } catch {
    // An unknown zone must not take the analysis down: UTC is the least surprising view.
    return formatterFor('UTC');
  }
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The calendar date an instant falls on in an IANA zone (UTC for an unknown zone or invalid instant's epoch). */
export function localDateOf(instant: Date, timeZone: string): CivilDate {
  const time = instant.getTime();
  const safe = Number.isFinite(time) ? instant : new Date(0);
  let y = 1970;
  let m = 1;
  let d = 1;
  for (const part of formatterFor(timeZone).formatToParts(safe)) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return isValidCivil(y, m, d) ? { y, m, d } : { y: 1970, m: 1, d: 1 };
}
