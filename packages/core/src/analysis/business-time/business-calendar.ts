/**
 * Business time in one client's working calendar: how much of an interval falls inside
 * working hours, and the instant a given amount of working time after another.
 *
 * Working time is a set of instants: those whose local date (in the calendar's zone) is a
 * working day — a configured weekday, not a public holiday, not one of the operator's days
 * off — and whose local wall-clock time lies in [startsAt, endsAt). That definition settles
 * the daylight-saving cases without special rules: on a spring-forward day the skipped hour
 * is not working time (09:00–17:00 lasts 7 hours if the jump falls inside it), on a fall-back
 * day the repeated hour counts twice (9 hours), and working hours that begin or end inside a
 * skipped or repeated hour take exactly the wall-clock times that exist.
 *
 * Each local day's working time is computed once, as a few [start, end) instant intervals,
 * from the zone's offset table; a local year's days are computed together and the year's
 * total kept, so an interval spanning years costs its end years plus one addition per year.
 */
import { DAY_MS, formatDayNumber, isoWeekday, parseLocalDate, yearOfDayNumber, yearSpan } from './civil-date';
import { type PublicHolidays, publicHolidays } from './public-holidays';
import { type ParsedCalendar, parseWorkingCalendar, type WorkingCalendar } from './working-calendar';
import { type ZoneOffsets, zoneOffsets } from './zone-offsets';

export const BUSINESS_HOUR = 3_600_000;

/**
 * Instants outside [1900-01-01, 2200-01-01) UTC have no working time. The bound keeps every
 * call's work finite (a year costs one holiday computation and one offset table) whatever
 * dates arrive; no client conversation lies outside it.
 */
export const SUPPORTED_FROM = Date.UTC(1900, 0, 1);
export const SUPPORTED_UNTIL = Date.UTC(2200, 0, 1);

export interface BusinessCalendar {
  readonly calendar: WorkingCalendar;
  /** Business milliseconds in [from, to); 0 when to <= from. Exact across DST changes and year ends. */
  millisBetween(from: Date, to: Date): number;
  /** The instant that lies `millis` business milliseconds after `from` (for SLA deadlines); from itself when millis <= 0 and from is inside working time, else the next working instant for 0. */
  addBusinessMillis(from: Date, millis: number): Date;
  isWorkingInstant(at: Date): boolean;
  /** The first working instant at or after `at`. */
  nextWorkingInstant(at: Date): Date;
  /** Is this local date (YYYY-MM-DD in the calendar's zone) a working day (weekday, not a holiday, not a day off)? */
  isWorkingDay(localDate: string): boolean;
  /** Local date 'YYYY-MM-DD' of an instant in the calendar's zone. */
  localDate(at: Date): string;
  /** Length of a full working day in ms (as configured; DST days still count wall-clock hours, i.e. the local 09:00–17:00 interval's real length). */
  readonly workingDayMillis: number;
  /** Working days whose working hours intersect [from, to) — business days, fractional: millisBetween / workingDayMillis. */
  businessDaysBetween(from: Date, to: Date): number;
}

/** A reusable, memoising view of one calendar; throws a TypeError naming the field if the calendar is invalid (the only throw). */
/**
 * Views by calendar: a view is immutable (its own copy of the calendar) and only caches, so
 * one per distinct calendar can serve every caller. Each thread analysis, rollup and ladder
 * evaluation asks for its client's calendar; building a fresh view each time rebuilt a year
 * of working intervals per job. Bounded, in case calendars are many.
 */
const views = new Map<string, CalendarView>();
const MAX_VIEWS = 256;

export function businessCalendar(calendar: WorkingCalendar): BusinessCalendar {
  const { parsed, problems } = parseWorkingCalendar(calendar);
  if (!parsed) {
    const detail = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new TypeError(`invalid working calendar: ${detail}`);
  }
  const copy = snapshot(calendar);
  const key = JSON.stringify(copy);
  const known = views.get(key);
  if (known) return known;
  const view = new CalendarView(copy, parsed);
  if (views.size >= MAX_VIEWS) views.clear();
  views.set(key, view);
  return view;
}

