import { describe, expect, it } from 'vitest';
import { ANALYSIS_WINDOW_DAYS, summarizeClient } from './client';
import type { AskOutcome, ClientProfile, MessageFindings } from './types';

const client: ClientProfile = {
  id: 'c1',
  locale: 'hu',
  calendar: { timezone: 'Europe/Budapest', workingDays: [1, 2, 3, 4, 5], startsAt: '09:00', endsAt: '17:00', country: 'HU' },
  contactAddresses: ['anna@pekseg.example'],
  domains: [],
  slaBusinessHours: 16,
};
const NOW = new Date('2026-11-27T14:00:00Z'); // Friday 15:00 in Budapest

function ask(id: string, askedAt: string, answeredAt?: string): AskOutcome {
  return {
    messageId: id,
    threadId: `t-${id}`,
    askedAt: new Date(askedAt),
    source: 'detected',
    sentence: `Kérlek, hagyd jóvá (${id}).`,
    status: answeredAt ? 'answered' : 'open',
    answeredByMessageId: answeredAt ? `re-${id}` : undefined,
    answeredAt: answeredAt ? new Date(answeredAt) : undefined,
  };
}

function outOfOffice(sentAt: string, returnsOn: string): MessageFindings {
  return {
    messageId: `ooo-${sentAt}`,
    threadId: 't-ooo',
    direction: 'inbound',
    sentAt: new Date(sentAt),
    language: 'hu',
    fromClient: true,
    afterHours: false,
    autoReply: true,
    control: [],
    abuse: [],
    paymentClaims: [],
    returnsOn,
    notes: [],
  };
}

describe('summarizeClient', () => {
  it('answers in business time, files late answers and late payments as incidents', () => {
    const summary = summarizeClient({
      client,
      asks: [
        // Monday 09:00 → Monday 11:00 local: 2 business hours, on time.
        ask('a', '2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z'),
        // Friday 16:00 → Wednesday 10:00 local: 1 + 8 + 8 + 1 = 18 business hours, 2 over the SLA.
        ask('b', '2026-11-13T15:00:00Z', '2026-11-18T09:00:00Z'),
      ],
      inbound: [],
      invoices: [
        {
          invoiceId: 'i1',
          number: '2026-001',
          issuedOn: '2026-09-01',
          dueOn: '2026-09-09',
          amountMinor: 100_000,
          currency: 'HUF',
          payments: [{ paidOn: '2026-09-09', amountMinor: 100_000 }],
        },
        {
          invoiceId: 'i2',
          number: '2026-002',
          issuedOn: '2026-10-01',
          dueOn: '2026-10-09',
          amountMinor: 100_000,
          currency: 'HUF',
          payments: [{ paidOn: '2026-10-16', amountMinor: 100_000 }],
        },
        {
          invoiceId: 'i3',
          number: '2026-003',
          issuedOn: '2026-11-01',
          dueOn: '2026-11-09',
          amountMinor: 100_000,
          currency: 'HUF',
          payments: [],
        },
      ],
      now: NOW,
    });
    expect(summary.responsiveness.medianLatencyHours).toBe(2);
    expect(summary.responsiveness.p90LatencyHours).toBe(18);
    expect(summary.incidents.map((i) => i.dedupeKey).sort()).toEqual(['late_payment:i2', 'late_payment:i3', 'missed_feedback_deadline:b']);
    const missed = summary.incidents.find((i) => i.kind === 'missed_feedback_deadline');
    // Due 16 business hours after Friday 16:00: Tuesday 16:00 local = 15:00Z.
    expect(missed?.occurredAt.toISOString()).toBe('2026-11-17T15:00:00.000Z');
    // Late from the first day after the grace day: 2026-10-11 00:00 in Budapest.
    expect(summary.incidents.find((i) => i.dedupeKey === 'late_payment:i2')?.occurredAt.toISOString()).toBe('2026-10-10T22:00:00.000Z');
    expect(summary.payments.overdueMinor).toEqual({ HUF: 100_000 });
  });

  it('an out-of-office announced in any thread pauses the asks waiting on the client then', () => {
    const waiting = ask('w', '2026-11-23T08:00:00Z'); // Monday 09:00 local, open
    const later = ask('l', '2026-11-26T08:00:00Z'); // asked after the auto-reply: not paused by it
    const summary = summarizeClient({
      client,
      asks: [waiting, later],
      inbound: [outOfOffice('2026-11-23T08:05:00Z', '2026-12-07')],
      invoices: [],
      now: NOW,
    });
    // Without the absence, ask w was due Wednesday 09:00 and would be a missed deadline by now.
    expect(summary.incidents).toEqual([]);
    const w = summary.responsiveness.openAsks.find((a) => a.askId === 'w');
    expect(w).toBeDefined();
    expect(summary.responsiveness.blockedBusinessDays).toBe(0);
  });

  it(`ignores asks older than ${ANALYSIS_WINDOW_DAYS} days, answered or not`, () => {
    const summary = summarizeClient({ client, asks: [ask('old', '2026-05-01T08:00:00Z')], inbound: [], invoices: [], now: NOW });
    expect(summary.responsiveness.open).toBe(0);
    expect(summary.incidents).toEqual([]);
  });
});
