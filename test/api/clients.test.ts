import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import type { QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationRequests, insertInvoice, startApi, threadWithMessages, workspaceWithClient } from './records-harness';

const t = useTestDatabase();
let app: FastifyInstance;
let queues: QueueBackend;

beforeAll(async () => {
  ({ app, queues } = await startApi(t.db, t.url));
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

const fullClient = {
  name: 'Kovács Pékség',
  locale: 'hu',
  timezone: 'Europe/Budapest',
  workingCalendar: { workingDays: [1, 2, 3, 4], startsAt: '08:00', endsAt: '16:00', country: 'HU', daysOff: ['2026-12-24'] },
  contacts: [{ address: 'anna@pekseg.example', name: 'Kovács Anna' }, { address: 'books@pekseg.example' }],
  domains: ['pekseg.example'],
  contract: {
    title: 'Social media retainer',
    startsOn: '2026-01-01',
    dueRule: { kind: 'net_days', value: 14 },
    graceDays: 2,
    feeMinor: '45000000',
    currency: 'HUF',
  },
  remindersPaused: false,
};

async function auditActions(workspaceId: string) {
  const rows = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.workspaceId, workspaceId));
  return rows.map((r) => r.action);
}

describe('creating and changing clients', () => {
  it('creates a client with its calendar, contacts, domains and contract, audited', async () => {
    const w = await workspaceWithClient(t.db, 'create-full');
    const response = await app.inject({ method: 'POST', url: '/v1/clients', headers: w.auth, payload: fullClient });
    expect(response.statusCode).toBe(201);
    const client = response.json();
    expect(client).toMatchObject({
      name: 'Kovács Pékség',
      status: 'active',
      locale: 'hu',
      timezone: 'Europe/Budapest',
      workingCalendar: fullClient.workingCalendar,
      domains: ['pekseg.example'],
      contract: {
        title: 'Social media retainer',
        dueRule: { kind: 'net_days', value: 14 },
        graceDays: 2,
        feeMinor: '45000000',
        currency: 'HUF',
        endsOn: null,
      },
      remindersPaused: false,
      controlScore: null,
      openAsks: null,
      overdueInvoices: 0,
      pendingDrafts: 0,
    });
    expect(client.contacts.map((c: { address: string }) => c.address)).toEqual(['anna@pekseg.example', 'books@pekseg.example']);
    const fetched = await app.inject({ method: 'GET', url: `/v1/clients/${client.id}`, headers: w.auth });
    expect(fetched.json()).toEqual(client);
    expect(await auditActions(w.workspaceId)).toContain('client.created');
  });

  it('refuses invalid input naming the field, and writes nothing', async () => {
    const w = await workspaceWithClient(t.db, 'create-bad');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...fullClient, timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
      [{ ...fullClient, locale: 'de' }, 'body.locale'],
      [
        { ...fullClient, workingCalendar: { ...fullClient.workingCalendar, startsAt: '17:00', endsAt: '09:00' } },
        'body.workingCalendar.endsAt',
      ],
      [{ ...fullClient, workingCalendar: { ...fullClient.workingCalendar, country: 'XX' } }, 'body.workingCalendar.country'],
      [{ ...fullClient, contacts: [{ address: 'not an address' }] }, 'body.contacts.0.address'],
      [{ ...fullClient, domains: ['pekseg'] }, 'body.domains.0'],
      [{ ...fullClient, contract: { ...fullClient.contract, currency: 'XYZ' } }, 'body.contract.currency'],
      [
        { ...fullClient, contract: { ...fullClient.contract, dueRule: { kind: 'day_of_month', value: 40 } } },
        'body.contract.dueRule.value',
      ],
      [{ ...fullClient, name: '   ' }, 'body.name'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/v1/clients', headers: w.auth, payload });
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        response.json().invalidParams.map((p: { name: string }) => p.name),
        field,
      ).toContain(field);
    }
    const rows = await t.db.select().from(schema.clients).where(eq(schema.clients.workspaceId, w.workspaceId));
    expect(rows).toHaveLength(1);
  });

  it("refuses an address that is another client's contact with 409, rolling the new client back", async () => {
    const w = await workspaceWithClient(t.db, 'create-taken');
    await t.db.insert(schema.clientContacts).values({ workspaceId: w.workspaceId, clientId: w.clientId, address: 'Anna@Pekseg.example' });
    const response = await app.inject({ method: 'POST', url: '/v1/clients', headers: w.auth, payload: fullClient });
    expect(response.statusCode).toBe(409);
    expect(response.json().invalidParams).toEqual([{ name: 'body.contacts.0.address', reason: expect.stringContaining('another client') }]);
    const rows = await t.db.select().from(schema.clients).where(eq(schema.clients.workspaceId, w.workspaceId));
    expect(rows).toHaveLength(1);
  });

  it('patches a client: the fields given replace the old ones, reminders pause, the ladders are asked to look again', async () => {
    const w = await workspaceWithClient(t.db, 'patch');
    const created = (await app.inject({ method: 'POST', url: '/v1/clients', headers: w.auth, payload: fullClient })).json();
    const response = await app.inject({
      method: 'PATCH',
      url: `/v1/clients/${created.id}`,
      headers: w.auth,
      payload: {
        name: 'Kovács Pékség Kft.',
        contacts: [{ address: 'ceo@pekseg.example' }],
        remindersPaused: true,
        contract: { ...fullClient.contract, dueRule: { kind: 'day_of_month', value: 5 } },
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Kovács Pékség Kft.',
      timezone: 'Europe/Budapest',
      contacts: [{ address: 'ceo@pekseg.example', name: null }],
      domains: ['pekseg.example'],
      remindersPaused: true,
      contract: { id: created.contract.id, dueRule: { kind: 'day_of_month', value: 5 } },
    });
    const [row] = await t.db.select().from(schema.clients).where(eq(schema.clients.id, created.id));
    expect(row?.settings).toEqual({ remindersPaused: true });
    expect(await auditActions(w.workspaceId)).toEqual(expect.arrayContaining(['client.updated', 'client.reminders_paused']));
    expect(await escalationRequests(queues, created.id)).toHaveLength(1);

    const bad = await app.inject({
      method: 'PATCH',
      url: `/v1/clients/${created.id}`,
      headers: w.auth,
      payload: { timezone: 'Europe/Nowhere' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([{ name: 'body.timezone', reason: expect.any(String) }]);
    const unknownField = await app.inject({
      method: 'PATCH',
      url: `/v1/clients/${created.id}`,
      headers: w.auth,
      payload: { status: 'former' },
    });
    expect(unknownField.statusCode).toBe(400);
  });
});

describe('reading clients', () => {
  it('lists clients by name with their counts, page by page', async () => {
    const w = await workspaceWithClient(t.db, 'list', 'Northwind');
    const at = { workspaceId: w.workspaceId, clientId: w.clientId };
    await insertInvoice(t.db, at, { number: 'N-1', amountMinor: 100_000n });
    await insertInvoice(t.db, at, { number: 'N-2', amountMinor: 50_000n, dueOn: '2026-11-10' });
    const paid = await insertInvoice(t.db, at, { number: 'N-3', amountMinor: 70_000n });
    await insertInvoice(t.db, at, { number: 'N-4', amountMinor: 10_000n, dueOn: '2026-12-01' });
    await t.db.insert(schema.payments).values({
      workspaceId: w.workspaceId,
      invoiceId: paid.id,
      amountMinor: 70_000n,
      currency: 'EUR',
      paidOn: '2026-11-03',
      reference: 'bank-1',
      source: 'api',
    });
    await t.db.insert(schema.clientHealth).values({
      workspaceId: w.workspaceId,
      clientId: w.clientId,
      computedAt: new Date('2026-11-20T08:00:00Z'),
      controlScore: 42,
      openAsks: 3,
      responsiveness: {},
      control: {},
      payments: {},
    });
    const { mailboxId, threadId } = await threadWithMessages(t.db, at, 'list');
    await t.db.insert(schema.outgoingEmails).values({
      workspaceId: w.workspaceId,
      clientId: w.clientId,
      mailboxId,
      threadId,
      kind: 'payment_reminder',
      locale: 'en',
      idempotencyKey: 'list-draft',
      messageId: '<list-draft@agency.example>',
      to: [{ address: 'ap@northwind.example' }],
      subject: 'Invoice N-1',
      html: '<p>x</p>',
      text: 'x',
    });
    const [quiet] = await t.db.insert(schema.clients).values({ workspaceId: w.workspaceId, name: 'Acme', timezone: 'UTC' }).returning();

    const first = await app.inject({ method: 'GET', url: '/v1/clients?limit=1', headers: w.auth });
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([
      {
        id: quiet?.id,
        name: 'Acme',
        status: 'active',
        locale: 'en',
        timezone: 'UTC',
        controlScore: null,
        openAsks: null,
        overdueInvoices: 0,
        pendingDrafts: 0,
      },
    ]);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await app.inject({ method: 'GET', url: `/v1/clients?limit=1&cursor=${cursor}`, headers: w.auth });
    expect(second.json()).toEqual({
      items: [
        {
          id: w.clientId,
          name: 'Northwind',
          status: 'active',
          locale: 'en',
          timezone: 'Europe/London',
          controlScore: 42,
          openAsks: 3,
          overdueInvoices: 2,
          pendingDrafts: 1,
        },
      ],
      nextCursor: null,
    });
    const badCursor = await app.inject({ method: 'GET', url: '/v1/clients?cursor=bm9wZQ', headers: w.auth });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().invalidParams).toEqual([{ name: 'querystring.cursor', reason: expect.any(String) }]);
  });

  it("draws the client's charts from asks, invoices and control samples", async () => {
    const w = await workspaceWithClient(t.db, 'charts');
    const at = { workspaceId: w.workspaceId, clientId: w.clientId };
    const { threadId, outbound, inbound } = await threadWithMessages(t.db, at, 'charts');
    const extra = await t.db
      .insert(schema.messages)
      .values(
        [1, 2, 3].map((n) => ({
          workspaceId: w.workspaceId,
          mailboxId: outbound.mailboxId,
          threadId,
          providerMessageId: `charts-extra-${n}`,
          direction: 'outbound' as const,
          sentAt: new Date('2026-11-09T09:00:00Z'),
        })),
      )
      .returning();
    const ask = (messageId: string, askedAt: string, answeredAt: string | null) => ({
      workspaceId: w.workspaceId,
      clientId: w.clientId,
      threadId,
      messageId,
      askedAt: new Date(askedAt),
      source: 'detected' as const,
      sentence: 'Could you approve the calendar?',
      status: answeredAt ? ('answered' as const) : ('open' as const),
      answeredAt: answeredAt ? new Date(answeredAt) : null,
    });
    // London is on UTC in November; working hours 09:00–17:00, Monday to Friday.
    await t.db.insert(schema.asks).values([
      ask(outbound.id, '2026-11-02T09:00:00Z', '2026-11-02T11:00:00Z'), // Monday: 2 business hours
      ask(inbound.id, '2026-11-06T16:00:00Z', '2026-11-09T10:00:00Z'), // Friday 16:00 → Monday 10:00: 2 hours, not 66
      ask(extra[0]?.id ?? '', '2026-11-09T09:00:00Z', '2026-11-10T09:00:00Z'), // a whole working day: 8 hours
      ask(extra[1]?.id ?? '', '2026-11-10T09:00:00Z', '2026-11-10T13:30:00Z'), // 4.5 hours
      ask(extra[2]?.id ?? '', '2026-11-11T09:00:00Z', null), // still open: not in the chart
    ]);
    const late = await insertInvoice(t.db, at, { number: 'C-1', amountMinor: 100_000n, dueOn: '2026-11-02' });
    await insertInvoice(t.db, at, { number: 'C-2', amountMinor: 100_000n, dueOn: '2026-11-16' });
    await insertInvoice(t.db, at, { number: 'C-3', amountMinor: 100_000n, dueOn: '2026-12-16' });
    await t.db.insert(schema.payments).values([
      {
        workspaceId: w.workspaceId,
        invoiceId: late.id,
        amountMinor: 40_000n,
        currency: 'EUR',
        paidOn: '2026-11-04',
        reference: 'c-a',
        source: 'api',
      },
      {
        workspaceId: w.workspaceId,
        invoiceId: late.id,
        amountMinor: 60_000n,
        currency: 'EUR',
        paidOn: '2026-11-07',
        reference: 'c-b',
        source: 'api',
      },
    ]);
    await t.db.insert(schema.controlSamples).values([
      { workspaceId: w.workspaceId, clientId: w.clientId, day: '2026-11-18', at: new Date('2026-11-18T12:00:00Z'), score: 55 },
      { workspaceId: w.workspaceId, clientId: w.clientId, day: '2026-11-17', at: new Date('2026-11-17T12:00:00Z'), score: 40 },
    ]);

    const response = await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/charts`, headers: w.auth });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      answerLatencyByWeek: [
        { weekStart: '2026-11-02', medianHours: 2, p90Hours: 2, answered: 2 },
        { weekStart: '2026-11-09', medianHours: 4.5, p90Hours: 8, answered: 2 },
      ],
      daysLateByInvoice: [
        { invoiceId: late.id, number: 'C-1', dueOn: '2026-11-02', paidOn: '2026-11-07', daysLate: 5 },
        { invoiceId: expect.any(String), number: 'C-2', dueOn: '2026-11-16', paidOn: null, daysLate: 4 },
      ],
      controlScore: [
        { day: '2026-11-17', score: 40 },
        { day: '2026-11-18', score: 55 },
      ],
    });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(JSON.stringify(doc.components.schemas.ClientCharts)).toMatch(/business hours/);
  });

  it("lists the client's asks, invoices and timeline", async () => {
    const w = await workspaceWithClient(t.db, 'record');
    const at = { workspaceId: w.workspaceId, clientId: w.clientId };
    const { threadId, mailboxId, outbound, inbound } = await threadWithMessages(t.db, at, 'record');
    await t.db.insert(schema.asks).values([
      {
        ...at,
        threadId,
        messageId: outbound.id,
        askedAt: new Date('2026-11-02T09:00:00Z'),
        source: 'detected',
        sentence: 'Approve?',
        status: 'open',
      },
      {
        ...at,
        threadId,
        messageId: inbound.id,
        askedAt: new Date('2026-11-01T09:00:00Z'),
        source: 'operator',
        status: 'answered',
        answeredAt: new Date('2026-11-03T09:00:00Z'),
      },
    ]);
    const open = await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/asks?status=open`, headers: w.auth });
    expect(open.json().items).toEqual([
      {
        id: expect.any(String),
        messageId: outbound.id,
        threadId,
        kind: null,
        sentence: 'Approve?',
        askedAt: '2026-11-02T09:00:00.000Z',
        status: 'open',
        answeredAt: null,
        source: 'detected',
      },
    ]);
    const all = await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/asks`, headers: w.auth });
    expect(all.json().items.map((a: { status: string }) => a.status)).toEqual(['open', 'answered']);

    const overdue = await insertInvoice(t.db, at, { number: 'R-1', amountMinor: 125_050n, dueOn: '2026-11-02' });
    await insertInvoice(t.db, at, { number: 'R-2', amountMinor: 10_000n, issuedOn: '2026-11-15', dueOn: '2026-11-29' });
    await t.db.insert(schema.payments).values({
      workspaceId: w.workspaceId,
      invoiceId: overdue.id,
      amountMinor: 25_050n,
      currency: 'EUR',
      paidOn: '2026-11-05',
      reference: 'record-partial',
      source: 'api',
    });
    const invoices = await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/invoices`, headers: w.auth });
    expect(invoices.json().items).toMatchObject([
      { number: 'R-2', status: 'open', daysLate: null, paidAmount: { minor: '0', currency: 'EUR' } },
      {
        id: overdue.id,
        number: 'R-1',
        amount: { minor: '125050', currency: 'EUR' },
        paidAmount: { minor: '25050', currency: 'EUR' },
        status: 'overdue',
        daysLate: 18,
        paidOn: null,
        remindersPaused: false,
        disputedAt: null,
        promisedPayOn: null,
      },
    ]);

    await t.db.insert(schema.incidents).values({
      ...at,
      kind: 'late_payment',
      occurredAt: new Date('2026-11-04T08:00:00Z'),
      summary: 'Invoice R-1 paid late',
      dedupeKey: 'late_payment:r-1',
    });
    await t.db.insert(schema.outgoingEmails).values({
      ...at,
      mailboxId,
      threadId,
      kind: 'nudge',
      locale: 'en',
      state: 'pending_review',
      idempotencyKey: 'record-nudge',
      messageId: '<record-nudge@agency.example>',
      to: [{ address: 'a@northwind.example' }],
      subject: 'Re: calendar',
      html: '<p>x</p>',
      text: 'x',
    });
    const paused = await app.inject({
      method: 'PATCH',
      url: `/v1/clients/${w.clientId}`,
      headers: w.auth,
      payload: { remindersPaused: true },
    });
    expect(paused.statusCode).toBe(200);

    const timeline = await app.inject({ method: 'GET', url: `/v1/clients/${w.clientId}/timeline`, headers: w.auth });
    expect(timeline.statusCode).toBe(200);
    const items: Array<{ at: string; type: string; title: string; ref: string }> = timeline.json().items;
    const times = items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['incident', 'email', 'status', 'invoice', 'payment', 'ask']));
    expect(items).toContainEqual(expect.objectContaining({ type: 'payment', title: 'Payment of EUR 250.50 for invoice R-1' }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'invoice', title: 'Invoice R-1 issued: EUR 1,250.50', ref: overdue.id }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'status', title: 'Reminders paused for the client' }));
  });
});

