/**
 * The return date an out-of-office reply states (PRODUCT §3: an out-of-office with a return
 * date pauses escalation until that date). The answer is the first working day (Mon–Fri)
 * the person is back, as a local date in the client's zone.
 *
 * Each date in the message gets a role from the words around it, within its clause:
 *   back on X      "back on", "returning", "available from", "visszatérek", "-tól elérhető"  → X
 *   until X (EN)   "out of office until Monday, 2 December"                                 → X
 *                  (English OOO "until" names the day they are back; "through" does not)
 *   through X      "through/thru X", "until and including X", Hungarian "X-ig" (inclusive),
 *                  the end of a span ("July 10–31", "Dec 20 – Jan 3", "… között")           → the working day after X
 *   away on X      "out of the office Friday", "pénteken szabadságon vagyok"                 → the working day after X
 * An explicit "back" wins over the rest; among equals the latest date wins, so escalation
 * waits rather than fires early. Dates already past when the reply was sent are ignored.
 * Public holidays are not known here (no country), only weekends are skipped.
 */
import { type CivilDate, formatIsoDate, localDateOf, nextWorkingDayAfter, onOrNextWorkingDay, parseIsoDate } from '../dates/calendar';
import { scanDates } from '../dates/find-dates';
import { foldForMatching } from '../dates/fold';
import type { FoundDate } from '../dates/types';
import { splitSentences } from './sentences';
import type { Language } from './types';

export interface ReturnDateInput {
  subject: string;
  visibleText: string;
  sentAt: Date;
  timeZone: string;
  language: Language;
}

const MAX_TEXT_CHARS = 20_000;

type Role = 'back-on' | 'until' | 'through' | 'away-on';

const EN_BACK =
  /(?<![\p{L}])(?:back|return|returning|returns|available|reachable|resume|resuming|in\s+the\s+office|at\s+my\s+desk|reopen(?:s|ing)?|as\s+of|starting)(?![\p{L}])/u;
const HU_BACK =
  /(?<![\p{L}])(?:visszater[a-z]{0,6}|vissza|ujra|ismet|(?<!nem\s{1,3}(?:vagyok|leszek)\s{1,3})elerheto|irodaban|dolgozom|valaszol[a-z]{0,6}|rendelkezesre)(?![\p{L}])/u;
const AWAY =
  /(?<![\p{L}])(?:out|off|away|absent|leave|vacation|holiday|holidays|travel(?:l)?ing|travel|unavailable|not\s+available|ooo|sick|conference|limited\s+access|offline|szabadsag[a-z]{0,6}|szabadnap[a-z]{0,6}|zarva|tavol|irodan\s+kivul|nem\s+(?:vagyok|leszek)\s+elerheto|elerhetetlen|beteg[a-z]{0,10}|uton|konferencian|nem\s+dolgozom|korlatozott[a-z]{0,4})(?![\p{L}])/u;
