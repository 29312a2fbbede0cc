import { describe, expect, it } from 'vitest';
import { detectPaymentClaims } from './claims';
import { readJsonLines } from './test-support';
import type { Language, PaymentClaimKind } from './types';

/**
 * Labelled client sentences (test/fixtures/payments/claims.jsonl, our own wording, EN + HU),
 * scored sentence by sentence: the predicted kind is the first claim's kind (or none).
 */
interface Row {
  text: string;
  lang: Language;
  kind: PaymentClaimKind | null;
  promisedDate?: string;
  reference: string;
}

const rows = readJsonLines<Row>('claims.jsonl');
const predictions = rows.map((row) => {
  const claims = detectPaymentClaims({
    subject: '',
    visibleText: row.text,
    language: row.lang,
    sentAt: new Date(row.reference),
    timeZone: 'Europe/Budapest',
  });
  return { row, claims, kind: claims[0]?.kind ?? null };
});

function describeMiss(p: (typeof predictions)[number]): string {
  return `${JSON.stringify(p.row.text)}: want ${p.row.kind}, got ${p.kind} ${JSON.stringify(p.claims.map((c) => [c.kind, c.rule]))}`;
}

describe('payment claims on the labelled fixtures', () => {
  it('has enough realistic sentences of every kind in both languages, negatives included', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    for (const lang of ['en', 'hu'] as const) {
      for (const kind of ['paid', 'promise', 'dispute', null] as const) {
        expect(rows.filter((r) => r.lang === lang && r.kind === kind).length, `${lang} ${kind}`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it("'paid' precision ≥ 0.95 (asking about a payment, or paying someone else, is not paying us)", () => {
    const predictedPaid = predictions.filter((p) => p.kind === 'paid');
    const wrong = predictedPaid.filter((p) => p.row.kind !== 'paid');
    const precision = (predictedPaid.length - wrong.length) / predictedPaid.length;
    expect(precision, `false 'paid':\n${wrong.map(describeMiss).join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('recall ≥ 0.9 over all claim kinds', () => {
    const labelled = predictions.filter((p) => p.row.kind !== null);
    const missed = labelled.filter((p) => p.kind !== p.row.kind);
    const recall = (labelled.length - missed.length) / labelled.length;
    expect(recall, `missed:\n${missed.map(describeMiss).join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('finds no claim in at least 90 % of the negative sentences', () => {
    const negatives = predictions.filter((p) => p.row.kind === null);
    const flagged = negatives.filter((p) => p.kind !== null);
    expect(flagged.length / negatives.length, `flagged:\n${flagged.map(describeMiss).join('\n')}`).toBeLessThanOrEqual(0.1);
  });

  it('promised dates match on at least 90 % of the promises that name one', () => {
    const withDate = predictions.filter((p) => p.row.kind === 'promise');
    const wrong = withDate.filter(
      (p) => (p.claims.find((c) => c.kind === 'promise')?.promisedDate ?? null) !== (p.row.promisedDate ?? null),
    );
    expect(
      (withDate.length - wrong.length) / withDate.length,
      wrong
        .map(
          (p) =>
            `${JSON.stringify(p.row.text)}: want ${p.row.promisedDate}, got ${p.claims.find((c) => c.kind === 'promise')?.promisedDate}`,
        )
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.9);
  });
});
