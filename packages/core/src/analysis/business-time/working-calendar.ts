/**
 * A client's working calendar as configured (PRODUCT §3 "Business time"), and the checks that
 * turn a bad configuration into readable problems instead of wrong numbers.
 */
import { parseLocalDate } from './civil-date';
import { type HolidayRegion, parseHolidayRegion } from './public-holidays';
import { isKnownTimeZone } from './zone-offsets';

export interface WorkingCalendar {
  /** IANA zone, e.g. 'Europe/Budapest'. */
  timezone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local wall-clock 'HH:MM', start < end (same day). */
  startsAt: string;
  endsAt: string;
  /** ISO 3166-1 alpha-2 (optionally 'HU' / 'US-NY' style state) for public holidays. */
  country?: string;
  /** Extra non-working local dates 'YYYY-MM-DD' (the operator's own days off). */
  daysOff?: string[];
}

export type CalendarProblem = { field: string; message: string };

/** The calendar in the form the arithmetic uses. */
export interface ParsedCalendar {
  timezone: string;
  workingDays: ReadonlySet<number>;
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  holidayRegion?: HolidayRegion;
  daysOff: ReadonlySet<number>;
}

const clockPattern = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of 'HH:MM' (00:00–23:59; '24:00' too when `endOfDay`), else undefined. */
export function parseClockTime(text: unknown, endOfDay: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = clockPattern.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (endOfDay && hours === 24 && minutes === 0) return 24 * 60;
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** Problems with a calendar (unknown zone, bad HH:MM, start ≥ end, weekdays out of 1..7 or empty, unknown country, bad dates); [] when valid. */
export function validateWorkingCalendar(calendar: WorkingCalendar): CalendarProblem[] {
  return parseWorkingCalendar(calendar).problems;
}

/**
 * Parses and checks in one pass, so that validation and use can never disagree. Written for
 * values that arrive from JSON too: a field of the wrong type is a problem, not a crash.
 */
export function parseWorkingCalendar(calendar: WorkingCalendar): { parsed?: ParsedCalendar; problems: CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  if (typeof calendar !== 'object' || calendar === null) {
    return { problems: [{ field: 'calendar', message: 'expected a working calendar object' }] };
  }
  const { timezone, workingDays, startsAt, endsAt, country, daysOff } = calendar;

  if (!isKnownTimeZone(timezone)) {
    problems.push({ field: 'timezone', message: `unknown IANA time zone ${JSON.stringify(String(timezone).slice(0, 64))}` });
  }

  const weekdays = new Set<number>();
  if (!Array.isArray(workingDays) || workingDays.length === 0) {
    problems.push({ field: 'workingDays', message: 'expected at least one ISO weekday (1 = Monday … 7 = Sunday)' });
  } else {
    for (const day of workingDays) {
      if (Number.isInteger(day) && day >= 1 && day <= 7) weekdays.add(day);
      else problems.push({ field: 'workingDays', message: `${JSON.stringify(day) ?? String(day)} is not an ISO weekday 1..7` });
    }
  }

  const startMinute = parseClockTime(startsAt, false);
  const endMinute = parseClockTime(endsAt, true);
  if (startMinute === undefined) problems.push({ field: 'startsAt', message: 'expected local time HH:MM (00:00–23:59)' });
  if (endMinute === undefined) problems.push({ field: 'endsAt', message: 'expected local time HH:MM (00:01–24:00)' });
  if (startMinute !== undefined && endMinute !== undefined && startMinute >= endMinute) {
    problems.push({ field: 'endsAt', message: `working hours must end after they start (${startsAt}–${endsAt})` });
  }

  let holidayRegion: HolidayRegion | undefined;
  if (country !== undefined) {
    holidayRegion = parseHolidayRegion(country);
    if (!holidayRegion) {
      problems.push({ field: 'country', message: `no public-holiday data for ${JSON.stringify(String(country).slice(0, 16))}` });
    }
  }

  const offDays = new Set<number>();
  if (daysOff !== undefined && !Array.isArray(daysOff)) {
    problems.push({ field: 'daysOff', message: 'expected a list of YYYY-MM-DD dates' });
  } else {
    (daysOff ?? []).forEach((date, index) => {
      const day = typeof date === 'string' ? parseLocalDate(date) : undefined;
      if (day === undefined) problems.push({ field: `daysOff[${index}]`, message: 'expected a calendar date YYYY-MM-DD' });
      else offDays.add(day);
    });
  }

  if (problems.length > 0 || startMinute === undefined || endMinute === undefined) return { problems };
  return {
    parsed: { timezone, workingDays: weekdays, startMinute, endMinute, holidayRegion, daysOff: offDays },
    problems,
  };
}
