import { hasDigit, isBlank, quoteDepth } from './lines';

/**
 * The attribution line a client writes above a quote: "On 5 Mar 2024, Anna <a@x.hu> wrote:",
 * "Am … schrieb …:", "2024.03.05. 10:12 keltezéssel, Kovács Anna írta:", "Kovács Anna
 * <anna@x.hu> ezt írta (időpont: 2024. márc. 5., K, 10:12):", "2014-03-20 8:48 GMT+01:00
 * Rémi <r@x.fr>:". Clients wrap long ones over several lines, so a window of up to six lines
 * is joined and judged as one.
 *
 * Guarding against prose ("Something wrote:", "On the other hand, …", a URL with "wrote" in
 * it): the verb (or the address before a final colon) must end the line, and the header must
 * carry evidence of a header: a digit (date, time) or an address.
 */

/** Verbs (and verb phrases) that end an attribution, lower case. */
const VERBS = [
  'wrote',
  'writes',
  'schrieb',
  'schreibt',
  'a écrit',
  'écrit',
  'escribió',
  'ha escrit',
  'ha scritto',
  'scrisse',
  'schreef',
  'geschreven',
  'napisał',
  'napisała',
  'napisał(a)',
  'napisal',
  'pisze',
  'skrev',
  'kirjoitti',
  'escreveu',
  'написал',
  'написала',
  'написал(а)',
  'написав',
  'написала',
  'пише',
  'đã viết',
  'írta',
  'yazdı',
  'έγραψε',
  'napsal',
  'napísal',
  'a scris',
  '写道',
  '寫道',
  '작성',
  'のメッセージ',
];

const MAX_WINDOW_LINES = 6;
const MAX_WINDOW_CHARS = 600;

/** A line that can begin a wrapped attribution: an opening word, a date, a weekday abbreviation, or an address. */
const OPENING = /^[-–>*\s]*(?:(?:on|le|am|el|il|in data|op|em|w dniu|dnia|den|på|vào|在)\s|\d|\p{L}{1,4}\.?,?\s+\d)|@/iu;

const HUNGARIAN_GMAIL = /írta\s*\(időpont:[^()]{1,80}\)$/u;
/** An address (or its closing bracket) right before the final colon. */
const ADDRESS_THEN_COLON = /(?:[>)]|@[^\s@<>()]{1,100})$/u;
const DATE_OR_TIME = /\d{1,2}[:.]\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}[./-]\d{1,2}/u;
const DATE_FIRST_WITH_ADDRESS = /^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b.{0,200}>$/u;
const DASH_WRAPPED = /^-{2,}.{1,200}-{2,}$/u;

/** Headers that open with a preposition ("On", "Am", "Le", "W dniu"): the verb may sit mid-line. */
const OPENING_WORD = /^(?:on|le|am|el|il|in data|op|em|w dniu|dnia|den|på|vào)\s/u;

function containsVerb(text: string): boolean {
  return VERBS.some((verb) => {
    const at = text.indexOf(` ${verb} `);
    return at > 0;
  });
}

function endsWithVerb(text: string): boolean {
  for (const verb of VERBS) {
    if (!text.endsWith(verb)) continue;
    const before = text.charAt(text.length - verb.length - 1);
    // Latin and Cyrillic verbs must be whole words; CJK ones attach to the name.
    if (before === '' || !/\p{L}/u.test(before) || /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/u.test(verb)) return true;
  }
  return false;
}

/** Strips what clients put around an attribution: leading "- ", trailing dashes and the colon. */
function core(joined: string): { text: string; colon: boolean } {
  let text = joined
    .trim()
    .toLowerCase()
    .replace(/^[-–*\s]+/u, '');
  text = text.replace(/[-–\s]+$/u, '');
  const colon = /[:：]$/u.test(text);
  if (colon) text = text.slice(0, -1).trimEnd();
  return { text, colon };
}

