/**
 * Whether a rule's match in a (folded) sentence is really the client stating something
 * about their payment to us. A match does not count when it sits in a question ("Did you
 * receive the payment?"), is negated ("we haven't transferred it yet"), is conditional
 * ("if we pay now…"), or someone else was paid ("we paid the other agency").
 * Every check looks only at the clause around the match, a bounded window of text.
 */
import type { PaymentClaimKind } from './types';

const CLAUSE_BREAK =
  /[,;:()–—]|\s-\s|(?<![\p{L}])(?:but|however|although|though|de|azonban|viszont|pedig|mert|because|and|es)(?![\p{L}])/gu;
const WINDOW = 60;

/** Start index of the clause that contains `index` (looking back at most WINDOW characters). */
function clauseStart(sentence: string, index: number): number {
  const from = Math.max(0, index - WINDOW);
  const before = sentence.slice(from, index);
  let start = from;
  for (const match of before.matchAll(CLAUSE_BREAK)) start = from + match.index + match[0].length;
  return start;
}

/** End index of the clause that starts at or after `index`. */
function clauseEnd(sentence: string, index: number): number {
  const after = sentence.slice(index, index + WINDOW);
  CLAUSE_BREAK.lastIndex = 0;
  const match = new RegExp(CLAUSE_BREAK.source, 'u').exec(after);
  return match ? index + match.index : Math.min(sentence.length, index + WINDOW);
}

const EN_QUESTION_START =
  /^\s*(?:did|have|has|is|was|were|are|do|does|can|could|would|will|shall|should)\s+(?:you|the|it|our|my|this|that|we|i|u|they|he|she|your)(?![\p{L}])/u;
const HU_QUESTION_WORD = /(?<![\p{L}])(?:vajon|megkapt[a-z]{0,5}|megjott|megerkezett|beerkezett)(?![\p{L}])/u;

function inQuestion(sentence: string, start: number, end: number): boolean {
  const clauseFrom = clauseStart(sentence, start);
  const question = sentence.indexOf('?', end);
  if (question >= 0) {
    // The question mark closes this clause when no clause break lies between.
    const between = sentence.slice(end, question);
    if (!new RegExp(CLAUSE_BREAK.source, 'u').test(between)) return true;
  }
  const clause = sentence.slice(clauseFrom, start);
  return EN_QUESTION_START.test(clause) || (HU_QUESTION_WORD.test(clause) && question >= 0);
}

const NEGATION =
  /(?<![\p{L}])(?:not|never|no|yet\s+to|unable|cannot|can't|haven't|hasn't|didn't|don't|doesn't|won't|wasn't|isn't|aren't|weren't|couldn't|nem|sem|nincs|nincsen|ne|meg\s+nem)(?![\p{L}])|n't(?![\p{L}])/u;
const NEGATION_AFTER = /^\s{0,3}(?:volna|meg\s+nem|nem)(?![\p{L}])/u;

const PAST_CONDITION =
  /(?<![\p{L}])(?:if|unless|once|when|whether|as\s+soon\s+as|in\s+case|would|could|should|might|ha|hogyha|amennyiben|amint|mihelyt|kellene|tudnank|tudnam|mikor)(?![\p{L}])/u;
const FUTURE_CONDITION = /(?<![\p{L}])(?:if|unless|whether|in\s+case|ha|hogyha|amennyiben|vajon)(?![\p{L}])/u;

const THIRD_PARTY_AFTER = new RegExp(
  [
    '^\\s{0,3}(?:(?:the|our|their|a|an)\\s{1,3})?(?:other|previous|former|old|another)(?![\\p{L}])',
    '^\\s{0,3}(?:them|him|her)(?![\\p{L}])',
    '^\\s{0,3}(?:(?:for|to)\\s{1,3})?(?:(?:the|our|their|a|an|all)\\s{1,3})?(?:ads?|advertising|hosting|domains?|licen[cs]es?|subscriptions?|printers?|photographers?|agency|agencies|suppliers?|vendors?|contractors?|developers?|landlord|rent|salar(?:y|ies)|taxe?s?|google|facebook|meta|amazon|freelancers?|designers?|lawyers?|accountants?)(?![\\p{L}])',
    '^\\s{0,3}(?:a|az)\\s{1,3}(?:masik|korabbi|elozo|regi)(?![\\p{L}])',
    '^\\s{0,3}(?:nekik|neki|nekiuk)(?![\\p{L}])',
    '^\\s{0,3}(?:a|az)\\s{1,3}(?:nyomd|ugynokseg|fotos|grafikus|fejleszto|alvallalkozo|beszallito|konyvelo|berlet|reklam|hirdet|facebook|google|meta|ado|szolgaltato|tarhely|domain)',
  ].join('|'),
  'u',
);

/** Hungarian word order is free: "a másik ügynökségnek kifizettük" names the payee first. */
const THIRD_PARTY_BEFORE =
  /(?<![\p{L}])(?:(?:a|az)\s{1,3}(?:masik|korabbi|elozo|regi)\s{1,3}\p{L}{0,20}|nekik|neki|(?:a|az)\s{1,3}(?:nyomda|ugynokseg|fotos|grafikus|fejleszto|alvallalkozo|beszallito|szolgaltato)(?:nak|nek))(?![\p{L}])/u;

/** "pay you a visit", "pay attention": the verb without the money. */
const IDIOM_AFTER =
  /^\s{0,3}(?:(?:you|us|him|her|them)\s{1,3})?(?:a\s{1,3}visit|attention|respects?|tribute|a\s{1,3}compliment|lip\s{1,3}service)(?![\p{L}])/u;

export function matchCounts(kind: PaymentClaimKind, sentence: string, start: number, end: number): boolean {
  if (inQuestion(sentence, start, end)) return false;
  if (kind === 'dispute') return true;
  const clauseFrom = clauseStart(sentence, start);
  const before = sentence.slice(Math.max(clauseFrom, start - 40), start);
  const matched = sentence.slice(start, end);
  if (NEGATION.test(before) || NEGATION_AFTER.test(sentence.slice(end, end + 12))) return false;
  // A rule that already spells out a negation ("haven't") never matches here, but
  // "still haven't paid" style text inside the match would: refuse it too.
  if (kind === 'paid' && /(?<![\p{L}])(?:not|nem|never)(?![\p{L}])|n't/u.test(matched)) return false;
  if ((kind === 'paid' ? PAST_CONDITION : FUTURE_CONDITION).test(sentence.slice(clauseFrom, start))) return false;
  const after = sentence.slice(end, clauseEnd(sentence, end));
  return !IDIOM_AFTER.test(after) && !THIRD_PARTY_AFTER.test(after) && !THIRD_PARTY_BEFORE.test(sentence.slice(clauseFrom, start));
}
