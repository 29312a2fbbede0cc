import { describe, expect, it } from 'vitest';
import { detectPaymentClaims, MAX_CLAIM_SCAN_CHARS, scanPaymentClaims } from './claims';

const base = { subject: '', language: 'en' as const, sentAt: new Date('2026-11-25T09:30:00Z'), timeZone: 'Europe/Budapest' };

describe('detectPaymentClaims', () => {
  it('reports a paid claim with the invoice number and amount it names', () => {
    expect(detectPaymentClaims({ ...base, visibleText: 'Hi! We transferred €1,250.00 for invoice #2026-041 this morning.' })).toEqual([
      {
        kind: 'paid',
        rule: 'en-we-transferred',
        sentence: 'We transferred €1,250.00 for invoice #2026-041 this morning.',
        invoiceNumber: '2026-041',
        amountMinor: 125_000,
        currency: 'EUR',
      },
    ]);
  });

  it('takes the invoice number from the subject when the sentence has none', () => {
    const [claim] = detectPaymentClaims({ ...base, subject: 'Re: Invoice INV-0042', visibleText: 'Paid, thanks for the reminder!' });
    expect(claim).toMatchObject({ kind: 'paid', invoiceNumber: 'INV-0042' });
  });

  it('lists several claims in text order, each promise with its date', () => {
    const claims = detectPaymentClaims({
      ...base,
      visibleText: 'I paid half of it yesterday.\n\nThe rest will be paid next Friday. We won’t pay for the extra revisions though.',
    });
    expect(claims.map((c) => [c.kind, c.promisedDate])).toEqual([
      ['paid', undefined],
      ['promise', '2026-12-04'],
      ['dispute', undefined],
    ]);
  });

  it('counts a remittance advice subject as paid, once', () => {
    expect(detectPaymentClaims({ ...base, subject: 'Remittance advice – INV-0042', visibleText: 'Please see attached.' })).toEqual([
      { kind: 'paid', rule: 'en-remittance', sentence: 'Remittance advice – INV-0042', invoiceNumber: 'INV-0042' },
    ]);
    expect(detectPaymentClaims({ ...base, subject: 'Fwd: Payment notification 2026/118', visibleText: 'FYI' })).toEqual([
      { kind: 'paid', rule: 'remittance-subject', sentence: 'Payment notification 2026/118' },
    ]);
    const both = detectPaymentClaims({ ...base, subject: 'Payment confirmation', visibleText: 'We have paid the October invoice.' });
    expect(both.map((c) => c.rule)).toEqual(['en-we-paid']);
    expect(detectPaymentClaims({ ...base, subject: 'Payment confirmation?', visibleText: '' })).toEqual([]);
  });

  it('reads Hungarian without accents and with curly apostrophes alike', () => {
    const hu = { ...base, language: 'hu' as const };
    expect(detectPaymentClaims({ ...hu, visibleText: 'Jovo heten utalom a 180 000 Ft-ot.' })).toEqual([
      {
        kind: 'promise',
        rule: 'hu-will-transfer',
        sentence: 'Jovo heten utalom a 180 000 Ft-ot.',
        amountMinor: 18_000_000,
        currency: 'HUF',
        promisedDate: '2026-12-04',
      },
    ]);
    expect(detectPaymentClaims({ ...base, visibleText: 'We’ve paid it.' })[0]?.kind).toBe('paid');
  });

  it('ignores questions, negations, conditions and payments to others', () => {
    for (const text of [
      'Did you receive the payment?',
      'We paid the other agency.',
      'If we pay now, is there a discount?',
      "We haven't paid it yet.",
      'Megkaptad az utalást?',
      'Még nem utaltam.',
    ]) {
      expect(detectPaymentClaims({ ...base, language: /[áé]/.test(text) ? 'hu' : 'en', visibleText: text }), text).toEqual([]);
    }
  });

  it('never throws and cuts huge inputs, saying so', () => {
    const huge = `${'We paid. '.repeat(MAX_CLAIM_SCAN_CHARS / 9 + 10)}`;
    const scan = scanPaymentClaims({ ...base, visibleText: huge });
    expect(scan.truncated).toBe(true);
    expect(scan.claims.length).toBeGreaterThan(1000);
    expect(() => detectPaymentClaims({ ...base, subject: '\ud800', visibleText: '🙂 שלום ‮ we paid ‬ \u0000' })).not.toThrow();
  });

  it('finds nothing in text built to make regexes backtrack (its cost is measured by pnpm bench:analyze)', () => {
    for (const unit of ['we ', 'paid ', 'the payment ', "i'll ", 'nem ', 'a a a ', '1,000,', 'invoice ']) {
      detectPaymentClaims({ ...base, visibleText: unit.repeat(5_000) });
    }
  });
});
