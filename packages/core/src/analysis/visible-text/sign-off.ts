import { isBlank, isRuleLine, MAX_STRUCTURAL_LINE } from './lines';

/**
 * The end of a message that is not what the sender wrote *to* the reader: a closing with a
 * name ("Best regards,\nAnna", "Üdvözlettel,\nKovács Anna", "Köszönöm,\nNóra"), a dash
 * sign-off ("-Abhishek Kona"), or a contact block (name, phone, e-mail, web). Only the tail
 * is examined, and only short name/contact lines may follow a closing, so "with regards to
 * the payment" mid-text or a last paragraph of real content stays.
 */

/** Closings that are always a sign-off, lower case. */
const SIGN_OFFS = [
  'regards',
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'best wishes',
  'all the best',
  'all best',
  'best',
  'cheers',
  'sincerely',
  'yours sincerely',
  'sincerely yours',
  'yours truly',
  'yours faithfully',
  'respectfully',
  'take care',
  'br',
  'kr',
  'mfg',
  'mit freundlichen grüßen',
  'mit freundlichen grüssen',
  'freundliche grüße',
  'viele grüße',
  'liebe grüße',
  'beste grüße',
  'grüße',
  'gruß',
  'cordialement',
  'bien cordialement',
  'bien à vous',
  'salutations',
  'saludos',
  'un saludo',
  'atentamente',
  'cordiali saluti',
  'distinti saluti',
  'saluti',
  'met vriendelijke groet',
  'met vriendelijke groeten',
  'groeten',
  'pozdrawiam',
  'z poważaniem',
  'med vänlig hälsning',
  'vänliga hälsningar',
  'hälsningar',
  'mvh',
  'med venlig hilsen',
  'venlig hilsen',
  'hilsen',
  'ystävällisin terveisin',
  'terveisin',
  'с уважением',
  'üdvözlettel',
  'üdv',
  'üdvözlet',
  'tisztelettel',
  'baráti üdvözlettel',
  'szívélyes üdvözlettel',
  'szép napot',
  'további szép napot',
  'minden jót',
  'köszönettel',
  'hálás köszönettel',
  'üdvözlettel és köszönettel',
  'köszönettel és üdvözlettel',
  'puszi',
];

/** Thanks that close a message only when a name follows (or a comma says more is coming). */
const GRATITUDE = [
  'thanks',
  'thank you',
  'thanks again',
  'thanks a lot',
  'many thanks',
  'thank you very much',
  'thx',
  'ty',
  'köszönöm',
  'köszönöm szépen',
  'előre is köszönöm',
  'köszi',
  'kösz',
  'merci',
  'merci beaucoup',
  'danke',
  'vielen dank',
  'grazie',
  'gracias',
  'obrigado',
  'obrigada',
  'bedankt',
  'dziękuję',
  'tack',
  'takk',
  'спасибо',
];

function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
}

/** A name written after the closing on the same line: "Regards, Roman", "Thanks,Christine". */
const SAME_LINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}`;
const DECORATION = String.raw`[\s\p{Extended_Pictographic}\u200d\ufe0f]*`;

// The phrase is matched case-insensitively, the rest case-sensitively: under the `i` flag
// \p{Lu} matches lower-case letters too, and "Thanks, will do" must not read as a name.
const SIGN_OFF_PREFIX = new RegExp(String.raw`^[\s*_-]*(?:${alternation(SIGN_OFFS)})(?!\p{L})`, 'iu');
const GRATITUDE_PREFIX = new RegExp(String.raw`^[\s*_-]*(?:${alternation(GRATITUDE)})(?!\p{L})`, 'iu');
const CLOSING_REST = new RegExp(String.raw`^(?<punct>[\s,.!;:]*)(?<name>${SAME_LINE_NAME})?${DECORATION}$`, 'u');

interface Closing {
  kind: 'sign-off' | 'gratitude';
  comma: boolean;
  name: boolean;
}

function closingOf(line: string): Closing | undefined {
  for (const [kind, prefix] of [
    ['sign-off', SIGN_OFF_PREFIX],
    ['gratitude', GRATITUDE_PREFIX],
  ] as const) {
    const head = prefix.exec(line);
    if (head === null) continue;
    const rest = CLOSING_REST.exec(line.slice(head[0].length));
    if (rest === null) continue;
    return { kind, comma: rest.groups?.punct?.includes(',') === true, name: rest.groups?.name !== undefined };
  }
  return undefined;
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|van|de|der|den|von|da|di|du|le|la|dr\.?)`;
/** "Anna Kovács", "Dr. Nagy Péter", "John E. Doe, Ph.D.", "Sarah Johnson, Product Manager". */
const NAME_LIKE = new RegExp(String.raw`^\p{Lu}[\p{L}'’.-]*(?:\s+${NAME_WORD}){0,4}(?:,\s*[\p{L}.\s&-]{1,40})?$`, 'u');
const DASH_NAME = /^[-–—]\s?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.\p{L}{2,}/u;
const WEB = /\b(?:https?:\/\/|www\.)\S+/iu;
const CONTACT_LABEL =
  /^(?:tel|telefon|phone|mobile|mobil|mob|cell|fax|skype|web|email|e-mail|t|f|m|p|e|w|ph|office|iroda|cím|address)\s*\.?\s*[:.]/iu;

