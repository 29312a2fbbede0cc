/**
 * The Date header → a Date, or undefined.
 *
 * We do not hand the header to `new Date(string)`: V8's legacy parser accepts almost anything
 * ("1" is 2001-01-01, "Hello 5" is a date), so a garbage header would become a confident,
 * wrong timestamp that then orders the thread. Instead this reads RFC 5322 §3.3 (with the
 * obsolete forms of §4.3: two-digit years, named zones) token by token, plus strict
 * ISO 8601, which some broken senders write.
 */

/** Dates outside this window are "absurd": clock-less devices (1970), typos (3609). */
const EARLIEST = Date.UTC(1970, 0, 2);
const LATEST = Date.UTC(2100, 0, 1);
/** A Date header longer than this is not a date; it saves tokenising a megabyte of junk. */
const MAX_LENGTH = 200;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * Named zones in minutes east of UTC. RFC 5322 §4.3 lists UT/GMT and the US zones; the
 * Central European ones are here because Hungarian senders' older clients write them.
 * Military one-letter zones were defined with the wrong sign in RFC 822, so §4.3 says to
 * read them as "-0000" (unknown), i.e. UTC.
 */
const NAMED_ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  bst: 60,
};

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?$/;
const NUMERIC_ZONE = /^([+-])(\d{2}):?(\d{2})$/;

export function parseMailDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_LENGTH) return undefined;
  const ms = parseIso(trimmed) ?? parseRfc5322(stripComments(trimmed));
  if (ms === undefined || ms < EARLIEST || ms >= LATEST) return undefined;
  return new Date(ms);
}

function parseIso(value: string): number | undefined {
  const m = ISO_8601.exec(value);
  if (!m) return undefined;
  const zone = m[7] === undefined ? 0 : parseZone(m[7]);
  if (zone === undefined) return undefined;
  return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), zone);
}

function parseRfc5322(value: string): number | undefined {
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let time: [number, number, number] | undefined;
  let zone: number | undefined;

  for (const raw of value.split(/[\s,]+/)) {
    if (raw === '') continue;
    let token = raw.toLowerCase();
    // "13:02:28+0200": a zone glued to the time.
    const glued = time === undefined ? token.search(/\d[+-]\d{2}:?\d{2}$/) : -1;
    if (glued >= 0 && token.includes(':')) {
      zone ??= parseZone(token.slice(glued + 1));
      token = token.slice(0, glued + 1);
    }
    const t = TIME.exec(token);
    if (t) {
      time ??= [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
      continue;
    }
    if (/^[+-]\d{2}:?\d{2}$/.test(token)) {
      zone ??= parseZone(token);
      continue;
    }
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      if (token.length <= 2 && day === undefined) day = n;
      else if (year === undefined && token.length <= 4) year = token.length === 4 ? n : obsoleteYear(n, token.length);
      continue;
    }
    const letters = token.replace(/\.$/, '');
    const monthIndex = MONTHS.indexOf(letters.slice(0, 3));
    if (monthIndex >= 0 && month === undefined && /^[a-z]{3,9}$/.test(letters)) {
      month = monthIndex;
      continue;
    }
    if (letters in NAMED_ZONES) {
      zone ??= NAMED_ZONES[letters];
      continue;
    }
    if (/^[a-z]$/.test(letters)) {
      zone ??= 0;
      continue;
    }
    // Weekday names and anything unknown ("H0500", "(CEST)" leftovers) are ignored: the
    // required parts below decide whether this was a date at all.
    if (WEEKDAYS.has(letters.slice(0, 3))) continue;
  }

  if (day === undefined || month === undefined || year === undefined) return undefined;
  const [hour, minute, second] = time ?? [0, 0, 0];
  // A missing zone is "-0000" in RFC 5322 terms: local time of unknown offset; UTC is the
  // least wrong reading.
  return build(year, month, day, hour, minute, second, zone ?? 0);
}

/** RFC 5322 §4.3: two-digit years < 50 are 20xx, else 19xx; three-digit years add 1900. */
function obsoleteYear(n: number, digits: number): number {
  if (digits === 3) return n + 1900;
  return n < 50 ? n + 2000 : n + 1900;
}

function parseZone(token: string): number | undefined {
  if (token.toLowerCase() === 'z') return 0;
  const m = NUMERIC_ZONE.exec(token);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  return m[1] === '-' ? -offset : offset;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, zoneMinutes: number) {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  // A leap second (":60") is a real instant; Date cannot hold it, so it becomes :59.
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is unparseable.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - zoneMinutes * 60_000;
}

/**
 * Removes RFC 5322 comments, "(CEST)", in one pass (nesting counted, no regex), because a
 * comment may hold digits or month names that would otherwise be read as date parts.
 */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x28 /* ( */) {
      if (depth === 0) out += `${value.slice(start, i)} `;
      depth++;
    } else if (c === 0x29 /* ) */ && depth > 0) {
      depth--;
      if (depth === 0) start = i + 1;
    }
  }
  return depth === 0 ? out + value.slice(start) : out;
}
