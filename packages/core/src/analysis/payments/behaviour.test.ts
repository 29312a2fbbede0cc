import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../payment-terms';
import { paymentBehaviour, slope } from './behaviour';
import type { InvoiceFacts } from './types';

function invoice(n: number, dueOn: string, paid: Array<[string, number]>, amountMinor = 100_000, currency = 'EUR'): InvoiceFacts {
  return {
    invoiceId: `inv-${n}`,
    number: `2026-${String(n).padStart(3, '0')}`,
    issuedOn: addDays(dueOn, -14),
    dueOn,
    amountMinor,
    currency,
    payments: paid.map(([paidOn, amount]) => ({ paidOn, amountMinor: amount })),
  };
}

describe('paymentBehaviour', () => {
  it('recognises the PRODUCT §3 drift: paid 0, 3, 7, 12 days late', () => {
    const result = paymentBehaviour(
      [
        invoice(1, '2026-01-01', [['2026-01-01', 100_000]]),
        invoice(2, '2026-02-01', [['2026-02-04', 100_000]]),
        invoice(3, '2026-03-01', [['2026-03-08', 100_000]]),
        invoice(4, '2026-04-01', [['2026-04-13', 100_000]]),
      ],
      { today: '2026-04-20' },
    );
    expect(result.recentDaysLate).toEqual([0, 3, 7, 12]);
    expect(result.driftDaysPerCycle).toBe(4);
    expect(result.drifting).toBe(true);
    expect(result.rating).toBe('drifting');
    expect(result.reasons).toEqual(['paid the last 3 invoices 3, 7, 12 days late: lateness grows by 4.5 days per cycle']);
  });

  it('counts the current overdue invoice as of today, after the paid ones', () => {
    const result = paymentBehaviour(
      [
        invoice(1, '2026-01-01', [['2026-01-01', 100_000]]),
        invoice(2, '2026-02-01', [['2026-02-04', 100_000]]),
        invoice(3, '2026-03-01', []),
      ],
      { today: '2026-03-08' },
    );
    expect(result.recentDaysLate).toEqual([0, 3, 7]);
    expect(result.drifting).toBe(true);
    expect(result.overdueMinor).toEqual({ EUR: 100_000 });
    expect(result.oldestOverdueDays).toBe(7);
    expect(result.invoices[2]).toEqual({
      invoiceId: 'inv-3',
      number: '2026-003',
      dueOn: '2026-03-01',
      daysLate: 7,
      outstandingMinor: 100_000,
      overdue: true,
    });
    expect(result.reasons).toEqual([
      'lateness over the last 3 cycles was 0, 3, 7 days, counting unpaid invoices as of today: it grows by 3.5 days per cycle',
      'invoice 2026-003 is 7 days overdue (EUR 1,000.00 outstanding)',
    ]);
  });

  it('is paid on the day partial payments reach the amount, in calendar days', () => {
    const result = paymentBehaviour(
      [
        invoice(1, '2026-05-01', [
          ['2026-05-09', 40_000],
          ['2026-04-28', 30_000],
          ['2026-05-05', 30_000],
        ]),
      ],
      { today: '2026-06-01' },
    );
    expect(result.invoices).toEqual([
      {
        invoiceId: 'inv-1',
        number: '2026-001',
        dueOn: '2026-05-01',
        paidOn: '2026-05-09',
        daysLate: 8,
        outstandingMinor: 0,
        overdue: false,
      },
    ]);
  });

  it('keeps the outstanding rest of a partly paid invoice and ignores payments dated after today', () => {
    const result = paymentBehaviour(
      [
        invoice(
          1,
          '2026-05-01',
          [
            ['2026-05-02', 60_000],
            ['2026-07-01', 40_000],
          ],
          100_000,
          'HUF',
        ),
      ],
      { today: '2026-05-10' },
    );
    expect(result.invoices[0]).toEqual({
      invoiceId: 'inv-1',
      number: '2026-001',
      dueOn: '2026-05-01',
      daysLate: 9,
      outstandingMinor: 40_000,
      overdue: true,
    });
    expect(result.overdueMinor).toEqual({ HUF: 40_000 });
    expect(result.rating).toBe('late');
  });

  it('does not call an invoice inside its grace period overdue', () => {
    const result = paymentBehaviour([invoice(1, '2026-05-01', [])], { today: '2026-05-02' });
    expect(result.invoices[0]).toMatchObject({ daysLate: 1, overdue: false });
    expect(result.rating).toBe('unknown');
    expect(paymentBehaviour([invoice(1, '2026-05-01', [])], { today: '2026-05-04', graceDays: 3 }).invoices[0]?.overdue).toBe(false);
  });

  it('rates reliable, late and unreliable clients with reasons', () => {
    const onTime = [1, 2, 3].map((n) => invoice(n, `2026-0${n}-01`, [[`2026-0${n}-02`, 100_000]]));
    expect(paymentBehaviour(onTime, { today: '2026-04-01' })).toMatchObject({
      rating: 'reliable',
      recentDaysLate: [1, 1, 1],
      driftDaysPerCycle: 0,
      drifting: false,
      reasons: ['paid the last 3 invoices on time (within the 1 day grace period)'],
    });
    const bumpy = [
      invoice(1, '2026-01-01', [['2026-01-10', 100_000]]),
      invoice(2, '2026-02-01', [['2026-02-01', 100_000]]),
      invoice(3, '2026-03-01', [['2026-03-06', 100_000]]),
    ];
    expect(paymentBehaviour(bumpy, { today: '2026-04-01' })).toMatchObject({ rating: 'late', recentDaysLate: [9, 0, 5], drifting: false });
    const bad = [invoice(1, '2026-01-01', []), invoice(2, '2026-02-01', [])];
    const unreliable = paymentBehaviour(bad, { today: '2026-02-20' });
    expect(unreliable.rating).toBe('unreliable');
    expect(unreliable.reasons).toContain('an invoice has been overdue for more than 30 days');
    expect(unreliable.reasons).toContain('2 invoices are overdue at the same time');
  });

  it('needs strictly increasing lateness for drift, over the last 3 cycles', () => {
    const flatThenJump = [
      invoice(1, '2026-01-01', [['2026-01-01', 1]], 1),
      invoice(2, '2026-02-01', [['2026-02-01', 1]], 1),
      invoice(3, '2026-03-01', [['2026-03-10', 1]], 1),
    ];
    const result = paymentBehaviour(flatThenJump, { today: '2026-04-01' });
    expect(result.recentDaysLate).toEqual([0, 0, 9]);
    expect(result.driftDaysPerCycle).toBe(4.5);
    expect(result.drifting).toBe(false);
    expect(paymentBehaviour(flatThenJump.slice(0, 2), { today: '2026-04-01' }).driftDaysPerCycle).toBeUndefined();
  });

  it('leaves out unusable invoices and never throws on bad input', () => {
    const broken = { ...invoice(9, '2026-01-01', []), dueOn: '2026-02-30' };
    const result = paymentBehaviour([broken, invoice(1, '2026-01-01', [['2026-01-01', 100_000]])], { today: '2026-03-01' });
    expect(result.invoices.map((i) => i.invoiceId)).toEqual(['inv-1']);
    expect(result.reasons).toContain('1 invoice left out: dates or amount not usable');
    expect(paymentBehaviour([], { today: 'yesterday' })).toMatchObject({
      rating: 'unknown',
      reasons: ['"yesterday" is not a calendar date'],
    });
  });

  it('computes the least-squares slope', () => {
    expect(slope([0, 3, 7, 12])).toBe(4);
    expect(slope([5, 5, 5])).toBe(0);
    expect(slope([10, 5, 0])).toBe(-5);
  });
});

