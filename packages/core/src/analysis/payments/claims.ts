/**
 * Payment claims in inbound client mail: "we've paid" (paid), "I'll transfer it on Friday"
 * (promise, with the promised date), "we won't pay for the extra hours" (dispute).
 * Proposals only: the operator confirms before anything is recorded.
 */
import { formatIsoDate, localDateOf } from '../dates/calendar';
import { findDates } from '../dates/find-dates';
import { foldForMatching } from '../dates/fold';
import { findAmounts } from './amounts';
import { matchCounts } from './claim-guards';
import { type ClaimRule, claimRules, moneyContext } from './claim-rules';
import { findInvoiceNumber } from './invoice-number';
import { splitSentences } from './sentences';
import type { Language, PaymentClaim, PaymentClaimKind } from './types';

/** Visible text of a real reply is short; beyond this the rest is not read (and the scan says so). */
export const MAX_CLAIM_SCAN_CHARS = 50_000;

export interface ClaimInput {
  subject: string;
  visibleText: string;
  language: Language;
  sentAt: Date;
  timeZone: string;
}

export interface ClaimScan {
  claims: PaymentClaim[];
  truncated: boolean;
}

interface RuleHit {
  rule: ClaimRule;
  start: number;
  end: number;
}

/** Subjects that are remittance notices by themselves ("Remittance advice – INV-0042", "Utalási értesítő"). */
const REMITTANCE_SUBJECT =
  /(?<![\p{L}])(?:remittance(?:\s{1,3}advice)?|payment\s{1,3}(?:advice|confirmation|notification|sent|made|done)|proof\s{1,3}of\s{1,3}payment|(?:at)?utalasi\s{1,3}(?:ertesito|igazolas|visszaigazolas)|fizetesi\s{1,3}(?:ertesito|igazolas|visszaigazolas)|utalas\s{1,3}(?:igazolas|visszaigazolas|megtortent))(?![\p{L}])/u;

const REPLY_PREFIX = /^(?:\s*(?:re|fw|fwd|aw|wg|valasz|vá|tov|továbbítás|válasz)\s*(?:\[\d+\])?\s*:\s*)+/iu;

function ruleHits(folded: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of claimRules) {
    rule.pattern.lastIndex = 0;
    for (const match of folded.matchAll(rule.pattern)) {
      hits.push({ rule, start: match.index, end: match.index + match[0].length });
    }
  }
  return hits;
}

/** The claims one sentence makes: at most one per kind, disputes silencing what they overlap. */
function sentenceClaims(sentence: string): RuleHit[] {
  const folded = foldForMatching(sentence);
  const hits = ruleHits(folded).filter((hit) => !hit.rule.needsMoneyContext || moneyContext.test(folded));
  const counted = hits.filter((hit) => matchCounts(hit.rule.kind, folded, hit.start, hit.end));
  const disputes = counted.filter((hit) => hit.rule.kind === 'dispute');
  const kept = counted.filter((hit) => hit.rule.kind === 'dispute' || !disputes.some((d) => hit.start < d.end && d.start < hit.end));
  kept.sort((a, b) => a.start - b.start);
  const firstOfKind = new Map<PaymentClaimKind, RuleHit>();
  for (const hit of kept) if (!firstOfKind.has(hit.rule.kind)) firstOfKind.set(hit.rule.kind, hit);
  // A sentence that refuses payment is not also a promise to pay ("we won't pay until it is fixed").
  if (firstOfKind.has('dispute')) firstOfKind.delete('promise');
  return [...firstOfKind.values()].sort((a, b) => a.start - b.start);
}

/** The promised day: the first date from the promise on, not in the past; a span counts by its last day. */
function promisedDate(sentence: string, from: number, input: ClaimInput): string | undefined {
  const dates = findDates(sentence, { reference: input.sentAt, timeZone: input.timeZone, language: input.language });
  const today = formatIsoDate(localDateOf(input.sentAt, input.timeZone));
  const usable = dates.filter((found) => (found.periodEnd ?? found.date) >= today);
  const afterPromise = usable.find((found) => sentence.indexOf(found.phrase) >= from);
  const chosen = afterPromise ?? usable[0];
  return chosen ? (chosen.periodEnd ?? chosen.date) : undefined;
}

function buildClaim(kind: PaymentClaimKind, rule: string, sentence: string, subjectNumber: string | undefined): PaymentClaim {
  const claim: PaymentClaim = { kind, sentence, rule };
  const number = findInvoiceNumber(sentence) ?? subjectNumber;
  if (number !== undefined) claim.invoiceNumber = number;
  const amount = findAmounts(sentence)[0];
  if (amount) {
    claim.amountMinor = amount.amountMinor;
    claim.currency = amount.currency;
  }
  return claim;
}

function sentencesClaims(sentences: readonly string[], input: ClaimInput, subjectNumber: string | undefined): PaymentClaim[] {
  const claims: PaymentClaim[] = [];
  for (const sentence of sentences) {
    for (const hit of sentenceClaims(sentence)) {
      const claim = buildClaim(hit.rule.kind, hit.rule.id, sentence, subjectNumber);
      if (hit.rule.kind === 'promise') {
        const date = promisedDate(sentence, hit.start, input);
        if (date !== undefined) claim.promisedDate = date;
      }
      claims.push(claim);
    }
  }
  return claims;
}

/** Like `detectPaymentClaims`, and says whether the text had to be cut to the scan limit. */
export function scanPaymentClaims(input: ClaimInput): ClaimScan {
  const subject = (typeof input.subject === 'string' ? input.subject : '').normalize('NFC').replace(REPLY_PREFIX, '').slice(0, 1_000);
  const fullText = (typeof input.visibleText === 'string' ? input.visibleText : '').normalize('NFC');
  const truncated = fullText.length > MAX_CLAIM_SCAN_CHARS;
  const text = truncated ? fullText.slice(0, MAX_CLAIM_SCAN_CHARS) : fullText;
  const subjectNumber = findInvoiceNumber(subject);

  const claims = sentencesClaims(
    splitSentences(text).map((sentence) => sentence.text),
    input,
    subjectNumber,
  );

  // The subject comes first in text order; it only adds a kind the body does not already state.
  const subjectClaims = sentencesClaims([subject.trim()], input, subjectNumber).filter(
    (claim) => !claims.some((c) => c.kind === claim.kind),
  );
  const foldedSubject = foldForMatching(subject);
  const paidSomewhere = [...claims, ...subjectClaims].some((claim) => claim.kind === 'paid');
  if (!paidSomewhere && REMITTANCE_SUBJECT.test(foldedSubject) && !foldedSubject.includes('?')) {
    subjectClaims.push(buildClaim('paid', 'remittance-subject', subject.trim(), subjectNumber));
  }
  return { claims: [...subjectClaims, ...claims], truncated };
}

/** Inbound client text (and subject) → claims, in text order; remittance advice subjects count as 'paid'. */
export function detectPaymentClaims(input: ClaimInput): PaymentClaim[] {
  return scanPaymentClaims(input).claims;
}
