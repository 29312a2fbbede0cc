/**
 * Dates written out: numeric (2026-12-05, 2026.12.05., 12/05/2026, 05.12.2026), with a
 * month name in either order ("December 5th", "5 December", "december 5-ig",
 * "2026. dec. 5-én"), spans ("July 10–31", "10-31 July"), and a bare day of the month
 * ("the 15th", "hó 15-ig").
 */
import type { CivilDate } from './calendar';
import { type DateMatcher, group, type MatchContext, NUMBER_START, type Resolution, WORD_END, WORD_START } from './matcher';
import { civil, fullYear, inferYear, nextDayOfMonth } from './resolve';
import type { DateLanguage } from './types';
import { alternation, englishWeekdayAbbreviations, englishWeekdays, hungarianWeekdays, monthWords } from './vocabulary';

const YEAR = '(?:19|20)\\d{2}';
const HU_SUFFIX = '-(?<suffix>[a-z]{1,7})';
const ORDINAL = '(?:st|nd|rd|th)';

function withYearOrInferred(context: MatchContext, yearText: string | undefined, m: number, d: number): Resolution | undefined {
  if (yearText !== undefined) {
    const y = fullYear(yearText);
    const date = y === undefined ? undefined : civil(y, m, d);
    return date ? { date, relative: false } : undefined;
  }
  const date = inferYear(context.reference, m, d);
  return date ? { date, relative: false } : undefined;
}

/** Slash and dash dates follow the language's order; an impossible month settles it either way. */
function dayMonthOrder(first: number, second: number, separator: string, language: DateLanguage): { m: number; d: number } {
  if (first > 12 && second <= 12) return { m: second, d: first };
  if (second > 12 && first <= 12) return { m: first, d: second };
  const monthFirst = separator !== '.' && language === 'en';
  return monthFirst ? { m: first, d: second } : { m: second, d: first };
}

function spanEnd(start: CivilDate, endDay: string | undefined): CivilDate | undefined {
  if (endDay === undefined) return undefined;
  const end = civil(start.y, start.m, Number(endDay));
  return end && end.d > start.d ? end : undefined;
}

function withSpan(resolution: Resolution | undefined, endDay: string | undefined): Resolution | undefined {
  if (!resolution) return undefined;
  const end = spanEnd(resolution.date, endDay);
  return end ? { ...resolution, periodEnd: end } : resolution;
}

/** The month number; the English modal "may" counts only when written "May". */
function monthOf(match: RegExpExecArray, context: MatchContext): number | undefined {
  const word = group(match, 'mon') ?? '';
  if (word === 'may' && !context.original.slice(match.index, match.index + match[0].length).includes('May')) return undefined;
  return context.months.get(word);
}

/** Hungarian day suffixes that only ever follow a date ("15-éig", "2-án" with its accent, "3-i"). */
const DATE_ONLY_SUFFIXES = new Set([
  'eig',
  'aig',
  'jeig',
  'jaig',
  'ei',
  'ai',
  'jei',
  'jai',
  'i',
  'atol',
  'etol',
  'jatol',
  'jetol',
  'jan',
  'jen',
]);