describe('tenancy', () => {
  it("answers 404 for another workspace's client on every client route, and changes nothing", async () => {
    const mine = await workspaceWithClient(t.db, 'tenant-mine');
    const theirs = await workspaceWithClient(t.db, 'tenant-theirs');
    const id = theirs.clientId;
    const requests = [
      { method: 'GET' as const, url: `/v1/clients/${id}` },
      { method: 'PATCH' as const, url: `/v1/clients/${id}`, payload: { name: 'Mine now' } },
      { method: 'PATCH' as const, url: `/v1/clients/${id}`, payload: {} },
      { method: 'GET' as const, url: `/v1/clients/${id}/charts` },
      { method: 'GET' as const, url: `/v1/clients/${id}/asks` },
      { method: 'GET' as const, url: `/v1/clients/${id}/invoices` },
      { method: 'GET' as const, url: `/v1/clients/${id}/timeline` },
    ];
    for (const request of requests) {
      const response = await app.inject({ ...request, headers: mine.auth });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const list = await app.inject({ method: 'GET', url: '/v1/clients', headers: mine.auth });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([mine.clientId]);
    const [row] = await t.db
      .select()
      .from(schema.clients)
      .where(and(eq(schema.clients.workspaceId, theirs.workspaceId), eq(schema.clients.id, id)));
    expect(row?.name).toBe('Northwind');
    expect(await auditActions(theirs.workspaceId)).toEqual([]);
  });
});
