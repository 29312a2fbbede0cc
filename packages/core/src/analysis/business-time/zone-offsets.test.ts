import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zoneOffsets } from './zone-offsets';

const HOUR = 3_600_000;

/** Offset straight from the wall-clock fields, independent of the module's parsing. */
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockOffset(timeZone: string, instant: number): number {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  formats.set(timeZone, format);
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const second = Math.floor(instant / 1000) * 1000;
  return Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0) - second;
}

describe('zone offsets', () => {
  it('finds the exact 2026 DST changes in Budapest, New York and Lord Howe', () => {
    const starts = (zone: string) =>
      zoneOffsets(zone)
        .segments(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))
        .map((s) => [new Date(s.start).toISOString(), s.offset / 60_000]);
    expect(starts('Europe/Budapest')).toEqual([
      ['2026-01-01T00:00:00.000Z', 60],
      ['2026-03-29T01:00:00.000Z', 120],
      ['2026-10-25T01:00:00.000Z', 60],
    ]);
    expect(starts('America/New_York')).toEqual([
      ['2026-01-01T00:00:00.000Z', -300],
      ['2026-03-08T07:00:00.000Z', -240],
      ['2026-11-01T06:00:00.000Z', -300],
    ]);
    expect(starts('Australia/Lord_Howe')).toEqual([
      ['2026-01-01T00:00:00.000Z', 660],
      ['2026-04-04T15:00:00.000Z', 630],
      ['2026-10-03T15:30:00.000Z', 660],
    ]);
    expect(starts('Asia/Kathmandu')).toEqual([['2026-01-01T00:00:00.000Z', 345]]);
  });

  it('reads offsets with seconds (Monrovia until 1972)', () => {
    expect(zoneOffsets('Africa/Monrovia').offsetAt(Date.UTC(1970, 5, 1))).toBe(-(44 * 60 + 30) * 1000);
  });

  it('agrees with the wall clock at arbitrary instants in zones with changes', () => {
    const zones = [
      'Europe/Budapest',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/Havana',
      'Asia/Kathmandu',
      'Africa/Casablanca',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (zone, instant) => {
        expect(zoneOffsets(zone).offsetAt(instant)).toBe(wallClockOffset(zone, instant));
      }),
      { numRuns: 400 },
    );
  });

  it('segments are contiguous and cover the requested range', () => {
    const segments = zoneOffsets('Africa/Casablanca').segments(Date.UTC(2025, 5, 1), Date.UTC(2027, 5, 1));
    expect(segments[0]?.start).toBe(Date.UTC(2025, 5, 1));
    expect(segments.at(-1)?.end).toBe(Date.UTC(2027, 5, 1));
    for (let i = 1; i < segments.length; i++) expect(segments[i]?.start).toBe(segments[i - 1]?.end);
    // Morocco leaves +01 for Ramadan each year: at least two changes a year.
    expect(new Set(segments.map((s) => s.offset))).toEqual(new Set([0, HOUR]));
    expect(segments.filter((s) => s.offset === 0).length).toBeGreaterThanOrEqual(2);
  });

  it('knows real zone names only', () => {
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Asia/Katmandu')).toBe(true); // a backward-compatible alias
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