/** A private copy, so that later changes to the caller's object cannot desynchronise the caches. */
function snapshot(calendar: WorkingCalendar): WorkingCalendar {
  const copy: WorkingCalendar = {
    timezone: calendar.timezone,
    workingDays: [...calendar.workingDays],
    startsAt: calendar.startsAt,
    endsAt: calendar.endsAt,
  };
  if (calendar.country !== undefined) copy.country = calendar.country;
  if (calendar.daysOff !== undefined) copy.daysOff = [...calendar.daysOff];
  return Object.freeze(copy);
}

type Interval = readonly [start: number, end: number];

interface YearPlan {
  first: number;
  afterLast: number;
  /** Working intervals of each day, indexed by day number − first; in time order. */
  days: ReadonlyArray<readonly Interval[]>;
  total: number;
}

/** Further than any UTC offset (±14 h today, under ±16 h in history) reaches. */
const OFFSET_REACH = 26 * BUSINESS_HOUR;
const MAX_CACHED_PLANS = 400;
const FIRST_SUPPORTED_YEAR = 1900;
const LAST_SUPPORTED_YEAR = 2199;

/** Milliseconds of a Date clamped into the supported range; NaN for an invalid or non-Date value. */
function clampedTime(at: Date): number {
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  return Number.isNaN(time) ? time : Math.min(Math.max(time, SUPPORTED_FROM), SUPPORTED_UNTIL);
}

function copyOf(at: Date): Date {
  return new Date(at instanceof Date ? at.getTime() : Number.NaN);
}

class CalendarView implements BusinessCalendar {
  readonly workingDayMillis: number;
  private readonly offsets: ZoneOffsets;
  private readonly holidays: PublicHolidays | undefined;
  private readonly plans = new Map<number, YearPlan>();
  private lastPlan: YearPlan | undefined;

  constructor(
    readonly calendar: WorkingCalendar,
    private readonly parsed: ParsedCalendar,
  ) {
    this.workingDayMillis = (parsed.endMinute - parsed.startMinute) * 60_000;
    this.offsets = zoneOffsets(parsed.timezone);
    this.holidays = parsed.holidayRegion ? publicHolidays(parsed.holidayRegion) : undefined;
  }

  millisBetween(from: Date, to: Date): number {
    const start = clampedTime(from);
    const end = clampedTime(to);
    return end > start ? this.sum(start, end) : 0;
  }

  businessDaysBetween(from: Date, to: Date): number {
    return this.millisBetween(from, to) / this.workingDayMillis;
  }

  addBusinessMillis(from: Date, millis: number): Date {
    const start = clampedTime(from);
    if (Number.isNaN(start)) return copyOf(from);
    // Dates hold whole milliseconds, so the amount is rounded to one.
    const amount = Number.isNaN(millis) ? 0 : Math.round(millis);
    if (amount <= 0) return this.nextWorkingInstant(from);
    const reached = this.firstInstantReaching(start, amount);
    return new Date(reached ?? Math.max(from.getTime(), SUPPORTED_UNTIL));
  }

  nextWorkingInstant(at: Date): Date {
    const start = clampedTime(at);
    if (Number.isNaN(start)) return copyOf(at);
    // The first working millisecond is the one whose end first brings one business ms.
    const reached = this.firstInstantReaching(start, 1);
    return new Date(reached === undefined ? Math.max(at.getTime(), SUPPORTED_UNTIL) : reached - 1);
  }

  isWorkingInstant(at: Date): boolean {
    const time = at instanceof Date ? at.getTime() : Number.NaN;
    if (!(time >= SUPPORTED_FROM && time < SUPPORTED_UNTIL)) return false;
    return this.intervalsOf(this.localDay(time)).some(([start, end]) => time >= start && time < end);
  }

  isWorkingDay(localDate: string): boolean {
    const day = typeof localDate === 'string' ? parseLocalDate(localDate) : undefined;
    if (day === undefined) return false;
    const year = yearOfDayNumber(day);
    return year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR && this.isWorkingDayNumber(day, year);
  }

  localDate(at: Date): string {
    const time = at instanceof Date ? at.getTime() : Number.NaN;
    return Number.isNaN(time) ? '' : formatDayNumber(this.localDay(time));
  }

