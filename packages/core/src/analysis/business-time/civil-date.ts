/**
 * Calendar dates as whole day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar), so that "the next day", weekdays and year boundaries are integer arithmetic
 * instead of Date objects whose meaning depends on a zone. The conversions are the classic
 * era-based ones (400-year cycles of 146 097 days): exact for every integer, no Date range.
 */
export const DAY_MS = 86_400_000;

const DAYS_PER_ERA = 146_097;
/** Day number of 0000-03-01, the start of the era arithmetic. */
const ERA_EPOCH_SHIFT = 719_468;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Day number of a `YYYY-MM-DD` string, or undefined when it is not a real calendar date. */
export function parseLocalDate(text: string): number | undefined {
  const match = isoDatePattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a calendar date; month 1..12 and day within the month. */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Years start in March here, so that the leap day is the last day of its year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - ERA_EPOCH_SHIFT;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const shifted = dayNumber + ERA_EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** `YYYY-MM-DD` of a day number. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilDateOf(dayNumber);
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilDateOf(dayNumber).year;
}

/** Day numbers of January 1st of `year` and of the year after. */
export function yearSpan(year: number): { first: number; afterLast: number } {
  return { first: dayNumberOf(year, 1, 1), afterLast: dayNumberOf(year + 1, 1, 1) };
}
