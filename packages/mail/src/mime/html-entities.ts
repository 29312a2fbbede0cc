/**
 * HTML character references → text, for the HTML→text converter.
 *
 * Not the full WHATWG table (2,231 names): the Latin-1 set (which covers Hungarian á é í ó
 * ö ú ü), ő/ű, typography and the few symbols mail clients emit. An unknown name stays as
 * written, which is what a reader would want from a typo anyway. Numeric references follow
 * the HTML rules (C1 range read as windows-1252, invalid code points → U+FFFD).
 */

/** U+00A0..U+00FF in order, so the table is a list instead of 96 hand-typed numbers. */
// biome-ignore format: a table reads better in rows of 16
const LATIN1 = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo', 'not', 'shy', 'reg', 'macr',
  'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot', 'cedil', 'sup1', 'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest',
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml',
  'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig',
  'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml',
  'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

// biome-ignore format: a table
const OTHER: Record<string, number> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  Odblac: 0x150, odblac: 0x151, Udblac: 0x170, udblac: 0x171,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, hairsp: 0x200a, zwsp: 0x200b, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e,
  dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032, Prime: 0x2033,
  lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, euro: 0x20ac, trade: 0x2122, larr: 0x2190, uarr: 0x2191, rarr: 0x2192,
  darr: 0x2193, harr: 0x2194, check: 0x2713, hearts: 0x2665, minus: 0x2212,
};

const NAMED = new Map<string, number>(Object.entries(OTHER));
for (const [i, name] of LATIN1.entries()) NAMED.set(name, 0xa0 + i);

/** Names HTML accepts without the ";" (the legacy subset) that mail actually relies on. */
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

/** HTML's remapping of the C1 range: numeric references there mean windows-1252. */
// biome-ignore format: a table
const C1_WINDOWS_1252: Record<number, number> = {
  128: 0x20ac, 130: 0x201a, 131: 0x192, 132: 0x201e, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x2c6,
  137: 0x2030, 138: 0x160, 139: 0x2039, 140: 0x152, 142: 0x17d, 145: 0x2018, 146: 0x2019, 147: 0x201c,
  148: 0x201d, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x2dc, 153: 0x2122, 154: 0x161, 155: 0x203a,
  156: 0x153, 158: 0x17e, 159: 0x178,
};

const MAX_NAME = 32;
const MAX_DIGITS = 8;

/** Decodes every character reference in `text`; one left-to-right pass. */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  const out: string[] = [];
  let copied = 0;
  while (amp >= 0) {
    const ref = readReference(text, amp + 1);
    if (ref) {
      out.push(text.slice(copied, amp), ref.text);
      copied = ref.end;
    }
    amp = text.indexOf('&', ref ? ref.end : amp + 1);
  }
  out.push(text.slice(copied));
  return out.join('');
}

function readReference(text: string, start: number): { text: string; end: number } | undefined {
  if (text.charCodeAt(start) === 0x23 /* # */) return readNumeric(text, start + 1);
  let end = start;
  while (end < text.length && end - start < MAX_NAME && isAlnum(text.charCodeAt(end))) end++;
  const name = text.slice(start, end);
  const code = NAMED.get(name);
  if (code !== undefined && text.charCodeAt(end) === 0x3b /* ; */) return { text: String.fromCodePoint(code), end: end + 1 };
  // Without ";" only the legacy names count, as the longest one the text starts with
  // ("&ampy" is "&" + "y", as in browsers).
  for (const legacy of LEGACY_WITHOUT_SEMICOLON) {
    if (name.startsWith(legacy)) return { text: String.fromCodePoint(NAMED.get(legacy) as number), end: start + legacy.length };
  }
  return undefined;
}

function readNumeric(text: string, start: number): { text: string; end: number } | undefined {
  const hex = text.charCodeAt(start) === 0x78 || text.charCodeAt(start) === 0x58; // x / X
  const digitsStart = hex ? start + 1 : start;
  let end = digitsStart;
  while (end < text.length && end - digitsStart < MAX_DIGITS && isDigit(text.charCodeAt(end), hex)) end++;
  if (end === digitsStart) return undefined;
  const code = Number.parseInt(text.slice(digitsStart, end), hex ? 16 : 10);
  // Skip any further digits so "&#99999999999;" is one (invalid) reference, not two.
  while (end < text.length && isDigit(text.charCodeAt(end), hex)) end++;
  if (text.charCodeAt(end) === 0x3b) end++;
  return { text: String.fromCodePoint(sanitiseCodePoint(code)), end };
}

function sanitiseCodePoint(code: number): number {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0xfffd;
  return C1_WINDOWS_1252[code] ?? code;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number, hex: boolean): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  return hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}
