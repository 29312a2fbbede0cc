/**
 * Splits visible mail text into sentences for the phrase rules. A sentence ends at . ! ?
 * followed by a space, or at a blank line; a single line break is only wrapping. A dot
 * after a digit does not end a sentence, because Hungarian writes dates and ordinals with
 * one ("december 5. után", "2026. 01. 06."), nor does a dot after a short abbreviation.
 */
export interface Sentence {
  text: string;
  start: number;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'no',
  'nr',
  'inv',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'kb',
  'pl',
  'stb',
  'ill',
  'ua',
  'jan',
  'feb',
  'febr',
  'mar',
  'marc',
  'márc',
  'apr',
  'ápr',
  'máj',
  'jun',
  'jún',
  'jul',
  'júl',
  'aug',
  'sep',
  'sept',
  'szept',
  'oct',
  'okt',
  'nov',
  'dec',
  'sz',
  'st',
  'u',
]);

function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && start > dot - 8 && /[\p{L}.]/u.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start, dot).toLowerCase();
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed.length > 0) sentences.push({ text: trimmed.replace(/\s+/g, ' '), start: start + raw.indexOf(trimmed.charAt(0)) });
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\n') {
      // Blank line (possibly with spaces or \r): paragraph break.
      let j = i + 1;
      while (j < text.length && (text.charAt(j) === ' ' || text.charAt(j) === '\t' || text.charAt(j) === '\r')) j++;
      if (text.charAt(j) === '\n') {
        push(i);
        start = j + 1;
        i = j;
      }
      continue;
    }
    if (char !== '.' && char !== '!' && char !== '?' && char !== '…') continue;
    const next = text.charAt(i + 1);
    if (next !== '' && !/\s/.test(next)) continue;
    if (char === '.') {
      const previous = text.charAt(i - 1);
      if (/\d/.test(previous)) continue;
      const word = wordBefore(text, i);
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(i + 1);
    start = i + 1;
  }
  push(text.length);
  return sentences;
}
