import { nfc } from './fold';

/**
 * Sentence splitting for plain-text mail bodies, by one left-to-right scan (linear in the input).
 *
 * A body is first cut into blocks at line breaks that end something: a blank line, a list item,
 * a line ending in punctuation, or a short line (greetings, one-line requests typed without a
 * full stop). Long lines followed by more text are hard-wrapped prose and are joined. Each block is
 * then cut after . ! ? … unless the full stop belongs to an abbreviation or a number.
 */

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’»)]';
const QUOTE_CLOSERS = '"\'”’»';

/** A line shorter than this that is followed by another line ends its block. */
const SHORT_LINE = 50;

/** Full stops that never end a sentence (compared in lower case, inner dots kept). */
const ABBREVIATIONS = new Set([
  // English
  'e.g',
  'i.e',
  'cf',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'vs',
  'approx',
  'incl',
  'excl',
  'a.m',
  'p.m',
  'p.s',
  'jr',
  'sr',
  'dept',
  'est',
  'min',
  'max',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // Hungarian
  'pl',
  'ill',
  'ld',
  'kb',
  'ún',
  'vö',
  'db',
  'kft',
  'bt',
  'zrt',
  'nyrt',
  'ifj',
  'özv',
  'krt',
  'ker',
  'febr',
  'márc',
  'ápr',
  'jún',
  'júl',
  'szept',
  'okt',
  'u.i',
]);

/** Abbreviations that also end sentences ("photos, logos, etc. Please…"): a capital after them splits. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'stb', 'usw']);

/** Abbreviations that only stand before a number ("No. 5", "Fő u. 12.", "tel. 06…"). */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nr', 'nos', 'u', 'tel', 'hrsz', 'p', 'pp', 'sz', 'fig']);

const LIST_MARKER = /^\s*(?:[-*•‣◦▪–]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)/i;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\v\f\u0085]/;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of blocks(nfc(text))) splitBlock(block, sentences);
  return sentences;
}

function blocks(text: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) result.push(current.join(' '));
    current = [];
  };
  for (const rawLine of text.split(LINE_BREAKS)) {
    const line = rawLine.trim();
    if (line === '') {
      flush();
      continue;
    }
    const marker = LIST_MARKER.exec(rawLine);
    if (marker !== null) flush();
    const previous = current.at(-1);
    if (previous !== undefined && endsBlock(previous)) flush();
    // The bullet or number of a list item is layout, not part of the sentence.
    current.push(marker === null ? line : rawLine.slice(marker[0].length).trim());
  }
  flush();
  return result;
}

function endsBlock(line: string): boolean {
  if (line.length < SHORT_LINE) return true;
  const last = line.at(-1) ?? '';
  return TERMINATORS.includes(last) || last === ':' || CLOSERS.includes(last);
}

function splitBlock(block: string, out: string[]): void {
  let start = 0;
  let i = 0;
  const n = block.length;
  while (i < n) {
    const urlEnd = urlEndAt(block, i);
    if (urlEnd > i) {
      i = urlEnd;
      continue;
    }
    if (!TERMINATORS.includes(block.charAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && TERMINATORS.includes(block.charAt(j))) j++;
    let k = j;
    let quoted = false;
    while (k < n && CLOSERS.includes(block.charAt(k))) {
      if (QUOTE_CLOSERS.includes(block.charAt(k))) quoted = true;
      k++;
    }
    // "1.5", "e.g.x", "?q=": a terminator glued to the next character ends nothing.
    if (k < n && !isSpace(block.charAt(k))) {
      i = j;
      continue;
    }
    let m = k;
    while (m < n && isSpace(block.charAt(m))) m++;
    if (endsSentence(block, i, j, quoted, m < n ? block.charAt(m) : '')) {
      push(out, block.slice(start, k));
      start = k;
    }
    i = k;
  }
  push(out, block.slice(start));
}

function endsSentence(block: string, runStart: number, runEnd: number, quoted: boolean, next: string): boolean {
  if (next === '') return true;
  const run = block.slice(runStart, runEnd);
  if (run === '.') {
    const token = tokenBefore(block, runStart);
    if (ABBREVIATIONS.has(token)) return false;
    if (SENTENCE_FINAL_ABBREVIATIONS.has(token)) return isUpper(next);
    if (NUMBER_ABBREVIATIONS.has(token) && isDigit(next)) return false;
    // 2024. 03. 05., 2024. március 5., a 3. poszt: a number's full stop before a digit or a
    // lower-case word is part of a date or an ordinal.
    if (isDigit(block.charAt(runStart - 1)) && (isDigit(next) || isLower(next))) return false;
  }
  // "Hmm… let me check": a trailing-off ellipsis before lower case continues the sentence.
  if ((run === '…' || run === '...') && isLower(next)) return false;
  // "Can we move it?" she asked: a quoted question inside a longer sentence.
  if (quoted && !isUpper(next) && !isDigit(next)) return false;
  return true;
}

/** Letters and inner dots before a full stop, lower-cased: "e.g", "dr", "u.i". */
function tokenBefore(block: string, dot: number): string {
  let s = dot;
  while (s > 0 && dot - s < 12) {
    const c = block.charAt(s - 1);
    if (c === '.' || isLetter(c)) s--;
    else break;
  }
  return block.slice(s, dot).toLowerCase();
}

/** End of a URL starting at i (trailing punctuation excluded), or i when none starts there. */
function urlEndAt(block: string, i: number): number {
  const c = block.charAt(i);
  if (c !== 'h' && c !== 'H' && c !== 'w' && c !== 'W') return i;
  if (i > 0 && isLetter(block.charAt(i - 1))) return i;
  const head = block.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.')) return i;
  let end = i;
  while (end < block.length && !isSpace(block.charAt(end))) end++;
  while (end > i && `${TERMINATORS},;:)]"'”’`.includes(block.charAt(end - 1))) end--;
  return end;
}

function push(out: string[], piece: string): void {
  const sentence = piece.trim();
  if (HAS_CONTENT.test(sentence)) out.push(sentence);
}

function isSpace(c: string): boolean {
  return c !== '' && c.trim() === '';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLetter(c: string): boolean {
  return c !== '' && c.toLowerCase() !== c.toUpperCase();
}

function isUpper(c: string): boolean {
  return isLetter(c) && c === c.toUpperCase();
}

function isLower(c: string): boolean {
  return isLetter(c) && c === c.toLowerCase();
}