export function isNameLike(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 60 && NAME_LIKE.test(text);
}

function isPhone(text: string): boolean {
  const digits = text.replace(/\D/gu, '').length;
  if (digits < 7) return false;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return letters <= 12 && /\d[\d\s().+/-]{6,}\d/u.test(text);
}

export function isContactLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 120) return false;
  return EMAIL.test(text) || WEB.test(text) || CONTACT_LABEL.test(text) || isPhone(text);
}

/** A line that may follow a closing: a name, a title, a company, a contact. */
function isSignatureLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return true;
  if (isContactLine(text) || isRuleLine(text)) return true;
  if (text.length > 60 || text.endsWith('?')) return false;
  return text.split(/\s+/u).length <= 7;
}

const MAX_SIGNATURE_LINES = 8;
const TAIL_WINDOW = 10;

function nonBlankIndexes(lines: readonly string[]): number[] {
  const indexes: number[] = [];
  lines.forEach((line, index) => {
    if (!isBlank(line)) indexes.push(index);
  });
  return indexes;
}

function hasContentBefore(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    if (!isBlank(line) && !isRuleLine(line)) return true;
  }
  return false;
}

function closingStart(lines: readonly string[], tail: readonly number[]): number | undefined {
  for (const index of tail) {
    const line = (lines[index] ?? '').trim();
    if (line.length > 60) continue;
    const following = lines.slice(index + 1);
    const followingCount = following.filter((l) => !isBlank(l)).length;
    if (followingCount > MAX_SIGNATURE_LINES || !following.every(isSignatureLine)) continue;
    if (!hasContentBefore(lines, index)) continue;
    const closing = closingOf(line);
    if (closing === undefined) continue;
    if (closing.kind === 'sign-off' || closing.name || closing.comma || followingCount > 0) return index;
  }
  return undefined;
}

function contactBlockStart(lines: readonly string[], tail: readonly number[]): number | undefined {
  let best: number | undefined;
  for (let k = tail.length - 1; k >= 0; k -= 1) {
    const index = tail[k] ?? 0;
    const line = lines[index] ?? '';
    if (line.trim().length > 80) break;
    const previous = index > 0 ? (lines[index - 1] ?? '') : '';
    const startsParagraph = index === 0 || isBlank(previous) || isRuleLine(previous);
    if (!startsParagraph) continue;
    const block = lines.slice(index);
    const contacts = block.filter(isContactLine).length;
    if (contacts < 2) continue;
    const ruleAbove = previousNonBlank(lines, index);
    const afterRule = ruleAbove !== undefined && isRuleLine(lines[ruleAbove] ?? '');
    if (!(isNameLike(line) || afterRule)) continue;
    const start = afterRule && ruleAbove !== undefined ? ruleAbove : index;
    if (hasContentBefore(lines, start)) best = start;
  }
  return best;
}

function previousNonBlank(lines: readonly string[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i -= 1) if (!isBlank(lines[i] ?? '')) return i;
  return undefined;
}

function dashSignOffStart(lines: readonly string[], tail: readonly number[]): number | undefined {
  const last = tail[tail.length - 1];
  if (last === undefined) return undefined;
  const line = (lines[last] ?? '').trim();
  if (!DASH_NAME.test(line)) return undefined;
  if (last === 0 || !isBlank(lines[last - 1] ?? '')) return undefined;
  return hasContentBefore(lines, last) ? last : undefined;
}

/**
 * Where the trailing sign-off starts in `lines` (the visible lines so far), or undefined.
 * Repeats so "Thanks,\nAlex" above a contact block goes too; never leaves nothing behind.
 */
export function trailingSignOffStart(lines: readonly string[]): number | undefined {
  let end = lines.length;
  let found: number | undefined;
  for (let round = 0; round < 3; round += 1) {
    const current = lines.slice(0, end);
    const nonBlank = nonBlankIndexes(current);
    const tail = nonBlank.slice(-TAIL_WINDOW);
    if (tail.some((index) => (current[index] ?? '').length > MAX_STRUCTURAL_LINE)) break;
    const start = closingStart(current, tail) ?? contactBlockStart(current, tail) ?? dashSignOffStart(current, tail);
    if (start === undefined) break;
    found = start;
    end = start;
  }
  return found;
}
