/**
 * English dates that only mean something against the reference day: "today", "tomorrow",
 * "Friday", "next Friday", "next week", "end of the month", "in 3 days".
 */
import { addCivilDays, type CivilDate } from './calendar';
import { type DateMatcher, group, relative, WORD_END, WORD_START } from './matcher';
import {
  addWorkingDays,
  firstOfNextMonth,
  firstOfPreviousMonth,
  lastDayOfMonth,
  mondayOfWeek,
  previousWeekday,
  upcomingWeekday,
  weekdayOfNextWeek,
} from './resolve';
import { alternation, englishNumberWords, englishWeekdays } from './vocabulary';

const SPACE = '\\s{1,3}';

/** Monday of the week `weeksAhead` after the reference's week, and its Friday. */
function workWeek(reference: CivilDate, weeksAhead: number): { monday: CivilDate; friday: CivilDate } {
  const monday = addCivilDays(mondayOfWeek(reference), 7 * weeksAhead);
  return { monday, friday: addCivilDays(monday, 4) };
}

const dayWords: Record<string, number> = {
  today: 0,
  tonight: 0,
  'this evening': 0,
  'this afternoon': 0,
  'this morning': 0,
  'end of day': 0,
  'end of the day': 0,
  'close of business': 0,
  eod: 0,
  cob: 0,
  tomorrow: 1,
  tmrw: 1,
  tmr: 1,
  'day after tomorrow': 2,
  'the day after tomorrow': 2,
  yesterday: -1,
};

/** Which week or month a modifier points at: −1 last, 0 this, 1 next ("the coming weekend" is this one). */
function periodOffset(modifier: string, unit: string | undefined): number {
  if (modifier === 'last') return -1;
  if (unit === 'weekend' && modifier === 'coming') return 0;
  return /next|following|coming/.test(modifier) ? 1 : 0;
}

function countOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  return englishNumberWords.get(text);
}

export function englishRelativeMatchers(): DateMatcher[] {
  const weekdays = alternation(englishWeekdays.keys());
  const numbers = `\\d{1,2}|${alternation(englishNumberWords.keys())}`;
  return [
    {
      name: 'en-day-word',
      pattern: new RegExp(`${WORD_START}(?<w>${alternation(Object.keys(dayWords).map((w) => w.replaceAll(' ', SPACE)))})${WORD_END}`, 'gu'),
      resolve: (match, context) => {
        const offset = dayWords[(group(match, 'w') ?? '').replace(/\s+/g, ' ')];
        return offset === undefined ? undefined : relative(addCivilDays(context.reference, offset));
      },
    },
    {
      name: 'en-weekday',
      pattern: new RegExp(`${WORD_START}(?:(?<mod>next|this${SPACE}coming|this|coming|last)${SPACE})?(?<wd>${weekdays})${WORD_END}`, 'gu'),
      resolve: (match, context) => {
        const weekday = englishWeekdays.get(group(match, 'wd') ?? '');
        if (weekday === undefined) return undefined;
        const modifier = group(match, 'mod');
        if (modifier === 'next') return relative(weekdayOfNextWeek(context.reference, weekday));
        if (modifier === 'last') return relative(previousWeekday(context.reference, weekday));
        return relative(upcomingWeekday(context.reference, weekday));
      },
    },
    {
      name: 'en-end-of',
      pattern: new RegExp(
        `${WORD_START}(?:(?:the${SPACE})?end${SPACE}of${SPACE}(?:(?<next>next)${SPACE}|(?:the|this)${SPACE})?(?<unit>week|month)|(?<monthEnd>month[-\\s]?end))${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const ahead = group(match, 'next') ? 1 : 0;
        if (group(match, 'unit') === 'week') return relative(workWeek(context.reference, ahead).friday);
        const month = ahead ? firstOfNextMonth(context.reference) : context.reference;
        return relative(lastDayOfMonth(month));
      },
    },
    {
      name: 'en-period',
      pattern: new RegExp(
        `${WORD_START}(?<mod>early${SPACE}next|later${SPACE}this|late${SPACE}next|next|this|the${SPACE}following|the${SPACE}coming|coming|over${SPACE}the|last)${SPACE}(?<unit>weekend|week|month)${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const modifier = (group(match, 'mod') ?? '').replace(/\s+/g, ' ');
        const unit = group(match, 'unit');
        const ahead = periodOffset(modifier, unit);
        if (unit === 'month') {
          if (ahead === 0) return relative(context.reference, lastDayOfMonth(context.reference));
          const start = ahead > 0 ? firstOfNextMonth(context.reference) : firstOfPreviousMonth(context.reference);
          return relative(start, lastDayOfMonth(start));
        }
        const week = workWeek(context.reference, ahead);
        if (unit === 'weekend') return relative(addCivilDays(week.friday, 1), addCivilDays(week.friday, 2));
        if (ahead === 0) return relative(context.reference, week.friday);
        return relative(week.monday, week.friday);
      },
    },
    {
      name: 'en-in-n-days',
      pattern: new RegExp(
        `${WORD_START}(?<prep>in|within)${SPACE}(?:the${SPACE}next${SPACE})?(?<n>${numbers})${SPACE}(?<kind>business${SPACE}|working${SPACE})?(?<unit>days?|weeks?)${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const count = countOf(group(match, 'n'));
        if (count === undefined || count > 366) return undefined;
        const unit = group(match, 'unit') ?? '';
        if (unit.startsWith('week')) return relative(addCivilDays(context.reference, 7 * count));
        if (group(match, 'kind')) return relative(addWorkingDays(context.reference, count));
        return relative(addCivilDays(context.reference, count));
      },
    },
  ];
}