describe('paymentBehaviour properties', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2025-01-01', n));
  const invoiceArbitrary = fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      due: day,
      amount: fc.integer({ min: 0, max: 5_000 }),
      currency: fc.constantFrom('EUR', 'HUF'),
      payments: fc.array(fc.record({ paidOn: day, amountMinor: fc.integer({ min: 0, max: 3_000 }) }), { maxLength: 4 }),
    })
    .map(
      (r): InvoiceFacts => ({
        invoiceId: r.id,
        number: r.id,
        issuedOn: addDays(r.due, -10),
        dueOn: r.due,
        amountMinor: r.amount,
        currency: r.currency,
        payments: r.payments,
      }),
    );

  it('does not depend on the order of invoices or of their payments', () => {
    const invoicesAndPermutation = fc
      .array(invoiceArbitrary, { maxLength: 8 })
      .chain((invoices) =>
        fc.tuple(fc.constant(invoices), fc.shuffledSubarray(invoices, { minLength: invoices.length, maxLength: invoices.length })),
      );
    fc.assert(
      fc.property(invoicesAndPermutation, day, fc.integer({ min: 0, max: 5 }), ([invoices, permuted], today, graceDays) => {
        const reordered = permuted.map((inv) => ({ ...inv, payments: [...inv.payments].reverse() }));
        expect(paymentBehaviour(reordered, { today, graceDays })).toEqual(paymentBehaviour(invoices, { today, graceDays }));
      }),
      { numRuns: 300 },
    );
  });

  it('gives an invoice paid on or before its due date 0 days late', () => {
    fc.assert(
      fc.property(invoiceArbitrary, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }), (base, early, later) => {
        const paidOn = addDays(base.dueOn, -early);
        const facts = {
          ...base,
          amountMinor: Math.max(1, base.amountMinor),
          payments: [{ paidOn, amountMinor: Math.max(1, base.amountMinor) }],
        };
        const result = paymentBehaviour([facts], { today: addDays(base.dueOn, later) });
        expect(result.invoices[0]).toMatchObject({ paidOn, daysLate: 0, overdue: false, outstandingMinor: 0 });
      }),
    );
  });
});
