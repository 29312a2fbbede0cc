export type DateLanguage = 'en' | 'hu';

/**
 * A date named in text. `date` is a local calendar date (YYYY-MM-DD). For phrases that
 * name a span ("next week", "July 10–31", "jövő hónapban") `date` is its first day and
 * `periodEnd` its last (for weeks: the Friday, since payments and returns are working-day
 * matters). `relative` is true when the phrase only means something against the reference
 * ("Friday", "tomorrow", "the 15th").
 */
export interface FoundDate {
  date: string;
  phrase: string;
  relative: boolean;
  periodEnd?: string;
}

export interface FindDatesOptions {
  reference: Date;
  timeZone: string;
  language: DateLanguage;
}

export interface DateScan {
  dates: FoundDate[];
  /** True when the text was longer than the scan limit and only its beginning was read. */
  truncated: boolean;
}