const EN_UNTIL = /(?<![\p{L}])(?:until|till|til|'til|untill)\s{0,3}(?:the\s{1,3})?$/u;
const EN_THROUGH =
  /(?<![\p{L}])(?:through|thru|until\s+and\s+including|up\s+to\s+and\s+including|to\s+and\s+including|inclusive\s+of)\s{0,3}(?:the\s{1,3})?$/u;
const RANGE_JOIN = /^\s{0,3}(?:-|–|—|to|till|until|through|thru|and|es|-ig|ig)\s{0,3}$/u;
const HU_BETWEEN_AFTER = /^\s{0,3}(?:kozott|kozti|intervallumban)(?![\p{L}])/u;

function huSuffix(phrase: string): string {
  const folded = foldForMatching(phrase);
  const match = /-([a-z]{1,7})$|([a-z]{2,4})$/.exec(folded);
  return match?.[1] ?? match?.[2] ?? '';
}

interface Placed {
  found: FoundDate;
  start: number;
  end: number;
}

function placeDates(sentence: string, dates: readonly FoundDate[]): Placed[] {
  const placed: Placed[] = [];
  let cursor = 0;
  for (const found of dates) {
    const start = sentence.indexOf(found.phrase, cursor);
    if (start < 0) continue;
    placed.push({ found, start, end: start + found.phrase.length });
    cursor = start + found.phrase.length;
  }
  return placed;
}

function roleOf(folded: string, dates: readonly Placed[], index: number, language: Language): Role | undefined {
  const current = dates[index];
  if (!current) return undefined;
  const previous = dates[index - 1];
  const next = dates[index + 1];
  const clauseBreak = /[;!?]|\.\s/g;
  let from = previous ? previous.end : 0;
  for (const match of folded.slice(from, current.start).matchAll(clauseBreak)) from = from + (match.index ?? 0) + match[0].length;
  const before = folded.slice(Math.max(from, current.start - 80), current.start);
  const after = folded.slice(current.end, next ? next.start : Math.min(folded.length, current.end + 80));
  const between = next ? folded.slice(current.end, next.start) : '';
  const sentenceAway = AWAY.test(folded);
  const suffix = language === 'hu' ? huSuffix(current.found.phrase) : '';

  // The start of a span is not the return; its end is handled as that date's own role.
  if (next && (RANGE_JOIN.test(between) || /^\s{0,3}(?:-|–)?\s{0,3}$/.test(between))) return undefined;
  const joined = previous ? RANGE_JOIN.exec(folded.slice(previous.end, current.start)) : null;
  if (joined) return language === 'en' && /until|till/.test(joined[0]) ? 'until' : 'through';
  if (previous && HU_BETWEEN_AFTER.test(after)) return 'through';
  if (current.found.periodEnd && sentenceAway && !EN_BACK.test(before) && !HU_BACK.test(before + after)) return 'through';

  if (EN_THROUGH.test(before)) return 'through';
  if (EN_UNTIL.test(before)) return sentenceAway || EN_BACK.test(folded) ? 'until' : undefined;
  if (language === 'hu') {
    const huBack = HU_BACK.test(before) || HU_BACK.test(after);
    if (/^(?:ig|eig|aig|jeig|jaig)$/.test(suffix) || /ig$/.test(suffix)) return huBack && !sentenceAway ? 'back-on' : 'through';
    if (/^(?:tol|tol|atol|etol|jatol|jetol)$/.test(suffix) || /tol$/.test(suffix)) return huBack ? 'back-on' : undefined;
    if (huBack) return 'back-on';
    if (sentenceAway) return 'away-on';
    return undefined;
  }
  if (EN_BACK.test(before)) return 'back-on';
  if (AWAY.test(before) || AWAY.test(after.slice(0, 60))) return 'away-on';
  return undefined;
}

function returnDay(role: Role, found: FoundDate): CivilDate | undefined {
  const day = parseIsoDate(role === 'back-on' || role === 'until' ? found.date : (found.periodEnd ?? found.date));
  if (!day) return undefined;
  return role === 'back-on' || role === 'until' ? onOrNextWorkingDay(day) : nextWorkingDayAfter(day);
}

/** An out-of-office's stated return: the first working day they are back, as a local date, or undefined. */
export function detectReturnDate(input: ReturnDateInput): { date: string; phrase: string } | undefined {
  const language: Language = input.language === 'hu' ? 'hu' : 'en';
  const subject = typeof input.subject === 'string' ? input.subject.normalize('NFC').slice(0, 1_000) : '';
  const body = typeof input.visibleText === 'string' ? input.visibleText.normalize('NFC').slice(0, MAX_TEXT_CHARS) : '';
  const today = formatIsoDate(localDateOf(input.sentAt, input.timeZone));
  const options = { reference: input.sentAt, timeZone: input.timeZone, language };

  let best: { date: string; phrase: string; explicit: boolean } | undefined;
  for (const sentence of [subject, ...splitSentences(body).map((s) => s.text)]) {
    const found = scanDates(sentence, options).dates;
    if (found.length === 0) continue;
    const folded = foldForMatching(sentence);
    const placed = placeDates(sentence, found);
    placed.forEach((item, index) => {
      const role = roleOf(folded, placed, index, language);
      if (!role) return;
      const day = returnDay(role, item.found);
      if (!day) return;
      const date = formatIsoDate(day);
      if (date < today) return;
      const explicit = role === 'back-on';
      const better = !best || (explicit && !best.explicit) || (explicit === best.explicit && date > best.date);
      if (better) best = { date, phrase: item.found.phrase, explicit };
    });
  }
  return best ? { date: best.date, phrase: best.phrase } : undefined;
}
