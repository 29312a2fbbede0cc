import type { CivilDate } from './calendar';
import type { DateLanguage } from './types';

export interface MatchContext {
  reference: CivilDate;
  language: DateLanguage;
  months: ReadonlyMap<string, number>;
  /** The original (NFC) text at the same indices as the folded text the pattern ran on. */
  original: string;
}

export interface Resolution {
  date: CivilDate;
  relative: boolean;
  periodEnd?: CivilDate;
}

/** A date read against the reference day (today, Friday, next week), with the last day of a span. */
export function relative(date: CivilDate, periodEnd?: CivilDate): Resolution {
  return periodEnd ? { date, relative: true, periodEnd } : { date, relative: true };
}

/**
 * One phrase shape. Patterns run on folded text (see fold.ts), use the `gu` flags and only
 * bounded repetition, so each is a single linear pass over the text.
 */
export interface DateMatcher {
  name: string;
  pattern: RegExp;
  resolve(match: RegExpExecArray, context: MatchContext): Resolution | undefined;
}

/** Not inside a word or number. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';
/** Numeric dates must not continue a longer number such as 1.250.000 or 3/4/5. */
export const NUMBER_START = '(?<![\\p{L}\\p{N}.,/])';

export function group(match: RegExpExecArray, name: string): string | undefined {
  return match.groups?.[name];
}
