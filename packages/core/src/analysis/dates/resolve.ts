/**
 * Turning the pieces of a date phrase into a calendar date against the reference day.
 */
import { addCivilDays, type CivilDate, civilDaysBetween, daysInMonth, isValidCivil, weekdayOf } from './calendar';

/**
 * How far back a date without a year may lie and still count as this year's: "I paid on
 * Nov 28" written on Dec 2 means the past Nov 28, not next year's. Everything else is the
 * next such date, so the result lies within [reference − 31 days, reference + ~11 months].
 */
const RECENT_PAST_DAYS = 31;

export function inferYear(reference: CivilDate, m: number, d: number): CivilDate | undefined {
  // Up to four years ahead so that February 29 finds its leap year.
  for (let y = reference.y - 1; y <= reference.y + 4; y++) {
    if (!isValidCivil(y, m, d)) continue;
    const candidate = { y, m, d };
    if (civilDaysBetween(reference, candidate) >= -RECENT_PAST_DAYS) return candidate;
  }
  return undefined;
}

/** The next day-of-month `d` on or after the reference ("by the 15th"), skipping months too short for it. */
export function nextDayOfMonth(reference: CivilDate, d: number): CivilDate | undefined {
  if (d < 1 || d > 31) return undefined;
  let y = reference.y;
  let m = reference.m;
  for (let step = 0; step < 3; step++) {
    if (d <= daysInMonth(y, m) && (step > 0 || d >= reference.d)) return { y, m, d };
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return undefined;
}

export function mondayOfWeek(date: CivilDate): CivilDate {
  return addCivilDays(date, -((weekdayOf(date) + 6) % 7));
}

/** "Friday": the next one on or after the reference (today when it is Friday). */
export function upcomingWeekday(reference: CivilDate, weekday: number): CivilDate {
  return addCivilDays(reference, (weekday - weekdayOf(reference) + 7) % 7);
}

/** "next Friday", "jövő pénteken": that day in the following Monday-to-Sunday week. */
export function weekdayOfNextWeek(reference: CivilDate, weekday: number): CivilDate {
  return addCivilDays(mondayOfWeek(reference), 7 + ((weekday + 6) % 7));
}

/** "last Friday": the most recent one strictly before the reference. */
export function previousWeekday(reference: CivilDate, weekday: number): CivilDate {
  const back = (weekdayOf(reference) - weekday + 7) % 7 || 7;
  return addCivilDays(reference, -back);
}

export function lastDayOfMonth(date: CivilDate): CivilDate {
  return { y: date.y, m: date.m, d: daysInMonth(date.y, date.m) };
}

export function firstOfNextMonth(date: CivilDate): CivilDate {
  return date.m === 12 ? { y: date.y + 1, m: 1, d: 1 } : { y: date.y, m: date.m + 1, d: 1 };
}

export function firstOfPreviousMonth(date: CivilDate): CivilDate {
  return date.m === 1 ? { y: date.y - 1, m: 12, d: 1 } : { y: date.y, m: date.m - 1, d: 1 };
}

export function addWorkingDays(date: CivilDate, days: number): CivilDate {
  let day = date;
  let left = days;
  while (left > 0) {
    day = addCivilDays(day, 1);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day;
}

/** Two-digit years are this century's; four-digit years outside 1900–2099 are not dates we meet in mail. */
export function fullYear(text: string): number | undefined {
  const value = Number(text);
  if (!Number.isInteger(value)) return undefined;
  if (text.length === 2) return 2000 + value;
  return value >= 1900 && value <= 2099 ? value : undefined;
}

export function civil(y: number, m: number, d: number): CivilDate | undefined {
  return isValidCivil(y, m, d) ? { y, m, d } : undefined;
}
