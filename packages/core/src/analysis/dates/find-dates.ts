/**
 * Finds the dates named in a text (English and Hungarian). Every phrase shape is its own
 * matcher; their hits are merged left to right, and where two overlap the one that starts
 * first (then the longer one) wins, so "Monday, 2 December" is one date, not two.
 */
import { absoluteMatchers } from './absolute-matchers';
import { type CivilDate, compareCivil, formatIsoDate, localDateOf } from './calendar';
import { englishRelativeMatchers } from './english-relative';
import { foldForMatching } from './fold';
import { hungarianRelativeMatchers } from './hungarian-relative';
import type { DateMatcher, MatchContext, Resolution } from './matcher';
import type { DateLanguage, DateScan, FindDatesOptions, FoundDate } from './types';
import { monthWords } from './vocabulary';

/** Visible text of a real email is a few KB; beyond this we read the beginning and say so. */
export const MAX_DATE_SCAN_CHARS = 100_000;

const matchersByLanguage = new Map<DateLanguage, DateMatcher[]>();

function matchersFor(language: DateLanguage): DateMatcher[] {
  const cached = matchersByLanguage.get(language);
  if (cached) return cached;
  const relative = language === 'hu' ? hungarianRelativeMatchers() : englishRelativeMatchers();
  const matchers = [...absoluteMatchers(language), ...relative];
  matchersByLanguage.set(language, matchers);
  return matchers;
}

interface Hit extends Resolution {
  start: number;
  end: number;
}

function toFound(hit: Hit, original: string): FoundDate {
  const found: FoundDate = { date: formatIsoDate(hit.date), phrase: original.slice(hit.start, hit.end), relative: hit.relative };
  if (hit.periodEnd && compareCivil(hit.periodEnd, hit.date) > 0) found.periodEnd = formatIsoDate(hit.periodEnd);
  return found;
}

/** Like `findDates`, and says whether the text had to be cut to the scan limit. */
export function scanDates(text: string, options: FindDatesOptions): DateScan {
  const language: DateLanguage = options.language === 'hu' ? 'hu' : 'en';
  const normalised = typeof text === 'string' ? text.normalize('NFC') : '';
  const truncated = normalised.length > MAX_DATE_SCAN_CHARS;
  const original = truncated ? normalised.slice(0, MAX_DATE_SCAN_CHARS) : normalised;
  const folded = foldForMatching(original);
  const reference: CivilDate = localDateOf(options.reference, options.timeZone);
  const context: MatchContext = { reference, language, months: monthWords(language), original };

  const hits: Hit[] = [];
  for (const matcher of matchersFor(language)) {
    matcher.pattern.lastIndex = 0;
    for (const match of folded.matchAll(matcher.pattern)) {
      const resolution = matcher.resolve(match, context);
      if (resolution) hits.push({ ...resolution, start: match.index, end: match.index + match[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);

  const dates: FoundDate[] = [];
  let consumedUntil = 0;
  for (const hit of hits) {
    if (hit.start < consumedUntil) continue;
    dates.push(toFound(hit, original));
    consumedUntil = hit.end;
  }
  return { dates, truncated };
}

/**
 * A date named in free text (EN + HU): absolute (2026-12-05, 2026.12.05., 12/05/2026 and
 * 05/12/2026 in the language's order, "December 5", "Dec 5th", "5 December", "december 5.",
 * "december 5-ig", "dec. 5-én") or relative to `reference` ("today", "tomorrow", "Friday",
 * "next week", "end of the month", "holnap", "pénteken", "jövő héten", "a hónap végéig").
 * Dates are local calendar dates in `timeZone`'s view of `reference`. A date without a year
 * is the next such date, unless it lies at most 31 days back ("paid on Nov 28" said on Dec 2).
 */
export function findDates(text: string, options: FindDatesOptions): FoundDate[] {
  return scanDates(text, options).dates;
}
