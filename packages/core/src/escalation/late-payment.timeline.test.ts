import { describe, expect, it } from 'vitest';
import { baseInput, budapest, drafts, invoice, london, Scenario } from './testing/fixtures';
import type { EscalationAction, EscalationInput, EscalationInvoice } from './types';

/**
 * Invoice I1 due Wednesday 30 April 2025, one day of grace: the reminder is due at the start of
 * Friday 2 May, local time. The reminder is sent Monday 5 May at 08:00 UTC, which is 10:00 in
 * Budapest (a working day) but an English bank holiday, so London's three business days start
 * on Tuesday.
 */
const cases = [
  {
    name: 'Europe/Budapest (HU holidays)',
    calendar: budapest,
    locale: 'hu',
    reminderDue: '2025-05-01T22:00:00.000Z',
    workPausedDue: '2025-05-08T08:00:00.000Z',
  },
  {
    name: 'Europe/London (GB holidays)',
    calendar: london,
    locale: 'en',
    reminderDue: '2025-05-01T23:00:00.000Z',
    workPausedDue: '2025-05-08T16:00:00.000Z',
  },
];
const reminderSentAt = '2025-05-05T08:00:00.000Z';

function recheck(actions: readonly EscalationAction[]): string | undefined {
  const found = actions.find((a) => a.type === 'recheck_at');
  return found?.type === 'recheck_at' ? found.at.toISOString() : undefined;
}

function changeInvoice(change: Partial<EscalationInvoice>) {
  return (input: EscalationInput): EscalationInput => ({ ...input, invoices: input.invoices.map((i) => ({ ...i, ...change })) });
}

function pay(paidOn: string, amountMinor = 100_000) {
  return (input: EscalationInput): EscalationInput => ({
    ...input,
    invoices: input.invoices.map((i) => ({ ...i, payments: [...i.payments, { paidOn, amountMinor }] })),
  });
}

describe.each(cases)('late-payment ladder in $name', (c) => {
  function scenario(now = '2025-04-30T10:00:00.000Z'): Scenario {
    return new Scenario({ ...baseInput(c.calendar, now, c.locale), invoices: [invoice('I1', '2025-04-30')] });
  }

  it('reminds, pauses work once the notice is sent, and resumes on payment', () => {
    const s = scenario();
    expect(s.step()).toEqual([{ type: 'recheck_at', at: new Date(c.reminderDue) }]);

    const reminder = drafts(s.at(c.reminderDue).step());
    expect(reminder).toEqual([
      expect.objectContaining({
        kind: 'payment_reminder',
        stepKey: 'late_payment:I1:payment_reminder',
        threadId: 'thread-I1',
        data: {
          invoice: {
            invoiceId: 'I1',
            number: 'INV-I1',
            dueOn: '2025-04-30',
            amountMinor: 100_000,
            outstandingMinor: 100_000,
            currency: 'HUF',
          },
        },
      }),
    ]);

    s.at(reminderSentAt).send();
    expect(recheck(s.step())).toBe(c.workPausedDue);
    expect(drafts(s.at(new Date(new Date(c.workPausedDue).getTime() - 1).toISOString()).step())).toEqual([]);

    const paused = drafts(s.at(c.workPausedDue).step());
    expect(paused).toEqual([
      expect.objectContaining({ kind: 'work_paused', stepKey: 'late_payment:I1:work_paused', threadId: 'thread-I1' }),
    ]);
    expect(paused[0]?.kind === 'work_paused' && paused[0].data.reminderSentAt.toISOString()).toBe(reminderSentAt);

    // Drafted is not enough: only the sent notice pauses the client.
    expect(s.step().filter((a) => a.type === 'set_client_status')).toEqual([]);
    s.at('2025-05-09T08:00:00.000Z').send();
    expect(s.step()).toEqual([
      { type: 'set_client_status', status: 'paused', reason: 'the work-paused notice for invoice INV-I1 was sent' },
    ]);
    expect(s.input.client.status).toBe('paused');
    expect(s.at('2025-05-10T08:00:00.000Z').step()).toEqual([]);

    const resumed = s.at('2025-05-12T08:00:00.000Z').update(pay('2025-05-12')).step();
    expect(resumed.map((a) => a.type)).toEqual(['set_client_status', 'draft']);
    expect(resumed[0]).toEqual({ type: 'set_client_status', status: 'active', reason: 'payment cleared the overdue balance' });
    expect(resumed[1]).toMatchObject({ kind: 'work_resumed', stepKey: 'late_payment:I1:work_resumed', threadId: 'thread-I1' });
    expect(
      resumed[1]?.type === 'draft' && resumed[1].kind === 'work_resumed' && resumed[1].data.paidInvoices.map((i) => i.invoiceId),
    ).toEqual(['I1']);
    expect(s.step()).toEqual([]);
  });

  it('withdraws the pending reminder when the payment is recorded first, and sends nothing else', () => {
    const s = scenario(c.reminderDue);
    expect(drafts(s.step())).toHaveLength(1);
    const actions = s.at('2025-05-02T12:00:00.000Z').update(pay('2025-05-02')).step();
    expect(actions).toEqual([
      expect.objectContaining({ type: 'cancel_draft', stepKey: 'late_payment:I1:payment_reminder', reason: 'the invoice is paid' }),
    ]);
  });

  it('keeps chasing what a partial payment left outstanding', () => {
    const s = scenario(c.reminderDue).update(pay('2025-04-30', 40_000));
    const [reminder] = drafts(s.step());
    expect(reminder?.kind === 'payment_reminder' && reminder.data.invoice.outstandingMinor).toBe(60_000);
  });

  it('stops for a dispute and drafts again (second attempt) once the dispute is settled', () => {
    const s = scenario(c.reminderDue);
    s.step();
    const disputed = s
      .at('2025-05-02T12:00:00.000Z')
      .update(changeInvoice({ disputed: true }))
      .step();
    expect(disputed).toEqual([expect.objectContaining({ type: 'cancel_draft', reason: 'the client disputes this invoice' })]);
    expect(s.step()).toEqual([]);
    const again = drafts(s.update(changeInvoice({ disputed: false })).step());
    expect(again.map((d) => [d.stepKey, d.attempt, d.idempotencyKey])).toEqual([
      ['late_payment:I1:payment_reminder', 2, 'late_payment:I1:payment_reminder#2'],
    ]);
  });

  it('waits for a confirmed promise to pay until the day after the promised date', () => {
    const s = scenario(c.reminderDue);
    s.step();
    const promised = s
      .at('2025-05-02T12:00:00.000Z')
      .update(changeInvoice({ promisedPayOn: '2025-05-09' }))
      .step();
    expect(promised[0]).toMatchObject({ type: 'cancel_draft', reason: 'the client promised to pay by 2025-05-09' });
    const dayAfter = c.calendar.timezone === 'Europe/London' ? '2025-05-09T23:00:00.000Z' : '2025-05-09T22:00:00.000Z';
    expect(recheck(promised)).toBe(dayAfter);
    expect(drafts(s.at('2025-05-09T20:00:00.000Z').step())).toEqual([]);
    expect(drafts(s.at(dayAfter).step()).map((d) => d.idempotencyKey)).toEqual(['late_payment:I1:payment_reminder#2']);
  });
});

