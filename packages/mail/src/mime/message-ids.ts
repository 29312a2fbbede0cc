/**
 * Message-ID / In-Reply-To / References → bare ids (no angle brackets), which is how the
 * model stores them and how threading compares them.
 *
 * Ids are taken from `<…>` pairs; text outside them is comments or the obsolete
 * "Your message of …" phrases some clients write into In-Reply-To. A header with no
 * brackets at all (seen from broken senders) falls back to whitespace-separated tokens.
 * Scanning is indexOf-based and linear: these headers are attacker-controlled.
 */

/** References beyond this many keep the first (the thread root) and the most recent ones. */
export const MAX_REFERENCES = 500;

/** The first id of a Message-ID header; a bare token counts, since it is the message's own id. */
export function parseMessageId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return bracketedIds(value, 1)[0] ?? bareTokens(value, false)[0];
}

/** The first id of In-Reply-To; bare tokens only when they look like ids (contain "@"). */
export function parseInReplyTo(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return bracketedIds(value, 1)[0] ?? bareTokens(value, true)[0];
}

/** Every id of References in order, duplicates removed, capped at MAX_REFERENCES. */
export function parseReferences(value: string | undefined): string[] {
  if (value === undefined) return [];
  let ids = bracketedIds(value, Number.POSITIVE_INFINITY);
  if (ids.length === 0) ids = bareTokens(value, true);
  const unique = [...new Set(ids)];
  if (unique.length <= MAX_REFERENCES) return unique;
  // RFC 5322 §3.6.4 trims References the same way: keep the root, drop the middle.
  return [unique[0] as string, ...unique.slice(unique.length - (MAX_REFERENCES - 1))];
}

function bracketedIds(value: string, limit: number): string[] {
  const ids: string[] = [];
  let pos = 0;
  while (ids.length < limit) {
    const open = value.indexOf('<', pos);
    if (open < 0) break;
    const close = value.indexOf('>', open + 1);
    if (close < 0) break;
    // A second "<" before the ">" means the first one was stray; restart from it.
    const reopen = value.lastIndexOf('<', close);
    const id = removeWhitespace(value.slice(reopen + 1, close));
    if (id !== '') ids.push(id);
    pos = close + 1;
  }
  return ids;
}

function bareTokens(value: string, requireAt: boolean): string[] {
  return value
    .split(/[\s,]+/)
    .map(trimAngles)
    .filter((token) => token !== '' && (!requireAt || token.includes('@')));
}

/** Index-based, not `/[<>]+$/`, which backtracks quadratically over a long run of "<". */
function trimAngles(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && isAngle(token.charCodeAt(start))) start++;
  while (end > start && isAngle(token.charCodeAt(end - 1))) end--;
  return token.slice(start, end);
}

function isAngle(c: number): boolean {
  return c === 0x3c || c === 0x3e;
}

/** Folding inside an id (a client bug) leaves spaces in it; the id itself never has any. */
function removeWhitespace(id: string): string {
  return id.replace(/\s+/g, '');
}
