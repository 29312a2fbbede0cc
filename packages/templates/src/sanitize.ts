/**
 * Client-supplied text reaches three places: HTML, the plain-text part and the Subject
 * header. Values are first made single-line and free of control characters (so nothing
 * can start a new header or smuggle terminal escapes), then HTML-escaped where HTML is built.
 */

// C0 controls (CR, LF and TAB included), DEL, C1 controls, and the Unicode line and
// paragraph separators, which some mail clients treat as line breaks.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]+/gu;

/** One line of plain text: every run of control characters becomes a single space. */
/** The same characters, for a test without the global flag's state: most values have none, and testing is cheaper than replacing. */
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source, 'u');

export function toSafeLine(value: string): string {
  return HAS_CONTROL_CHARACTER.test(value) ? value.replace(CONTROL_CHARACTERS, ' ') : value;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element text and in quoted attribute values (the only places a slot may sit). */
const NEEDS_ESCAPING = /[&<>"']/;

export function escapeHtml(value: string): string {
  const line = toSafeLine(value);
  return NEEDS_ESCAPING.test(line) ? line.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character) : line;
}

// "Re:" in English clients, "Vá:"/"Válasz:" in Hungarian Outlook and Gmail, "AW:"/"SV:" elsewhere:
// any of them already marks a reply, and stacking a second prefix looks careless.
const REPLY_PREFIX = /^\s*(re|vá|válasz|aw|sv)\s*:/i;

/** The subject of a reply in an existing thread: the thread's own subject, marked as a reply once. */
export function replySubject(threadSubject: string): string {
  const subject = toSafeLine(threadSubject).trim();
  return REPLY_PREFIX.test(subject) ? subject : `Re: ${subject}`;
}
