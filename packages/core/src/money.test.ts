import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, money, outstanding } from './money';

describe('money', () => {
  it('refuses fractional amounts and unknown currency shapes', () => {
    expect(() => money(10.5, 'EUR')).toThrow('integer number of minor units');
    expect(() => money(10, 'euro')).toThrow('3-letter ISO 4217');
  });

  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'HUF'))).toThrow('cannot add EUR to HUF');
  });

  it('partial payments reduce what is outstanding; overpayment leaves zero, not a negative', () => {
    const invoice = money(120_000, 'GBP');
    expect(outstanding(invoice, [money(50_000, 'GBP')]).amountMinor).toBe(70_000n);
    expect(outstanding(invoice, [money(100_000, 'GBP'), money(30_000, 'GBP')]).amountMinor).toBe(0n);
  });

  it('property: outstanding + paid (capped) equals the invoice amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 11n }), { maxLength: 10 }),
        (amount, paid) => {
          const left = outstanding(
            money(amount, 'HUF'),
            paid.map((p) => money(p, 'HUF')),
          ).amountMinor;
          const total = paid.reduce((a, b) => a + b, 0n);
          expect(left).toBe(total >= amount ? 0n : amount - total);
        },
      ),
    );
  });
});
