/**
 * Hungarian dates relative to the reference day. Hungarian glues the preposition onto the
 * word ("pénteken" on Friday, "péntekig" by Friday, "holnaptól" from tomorrow), so each
 * stem takes a short suffix; the suffix stays in the phrase for callers that care whether
 * it meant "until" or "from". Patterns are written unaccented (see fold.ts).
 */
import { addCivilDays } from './calendar';
import { type DateMatcher, group, relative, WORD_END, WORD_START } from './matcher';
import {
  addWorkingDays,
  firstOfNextMonth,
  lastDayOfMonth,
  mondayOfWeek,
  previousWeekday,
  upcomingWeekday,
  weekdayOfNextWeek,
} from './resolve';
import { alternation, hungarianNumberWords, hungarianWeekdays } from './vocabulary';

const SPACE = '\\s{1,3}';

/** ma (today), holnap, holnapután, tegnap, with the suffixes they take in practice. */
const dayWords: Record<string, { offset: number; suffixes: readonly string[] }> = {
  ma: { offset: 0, suffixes: ['', 'i', 'ig', 'ra'] },
  holnap: { offset: 1, suffixes: ['', 'i', 'ig', 'ra', 'tol'] },
  holnaputan: { offset: 2, suffixes: ['', 'i', 'ig', 'ra', 'tol'] },
  tegnap: { offset: -1, suffixes: ['', 'i', 'elott'] },
};

/** "a hét végéig" is Friday (end of the working week); "hétvégén" is the weekend itself. */
const weekParts: Record<string, 'start' | 'end'> = {
  elejen: 'start',
  elejeig: 'start',
  elejere: 'start',
  vegen: 'end',
  vegeig: 'end',
  vegere: 'end',
};

function countOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  return hungarianNumberWords.get(text);
}

export function hungarianRelativeMatchers(): DateMatcher[] {
  const weekdays = alternation(hungarianWeekdays.keys());
  const numbers = `\\d{1,2}|${alternation(hungarianNumberWords.keys())}`;
  return [
    {
      name: 'hu-day-word',
      pattern: new RegExp(`${WORD_START}(?<w>holnaputan|holnap|tegnap|ma)(?<suffix>[a-z]{0,5})${WORD_END}`, 'gu'),
      resolve: (match, context) => {
        const word = dayWords[group(match, 'w') ?? ''];
        if (!word?.suffixes.includes(group(match, 'suffix') ?? '')) return undefined;
        return relative(addCivilDays(context.reference, word.offset));
      },
    },
    {
      name: 'hu-weekday',
      pattern: new RegExp(
        `${WORD_START}(?:(?<mod>jovo|kovetkezo|ezen${SPACE}a|ez${SPACE}a|mult|e)${SPACE})?(?<wd>${weekdays})(?<suffix>[a-z]{0,5})${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const weekday = hungarianWeekdays.get(group(match, 'wd') ?? '');
        if (weekday === undefined) return undefined;
        const modifier = group(match, 'mod');
        if (modifier === 'jovo' || modifier === 'kovetkezo') return relative(weekdayOfNextWeek(context.reference, weekday));
        if (modifier === 'mult') return relative(previousWeekday(context.reference, weekday));
        return relative(upcomingWeekday(context.reference, weekday));
      },
    },
    {
      name: 'hu-week',
      pattern: new RegExp(
        `${WORD_START}(?:(?:a|az)${SPACE})?(?:(?<mod>jovo|kovetkezo|ezen${SPACE}a|e|a|mult)\\s{0,3})het(?<suffix>[a-z]{0,6})(?:${SPACE}(?<part>${alternation(Object.keys(weekParts))}|folyaman|kozepen|kozepeig))?${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const modifier = (group(match, 'mod') ?? '').replace(/\s+/g, ' ');
        const suffix = group(match, 'suffix') ?? '';
        const part = group(match, 'part');
        // "het" alone is also the number seven: only the week forms ("héten", "hét végéig") count.
        if (!['en', 'tol', 'ig', 're', ''].includes(suffix)) return undefined;
        if (suffix === '' && part === undefined) return undefined;
        if (modifier === 'a' && suffix !== 'en' && part === undefined) return undefined;
        const ahead = modifier === 'jovo' || modifier === 'kovetkezo' ? 1 : modifier === 'mult' ? -1 : 0;
        const monday = addCivilDays(mondayOfWeek(context.reference), 7 * ahead);
        const friday = addCivilDays(monday, 4);
        const within = part ? weekParts[part] : undefined;
        if (within === 'end') return relative(friday);
        if (ahead === 0) return relative(context.reference, friday);
        return relative(monday, friday);
      },
    },
    {
      name: 'hu-weekend',
      pattern: new RegExp(`${WORD_START}(?:(?<mod>jovo|ezen${SPACE}a|a|e)\\s{0,3})?hetveg(?:e|en|eig|ere|i)${WORD_END}`, 'gu'),
      resolve: (match, context) => {
        const ahead = group(match, 'mod') === 'jovo' ? 1 : 0;
        const saturday = addCivilDays(mondayOfWeek(context.reference), 7 * ahead + 5);
        return relative(saturday, addCivilDays(saturday, 1));
      },
    },
    {
      name: 'hu-month',
      pattern: new RegExp(
        `${WORD_START}(?:(?:a|az)${SPACE})?(?:(?<mod>jovo|kovetkezo|ezen${SPACE}a|e|a)${SPACE})?(?:ho|honap)(?<suffix>[a-z]{0,5})(?:${SPACE}(?<part>vegeig|vegen|vegere|vege|utolso${SPACE}napjaig|utolso${SPACE}napjan|elejen|elejeig|kozepen|kozepeig))?${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const modifier = group(match, 'mod');
        const part = group(match, 'part');
        // "hó" is also snow and "hónap" alone is any month: a modifier or a part must make it a date.
        if (modifier === undefined && part === undefined) return undefined;
        if (modifier === 'a' && part === undefined) return undefined;
        const ahead = modifier === 'jovo' || modifier === 'kovetkezo';
        const start = ahead ? firstOfNextMonth(context.reference) : { ...context.reference, d: 1 };
        const last = lastDayOfMonth(start);
        if (part === undefined) return ahead ? relative(start, last) : relative(context.reference, last);
        if (part.startsWith('vege') || part.startsWith('utolso')) return relative(last);
        if (part.startsWith('eleje')) return relative(ahead ? start : context.reference, addCivilDays(start, 9));
        return relative(addCivilDays(start, 14));
      },
    },
    {
      name: 'hu-in-n-days',
      pattern: new RegExp(
        `${WORD_START}(?<n>${numbers})${SPACE}(?<unit>munkanap|nap|het)(?:on|en)?${SPACE}(?:belul|mulva|alatt)${WORD_END}`,
        'gu',
      ),
      resolve: (match, context) => {
        const count = countOf(group(match, 'n'));
        if (count === undefined || count > 366) return undefined;
        const unit = group(match, 'unit');
        if (unit === 'het') return relative(addCivilDays(context.reference, 7 * count));
        if (unit === 'munkanap') return relative(addWorkingDays(context.reference, count));
        return relative(addCivilDays(context.reference, count));
      },
    },
  ];
}
