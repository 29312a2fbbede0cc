import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import type { QueueBackend } from '@firmly/queue';
import { and, asc, eq } from 'drizzle-orm';
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

async function invoicesOf(workspaceId: string) {
  return t.db.select().from(schema.invoices).where(eq(schema.invoices.workspaceId, workspaceId)).orderBy(asc(schema.invoices.number));
}

async function auditActions(workspaceId: string) {
  const rows = await t.db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.workspaceId, workspaceId))
    .orderBy(asc(schema.auditEvents.seq));
  return rows.map((r) => r.action);
}

const csvImport = (auth: Record<string, string>, body: string) =>
  app.inject({ method: 'POST', url: '/v1/invoices/import', headers: { ...auth, 'content-type': 'text/csv' }, payload: body });

describe('invoices entered through the API', () => {
  it('records an invoice in exact minor units, refuses a second one with the same number, derives the due day from the contract', async () => {
    const w = await workspaceWithClient(t.db, 'enter');
    const response = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: {
        clientId: w.clientId,
        number: 'INV-1',
        amount: { minor: '900719925474099312', currency: 'EUR' },
        issuedOn: '2026-11-01',
        dueOn: '2026-11-15',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      clientId: w.clientId,
      number: 'INV-1',
      amount: { minor: '900719925474099312', currency: 'EUR' },
      paidAmount: { minor: '0', currency: 'EUR' },
      status: 'overdue',
      daysLate: 5,
      source: 'api',
    });
    expect(await escalationRequests(queues, w.clientId)).toHaveLength(1);

    const again = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: {
        clientId: w.clientId,
        number: 'INV-1',
        amount: { minor: 100, currency: 'EUR' },
        issuedOn: '2026-11-01',
        dueOn: '2026-11-15',
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().invalidParams).toEqual([{ name: 'body.number', reason: expect.any(String) }]);

    const noTerms = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: { clientId: w.clientId, number: 'INV-2', amount: { minor: '100', currency: 'EUR' }, issuedOn: '2026-11-01' },
    });
    expect(noTerms.statusCode).toBe(400);
    expect(noTerms.json().invalidParams).toEqual([{ name: 'body.dueOn', reason: expect.any(String) }]);
    await t.db.insert(schema.contracts).values({
      workspaceId: w.workspaceId,
      clientId: w.clientId,
      title: 'Retainer',
      startsOn: '2026-01-01',
      dueRuleKind: 'net_days',
      dueRuleValue: 14,
      currency: 'EUR',
    });
    const derived = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: { clientId: w.clientId, number: 'INV-2', amount: { minor: '100', currency: 'EUR' }, issuedOn: '2026-11-10' },
    });
    expect(derived.statusCode).toBe(201);
    expect(derived.json()).toMatchObject({ dueOn: '2026-11-24', status: 'open', daysLate: null });

    const badCurrency = await app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: w.auth,
      payload: { clientId: w.clientId, number: 'INV-3', amount: { minor: '100', currency: 'ABC' }, issuedOn: '2026-11-10' },
    });
    expect(badCurrency.json().invalidParams).toEqual([{ name: 'body.amount.currency', reason: expect.any(String) }]);
    expect((await invoicesOf(w.workspaceId)).map((i) => i.number)).toEqual(['INV-1', 'INV-2']);
  });
});