function isAttributionText(joined: string, startsWithOn: boolean, nextIsQuoted: boolean): boolean {
  const evidence = hasDigit(joined) || joined.includes('@');
  const { text, colon } = core(joined);
  if (text.length === 0) return false;
  if (endsWithVerb(text)) return evidence || DASH_WRAPPED.test(joined.trim());
  if (startsWithOn && text.endsWith(' sent') && evidence) return true;
  if (HUNGARIAN_GMAIL.test(text)) return true;
  // "Am 25.06.2015 um 10:55 schrieb Test user:", "Le 19 mars 2014, X a écrit à Y :": the name follows the verb.
  if (colon && evidence && OPENING_WORD.test(text) && containsVerb(text)) return true;
  if (colon && ADDRESS_THEN_COLON.test(text) && DATE_OR_TIME.test(text)) return true;
  // "2011/4/7 Nathan <support@example.com>" with no colon: only when a quote follows.
  return !colon && nextIsQuoted && DATE_FIRST_WITH_ADDRESS.test(text);
}

export interface Attribution {
  /** How many lines the attribution spans. */
  lines: number;
  /** Text before the attribution on its first line ("reply --- On … wrote:"), kept as reply text. */
  keptPrefix?: string;
}

function nextNonBlankIsQuoted(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length && i < from + 4; i += 1) {
    const line = lines[i] ?? '';
    if (!isBlank(line)) return quoteDepth(line) > 0;
  }
  return false;
}

/**
 * Whether an attribution window may end on this line: with a colon, an address bracket, a
 * dash rule or a verb. Checked before the (costlier) joined-window tests.
 */
export function canEndAttribution(line: string): boolean {
  const text = line.trim().toLowerCase();
  if (text.length === 0 || text.length > MAX_WINDOW_CHARS) return false;
  if (/[:：>)-]$/u.test(text)) return true;
  return endsWithVerb(text);
}

/** The attribution starting at line `start` (an unquoted line), if there is one. */
export function attributionAt(
  lines: readonly string[],
  start: number,
  canEnd: (index: number) => boolean = (index) => canEndAttribution(lines[index] ?? ''),
): Attribution | undefined {
  const first = lines[start] ?? '';
  if (isBlank(first) || first.length > MAX_WINDOW_CHARS) return undefined;
  // Cheap exit for prose: every attribution carries a digit, an address or a dash rule.
  if (!hasDigit(first) && !first.includes('@') && !first.includes('--')) return undefined;
  const shared = sharedLineAttribution(lines, start);
  if (shared !== undefined) return shared;
  const startsWithOn = /^[-–>*\s]*on\s/iu.test(first);
  let joined = '';
  for (let span = 1; span <= MAX_WINDOW_LINES && start + span <= lines.length; span += 1) {
    const line = lines[start + span - 1] ?? '';
    joined = span === 1 ? line : `${joined} ${line.trim()}`;
    if (joined.length > MAX_WINDOW_CHARS) break;
    if (span === 2) {
      // Only a line that reads like the start of a header may be continued on the next.
      const firstTrimmed = first.trim();
      if (!OPENING.test(firstTrimmed) || /[.!?]$/u.test(firstTrimmed)) break;
      if (!(hasDigit(first) || first.includes('@'))) break;
    }
    if (span > 1 && isBlank(line)) continue;
    if (!canEnd(start + span - 1)) continue;
    if (isAttributionText(joined, startsWithOn, nextNonBlankIsQuoted(lines, start + span))) return { lines: span };
  }
  return undefined;
}

/** "bla-bla - bla--- On Wed, Apr 4, 2012 at 3:59 PM, me@domain.com wrote:": the reply and the header share a line. */
function sharedLineAttribution(lines: readonly string[], start: number): Attribution | undefined {
  const line = lines[start] ?? '';
  const rule = /-{3,}\s*(?=\S)/gu;
  let match: RegExpExecArray | null = rule.exec(line);
  let lastIndex = -1;
  let lastLength = 0;
  while (match !== null) {
    lastIndex = match.index;
    lastLength = match[0].length;
    match = rule.exec(line);
  }
  if (lastIndex <= 0) return undefined;
  const suffix = line.slice(lastIndex + lastLength);
  if (!/^on\s/iu.test(suffix)) return undefined;
  if (!isAttributionText(suffix, true, nextNonBlankIsQuoted(lines, start + 1))) return undefined;
  return { lines: 1, keptPrefix: line.slice(0, lastIndex).trimEnd() };
}
