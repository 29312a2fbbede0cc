/**
 * UTC offsets of an IANA zone, found with `Intl.DateTimeFormat` (the only zone database we
 * have without a dependency) and kept as exact transition tables per UTC year, so that the
 * business-time arithmetic can ask "which offset applies here?" thousands of times without
 * formatting a date each time.
 *
 * A year's table is built by reading the offset at every UTC midnight and, where two
 * neighbouring readings differ, bisecting to the exact second of the change. This finds every
 * transition unless a zone changes offset and changes back within the same 24 hours, which no
 * zone in the time-zone database does.
 */
import { DAY_MS } from './civil-date';

export interface OffsetSegment {
  /** First instant (ms since epoch) of the segment. */
  start: number;
  /** First instant after the segment. */
  end: number;
  /** Local wall clock minus UTC, in ms, throughout the segment. */
  offset: number;
}

interface YearTable {
  start: number;
  end: number;
  /** Offset at `start`. */
  initialOffset: number;
  /** Changes inside (start, end), in order: from `at` on the offset is `offset`. */
  transitions: Array<{ at: number; offset: number }>;
}

const MAX_CACHED_YEARS = 1000;
/** The largest instant a Date can hold (±100 000 000 days). */
const MAX_TIME = 8.64e15;

const offsetName = /GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/**
 * Is this a time zone name the runtime's Intl knows? Answers are remembered: building an
 * Intl.DateTimeFormat to find out costs about a millisecond, and every client's calendar is
 * checked whenever it is used (a page of the review queue checked fifty, and spent most of its
 * time here). The set of zone names is small and fixed for the process, so the memo is bounded.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    answer = true;
  } catch {
    answer = false;
  }
  // Unknown names are not remembered beyond a bound, so garbage input cannot grow the memo.
  if (answer || knownZones.size < MAX_REMEMBERED_ZONES) knownZones.set(timeZone, answer);
  return answer;
}

const knownZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1_000;

export class ZoneOffsets {
  private readonly offsetFormat: Intl.DateTimeFormat;
  private readonly wallClockFormat: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearTable>();

  constructor(readonly timeZone: string) {
    this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    this.wallClockFormat = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The offset (ms) in force at an instant, from the cached tables. */
  offsetAt(instant: number): number {
    if (!(Math.abs(instant) <= MAX_TIME)) return 0;
    const table = this.yearTable(new Date(instant).getUTCFullYear());
    let offset = table.initialOffset;
    for (const transition of table.transitions) {
      if (transition.at > instant) break;
      offset = transition.offset;
    }
    return offset;
  }

  /** Constant-offset pieces covering [from, to), in order. */
  segments(from: number, to: number): OffsetSegment[] {
    const pieces: OffsetSegment[] = [];
    if (!(to > from)) return pieces;
    const lastYear = new Date(to - 1).getUTCFullYear();
    for (let year = new Date(from).getUTCFullYear(); year <= lastYear; year++) {
      const table = this.yearTable(year);
      let start = table.start;
      let offset = table.initialOffset;
      for (const transition of [...table.transitions, { at: table.end, offset: Number.NaN }]) {
        const clippedStart = Math.max(start, from);
        const clippedEnd = Math.min(transition.at, to);
        if (clippedEnd > clippedStart) pieces.push({ start: clippedStart, end: clippedEnd, offset });
        start = transition.at;
        offset = transition.offset;
      }
    }
    return pieces;
  }

  /** The offset straight from Intl (whole seconds: the database has no finer changes). */
  readOffset(instant: number): number {
    const second = Math.floor(instant / 1000) * 1000;
    // format() is several times faster than formatToParts(); the offset name ends the text.
    const match = offsetName.exec(this.offsetFormat.format(second));
    if (!match) return this.readOffsetFromWallClock(second);
    const sign = match[1] === '-' ? -1 : 1;
    const hours = Number(match[2] ?? 0);
    const minutes = Number(match[3] ?? 0);
    const seconds = Number(match[4] ?? 0);
    return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
  }

  /** Fallback for runtimes that name offsets differently: wall clock fields minus UTC. */
  private readOffsetFromWallClock(second: number): number {
    const fields = new Map<string, number>();
    for (const part of this.wallClockFormat.formatToParts(second)) {
      if (part.type !== 'literal') fields.set(part.type, Number(part.value));
    }
    const wall = new Date(0);
    wall.setUTCFullYear(fields.get('year') ?? 1970, (fields.get('month') ?? 1) - 1, fields.get('day') ?? 1);
    wall.setUTCHours(fields.get('hour') ?? 0, fields.get('minute') ?? 0, fields.get('second') ?? 0, 0);
    return wall.getTime() - second;
  }

  private yearTable(year: number): YearTable {
    const cached = this.years.get(year);
    if (cached) return cached;
    const table = this.buildYearTable(year);
    // Bounded memory in a long-running worker: far more years than any query range touches.
    if (this.years.size >= MAX_CACHED_YEARS) this.years.clear();
    this.years.set(year, table);
    return table;
  }

  private buildYearTable(year: number): YearTable {
    // The first and last years a Date can hold are partial: clip them to its range.
    const yearStart = new Date(0).setUTCFullYear(year, 0, 1);
    const yearEnd = new Date(0).setUTCFullYear(year + 1, 0, 1);
    const start = Number.isNaN(yearStart) ? -MAX_TIME : yearStart;
    const end = Number.isNaN(yearEnd) ? MAX_TIME : yearEnd;
    const initialOffset = this.readOffset(start);
    const transitions: YearTable['transitions'] = [];
    let sampleAt = start;
    let sampleOffset = initialOffset;
    while (sampleAt < end) {
      const nextAt = Math.min(sampleAt + DAY_MS, end);
      const nextOffset = this.readOffset(nextAt);
      // Several changes between two readings are found one after the other.
      let from = sampleAt;
      let fromOffset = sampleOffset;
      while (fromOffset !== nextOffset) {
        const change = this.firstChangeAfter(from, fromOffset, nextAt);
        if (change.at < end) transitions.push(change);
        from = change.at;
        fromOffset = change.offset;
      }
      sampleAt = nextAt;
      sampleOffset = nextOffset;
    }
    return { start, end, initialOffset, transitions };
  }

  /** The first whole second in (from, until] whose offset is not `fromOffset`; `until`'s offset differs. */
  private firstChangeAfter(from: number, fromOffset: number, until: number): { at: number; offset: number } {
    let same = from;
    let changed = until;
    while (changed - same > 1000) {
      const middle = same + Math.floor((changed - same) / 2000) * 1000;
      if (this.readOffset(middle) === fromOffset) same = middle;
      else changed = middle;
    }
    return { at: changed, offset: this.readOffset(changed) };
  }
}

const zones = new Map<string, ZoneOffsets>();

/** One shared table per zone: the database does not change while the process runs. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let found = zones.get(timeZone);
  if (!found) {
    found = new ZoneOffsets(timeZone);
    zones.set(timeZone, found);
  }
  return found;
}