describe('CSV import', () => {
  it('imports the valid rows in exact minor units and reports every rejected row with its line', async () => {
    const w = await workspaceWithClient(t.db, 'import', 'Northwind');
    const [budapest] = await t.db
      .insert(schema.clients)
      .values({ workspaceId: w.workspaceId, name: 'Kovács Pékség', timezone: 'Europe/Budapest' })
      .returning();
    await insertInvoice(t.db, { workspaceId: w.workspaceId, clientId: w.clientId }, { number: 'OLD-1', amountMinor: 100n });
    const csv = [
      'client,number,amount,currency,issued_on,due_on',
      'Northwind,A-1,1250.50,EUR,2026-11-01,2026-11-15',
      `${budapest?.id},B-1,120000,HUF,2026-11-01,2026-11-15`,
      '"kovács pékség","B-2","1,5",HUF,2026-11-01,2026-11-15',
      'Nobody Ltd,C-1,10.00,EUR,2026-11-01,2026-11-15',
      'Northwind,A-2,10.00,EUR,2026-02-30,2026-11-15',
      'Northwind,OLD-1,10.00,EUR,2026-11-01,2026-11-15',
      '',
      'Northwind,A-1,99.00,EUR,2026-11-01,2026-11-15',
      'Northwind,A-3,10.005,EUR,2026-11-01,2026-11-15',
      'Northwind,A-4,7,eur,2026-11-01,2026-10-15',
      '"Northwind","A-5",0.07,EUR,2026-11-01,2026-11-01',
    ].join('\r\n');
    const response = await csvImport(w.auth, csv);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.imported).toBe(3);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7, 9, 10, 11]);
    const reason = (row: number) => report.rejected.find((r: { row: number }) => r.row === row)?.reason;
    expect(reason(4)).toMatch(/amount "1,5" is not a decimal/);
    expect(reason(5)).toMatch(/unknown client "Nobody Ltd"/);
    expect(reason(6)).toMatch(/issued_on "2026-02-30" is not a calendar day/);
    expect(reason(7)).toMatch(/duplicate: invoice OLD-1 is already recorded for this client/);
    expect(reason(9)).toMatch(/duplicate: invoice A-1 is already on row 2/);
    expect(reason(10)).toMatch(/more than 2 decimals for EUR/);
    expect(reason(11)).toMatch(/due_on is before issued_on/);

    const stored = await invoicesOf(w.workspaceId);
    expect(stored.map((i) => [i.number, i.amountMinor, i.currency, i.source])).toEqual([
      ['A-1', 125_050n, 'EUR', 'csv'],
      ['A-5', 7n, 'EUR', 'csv'],
      ['B-1', 12_000_000n, 'HUF', 'csv'],
      ['OLD-1', 100n, 'EUR', 'api'],
    ]);
    expect(await auditActions(w.workspaceId)).toEqual(['invoices.imported']);
    expect(await escalationRequests(queues, w.clientId)).toHaveLength(1);
    expect(await escalationRequests(queues, budapest?.id ?? '')).toHaveLength(1);

    const twice = await csvImport(w.auth, csv);
    expect(twice.json().imported).toBe(0);
    expect(twice.json().rejected.filter((r: { reason: string }) => r.reason.startsWith('duplicate'))).toHaveLength(5);
    expect(await invoicesOf(w.workspaceId)).toHaveLength(4);
  });

  it('refuses a file it cannot read as a whole, naming the body', async () => {
    const w = await workspaceWithClient(t.db, 'import-bad');
    const noHeader = await csvImport(w.auth, 'Northwind,A-1,10.00,EUR,2026-11-01,2026-11-15\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().invalidParams).toEqual([{ name: 'body', reason: expect.stringMatching(/lacks the columns client, number/) }]);
    const unclosed = await csvImport(
      w.auth,
      'client,number,amount,currency,issued_on,due_on\n"Northwind,A-1,10.00,EUR,2026-11-01,2026-11-15\n',
    );
    expect(unclosed.statusCode).toBe(400);
    const json = await app.inject({ method: 'POST', url: '/v1/invoices/import', headers: w.auth, payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    const tooLarge = await csvImport(w.auth, `client,number,amount,currency,issued_on,due_on\n${'x'.repeat(3 * 1024 * 1024)}`);
    expect(tooLarge.statusCode).toBe(413);
    expect(await invoicesOf(w.workspaceId)).toEqual([]);
  });
});

describe('payments and holds', () => {
  it('a payment that clears an overdue invoice marks it paid and asks for exactly one escalation; a replay records nothing', async () => {
    const w = await workspaceWithClient(t.db, 'pay');
    const invoice = await insertInvoice(t.db, w, { number: 'P-1', amountMinor: 125_050n });
    const before = await app.inject({ method: 'GET', url: `/v1/invoices/${invoice.id}`, headers: w.auth });
    expect(before.json()).toMatchObject({ status: 'overdue', daysLate: 18 });

    const pay = (minor: string, reference: string, paidOn = '2026-11-19') =>
      app.inject({
        method: 'POST',
        url: '/v1/payments',
        headers: w.auth,
        payload: { invoiceId: invoice.id, amount: { minor, currency: 'EUR' }, paidOn, reference },
      });
    const partial = await pay('25050', 'bank-1', '2026-11-10');
    expect(partial.statusCode).toBe(201);
    expect(partial.json().invoice).toMatchObject({ status: 'overdue', paidAmount: { minor: '25050', currency: 'EUR' } });
    const requestsAfterPartial = (await escalationRequests(queues, w.clientId)).length;
    expect(requestsAfterPartial).toBe(1);

    const rest = await pay('100000', 'bank-2');
    expect(rest.statusCode).toBe(201);
    expect(rest.json()).toMatchObject({
      payment: {
        invoiceId: invoice.id,
        amount: { minor: '100000', currency: 'EUR' },
        paidOn: '2026-11-19',
        reference: 'bank-2',
        source: 'api',
      },
      invoice: { status: 'paid', paidOn: '2026-11-19', daysLate: 17, paidAmount: { minor: '125050', currency: 'EUR' } },
    });
    // Requests within the same five seconds collapse into one job: at most one more than before.
    const requests = await escalationRequests(queues, w.clientId);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThanOrEqual(requestsAfterPartial + 1);
    expect(requests.every((job) => (job.data as { workspaceId: string }).workspaceId === w.workspaceId)).toBe(true);

    const replay = await pay('100000', 'bank-2');
    expect(replay.statusCode).toBe(200);
    expect(replay.json().payment.id).toBe(rest.json().payment.id);
    const clash = await pay('5', 'bank-2');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().invalidParams).toEqual([{ name: 'body.reference', reason: expect.any(String) }]);
    const wrongCurrency = await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: w.auth,
      payload: { invoiceId: invoice.id, amount: { minor: '5', currency: 'HUF' }, paidOn: '2026-11-19' },
    });
    expect(wrongCurrency.json().invalidParams).toEqual([{ name: 'body.amount.currency', reason: 'the invoice is in EUR' }]);

    const payments = await t.db.select().from(schema.payments).where(eq(schema.payments.invoiceId, invoice.id));
    expect(payments.map((p) => p.amountMinor).sort()).toEqual([100_000n, 25_050n]);
    expect((await auditActions(w.workspaceId)).filter((a) => a === 'payment.recorded')).toHaveLength(2);
  });

  it('exactly one escalation request for one payment on a fresh client', async () => {
    const w = await workspaceWithClient(t.db, 'pay-once');
    const invoice = await insertInvoice(t.db, w, { number: 'Q-1', amountMinor: 50_000n });
    expect(await escalationRequests(queues, w.clientId)).toHaveLength(0);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: w.auth,
      payload: { invoiceId: invoice.id, amount: { minor: 50_000 }, paidOn: '2026-11-20' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().invoice.status).toBe('paid');
    expect(await escalationRequests(queues, w.clientId)).toHaveLength(1);
  });

  it('records disputes, promises and reminder pauses on an invoice, each audited', async () => {
    const w = await workspaceWithClient(t.db, 'holds');
    const invoice = await insertInvoice(t.db, w, { number: 'H-1', amountMinor: 10_000n });
    const post = (path: string, payload?: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/v1/invoices/${invoice.id}/${path}`, headers: w.auth, ...(payload ? { payload } : {}) });

    const disputed = await post('dispute');
    expect(disputed.statusCode).toBe(200);
    expect(disputed.json().disputedAt).toBe('2026-11-20T10:00:00.000Z');
    const settled = await post('dispute', { disputed: false });
    expect(settled.json().disputedAt).toBeNull();

    const promised = await post('promise', { payOn: '2026-11-27' });
    expect(promised.json().promisedPayOn).toBe('2026-11-27');
    const badDay = await post('promise', { payOn: '27/11/2026' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().invalidParams[0].name).toBe('body.payOn');
    const lifted = await post('promise', { payOn: null });
    expect(lifted.json().promisedPayOn).toBeNull();

    const paused = await post('reminders', { paused: true });
    expect(paused.json().remindersPaused).toBe(true);
    const resumed = await post('reminders', { paused: false });
    expect(resumed.json().remindersPaused).toBe(false);

    expect(await auditActions(w.workspaceId)).toEqual([
      'invoice.disputed',
      'invoice.dispute_cleared',
      'invoice.promise_recorded',
      'invoice.promise_cleared',
      'invoice.reminders_paused',
      'invoice.reminders_resumed',
    ]);
    // Six changes in a row: requests within the same five seconds collapse into one job.
    expect((await escalationRequests(queues, w.clientId)).length).toBeGreaterThanOrEqual(1);
  });
});

describe('proposals from the mailbox', () => {
  it('lists proposals, confirms one into the record, dismisses another, and refuses deciding twice', async () => {
    const w = await workspaceWithClient(t.db, 'proposals');
    const invoice = await insertInvoice(t.db, w, { number: 'M-1', amountMinor: 80_000n });
    const { inbound, threadId } = await threadWithMessages(t.db, w, 'proposals');
    const [payment, dispute] = await t.db
      .insert(schema.mailProposals)
      .values([
        {
          workspaceId: w.workspaceId,
          clientId: w.clientId,
          messageId: inbound.id,
          kind: 'payment' as const,
          ordinal: 0,
          sentence: 'I transferred the money today.',
          rule: 'payment-claim',
          details: { invoiceNumber: 'M-1' },
        },
        {
          workspaceId: w.workspaceId,
          clientId: w.clientId,
          messageId: inbound.id,
          kind: 'dispute' as const,
          ordinal: 1,
          sentence: 'We never agreed to this.',
          rule: 'dispute',
          details: {},
        },
      ])
      .returning();
    if (!payment || !dispute) throw new Error('no proposals');

    const list = await app.inject({ method: 'GET', url: '/v1/proposals', headers: w.auth });
    expect(list.statusCode).toBe(200);
    // Inserted together: the same created_at, so the id orders them.
    const listed = [...list.json().items].sort((a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind));
    expect(listed).toMatchObject([
      { id: dispute.id, kind: 'dispute', status: 'proposed' },
      {
        id: payment.id,
        kind: 'payment',
        clientName: 'Northwind',
        threadId,
        status: 'proposed',
        sentence: 'I transferred the money today.',
      },
    ]);

    const needsInvoice = await app.inject({ method: 'POST', url: `/v1/proposals/${dispute.id}/confirm`, headers: w.auth, payload: {} });
    expect(needsInvoice.statusCode).toBe(400);
    expect(needsInvoice.json().invalidParams).toEqual([{ name: 'body.invoiceId', reason: expect.any(String) }]);

    const confirmed = await app.inject({
      method: 'POST',
      url: `/v1/proposals/${payment.id}/confirm`,
      headers: w.auth,
      payload: { date: '2026-11-18' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().proposal).toMatchObject({ id: payment.id, status: 'confirmed', decidedAt: '2026-11-20T10:00:00.000Z' });
    const standing = await app.inject({ method: 'GET', url: `/v1/invoices/${invoice.id}`, headers: w.auth });
    expect(standing.json()).toMatchObject({ status: 'paid', paidOn: '2026-11-18' });

    const twice = await app.inject({ method: 'POST', url: `/v1/proposals/${payment.id}/confirm`, headers: w.auth, payload: {} });
    expect(twice.statusCode).toBe(409);
    const dismissed = await app.inject({ method: 'POST', url: `/v1/proposals/${dispute.id}/dismiss`, headers: w.auth });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().proposal.status).toBe('rejected');

    const pending = await app.inject({ method: 'GET', url: '/v1/proposals?status=proposed', headers: w.auth });
    expect(pending.json().items).toEqual([]);
    const done = await app.inject({ method: 'GET', url: '/v1/proposals?status=confirmed', headers: w.auth });
    expect(done.json().items.map((p: { id: string }) => p.id)).toEqual([payment.id]);
    expect(await auditActions(w.workspaceId)).toEqual(['proposal.confirmed', 'proposal.rejected']);
    expect((await escalationRequests(queues, w.clientId)).length).toBeGreaterThanOrEqual(1);
  });
});

describe('escalations and the audit log', () => {
  it('lists ladder runs, newest first, by client', async () => {
    const w = await workspaceWithClient(t.db, 'runs');
    const [other] = await t.db.insert(schema.clients).values({ workspaceId: w.workspaceId, name: 'Other', timezone: 'UTC' }).returning();
    const run = (clientId: string, subjectKey: string, createdAt: string) => ({
      workspaceId: w.workspaceId,
      clientId,
      cause: 'late_payment' as const,
      subjectKey,
      stage: 'payment_reminder',
      nextStepAt: new Date('2026-11-23T09:00:00Z'),
      history: [{ at: '2026-11-03T09:00:00.000Z', from: 'none', to: 'payment_reminder', reason: 'late_payment:x' }],
      createdAt: new Date(createdAt),
    });
    await t.db
      .insert(schema.escalations)
      .values([
        run(w.clientId, 'invoice:1', '2026-11-03T09:00:00Z'),
        run(w.clientId, 'invoice:2', '2026-11-04T09:00:00Z'),
        run(other?.id ?? '', 'invoice:3', '2026-11-05T09:00:00Z'),
      ]);
    const mine = await app.inject({ method: 'GET', url: `/v1/escalations?clientId=${w.clientId}&limit=1`, headers: w.auth });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toMatchObject([
      { subjectKey: 'invoice:2', status: 'open', nextStepAt: '2026-11-23T09:00:00.000Z', history: [{ to: 'payment_reminder' }] },
    ]);
    const next = await app.inject({
      method: 'GET',
      url: `/v1/escalations?clientId=${w.clientId}&limit=1&cursor=${mine.json().nextCursor}`,
      headers: w.auth,
    });
    expect(next.json()).toMatchObject({ items: [{ subjectKey: 'invoice:1' }], nextCursor: null });
    const all = await app.inject({ method: 'GET', url: '/v1/escalations', headers: w.auth });
    expect(all.json().items.map((e: { subjectKey: string }) => e.subjectKey)).toEqual(['invoice:3', 'invoice:2', 'invoice:1']);
  });

  it('pages through the audit log newest first without gaps or repeats', async () => {
    const w = await workspaceWithClient(t.db, 'audit');
    const invoice = await insertInvoice(t.db, w, { number: 'AU-1', amountMinor: 10_000n });
    for (const paused of [true, false, true, false, true]) {
      await app.inject({ method: 'POST', url: `/v1/invoices/${invoice.id}/reminders`, headers: w.auth, payload: { paused } });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await app.inject({ method: 'GET', url, headers: w.auth });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((e: { seq: number }) => e.seq));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
    const first = (await app.inject({ method: 'GET', url: '/v1/audit?limit=1', headers: w.auth })).json().items[0];
    expect(first).toMatchObject({
      seq: 5,
      action: 'invoice.reminders_paused',
      subjectType: 'invoice',
      subjectId: invoice.id,
      actor: `operator:${w.operatorId}`,
    });
    const bad = await app.inject({ method: 'GET', url: '/v1/audit?cursor=WyJ4Il0', headers: w.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([{ name: 'querystring.cursor', reason: expect.any(String) }]);
    const tooMany = await app.inject({ method: 'GET', url: '/v1/audit?limit=1000', headers: w.auth });
    expect(tooMany.json().invalidParams[0].name).toBe('querystring.limit');
  });
});

describe('tenancy', () => {
  it("answers 404 for another workspace's invoices, clients and proposals on every route, and changes nothing", async () => {
    const mine = await workspaceWithClient(t.db, 'tenant-mine');
    const theirs = await workspaceWithClient(t.db, 'tenant-theirs');
    const invoice = await insertInvoice(t.db, theirs, { number: 'T-1', amountMinor: 10_000n });
    const { inbound } = await threadWithMessages(t.db, theirs, 'tenant');
    const [proposal] = await t.db
      .insert(schema.mailProposals)
      .values({
        workspaceId: theirs.workspaceId,
        clientId: theirs.clientId,
        messageId: inbound.id,
        kind: 'dispute',
        ordinal: 0,
        rule: 'x',
        details: {},
      })
      .returning();
    const requests = [
      { method: 'GET' as const, url: `/v1/invoices/${invoice.id}` },
      { method: 'POST' as const, url: `/v1/invoices/${invoice.id}/dispute`, payload: {} },
      { method: 'POST' as const, url: `/v1/invoices/${invoice.id}/promise`, payload: { payOn: '2026-12-01' } },
      { method: 'POST' as const, url: `/v1/invoices/${invoice.id}/reminders`, payload: { paused: true } },
      { method: 'POST' as const, url: '/v1/payments', payload: { invoiceId: invoice.id, amount: { minor: '1' }, paidOn: '2026-11-20' } },
      {
        method: 'POST' as const,
        url: '/v1/invoices',
        payload: {
          clientId: theirs.clientId,
          number: 'X-1',
          amount: { minor: '1', currency: 'EUR' },
          issuedOn: '2026-11-01',
          dueOn: '2026-11-02',
        },
      },
      { method: 'POST' as const, url: `/v1/proposals/${proposal?.id}/confirm`, payload: { invoiceId: invoice.id } },
      { method: 'POST' as const, url: `/v1/proposals/${proposal?.id}/dismiss` },
    ];
    for (const request of requests) {
      const response = await app.inject({ ...request, headers: mine.auth });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    const imported = await csvImport(
      mine.auth,
      `client,number,amount,currency,issued_on,due_on\n${theirs.clientId},X-2,1.00,EUR,2026-11-01,2026-11-02\n`,
    );
    expect(imported.json()).toEqual({ imported: 0, rejected: [{ row: 2, reason: `unknown client "${theirs.clientId}"` }] });
    for (const url of [
      '/v1/proposals',
      `/v1/proposals?clientId=${theirs.clientId}`,
      '/v1/escalations',
      `/v1/escalations?clientId=${theirs.clientId}`,
      '/v1/audit',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: mine.auth });
      expect(response.json().items, url).toEqual([]);
    }
    const [after] = await t.db
      .select()
      .from(schema.invoices)
      .where(and(eq(schema.invoices.id, invoice.id)));
    expect(after).toMatchObject({ disputedAt: null, promisedPayOn: null, remindersPaused: false });
    expect(await t.db.select().from(schema.payments).where(eq(schema.payments.invoiceId, invoice.id))).toEqual([]);
    expect(await auditActions(theirs.workspaceId)).toEqual([]);
    expect(await auditActions(mine.workspaceId)).toEqual([]);
  });
});
