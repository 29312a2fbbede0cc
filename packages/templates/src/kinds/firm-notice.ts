import { type DateInput, formatDate, formatNumber } from '../format';
import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { type AskItem, askItems, CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView, several } from './common';

/** §4.1 second step: every open ask, and work on hold until they are answered. */
export interface FirmNoticeData extends ClientEmailBase {
  /** Every open ask, oldest first. */
  readonly asks: readonly AskItem[];
  readonly blocks?: string;
  /** From when work is on hold; the day of sending when not given. */
  readonly onHoldFrom?: DateInput;
}

export const firmNoticeSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'blocks', 'openAskCount', 'onHoldFrom'],
  flags: [...CLIENT_BASE_FLAGS, 'severalAsks'],
  lists: { asks: ['sentence', 'askedOn'] },
};

export function firmNoticeView(data: FirmNoticeData, locale: EmailLocale): ViewModel {
  return clientView(data, {
    blocks: data.blocks ?? '',
    openAskCount: formatNumber(data.asks.length, locale),
    onHoldFrom: data.onHoldFrom === undefined ? '' : formatDate(data.onHoldFrom, locale, data.timeZone),
    severalAsks: several(data.asks),
    asks: askItems(data.asks, locale, data.timeZone),
  });
}