describe('late-payment details', () => {
  it('never pauses work while reminders are paused for the client', () => {
    const input = { ...baseInput(budapest, '2025-05-20T08:00:00.000Z'), invoices: [invoice('I1', '2025-04-30')] };
    const actions = new Scenario({ ...input, client: { ...input.client, remindersPaused: true } }).step();
    expect(actions).toEqual([]);
  });

  it('alerts on drift before anything is overdue, and not once an invoice is overdue', () => {
    const paid = (id: string, dueOn: string, paidOn: string) => invoice(id, dueOn, 1000, { payments: [{ paidOn, amountMinor: 1000 }] });
    const history = [
      paid('J1', '2025-01-01', '2025-01-01'),
      paid('J2', '2025-02-01', '2025-02-04'),
      paid('J3', '2025-03-01', '2025-03-08'),
    ];
    const upcoming = invoice('J4', '2025-04-01', 1000);
    const now = '2025-03-20T10:00:00.000Z';
    const alerts = new Scenario({ ...baseInput(london, now), invoices: [...history, upcoming] }).step().filter((a) => a.type === 'alert');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'payment_drift', dedupeKey: 'late_payment:drift:J3' })]);
    expect(alerts[0]?.type === 'alert' && alerts[0].message).toContain('0, 3, 7 days late');

    const overdueNow = new Scenario({ ...baseInput(london, '2025-04-05T10:00:00.000Z'), invoices: [...history, upcoming] }).step();
    expect(overdueNow.filter((a) => a.type === 'alert')).toEqual([]);

    const steady = [paid('J1', '2025-01-01', '2025-01-03'), paid('J2', '2025-02-01', '2025-02-04'), paid('J3', '2025-03-01', '2025-03-05')];
    expect(new Scenario({ ...baseInput(london, now), invoices: steady }).step().filter((a) => a.type === 'alert')).toEqual([]);
  });

  it('does not pause again after the operator resumed work by hand', () => {
    const s = new Scenario({ ...baseInput(budapest, '2025-05-02T08:00:00.000Z'), invoices: [invoice('I1', '2025-04-30')] });
    s.step();
    s.at('2025-05-05T08:00:00.000Z').send().step();
    s.at('2025-05-09T08:00:00.000Z').step();
    s.send().step();
    expect(s.input.client.status).toBe('paused');
    s.at('2025-05-12T08:00:00.000Z').update((i) => ({ ...i, client: { ...i.client, status: 'active', statusChangedAt: i.now } }));
    expect(s.step().filter((a) => a.type === 'set_client_status')).toEqual([]);
  });
});
