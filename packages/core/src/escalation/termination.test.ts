import { describe, expect, it } from 'vitest';
import { type TerminationInput, terminationPlan } from './termination';
import { terminationReasonText } from './termination-reason';
import { baseInput, budapest, invoice, london } from './testing/fixtures';

function plan(overrides: Partial<TerminationInput>, calendar = london, locale = 'en') {
  const input: TerminationInput = {
    ...baseInput(calendar, '2025-05-20T10:00:00.000Z', locale),
    incidents: [],
    managedAccounts: [{ name: 'Instagram @acme', service: 'instagram' }, { name: 'Acme ads' }],
    ...overrides,
  };
  return terminationPlan(input);
}

describe('terminationPlan', () => {
  it('holds the access handover back while an invoice is overdue', () => {
    const result = plan({ invoices: [invoice('I1', '2025-04-30'), invoice('I2', '2025-05-30')] });
    expect(result.handover.status).toBe('held_back');
    expect(result.handover.reason).toBe('held back until the overdue invoice is paid: INV-I1');
    expect(result.handover.overdueInvoices.map((i) => i.invoiceId)).toEqual(['I1']);
    expect(result.closingReport.openItems.unpaidInvoices.map((i) => i.invoiceId)).toEqual(['I1', 'I2']);
  });

  it('is ready once everything due is paid, granting every access before revoking ours', () => {
    const paid = invoice('I1', '2025-04-30', 1000, { payments: [{ paidOn: '2025-05-02', amountMinor: 1000 }] });
    const result = plan({ invoices: [paid] });
    expect(result.handover.status).toBe('ready');
    expect(result.handover.reason).toBeUndefined();
    expect(result.handover.checklist.map((i) => `${i.step} ${i.account}`)).toEqual([
      'grant_access Acme ads',
      'grant_access Instagram @acme',
      'revoke_ours Acme ads',
      'revoke_ours Instagram @acme',
    ]);
    expect(result.closingReport.payments.invoices.map((i) => [i.invoiceId, i.daysLate])).toEqual([['I1', 2]]);
  });

  it('fills the reason from the documented incidents, most frequent first, in the client language', () => {
    const incidents = [
      { kind: 'late_payment' as const, occurredAt: new Date('2025-03-03T10:00:00.000Z'), summary: 'late' },
      { kind: 'missed_feedback_deadline' as const, occurredAt: new Date('2025-04-01T10:00:00.000Z'), summary: 'no answer' },
      { kind: 'missed_feedback_deadline' as const, occurredAt: new Date('2025-05-06T22:30:00.000Z'), summary: 'no answer' },
      { kind: 'other' as const, occurredAt: new Date('2025-05-01T10:00:00.000Z'), summary: 'noted' },
    ];
    const en = plan({ incidents });
    expect(en.reason.failures.map((f) => [f.kind, f.count])).toEqual([
      ['missed_feedback_deadline', 2],
      ['late_payment', 1],
    ]);
    expect(en.reason.text).toBe(
      'Unfortunately we can no longer meet your needs, because it was not possible for you to answer our questions and give feedback in time (2 times, most recently on 2025-05-06) and pay the invoices by the agreed due date (once, most recently on 2025-03-03).',
    );
    // The letter's own sentence is "I cannot meet your needs because …": the clause completes it.
    expect(en.reason.clause).toBe(
      'it was not possible for you to answer our questions and give feedback in time (2 times, most recently on 2025-05-06) and pay the invoices by the agreed due date (once, most recently on 2025-03-03)',
    );
    expect(en.reason.text).toContain(en.reason.clause);
    expect(en.closingReport.incidentCounts).toEqual({ late_payment: 1, missed_feedback_deadline: 2, other: 1 });

    // 22:30 UTC on 6 May is still 6 May in London but already 7 May in Budapest.
    const hu = plan({ incidents }, budapest, 'hu');
    expect(hu.reason.locale).toBe('hu');
    expect(hu.reason.text).toContain('időben válaszolni a kérdéseinkre és visszajelzést adni (2 alkalommal, legutóbb: 2025-05-07)');
    expect(hu.reason.clause).toMatch(/^nem sikerült időben válaszolni/);
  });

  it('leaves the reason empty when nothing was documented', () => {
    expect(plan({}).reason).toEqual({ locale: 'en', failures: [], text: '', clause: '' });
    expect(terminationReasonText([], 'hu')).toBe('');
  });

  it('reports the open asks and the responsiveness over the period', () => {
    const result = plan({
      periodStart: new Date('2025-04-01T00:00:00.000Z'),
      asks: [
        {
          messageId: 'a1',
          threadId: 't',
          askedAt: new Date('2025-05-12T09:00:00.000Z'),
          status: 'answered',
          answeredAt: new Date('2025-05-12T13:00:00.000Z'),
        },
        { messageId: 'a2', threadId: 't', askedAt: new Date('2025-05-13T09:00:00.000Z'), status: 'open' },
      ],
    });
    expect(result.closingReport.openItems.asks.map((a) => a.askId)).toEqual(['a2']);
    expect(result.closingReport.responsiveness).toMatchObject({ answered: 1, open: 1, medianLatencyHours: 4 });
    expect(result.closingReport.periodFrom.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });
});
