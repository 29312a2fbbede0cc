/**
 * A small sentence splitter for the control and abuse detectors (the asks detector has its
 * own; the two are tuned for different errors). Joining two sentences costs a detector little,
 * splitting inside one can hide a phrase, so when in doubt this does not split.
 */

/** Visible text beyond this is not read: a reply this long is a pasted document, not a message. */
export const MAX_TEXT_CHARS = 50_000;
/** A "sentence" with no punctuation longer than this is cut at a space, so evidence quotes stay readable. */
export const MAX_SENTENCE_CHARS = 400;
/** Upper bound on sentences looked at per message (a list of thousands of lines is not a client writing). */
export const MAX_SENTENCES = 1_000;

export interface SentenceSplit {
  sentences: string[];
  /** True when the caps above left part of the text unread. */
  truncated: boolean;
}

const TERMINATORS = new Set(['.', '!', '?', '…', '。', '！', '？']);
const CLOSERS = new Set(['"', "'", ')', ']', '»', '”', '’']);
/** Words after which a full stop is not an end of sentence (lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'approx',
  'pl',
  'stb',
  'kb',
  'ill',
  'ún',
  'ld',
  'vö',
  'ifj',
  'özv',
]);
/** A line at least this long that does not end a sentence is treated as hard-wrapped text. */
const WRAPPED_LINE_MIN = 55;
const LIST_MARKER = /^\s*(?:[-*•‣▪–>]|\d{1,3}[.)])\s/;

export function splitSentences(text: string): SentenceSplit {
  const input = typeof text === 'string' ? text : '';
  const truncated = input.length > MAX_TEXT_CHARS;
  const visible = truncated ? input.slice(0, MAX_TEXT_CHARS) : input;
  const sentences: string[] = [];
  for (const block of joinWrappedLines(visible.split(/\r\n|\r|\n|\u2028|\u2029/))) {
    for (const sentence of splitBlock(block)) {
      for (const piece of cutLong(sentence)) {
        if (sentences.length >= MAX_SENTENCES) return { sentences, truncated: true };
        sentences.push(piece);
      }
    }
  }
  return { sentences, truncated };
}

/** Re-joins lines a mail client wrapped at ~72 characters; short lines (greetings, list items) stay apart. */
function joinWrappedLines(lines: string[]): string[] {
  const blocks: string[] = [];
  let current = '';
  let previousLineLength = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current) blocks.push(current);
      current = '';
      previousLineLength = 0;
      continue;
    }
    const continues = current !== '' && previousLineLength >= WRAPPED_LINE_MIN && !endsSentence(current) && !LIST_MARKER.test(line);
    if (continues) current = `${current} ${trimmed}`;
    else {
      if (current) blocks.push(current);
      current = trimmed;
    }
    previousLineLength = trimmed.length;
  }
  if (current) blocks.push(current);
  return blocks;
}

function endsSentence(text: string): boolean {
  const last = text.at(-1);
  return last !== undefined && (TERMINATORS.has(last) || CLOSERS.has(last));
}

function splitBlock(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < block.length) {
    const ch = block[i] ?? '';
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < block.length && (TERMINATORS.has(block[end] ?? '') || CLOSERS.has(block[end] ?? ''))) end++;
    const next = block[end];
    const atBoundary = next === undefined || /\s/.test(next);
    if (atBoundary && !(ch === '.' && isNonFinalDot(block, start, i, end))) {
      const sentence = block.slice(start, end).trim();
      if (sentence) out.push(sentence);
      start = end;
    }
    i = end;
  }
  const rest = block.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** "e.g. this", "pl. ez", "2024. március" and "a 3. kör" do not end a sentence. */
function isNonFinalDot(block: string, sentenceStart: number, dotAt: number, after: number): boolean {
  let wordStart = dotAt;
  while (wordStart > sentenceStart && dotAt - wordStart < 12 && !/\s/.test(block[wordStart - 1] ?? ' ')) wordStart--;
  const word = block
    .slice(wordStart, dotAt)
    .toLowerCase()
    .replace(/^[("'[]+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\d{1,4}$/.test(word)) {
    // An ordinal or a date part: the next word starts lower-case or with a digit.
    const nextChar = block.slice(after).trimStart()[0] ?? '';
    return nextChar !== '' && (/\d/.test(nextChar) || nextChar !== nextChar.toUpperCase());
  }
  return false;
}

function cutLong(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    let cut = rest.lastIndexOf(' ', MAX_SENTENCE_CHARS);
    if (cut < MAX_SENTENCE_CHARS / 2) cut = MAX_SENTENCE_CHARS;
    // Never leave half of a surrogate pair at the cut.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    const piece = rest.slice(0, cut).trim();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut);
  }
  const last = rest.trim();
  if (last) pieces.push(last);
  return pieces;
}
