import { type DateInput, formatDate, formatWeekday } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView, type DatedNote, datedNotes } from './common';

/** §4.3: how we work together — one batched approval instead of approving every item. */
export interface ExpectationsResetData extends ClientEmailBase {
  /** Recent per-item approval demands, as documented (date and what was asked). */
  readonly examples: readonly DatedNote[];
  /** ISO weekday of the proposed batch approval (1 = Monday). */
  readonly batchWeekday: number;
  /**
   * What is approved in one batch, in the client's language and in the form the sentence
   * takes: "the content calendar for the following week"; Hungarian in the accusative,
   * "a következő heti tartalomnaptárt".
   */
  readonly batchScope: string;
  readonly firstBatchOn?: DateInput;
}

export const expectationsResetSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'batchWeekday', 'batchScope', 'firstBatchOn'],
  flags: [...CLIENT_BASE_FLAGS],
  lists: { examples: ['date', 'description'] },
};

export function expectationsResetView(data: ExpectationsResetData, locale: EmailLocale): ViewModel {
  return clientView(data, {
    batchWeekday: weekdayInSentence(data.batchWeekday, locale),
    batchScope: data.batchScope,
    firstBatchOn: data.firstBatchOn === undefined ? '' : formatDate(data.firstBatchOn, locale, data.timeZone),
    examples: datedNotes(data.examples, locale, data.timeZone),
  });
}

// "minden hétfőn": Hungarian needs the weekday with its time suffix, which varies by day.
const HUNGARIAN_ON_WEEKDAY = ['hétfőn', 'kedden', 'szerdán', 'csütörtökön', 'pénteken', 'szombaton', 'vasárnap'] as const;

function weekdayInSentence(isoWeekday: number, locale: EmailLocale): string {
  const english = formatWeekday(isoWeekday, locale);
  return locale === 'hu' ? (HUNGARIAN_ON_WEEKDAY[isoWeekday - 1] ?? english) : english;
}
