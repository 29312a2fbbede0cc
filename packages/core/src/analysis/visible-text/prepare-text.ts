import { CUT_MARK, RULE_MARK } from './lines';

/**
 * Work is capped so one huge body cannot stall the worker. The new text is at the top of a
 * reply, so cutting the tail loses history, not what the sender wrote.
 */
export const MAX_TEXT_CHARS = 1_000_000;
/** HTML carries markup, styles and inline images around the same text, so it gets more room. */
export const MAX_HTML_CHARS = 4_000_000;

export interface Capped {
  value: string;
  note?: string;
}

/** The first `max` characters, never splitting a surrogate pair. */
export function cap(value: string, max: number, what: string): Capped {
  if (value.length <= max) return { value };
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { value: value.slice(0, end), note: `${what} truncated at ${max} characters` };
}

/**
 * Text the line rules can rely on: one line ending (\n), NFC so "á" typed two ways compares
 * equal, no byte-order mark, no NUL or other C0 controls except tab, and none of the
 * private-use marks the HTML converter uses (so plain text cannot forge them).
 * NFC is skipped in the rare case it would lengthen the text (a few composition-excluded
 * characters decompose), so the visible text is never longer than the input.
 */
export function prepareText(raw: string): string {
  const unified = raw
    .replace(/\r\n?/gu, '\n')
    .replace(/^\uFEFF/u, '')
    .replace(new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F${CUT_MARK}${RULE_MARK}]`, 'gu'), '');
  const composed = unified.normalize('NFC');
  return composed.length <= unified.length ? composed : unified;
}
