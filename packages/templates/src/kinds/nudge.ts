import type { EmailLocale } from '../kinds';
import type { PlaceholderSchema, ViewModel } from '../view-model';
import { type AskItem, askItems, CLIENT_BASE_FLAGS, CLIENT_BASE_VALUES, type ClientEmailBase, clientView, several } from './common';

/** §4.1 first step: the gentle reminder in the same thread. */
export interface NudgeData extends ClientEmailBase {
  readonly asks: readonly AskItem[];
  /** What the missing answer holds up, e.g. "scheduling next week's posts". */
  readonly blocks?: string;
}

export const nudgeSchema: PlaceholderSchema = {
  values: [...CLIENT_BASE_VALUES, 'blocks'],
  flags: [...CLIENT_BASE_FLAGS, 'severalAsks'],
  lists: { asks: ['sentence', 'askedOn'] },
};

export function nudgeView(data: NudgeData, locale: EmailLocale): ViewModel {
  return clientView(data, {
    blocks: data.blocks ?? '',
    severalAsks: several(data.asks),
    asks: askItems(data.asks, locale, data.timeZone),
  });
}