  /** Business ms in [start, end), both inside the supported range. */
  private sum(start: number, end: number): number {
    // One day of margin each side: around a fall-back at midnight the local date of an
    // instant can be one less than that of an earlier instant.
    const firstDay = this.localDay(start) - 1;
    const lastDay = this.localDay(end) + 1;
    let total = 0;
    let day = firstDay;
    while (day <= lastDay) {
      const plan = this.planOf(day);
      // A whole year two days inside both ends lies entirely within [start, end).
      if (day === plan.first && plan.first >= firstDay + 3 && plan.afterLast - 1 <= lastDay - 3) {
        total += plan.total;
        day = plan.afterLast;
        continue;
      }
      for (const [from, to] of plan.days[day - plan.first] ?? []) {
        const overlap = Math.min(to, end) - Math.max(from, start);
        if (overlap > 0) total += overlap;
      }
      day++;
    }
    return total;
  }

  /**
   * The smallest instant x with sum(start, x) >= amount, or undefined before the end of the
   * supported range. sum grows by 0 or 1 per millisecond, so there sum is exactly `amount`.
   * Found by walking the working intervals forward from `start` (whole years at a time where
   * a year lies entirely ahead and holds less than what is left): one pass over the days
   * crossed, where bisection would re-sum the same stretch some forty times.
   */
  private firstInstantReaching(start: number, amount: number): number | undefined {
    let remaining = amount;
    // One day of margin before, as in sum(): around a fall-back at midnight the day holding
    // `start` may begin on the previous local date.
    const firstDay = this.localDay(start) - 1;
    let day = firstDay;
    while (yearOfDayNumber(day) <= LAST_SUPPORTED_YEAR) {
      const plan = this.planOf(day);
      if (day === plan.first && plan.first >= firstDay + 3 && plan.total < remaining) {
        remaining -= plan.total;
        day = plan.afterLast;
        continue;
      }
      for (const [from, to] of plan.days[day - plan.first] ?? []) {
        const begin = Math.max(from, start);
        if (to <= begin) continue;
        if (to - begin >= remaining) {
          const reached = begin + remaining;
          return reached <= SUPPORTED_UNTIL ? reached : undefined;
        }
        remaining -= to - begin;
      }
      day++;
    }
    return undefined;
  }

  private localDay(time: number): number {
    return Math.floor((time + this.offsets.offsetAt(time)) / DAY_MS);
  }

  private isWorkingDayNumber(day: number, year: number): boolean {
    if (!this.parsed.workingDays.has(isoWeekday(day))) return false;
    if (this.parsed.daysOff.has(day)) return false;
    return !this.holidays?.inYear(year).has(day);
  }

  private intervalsOf(day: number): readonly Interval[] {
    const plan = this.planOf(day);
    return plan.days[day - plan.first] ?? [];
  }

  private planOf(day: number): YearPlan {
    const last = this.lastPlan;
    if (last && day >= last.first && day < last.afterLast) return last;
    const year = yearOfDayNumber(day);
    let plan = this.plans.get(year);
    if (!plan) {
      plan = this.buildPlan(year);
      if (this.plans.size >= MAX_CACHED_PLANS) this.plans.clear();
      this.plans.set(year, plan);
    }
    this.lastPlan = plan;
    return plan;
  }

  private buildPlan(year: number): YearPlan {
    const { first, afterLast } = yearSpan(year);
    const days: Interval[][] = [];
    let total = 0;
    for (let day = first; day < afterLast; day++) {
      const intervals = this.isWorkingDayNumber(day, year) ? this.workingIntervals(day) : [];
      for (const [start, end] of intervals) total += end - start;
      days.push(intervals);
    }
    return { first, afterLast, days, total };
  }

  /**
   * The instants of local day `day` whose wall-clock time is within working hours: within
   * each stretch of constant offset o, wall time w is reached at instant w − o.
   */
  private workingIntervals(day: number): Interval[] {
    const wallStart = day * DAY_MS + this.parsed.startMinute * 60_000;
    const wallEnd = day * DAY_MS + this.parsed.endMinute * 60_000;
    const pieces: Array<[number, number]> = [];
    for (const segment of this.offsets.segments(wallStart - OFFSET_REACH, wallEnd + OFFSET_REACH)) {
      const start = Math.max(segment.start, wallStart - segment.offset);
      const end = Math.min(segment.end, wallEnd - segment.offset);
      if (end > start) pieces.push([start, end]);
    }
    pieces.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const piece of pieces) {
      const previous = merged[merged.length - 1];
      if (previous && previous[1] === piece[0]) previous[1] = piece[1];
      else merged.push(piece);
    }
    return merged;
  }
}
