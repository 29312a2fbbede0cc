/**
 * Public holidays from the maintained `date-holidays` data set, as day numbers per local year.
 *
 * Only holidays of type `public` count: bank, school, optional and observance days are working
 * days for a freelancer's client. A holiday that lasts several days (some religious feasts do)
 * makes each of those days a holiday; its time of day is ignored, because a public holiday is
 * a day off as a whole, whatever hour the data says it begins (Islamic feasts begin at the
 * previous sunset in this data set).
 */
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { DAY_MS, parseLocalDate, yearSpan } from './civil-date';

export interface HolidayRegion {
  country: string;
  state?: string;
  region?: string;
}

const MAX_CACHED_YEARS = 1000;

let catalogue: Holidays | undefined;

function holidayCatalogue(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

function upperKeys(record: Record<string, string> | undefined): Set<string> {
  return new Set(Object.keys(record ?? {}).map((key) => key.toUpperCase()));
}

/**
 * Reads 'HU', 'US-NY' or 'DE-BY-A' (country, state, region) and checks each part against the
 * data set; undefined when any part is unknown.
 */
export function parseHolidayRegion(code: string): HolidayRegion | undefined {
  if (typeof code !== 'string' || !/^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,4}){0,2}$/.test(code)) return undefined;
  const [country = '', state, region] = code.toUpperCase().split('-');
  try {
    const data = holidayCatalogue();
    if (!upperKeys(data.getCountries()).has(country)) return undefined;
    if (state === undefined) return { country };
    if (!upperKeys(data.getStates(country)).has(state)) return undefined;
    if (region === undefined) return { country, state };
    if (!upperKeys(data.getRegions(country, state)).has(region)) return undefined;
    return { country, state, region };
  } catch {
    return undefined;
  }
}

/** Holiday day numbers of one region, computed once per year and kept. */
export class PublicHolidays {
  private readonly data: Holidays;
  private readonly byYear = new Map<number, ReadonlySet<number>>();
  private readonly byDataYear = new Map<number, readonly number[]>();

  constructor(readonly region: HolidayRegion) {
    this.data = new Holidays({ ...region }, { types: ['public'] });
  }

  /** Holidays falling in local year `year`, including the tail of a multi-day holiday begun the year before. */
  inYear(year: number): ReadonlySet<number> {
    const cached = this.byYear.get(year);
    if (cached) return cached;
    const { first, afterLast } = yearSpan(year);
    const days = new Set<number>();
    for (const dataYear of [year - 1, year]) {
      for (const day of this.holidayDays(dataYear)) {
        if (day >= first && day < afterLast) days.add(day);
      }
    }
    if (this.byYear.size >= MAX_CACHED_YEARS) this.byYear.clear();
    this.byYear.set(year, days);
    return days;
  }

  /** Each year of the data set is computed once although two local years read it. */
  private holidayDays(dataYear: number): readonly number[] {
    const cached = this.byDataYear.get(dataYear);
    if (cached) return cached;
    const days = this.readHolidayDays(dataYear);
    if (this.byDataYear.size >= MAX_CACHED_YEARS) this.byDataYear.clear();
    this.byDataYear.set(dataYear, days);
    return days;
  }

  private readHolidayDays(dataYear: number): number[] {
    let holidays: HolidaysTypes.Holiday[];
    try {
      holidays = this.data.getHolidays(dataYear) || [];
    } catch {
      // A data-set failure must not stop the arithmetic; the year then has no holidays.
      return [];
    }
    const days: number[] = [];
    for (const holiday of holidays) {
      if (holiday.type !== 'public') continue;
      const first = parseLocalDate(String(holiday.date).slice(0, 10));
      if (first === undefined) continue;
      const span = Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS);
      const length = Number.isFinite(span) ? Math.min(Math.max(span, 1), 31) : 1;
      for (let offset = 0; offset < length; offset++) days.push(first + offset);
    }
    return days;
  }
}

const regions = new Map<string, PublicHolidays>();

/** One shared instance per region: the data set is the same for every calendar that uses it. */
export function publicHolidays(region: HolidayRegion): PublicHolidays {
  const key = [region.country, region.state, region.region].filter((part) => part !== undefined).join('-');
  let found = regions.get(key);
  if (!found) {
    found = new PublicHolidays(region);
    regions.set(key, found);
  }
  return found;
}
