/**
 * The client's dossier (issue 7) over a record built the way the product builds it: client and
 * contract, invoices and payments through the API; review decisions through the review API; a
 * cancellation and a status change through the escalation runner's own code; the send worker's
 * transition for the sent email. Then the JSON, the HTML and the PDF are read for each of them,
 * and an audit row tampered with in PostgreSQL must show up as a broken chain.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessCalendar } from '@firmly/core';
import { appendAuditEvent, type ClientDossier, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import type { QueueBackend } from '@firmly/queue';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEscalationActions } from '../../services/worker/src/escalation/apply';
import { operatorKey } from '../support/operators';
import { NOW, startApi, threadWithMessages } from './records-harness';

const PDFTOTEXT = '/usr/bin/pdftotext';
const CLIENT_NAME = 'Kővári Zsűri Kft.';
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const HOSTILE_QUOTE = '<script>alert("dossier")</script> ezt nem fogadom el';

const t = useTestDatabase();
let app: FastifyInstance;
let queues: QueueBackend;
const pdfDir = mkdtempSync(join(tmpdir(), 'dossier-api-'));

interface Seeded {
  workspaceId: string;
  clientId: string;
  auth: Record<string, string>;
  emails: { sent: string; rejected: string; cancelled: string };
}
let seeded: Seeded;

beforeAll(async () => {
  ({ app, queues } = await startApi(t.db, t.url));
  seeded = await seedRecord();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
  rmSync(pdfDir, { recursive: true, force: true });
});

function ok(response: { statusCode: number; body: string }, status = 201) {
  expect(response.statusCode, response.body).toBe(status);
}

async function seedRecord(): Promise<Seeded> {
  const { workspaceId, operatorId, auth } = await operatorKey(t.db, 'dossier');
  const created = await app.inject({
    method: 'POST',
    url: '/v1/clients',
    headers: auth,
    payload: {
      name: CLIENT_NAME,
      locale: 'hu',
      timezone: 'Europe/Budapest',
      contacts: [{ address: 'zsuri@kovari.example', name: 'Kővári Zsűri' }],
      contract: {
        title: 'Közösségi média gondozás',
        startsOn: '2026-09-01',
        dueRule: { kind: 'net_days', value: 14 },
        feeMinor: '120000',
        currency: 'EUR',
      },
    },
  });
  await ok(created);
  const clientId: string = created.json().id;
  const at = { workspaceId, clientId };

  // Invoices and payments through the API: one paid ten days late, one unpaid past its due day.
  const invoice = async (number: string, issuedOn: string, dueOn: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: auth,
      payload: { clientId, number, amount: { minor: '120000', currency: 'EUR' }, issuedOn, dueOn },
    });
    await ok(response);
    return response.json().id as string;
  };
  const paidLate = await invoice('KZ-2026-001', '2026-10-01', '2026-10-15');
  await invoice('KZ-2026-002', '2026-10-20', '2026-11-03');
  await ok(
    await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: auth,
      payload: { invoiceId: paidLate, amount: { minor: '120000' }, paidOn: '2026-10-25', reference: 'BANK-KZ-1' },
    }),
  );

  // Two asks: the first answered four days later (past the two-business-day SLA), the second within hours.
  const late = await threadWithMessages(t.db, at, 'late');
  const prompt = await threadWithMessages(t.db, at, 'prompt');
  await t.db.insert(schema.asks).values([
    {
      workspaceId,
      clientId,
      messageId: late.outbound.id,
      threadId: late.threadId,
      askedAt: new Date('2026-11-02T09:00:00Z'),
      kind: 'feedback',
      sentence: 'Jóváhagyod a decemberi posztokat?',
      source: 'detected',
      status: 'answered',
      answeredByMessageId: late.inbound.id,
      answeredAt: new Date('2026-11-06T15:00:00Z'),
    },
    {
      workspaceId,
      clientId,
      messageId: prompt.outbound.id,
      threadId: prompt.threadId,
      askedAt: new Date('2026-11-16T09:00:00Z'),
      kind: 'question',
      sentence: 'Melyik fotót válasszuk?',
      source: 'detected',
      status: 'answered',
      answeredByMessageId: prompt.inbound.id,
      answeredAt: new Date('2026-11-16T13:00:00Z'),
    },
  ]);

  await t.db.insert(schema.incidents).values([
    {
      workspaceId,
      clientId,
      kind: 'abusive_message',
      occurredAt: new Date('2026-11-05T08:30:00Z'),
      summary: 'Sértő hangú levél a kampányról',
      evidence: { messageIds: [late.inbound.id], quotes: [HOSTILE_QUOTE] },
      dedupeKey: 'abusive:1',
    },
    {
      workspaceId,
      clientId,
      kind: 'missed_feedback_deadline',
      occurredAt: new Date('2026-11-04T11:00:00Z'),
      summary: 'Késve válaszolt a jóváhagyásra',
      evidence: { quotes: ['Jóváhagyod a decemberi posztokat?'], note: 'asked 2 November, due 4 November' },
      dedupeKey: 'missed:1',
    },
  ]);

  await t.db.insert(schema.workLogEntries).values({
    workspaceId,
    clientId,
    doneOn: '2026-11-12',
    title: '12 poszt a téli kampányhoz',
    outcome: 'elérés +40 %',
    recordedBy: operatorId,
  });

  // Three drafts: one approved and sent, one rejected with a reason, one cancelled by the ladder.
  let n = 0;
  const draft = async (kind: 'payment_reminder' | 'nudge' | 'firm_notice', subject: string, createdAt: string) => {
    n += 1;
    const [row] = await t.db
      .insert(schema.outgoingEmails)
      .values({
        workspaceId,
        clientId,
        mailboxId: late.mailboxId,
        threadId: late.threadId,
        kind,
        locale: 'hu',
        idempotencyKey: `dossier:${n}`,
        messageId: `<dossier-${n}@firmly.test>`,
        to: [{ address: 'zsuri@kovari.example' }],
        subject,
        html: '<p>…</p>',
        text: '…',
        stepKey: `test:${n}`,
        createdAt: new Date(createdAt),
      })
      .returning();
    if (!row) throw new Error('no draft');
    return row.id;
  };
  const sent = await draft('payment_reminder', 'Emlékeztető: KZ-2026-001', '2026-10-17T08:00:00Z');
  const rejected = await draft('nudge', 'Re: decemberi posztok', '2026-11-05T08:00:00Z');
  const cancelled = await draft('firm_notice', 'Határozott felszólítás', '2026-11-06T08:00:00Z');

  await ok(await app.inject({ method: 'POST', url: `/v1/review-queue/${sent}/approve`, headers: auth }), 200);
  // What the send worker does once the provider accepted it (services/worker/src/processors/send-email.ts).
  for (const [from, to] of [
    ['approved', 'sending'],
    ['sending', 'sent'],
  ] as const) {
    await t.db.transaction(async (tx) => {
      await tx
        .update(schema.outgoingEmails)
        .set({ state: to, ...(to === 'sent' ? { providerAcceptedAt: NOW, providerMessageId: 'gmail-1' } : {}) })
        .where(eq(schema.outgoingEmails.id, sent));
      await appendAuditEvent(tx, {
        workspaceId,
        actor: 'system:send-worker',
        action: `email.${to}`,
        subjectType: 'outgoing_email',
        subjectId: sent,
        data: { from, to },
        occurredAt: NOW,
      });
    });
  }
  await ok(
    await app.inject({
      method: 'POST',
      url: `/v1/review-queue/${rejected}/reject`,
      headers: auth,
      payload: { reason: 'Túl korai, várjunk még egy napot' },
    }),
    200,
  );
  const calendar = businessCalendar({ ...schema.defaultWorkingCalendar, timezone: 'Europe/Budapest' });
  await t.db.transaction((tx) =>
    applyEscalationActions(
      tx,
      workspaceId,
      clientId,
      [
        { type: 'cancel_draft', outgoingEmailId: cancelled, stepKey: 'test:3', reason: 'the client answered the ask' },
        { type: 'set_client_status', status: 'paused', reason: 'KZ-2026-002 is overdue' },
      ],
      { now: NOW, timeZone: 'Europe/Budapest', calendar },
    ),
  );
  return { workspaceId, clientId, auth, emails: { sent, rejected, cancelled } };
}

const dossierUrl = (format?: string, locale?: string) => {
  const query = new URLSearchParams({ ...(format ? { format } : {}), ...(locale ? { locale } : {}) }).toString();
  return `/v1/clients/${seeded.clientId}/dossier${query ? `?${query}` : ''}`;
};
const get = (url: string, headers = seeded.auth) => app.inject({ method: 'GET', url, headers });

function pdfText(pdf: Buffer, name: string): string {
  const file = join(pdfDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('GET /v1/clients/:clientId/dossier', () => {
  it('answers the whole record as JSON, oldest first, with each kind of entry in it', async () => {
    const response = await get(dossierUrl());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const dossier: ClientDossier = response.json();

    const times = dossier.events.map((event) => event.at);
    expect(times).toEqual([...times].sort());
    expect(new Set(dossier.events.map((event) => event.type))).toEqual(
      new Set([
        'contract_started',
        'ask',
        'ask_answered',
        'incident',
        'invoice_issued',
        'payment',
        'email_drafted',
        'email_decision',
        'status_change',
        'work',
      ]),
    );
    expect(dossier.client).toMatchObject({ name: CLIENT_NAME, status: 'paused', locale: 'hu' });
    expect(dossier.period.to).toBe(NOW.toISOString());
    expect(dossier.auditChain).toEqual({ ok: true, events: expect.any(Number) });
    expect(dossier.contracts).toEqual([
      expect.objectContaining({
        title: 'Közösségi média gondozás',
        dueRule: { kind: 'net_days', value: 14 },
        fee: { minor: '120000', currency: 'EUR' },
      }),
    ]);

    expect(dossier.invoices).toEqual([
      expect.objectContaining({
        number: 'KZ-2026-001',
        status: 'paid',
        paidOn: '2026-10-25',
        daysLate: 10,
        late: true,
        payments: [expect.objectContaining({ reference: 'BANK-KZ-1', amount: { minor: '120000', currency: 'EUR' } })],
      }),
      expect.objectContaining({ number: 'KZ-2026-002', status: 'overdue', daysLate: 17, late: true, payments: [] }),
    ]);

    const [slow, quick] = dossier.asks;
    expect(slow).toMatchObject({ sentence: 'Jóváhagyod a decemberi posztokat?', late: true });
    expect(quick).toMatchObject({ sentence: 'Melyik fotót válasszuk?', late: false, latencyBusinessHours: 4 });
    // Monday 2 November 10:00 → Friday 6 November 16:00 in Budapest, 09:00–17:00: 7 + 8 + 8 + 8 + 7 hours.
    expect(slow?.latencyBusinessHours).toBe(38);

    expect(dossier.incidents.map((i) => i.summary)).toEqual(['Késve válaszolt a jóváhagyásra', 'Sértő hangú levél a kampányról']);
    expect(dossier.incidents[1]?.quotes).toEqual([HOSTILE_QUOTE]);

    const email = (id: string) => dossier.emails.find((e) => e.id === id);
    expect(email(seeded.emails.sent)).toMatchObject({
      state: 'sent',
      decisions: [
        { outcome: 'approved', by: { kind: 'operator', name: 'Owner' } },
        { outcome: 'sent', by: { kind: 'system', component: 'send-worker' } },
      ],
    });
    expect(email(seeded.emails.rejected)).toMatchObject({
      state: 'rejected',
      decisions: [{ outcome: 'rejected', by: { kind: 'operator', name: 'Owner' }, reason: 'Túl korai, várjunk még egy napot' }],
    });
    expect(email(seeded.emails.cancelled)).toMatchObject({
      state: 'cancelled',
      decisions: [{ outcome: 'cancelled', by: { kind: 'system' }, reason: 'the client answered the ask' }],
    });

    expect(dossier.statusChanges.map((s) => [s.action, s.status, s.reason])).toEqual([
      ['client.created', null, null],
      ['client.status_changed', 'paused', 'KZ-2026-002 is overdue'],
    ]);
    expect(dossier.workLog).toEqual([
      expect.objectContaining({ title: '12 poszt a téli kampányhoz', recordedBy: expect.objectContaining({ name: 'Owner' }) }),
    ]);
  });

  it('answers a printable HTML page under a strict policy, with everything in it and hostile text kept as text', async () => {
    const response = await get(dossierUrl('html'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toBe(CSP);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const html = response.body;
    expect(html).toContain('<html lang="hu">');
    expect(html.indexOf('Auditnapló ellenőrizve')).toBeLessThan(html.indexOf('<main>'));
    for (const text of [
      CLIENT_NAME,
      'Közösségi média gondozás',
      'KZ-2026-001',
      'KZ-2026-002',
      'BANK-KZ-1',
      'Jóváhagyod a decemberi posztokat?',
      'Sértő hangú levél a kampányról',
      'Túl korai, várjunk még egy napot',
      'the client answered the ask',
      'KZ-2026-002 is overdue',
      '12 poszt a téli kampányhoz',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;dossier&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);

    const english = await get(dossierUrl('html', 'en'));
    expect(english.body).toContain('<h2>Invoices and payments</h2>');
  });

  it.skipIf(!existsSync(PDFTOTEXT))(
    'answers a PDF attachment whose text carries the name, invoices, incidents and verification',
    async () => {
      const response = await get(dossierUrl('pdf'));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.headers['content-disposition']).toBe('attachment; filename="dossier-kovari-zsuri-kft-2026-11-20.pdf"');
      const text = pdfText(response.rawPayload, 'hu');
      const firstPage = text.split('\f')[0] ?? '';
      expect(firstPage).toContain(CLIENT_NAME);
      expect(firstPage).toMatch(/Auditnapló ellenőrizve: \d+ esemény, sértetlen/);
      for (const expected of ['KZ-2026-001', 'KZ-2026-002', 'Sértő hangú levél a kampányról', 'Késve válaszolt a jóváhagyásra']) {
        expect(text, expected).toContain(expected);
      }
      const english = pdfText((await get(dossierUrl('pdf', 'en'))).rawPayload, 'en');
      expect(english.split('\f')[0]).toMatch(/Audit log verified: \d+ events, unbroken/);
      expect(english).toContain('€1,200.00');
    },
  );

  it('documents all three answers in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const content = doc.paths['/v1/clients/{clientId}/dossier'].get.responses['200'].content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'application/pdf', 'text/html']);
    expect(content['application/json'].schema).toBeDefined();
  });

  it("answers 404 for another workspace's client, in every format", async () => {
    const other = await operatorKey(t.db, 'dossier-other');
    for (const format of ['json', 'html', 'pdf']) {
      const response = await get(dossierUrl(format), other.auth);
      expect(response.statusCode, format).toBe(404);
    }
  });

  // Last: it breaks the workspace's chain for good.
  it('reports the chain broken at the event someone edited in the database', async () => {
    const [rejection] = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.workspaceId, seeded.workspaceId), eq(schema.auditEvents.action, 'email.rejected')));
    if (!rejection) throw new Error('no rejection event');
    await t.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    try {
      await t.db.execute(
        sql`UPDATE audit_events SET data = jsonb_set(data, '{reason}', '"approved after all"') WHERE id = ${rejection.id}`,
      );
    } finally {
      await t.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    }

    const dossier: ClientDossier = (await get(dossierUrl())).json();
    expect(dossier.auditChain).toMatchObject({ ok: false, brokenAtSeq: rejection.seq });
    const html = (await get(dossierUrl('html', 'en'))).body;
    expect(html).toContain(`Audit log BROKEN at event #${rejection.seq}`);
    if (existsSync(PDFTOTEXT)) {
      const text = pdfText((await get(dossierUrl('pdf', 'en'))).rawPayload, 'broken');
      expect(text.split('\f')[0]).toContain(`Audit log BROKEN at event #${rejection.seq}`);
    }
  });
});