export function absoluteMatchers(language: DateLanguage): DateMatcher[] {
  const months = alternation(monthWords(language).keys());
  const weekdays = alternation([...englishWeekdays.keys(), ...englishWeekdayAbbreviations.keys(), ...hungarianWeekdays.keys()]);
  const weekdayPrefix = `(?:(?:${weekdays})\\.?,?\\s{1,3})?`;
  // "december 4-én, szerdán", "December 9 (Monday)": the weekday repeats the date and belongs to it.
  const weekdayAfter = `(?:,?\\s{1,3}\\(?(?:${weekdays})[a-z]{0,3}\\)?)?`;
  const monthName = (name: string) => `(?<${name}>${months})(?![\\p{L}])\\.?`;
  const notBeforeMonth = `(?!\\.?\\s{0,3}(?:${months})(?![\\p{L}]))`;
  const rangeSeparator = `(?:\\s{0,2}(?:[-–—]|to|until|till|through|thru|and)\\s{0,2}|\\s{1,3}(?=\\d{1,2}\\.?-(?:ig|eig|aig|jeig|jaig)))`;

  const matchers: DateMatcher[] = [
    {
      name: 'iso',
      pattern: new RegExp(
        `${NUMBER_START}(?<y>${YEAR})-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?:${HU_SUFFIX})?(?:(?=t\\d)|(?![\\p{L}\\p{N}]|[.,/]\\d))`,
        'gu',
      ),
      resolve: (match, context) => withYearOrInferred(context, group(match, 'y'), Number(group(match, 'm')), Number(group(match, 'd'))),
    },
    {
      name: 'year-first',
      pattern: new RegExp(
        `${NUMBER_START}(?<y>${YEAR})(?<sep>[./])\\s?(?<m>\\d{1,2})\\k<sep>\\s?(?<d>\\d{1,2})\\.?(?:${HU_SUFFIX})?(?![\\p{L}\\p{N}]|[.,/]\\d)`,
        'gu',
      ),
      resolve: (match, context) => withYearOrInferred(context, group(match, 'y'), Number(group(match, 'm')), Number(group(match, 'd'))),
    },
    {
      name: 'numeric-with-year',
      pattern: new RegExp(
        `${NUMBER_START}(?<a>\\d{1,2})(?<sep>[./-])(?<b>\\d{1,2})\\k<sep>(?<y>${YEAR}|\\d{2})\\.?(?:${HU_SUFFIX})?(?![\\p{L}\\p{N}]|[.,/]\\d)`,
        'gu',
      ),
      resolve: (match, context) => {
        const { m, d } = dayMonthOrder(Number(group(match, 'a')), Number(group(match, 'b')), group(match, 'sep') ?? '/', context.language);
        return withYearOrInferred(context, group(match, 'y'), m, d);
      },
    },
    {
      name: 'slash-without-year',
      pattern: new RegExp(`${NUMBER_START}(?<![-])(?<a>\\d{1,2})/(?<b>\\d{1,2})(?![\\p{L}\\p{N}/]|[.,]\\d)`, 'gu'),
      resolve: (match, context) => {
        const a = group(match, 'a') ?? '';
        const b = group(match, 'b') ?? '';
        // "1/2" and "2/3" are fractions and "24/7" is a schedule; real dates here are written 12/02 or 3/15.
        if (`${a}/${b}` === '24/7' || (a.length < 2 && b.length < 2)) return undefined;
        const { m, d } = dayMonthOrder(Number(a), Number(b), '/', context.language);
        return withYearOrInferred(context, undefined, m, d);
      },
    },
    {
      name: 'month-name-day',
      pattern: new RegExp(
        `${WORD_START}${weekdayPrefix}(?:(?<y>${YEAR})\\.?\\s{1,3})?${monthName('mon')}\\s{0,3}(?:the\\s{1,3})?(?<d>\\d{1,2})${ORDINAL}?(?:(?:${HU_SUFFIX})|\\.)?` +
          `(?:${rangeSeparator}(?<d2>\\d{1,2})${ORDINAL}?(?:\\.|-[a-z]{1,7})?${notBeforeMonth})?(?:,?\\s{1,3}(?<y2>${YEAR}))?${weekdayAfter}${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const month = monthOf(match, context);
        if (month === undefined) return undefined;
        const resolution = withYearOrInferred(context, group(match, 'y') ?? group(match, 'y2'), month, Number(group(match, 'd')));
        return withSpan(resolution, group(match, 'd2'));
      },
    },
    {
      name: 'day-month-name',
      pattern: new RegExp(
        `${WORD_START}${weekdayPrefix}(?:the\\s{1,3})?(?:(?<d1>\\d{1,2})${ORDINAL}?\\.?\\s{0,2}(?:[-–—]|to|until|till)\\s{0,2})?(?<d>\\d{1,2})(?:${ORDINAL}|\\.)?\\s{1,3}(?:of\\s{1,3})?(?<mon>${months})(?![\\p{L}])` +
          // A dot after the month is an abbreviation's only before a year ("5 dec. 2026"); otherwise it ends the sentence.
          `(?:\\.?,?\\s{1,3}(?<y>${YEAR}))?${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const month = monthOf(match, context);
        if (month === undefined) return undefined;
        const first = group(match, 'd1');
        if (first === undefined) return withYearOrInferred(context, group(match, 'y'), month, Number(group(match, 'd')));
        const start = withYearOrInferred(context, group(match, 'y'), month, Number(first));
        return withSpan(start, group(match, 'd'));
      },
    },
    {
      name: 'the-nth',
      pattern: new RegExp(
        `${WORD_START}the\\s{1,3}(?<d>\\d{1,2})${ORDINAL}${WORD_END}(?!\\s{1,3}(?:of\\s{1,3})?(?:${months})(?![\\p{L}]))`,
        'gu',
      ),
      resolve: (match, context) => {
        const date = nextDayOfMonth(context.reference, Number(group(match, 'd')));
        return date ? { date, relative: true } : undefined;
      },
    },
  ];

  if (language === 'hu') {
    matchers.push(
      {
        name: 'hungarian-month-day',
        // "12.05." or "01.06-tól": month first. Times look the same ("10.30-kor", "9.30-ig"),
        // so without the closing dot only a zero-padded month counts.
        pattern: new RegExp(
          `${NUMBER_START}(?<![-])(?<m>\\d{1,2})\\.\\s?(?<d>\\d{1,2})(?:(?<dot>\\.)|${HU_SUFFIX})(?![\\p{L}\\p{N}])`,
          'gu',
        ),
        resolve: (match, context) => {
          const monthText = group(match, 'm') ?? '';
          const suffix = group(match, 'suffix');
          if (suffix === 'kor') return undefined;
          if (group(match, 'dot') === undefined && !monthText.startsWith('0')) return undefined;
          return withYearOrInferred(context, undefined, Number(monthText), Number(group(match, 'd')));
        },
      },
      {
        name: 'hungarian-day-of-month',
        pattern: new RegExp(
          `${WORD_START}(?:(?:a\\s{1,3})?(?<month>ho|honap)\\s{0,3})?(?<d>\\d{1,2})\\.?-(?<suffix>jatol|jetol|atol|etol|jeig|jaig|eig|aig|jei|jai|ei|ai|jan|jen|an|en|ig|ja|je|a|e|i|ra|re|ara|ere)${WORD_END}`,
          'gu',
        ),
        resolve: (match, context) => {
          const suffix = group(match, 'suffix') ?? '';
          const suffixStart = match.index + match[0].length - suffix.length;
          const accented = /[áé]/.test(context.original.slice(suffixStart, match.index + match[0].length));
          // "3-an" (the three of us) and "5-re" (at five) are not dates; "2-án", "15-éig", "hó 15-ig" are.
          const dateLike =
            group(match, 'month') !== undefined || DATE_ONLY_SUFFIXES.has(suffix) || ((suffix === 'an' || suffix === 'en') && accented);
          if (!dateLike) return undefined;
          const date = nextDayOfMonth(context.reference, Number(group(match, 'd')));
          return date ? { date, relative: true } : undefined;
        },
      },
    );
  }
  return matchers;
}
