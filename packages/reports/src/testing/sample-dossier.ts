import type { ClientDossier } from '@firmly/db';

/** A small dossier with one of every kind of entry, for the renderers' tests; `overrides` replaces top-level parts. */
export function sampleDossier(overrides: Partial<ClientDossier> = {}): ClientDossier {
  const operator = { kind: 'operator', id: '00000000-0000-4000-8000-000000000001', name: 'Anna Operátor' } as const;
  return {
    generatedAt: '2026-11-20T10:00:00.000Z',
    client: {
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Kővári Zsűri Kft.',
      status: 'paused',
      statusReason: 'invoice HU-2 is overdue',
      locale: 'hu',
      timezone: 'Europe/Budapest',
      createdAt: '2026-09-01T08:00:00.000Z',
    },
    period: { from: '2026-09-01T08:00:00.000Z', to: '2026-11-20T10:00:00.000Z' },
    auditChain: { ok: true, events: 12 },
    contracts: [
      {
        id: 'k1',
        title: 'Közösségi média',
        startsOn: '2026-09-01',
        endsOn: null,
        dueRule: { kind: 'net_days', value: 14 },
        graceDays: 1,
        fee: { minor: '120000', currency: 'EUR' },
      },
    ],
    events: [
      { type: 'contract_started', at: '2026-08-31T22:00:00.000Z', contractId: 'k1', title: 'Közösségi média' },
      {
        type: 'incident',
        at: '2026-10-05T09:00:00.000Z',
        incidentId: 'i1',
        kind: 'abusive_message',
        summary: 'Bántó üzenet érkezett',
        quotes: ['<script>alert("ő")</script>'],
      },
      {
        type: 'email_decision',
        at: '2026-10-15T10:00:00.000Z',
        emailId: 'e1',
        kind: 'payment_reminder',
        subject: 'Fizetési emlékeztető',
        outcome: 'rejected',
        by: operator,
        reason: 'már fizetett, 1 200 € jóváírva',
      },
    ],
    invoices: [
      {
        id: 'v1',
        number: 'HU-1',
        amount: { minor: '120000', currency: 'EUR' },
        issuedOn: '2026-09-30',
        dueOn: '2026-10-14',
        paid: { minor: '120000', currency: 'EUR' },
        status: 'paid',
        paidOn: '2026-10-20',
        daysLate: 6,
        late: true,
        disputedAt: null,
        promisedPayOn: null,
        payments: [{ id: 'p1', amount: { minor: '120000', currency: 'EUR' }, paidOn: '2026-10-20', reference: 'BANK-1', source: 'api' }],
      },
    ],
    incidents: [
      {
        id: 'i1',
        kind: 'abusive_message',
        occurredAt: '2026-10-05T09:00:00.000Z',
        summary: 'Bántó üzenet érkezett',
        quotes: ['<script>alert("ő")</script>'],
        note: null,
      },
    ],
    asks: [
      {
        id: 'a1',
        kind: 'feedback',
        sentence: 'Jóváhagyod a tervet?',
        status: 'answered',
        askedAt: '2026-10-01T09:00:00.000Z',
        dueAt: '2026-10-05T09:00:00.000Z',
        answeredAt: '2026-10-08T09:00:00.000Z',
        latencyBusinessHours: 40,
        late: true,
      },
    ],
    emails: [
      {
        id: 'e1',
        kind: 'payment_reminder',
        subject: 'Fizetési emlékeztető',
        state: 'rejected',
        draftedAt: '2026-10-15T09:00:00.000Z',
        draftedBy: { kind: 'system', component: 'escalation' },
        decisions: [{ outcome: 'rejected', at: '2026-10-15T10:00:00.000Z', by: operator, reason: 'már fizetett' }],
      },
    ],
    statusChanges: [
      {
        at: '2026-11-10T09:00:00.000Z',
        action: 'client.status_changed',
        status: 'paused',
        reason: 'invoice HU-2 is overdue',
        by: null,
        seq: 9,
      },
    ],
    workLog: [{ id: 'w1', doneOn: '2026-10-10', title: '12 poszt', link: null, outcome: 'elérés +40 %', recordedBy: operator }],
    ...overrides,
  };
}
