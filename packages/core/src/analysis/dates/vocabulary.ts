/**
 * Month and weekday words, written in the folded form (lower case, no accents) that
 * `foldForMatching` produces. Abbreviations that are also ordinary words in the other
 * language are kept out of that language: Hungarian "már" (already) folds to "mar",
 * so "mar" is a month only in English text.
 */
import type { DateLanguage } from './types';

const englishMonths: ReadonlyArray<readonly [string, number]> = [
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
];

const englishMonthAbbreviations: ReadonlyArray<readonly [string, number]> = [
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sept', 9],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

const hungarianMonths: ReadonlyArray<readonly [string, number]> = [
  ['januar', 1],
  ['februar', 2],
  ['marcius', 3],
  ['aprilis', 4],
  ['majus', 5],
  ['junius', 6],
  ['julius', 7],
  ['augusztus', 8],
  ['szeptember', 9],
  ['oktober', 10],
  ['november', 11],
  ['december', 12],
];

const hungarianMonthAbbreviations: ReadonlyArray<readonly [string, number]> = [
  ['jan', 1],
  ['febr', 2],
  ['feb', 2],
  ['marc', 3],
  ['apr', 4],
  ['maj', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['szept', 9],
  ['szep', 9],
  ['okt', 10],
  ['nov', 11],
  ['dec', 12],
];

/** Full names of both languages (mail mixes them), abbreviations of the message's language only. */
export function monthWords(language: DateLanguage): ReadonlyMap<string, number> {
  const own = language === 'hu' ? [...hungarianMonths, ...hungarianMonthAbbreviations] : [...englishMonths, ...englishMonthAbbreviations];
  return new Map([...englishMonths, ...hungarianMonths, ...own]);
}

/** 0 = Sunday … 6 = Saturday. Only full names: "sat", "sun", "wed" are ordinary English words. */
export const englishWeekdays: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
]);

/** Weekday abbreviations, accepted only in front of a full date ("Mon, 2 Dec"). */
export const englishWeekdayAbbreviations: ReadonlyMap<string, number> = new Map([
  ['sun', 0],
  ['mon', 1],
  ['tues', 2],
  ['tue', 2],
  ['wed', 3],
  ['thurs', 4],
  ['thur', 4],
  ['thu', 4],
  ['fri', 5],
  ['sat', 6],
]);

/** Hungarian weekday stems; the suffix (-n, -on, -ig, -tól …) follows in the text. */
export const hungarianWeekdays: ReadonlyMap<string, number> = new Map([
  ['vasarnap', 0],
  ['hetfo', 1],
  ['kedd', 2],
  ['szerda', 3],
  ['csutortok', 4],
  ['pentek', 5],
  ['szombat', 6],
]);

export const englishNumberWords: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['fourteen', 14],
  ['thirty', 30],
]);

export const hungarianNumberWords: ReadonlyMap<string, number> = new Map([
  ['egy', 1],
  ['ket', 2],
  ['ketto', 2],
  ['harom', 3],
  ['negy', 4],
  ['ot', 5],
  ['hat', 6],
  ['het', 7],
  ['nyolc', 8],
  ['kilenc', 9],
  ['tiz', 10],
  ['tizenot', 15],
  ['harminc', 30],
]);

/** A regex alternation of the words, longest first so "june" is tried before "jun". */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}
