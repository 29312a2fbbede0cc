/**
 * HTML character references, decoded the way a browser shows them. Only the named entities
 * mail actually uses (punctuation, spacing, the accented letters of our languages) are
 * listed; numeric ones cover everything else.
 */
// A Map, not an object literal: `&constructor;` must not find Object.prototype.constructor.
const NAMED = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    ensp: '\u2002',
    emsp: '\u2003',
    thinsp: '\u2009',
    zwnj: '\u200c',
    zwj: '\u200d',
    lrm: '\u200e',
    rlm: '\u200f',
    shy: '\u00ad',
    copy: '©',
    reg: '®',
    trade: '™',
    hellip: '…',
    mdash: '—',
    ndash: '–',
    lsquo: '‘',
    rsquo: '’',
    sbquo: '‚',
    ldquo: '“',
    rdquo: '”',
    bdquo: '„',
    laquo: '«',
    raquo: '»',
    bull: '•',
    middot: '·',
    euro: '€',
    pound: '£',
    yen: '¥',
    cent: '¢',
    sect: '§',
    para: '¶',
    deg: '°',
    plusmn: '±',
    times: '×',
    divide: '÷',
    frac12: '½',
    frac14: '¼',
    frac34: '¾',
    iexcl: '¡',
    iquest: '¿',
    aacute: 'á',
    Aacute: 'Á',
    eacute: 'é',
    Eacute: 'É',
    iacute: 'í',
    Iacute: 'Í',
    oacute: 'ó',
    Oacute: 'Ó',
    uacute: 'ú',
    Uacute: 'Ú',
    ouml: 'ö',
    Ouml: 'Ö',
    uuml: 'ü',
    Uuml: 'Ü',
    auml: 'ä',
    Auml: 'Ä',
    euml: 'ë',
    iuml: 'ï',
    odblac: 'ő',
    Odblac: 'Ő',
    udblac: 'ű',
    Udblac: 'Ű',
    agrave: 'à',
    Agrave: 'À',
    egrave: 'è',
    Egrave: 'È',
    igrave: 'ì',
    ograve: 'ò',
    ugrave: 'ù',
    acirc: 'â',
    ecirc: 'ê',
    icirc: 'î',
    ocirc: 'ô',
    ucirc: 'û',
    atilde: 'ã',
    otilde: 'õ',
    ntilde: 'ñ',
    Ntilde: 'Ñ',
    ccedil: 'ç',
    Ccedil: 'Ç',
    szlig: 'ß',
    oslash: 'ø',
    Oslash: 'Ø',
    aring: 'å',
    Aring: 'Å',
    aelig: 'æ',
    AElig: 'Æ',
  }),
);

/** Entities old mail writes without the semicolon ("&nbsp", "&amp"). */
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

const REFERENCE = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31})(;?)/gu;

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range code points show as the replacement character.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, body: string, semicolon: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = NAMED.get(body) ?? NAMED.get(body.toLowerCase());
    if (named === undefined) return whole;
    if (semicolon === '' && !LEGACY_WITHOUT_SEMICOLON.has(body.toLowerCase())) return whole;
    return named;
  });
}
