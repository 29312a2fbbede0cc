import { zoneOffsets } from '../business-time/zone-offsets';

/**
 * The first instant of a local calendar day ('YYYY-MM-DD') in an IANA zone, read from the
 * business calendar's cached offset tables. Two passes of the offset settle it across a DST
 * change; a day that starts inside a spring-forward gap (a few zones change at midnight)
 * starts at the first wall time that exists. Undefined for a string that is not a calendar
 * date, or a zone that does not exist.
 */
export function startOfLocalDay(localDate: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(wall)) return undefined;
  let offsets: ReturnType<typeof zoneOffsets>;
  try {
    offsets = zoneOffsets(timeZone);
  } catch {
    return undefined;
  }
  let guess = wall - offsets.offsetAt(wall);
  guess = wall - offsets.offsetAt(guess);
  // In a gap the computed instant reads as the previous day's evening: move to the day itself.
  return new Date(offsets.offsetAt(guess) + guess < wall ? guess + 3_600_000 : guess);
}
