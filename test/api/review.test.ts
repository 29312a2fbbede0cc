import { createLogger, issueApiKey } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { appendAuditEvent, type OutgoingEmailRow, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiServer } from '../support/api-server';
import { ladderClient } from '../support/ladder-client';
import { runJob, sandboxSettings, workerDeps } from '../support/mail-harness';
import { operatorKey } from '../support/operators';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const DAY = 86_400_000;
/** Wednesday 4 November 2026, 10:00 in London (UTC in November): inside working hours. */
const WEDNESDAY_10 = new Date('2026-11-04T10:00:00Z');
/** Saturday 7 November, 22:00 in London: the next working instant is Monday 09:00. */
const SATURDAY_NIGHT = new Date('2026-11-07T22:00:00Z');
const MONDAY_9 = '2026-11-09T09:00:00.000Z';
const PREVIEW_CSP = "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'";

const clock = fixedClock(WEDNESDAY_10);
let queues: QueueBackend;
let app: FastifyInstance;

function server() {
  return testApiServer({ db: t.db, queues, clock, logger: log });
}

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  app = server();
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

/** A key of the workspace's operator with only these scopes. */
async function keyWith(workspaceId: string, operatorId: string, scopes: string[]) {
  const key = issueApiKey();
  await t.db
    .insert(schema.apiKeys)
    .values({ workspaceId, operatorId, name: scopes.join('+'), prefix: key.prefix, keyHash: key.hash, scopes });
  return { authorization: `Bearer ${key.token}` };
}

/** A workspace with its owner's key, a client in London with a contact, a mailbox and a thread. */
async function workspace(slug: string) {
  const { workspaceId, operatorId, auth } = await operatorKey(t.db, slug);
  const [client] = await t.db.insert(schema.clients).values({ workspaceId, name: 'Northwind', timezone: 'Europe/London' }).returning();
  const [other] = await t.db.insert(schema.clients).values({ workspaceId, name: 'Contoso', timezone: 'Europe/London' }).returning();
  const [mailbox] = await t.db
    .insert(schema.mailboxes)
    .values({ workspaceId, provider: 'gmail', address: `studio@${slug}.example` })
    .returning();
  if (!client || !other || !mailbox) throw new Error('setup failed');
  const [thread] = await t.db
    .insert(schema.threads)
    .values({ workspaceId, mailboxId: mailbox.id, providerThreadId: `th-${slug}`, clientId: client.id, subject: 'Spring campaign' })
    .returning();
  if (!thread) throw new Error('no thread');
  return { workspaceId, operatorId, auth, clientId: client.id, otherClientId: other.id, mailboxId: mailbox.id, threadId: thread.id };
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

let counter = 0;
async function draft(w: Workspace, values: Partial<typeof schema.outgoingEmails.$inferInsert> = {}): Promise<OutgoingEmailRow> {
  counter += 1;
  const [row] = await t.db
    .insert(schema.outgoingEmails)
    .values({
      workspaceId: w.workspaceId,
      clientId: w.clientId,
      mailboxId: w.mailboxId,
      threadId: w.threadId,
      kind: 'payment_reminder',
      locale: 'en',
      idempotencyKey: `review-api:${counter}`,
      messageId: `<review-api-${counter}@firmly.test>`,
      to: [{ address: 'anna@northwind.example', name: 'Anna' }],
      subject: 'Re: Spring campaign',
      html: '<p>Invoice A-7: 1,250.50 EUR</p>',
      text: 'Invoice A-7: 1,250.50 EUR\n',
      templateData: { invoices: [{ number: 'A-7', dueOn: '2026-11-02' }] },
      createdAt: new Date(WEDNESDAY_10.getTime() - DAY),
      ...values,
    })
    .returning();
  if (!row) throw new Error('no draft');
  return row;
}

async function row(id: string) {
  const [found] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.id, id));
  if (!found) throw new Error(`row ${id} vanished`);
  return found;
}

async function sendJobsFor(emailId: string) {
  const jobs = await queues.queue('send').getJobs(['waiting', 'delayed', 'prioritized', 'active']);
  return jobs.filter((job) => (job.data as { outgoingEmailId?: string }).outgoingEmailId === emailId);
}

async function auditActions(emailId: string) {
  const events = await t.db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.subjectType, 'outgoing_email'), eq(schema.auditEvents.subjectId, emailId)));
  return events.map((e) => e.action);
}

const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>, payload: object = {}) => app.inject({ method: 'POST', url, headers, payload });

describe('the review queue API', () => {
  it('lists pending drafts oldest first, one page at a time, filtered by state, client and kind', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-list');
    const at = (hoursAgo: number) => new Date(WEDNESDAY_10.getTime() - hoursAgo * 3_600_000);
    const oldest = await draft(w, { createdAt: at(50) });
    const middle = await draft(w, {
      createdAt: at(30),
      kind: 'nudge',
      templateData: { asks: [{ sentence: 'Could you approve the calendar?', askedOn: '2026-10-29' }] },
    });
    const newest = await draft(w, { createdAt: at(2), clientId: w.otherClientId, threadId: null, subject: 'Invoice A-8' });
    const approved = await draft(w, { createdAt: at(60), state: 'approved', sendAfter: at(1) });

    const first = await get('/v1/review-queue?limit=2', w.auth);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([oldest.id, middle.id]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(`/v1/review-queue?limit=2&cursor=${page1.nextCursor}`, w.auth)).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id: newest.id })], nextCursor: null });

    expect(page1.items[0]).toEqual({
      id: oldest.id,
      clientId: w.clientId,
      clientName: 'Northwind',
      kind: 'payment_reminder',
      state: 'pending_review',
      subject: 'Re: Spring campaign',
      cause: { type: 'late_payment', summary: 'Invoice A-7 overdue (due 2026-11-02)' },
      createdAt: at(50).toISOString(),
      ageSeconds: 50 * 3600,
      snoozedUntil: null,
      to: ['anna@northwind.example'],
      threadId: w.threadId,
      threadSubject: 'Spring campaign',
      // Wednesday 10:00 is inside London working hours: an approval now sends now.
      sendPlan: { earliestSendAt: WEDNESDAY_10.toISOString(), inThread: true, note: expect.stringContaining('Spring campaign') },
      rejectReason: null,
      sentAt: null,
    });
    expect(page1.items[1].cause).toEqual({
      type: 'unresponsive',
      summary: 'An ask unanswered since 2026-10-29: “Could you approve the calendar?”',
    });
    expect(page2.items[0]).toMatchObject({ clientName: 'Contoso', threadId: null, sendPlan: { inThread: false } });

    const byKind = (await get('/v1/review-queue?kind=nudge', w.auth)).json();
    expect(byKind.items.map((i: { id: string }) => i.id)).toEqual([middle.id]);
    const byClient = (await get(`/v1/review-queue?clientId=${w.otherClientId}`, w.auth)).json();
    expect(byClient.items.map((i: { id: string }) => i.id)).toEqual([newest.id]);
    const byState = (await get('/v1/review-queue?state=approved', w.auth)).json();
    expect(byState.items.map((i: { id: string }) => i.id)).toEqual([approved.id]);
    // A form's blank filters mean no filter.
    const blank = (await get('/v1/review-queue?state=&clientId=&kind=', w.auth)).json();
    expect(blank.items).toHaveLength(3);
  });

  it('refuses bad list input with problem+json naming the parameter', async () => {
    const w = await workspace('review-list-bad');
    const cursor = await get('/v1/review-queue?cursor=not-a-cursor', w.auth);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(cursor.json().invalidParams).toEqual([{ name: 'querystring.cursor', reason: expect.any(String) }]);
    const limit = await get('/v1/review-queue?limit=0', w.auth);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().invalidParams[0].name).toBe('querystring.limit');
    const kind = await get('/v1/review-queue?kind=love_letter', w.auth);
    expect(kind.json().invalidParams[0].name).toBe('querystring.kind');
  });

  it('shows one email with its parts, and the preview as sandboxed, uncached HTML', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-detail');
    const email = await draft(w, { html: '<html><body><p>Invoice A-7</p><img src="https://tracker.example/p.gif"></body></html>' });
    const detail = await get(`/v1/review-queue/${email.id}`, w.auth);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: email.id, text: email.text, html: email.html, state: 'pending_review' });

    const preview = await get(`/v1/review-queue/${email.id}/preview`, w.auth);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect(preview.headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect(preview.headers['cache-control']).toMatch(/no-store/);
    expect(preview.headers['cache-control']).toMatch(/private/);
    expect(preview.headers.vary).toMatch(/authorization/i);
    expect(preview.body).toBe(email.html);
  });

  it('approves: the send job is queued once, for the instant the send plan showed; approving again is a no-op', async () => {
    clock.set(SATURDAY_NIGHT);
    const w = await workspace('review-approve');
    const email = await draft(w);
    const plan = (await get(`/v1/review-queue/${email.id}`, w.auth)).json().sendPlan;
    expect(plan.earliestSendAt).toBe(MONDAY_9);

    const first = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      sendAfter: MONDAY_9,
      item: { id: email.id, state: 'approved', sendPlan: { earliestSendAt: MONDAY_9 } },
    });
    const jobs = await sendJobsFor(email.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.id).toBe(email.id);
    expect(jobs[0]?.data).toEqual({ workspaceId: w.workspaceId, outgoingEmailId: email.id });
    // Held until Monday 09:00 London time: 35 hours after Saturday 22:00.
    expect(jobs[0]?.opts.delay).toBe(35 * 3_600_000);

    clock.set(new Date(SATURDAY_NIGHT.getTime() + 60_000));
    const second = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(second.statusCode).toBe(200);
    expect(second.json().sendAfter).toBe(MONDAY_9);
    expect(await sendJobsFor(email.id)).toHaveLength(1);
    expect(await auditActions(email.id)).toEqual(['email.approved']);
    expect(await row(email.id)).toMatchObject({ state: 'approved', reviewedBy: w.operatorId });
  });

  it('answers 409 with the current state when the email has moved on', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-conflict');
    const cancelled = await draft(w, { state: 'cancelled', stateReason: 'invoice paid' });
    for (const [action, payload] of [
      ['approve', {}],
      ['reject', { reason: 'no' }],
      ['snooze', { until: new Date(WEDNESDAY_10.getTime() + DAY).toISOString() }],
      ['edit', { subject: 'New' }],
    ] as const) {
      const response = await post(`/v1/review-queue/${cancelled.id}/${action}`, w.auth, payload);
      expect(response.statusCode, action).toBe(409);
      expect(response.json()).toMatchObject({
        status: 409,
        state: 'cancelled',
        item: { id: cancelled.id, state: 'cancelled', sendPlan: { earliestSendAt: null } },
      });
    }
    expect(await sendJobsFor(cancelled.id)).toEqual([]);
  });

  it('rejects only with a reason, and keeps it', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-reject');
    const email = await draft(w);
    const missing = await post(`/v1/review-queue/${email.id}/reject`, w.auth, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().invalidParams[0].name).toBe('body.reason');
    const blank = await post(`/v1/review-queue/${email.id}/reject`, w.auth, { reason: '  \n ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().invalidParams).toEqual([{ name: 'body.reason', reason: 'a reason is required' }]);
    expect((await row(email.id)).state).toBe('pending_review');

    const rejected = await post(`/v1/review-queue/${email.id}/reject`, w.auth, { reason: ' wrong invoice ' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().item).toMatchObject({ state: 'rejected', rejectReason: 'wrong invoice', sendPlan: { earliestSendAt: null } });
    const approve = await post(`/v1/review-queue/${email.id}/approve`, w.auth);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().state).toBe('rejected');
    expect(await sendJobsFor(email.id)).toEqual([]);
  });

  it('snoozes a draft out of the queue until its time', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-snooze');
    const email = await draft(w);
    const until = new Date(WEDNESDAY_10.getTime() + 2 * DAY);
    const past = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: new Date(WEDNESDAY_10.getTime() - DAY).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams[0].name).toBe('body.until');
    const garbled = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: 'next tuesday' });
    expect(garbled.json().invalidParams[0].name).toBe('body.until');

    const snoozed = await post(`/v1/review-queue/${email.id}/snooze`, w.auth, { until: until.toISOString() });
    expect(snoozed.statusCode).toBe(200);
    expect(snoozed.json().item.snoozedUntil).toBe(until.toISOString());
    expect((await get('/v1/review-queue', w.auth)).json().items).toEqual([]);

    clock.set(new Date(until.getTime() - 1));
    expect((await get('/v1/review-queue', w.auth)).json().items).toEqual([]);
    clock.set(until);
    expect((await get('/v1/review-queue', w.auth)).json().items.map((i: { id: string }) => i.id)).toEqual([email.id]);
  });

  it('bulk-approves, reporting each id it could not approve', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-bulk');
    const theirs = await workspace('review-bulk-theirs');
    const a = await draft(w);
    const b = await draft(w);
    const rejected = await draft(w, { state: 'rejected', stateReason: 'no' });
    const foreign = await draft(theirs);
    const response = await post('/v1/review-queue/bulk-approve', w.auth, { ids: [a.id, rejected.id, foreign.id, b.id] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      approved: [a.id, b.id],
      problems: [
        { id: rejected.id, detail: expect.stringMatching(/rejected/) },
        { id: foreign.id, detail: expect.stringMatching(/no outgoing email/) },
      ],
    });
    expect(await sendJobsFor(a.id)).toHaveLength(1);
    expect(await sendJobsFor(b.id)).toHaveLength(1);
    expect(await sendJobsFor(foreign.id)).toEqual([]);
    expect((await row(foreign.id)).state).toBe('pending_review');

    const bad = await post('/v1/review-queue/bulk-approve', w.auth, { ids: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('body.ids.0');
    const empty = await post('/v1/review-queue/bulk-approve', w.auth, { ids: [] });
    expect(empty.json().invalidParams[0].name).toBe('body.ids');
  });

  it('lists every outgoing email newest first, in any state', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-history');
    const at = (hoursAgo: number) => new Date(WEDNESDAY_10.getTime() - hoursAgo * 3_600_000);
    const sent = await draft(w, { createdAt: at(40), state: 'sent', providerAcceptedAt: at(30), sendAfter: at(31) });
    const pending = await draft(w, { createdAt: at(3) });
    const cancelled = await draft(w, { createdAt: at(20), state: 'cancelled', stateReason: 'client answered', clientId: w.otherClientId });

    const first = (await get('/v1/emails?limit=2', w.auth)).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([pending.id, cancelled.id]);
    const second = (await get(`/v1/emails?limit=2&cursor=${first.nextCursor}`, w.auth)).json();
    expect(second).toEqual({
      items: [expect.objectContaining({ id: sent.id, state: 'sent', sentAt: at(30).toISOString() })],
      nextCursor: null,
    });
    expect(first.items[1].sendPlan.note).toMatch(/client answered/);
    const onlySent = (await get('/v1/emails?state=sent', w.auth)).json();
    expect(onlySent.items.map((i: { id: string }) => i.id)).toEqual([sent.id]);
    const ofClient = (await get(`/v1/emails?clientId=${w.otherClientId}`, w.auth)).json();
    expect(ofClient.items.map((i: { id: string }) => i.id)).toEqual([cancelled.id]);
  });

  it('answers 404 for another workspace’s ids on every route, and changes nothing there', async () => {
    clock.set(WEDNESDAY_10);
    const mine = await workspace('review-tenant-mine');
    const theirs = await workspace('review-tenant-theirs');
    const email = await draft(theirs);
    const id = email.id;
    const until = new Date(WEDNESDAY_10.getTime() + DAY).toISOString();
    const responses = [
      await get(`/v1/review-queue/${id}`, mine.auth),
      await get(`/v1/review-queue/${id}/preview`, mine.auth),
      await get(`/v1/review-queue?clientId=${theirs.clientId}`, mine.auth),
      await get(`/v1/emails?clientId=${theirs.clientId}`, mine.auth),
      await post(`/v1/review-queue/${id}/approve`, mine.auth),
      await post(`/v1/review-queue/${id}/edit`, mine.auth, { subject: 'mine now' }),
      await post(`/v1/review-queue/${id}/edit`, mine.auth, { text: 'mine now' }),
      await post(`/v1/review-queue/${id}/reject`, mine.auth, { reason: 'no' }),
      await post(`/v1/review-queue/${id}/snooze`, mine.auth, { until }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 404));
    for (const response of responses) expect(JSON.stringify(response.json())).not.toContain('Spring campaign');
    const bulk = (await post('/v1/review-queue/bulk-approve', mine.auth, { ids: [id] })).json();
    expect(bulk).toEqual({ approved: [], problems: [{ id, detail: expect.stringMatching(/no outgoing email/) }] });
    expect((await get('/v1/emails', mine.auth)).json().items).toEqual([]);
    expect(await row(id)).toEqual(email);
    expect(await sendJobsFor(id)).toEqual([]);
  });

  it('needs the review scope to act: a read-only key lists but gets 403 on approve', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-scopes');
    const email = await draft(w);
    const readOnly = await keyWith(w.workspaceId, w.operatorId, ['read']);
    expect((await get('/v1/review-queue', readOnly)).statusCode).toBe(200);
    const approve = await post(`/v1/review-queue/${email.id}/approve`, readOnly);
    expect(approve.statusCode).toBe(403);
    expect(approve.json()).toMatchObject({ requiredScope: 'review' });
    expect((await row(email.id)).state).toBe('pending_review');
    expect(await sendJobsFor(email.id)).toEqual([]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const path of [
      '/v1/review-queue',
      '/v1/review-queue/{id}',
      '/v1/review-queue/{id}/preview',
      '/v1/review-queue/{id}/approve',
      '/v1/review-queue/{id}/edit',
      '/v1/review-queue/{id}/reject',
      '/v1/review-queue/{id}/snooze',
      '/v1/review-queue/bulk-approve',
      '/v1/emails',
      '/v1/events',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});

describe('editing a drafted letter', () => {
  it('re-renders the template with edited facts, takes the operator’s own text, and never re-renders over it', async () => {
    clock.set(WEDNESDAY_10);
    const setup = await ladderClient(t.db, { slug: 'review-edit', invoice: { number: 'E-1', amountMinor: 125_050n, currency: 'EUR' } });
    const auth = await keyWith(setup.workspaceId, setup.operatorId, ['read', 'review']);
    const worker = workerDeps({ db: t.db, queues, log, clock, settings: sandboxSettings({}) });
    await runJob(worker, 'escalate', 'client.escalate', { workspaceId: setup.workspaceId, clientId: setup.clientId });
    const [drafted] = await t.db.select().from(schema.outgoingEmails).where(eq(schema.outgoingEmails.workspaceId, setup.workspaceId));
    if (!drafted) throw new Error('the ladder drafted nothing');
    const id = drafted.id;
    expect((await get(`/v1/review-queue/${id}`, auth)).json().cause).toEqual({
      type: 'late_payment',
      summary: 'Invoice E-1 overdue (due 2026-11-02)',
    });

    const facts = await post(`/v1/review-queue/${id}/edit`, auth, { data: { paymentDetails: 'IBAN GB29 NWBK 6016 1331 9268 19' } });
    expect(facts.statusCode).toBe(200);
    const afterFacts = (await get(`/v1/review-queue/${id}`, auth)).json();
    expect(afterFacts.text).toContain('IBAN GB29 NWBK 6016 1331 9268 19');
    expect(afterFacts.html).toContain('IBAN GB29 NWBK 6016 1331 9268 19');
    expect(afterFacts.text).toContain('E-1');

    const broken = await post(`/v1/review-queue/${id}/edit`, auth, { data: { invoices: 'not a list' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().invalidParams[0].name).toBe('body.data');

    const own = 'Dear Bakery,\r\nInvoice E-1 is still open.\n\n\n\nPlease pay <b>this week</b>.\n\nThanks, Owner';
    const rewritten = await post(`/v1/review-queue/${id}/edit`, auth, { text: own });
    expect(rewritten.statusCode).toBe(200);
    const afterText = (await get(`/v1/review-queue/${id}`, auth)).json();
    expect(afterText.text).toBe('Dear Bakery,\nInvoice E-1 is still open.\n\nPlease pay <b>this week</b>.\n\nThanks, Owner\n');
    expect(afterText.html).toContain('Please pay &lt;b&gt;this week&lt;/b&gt;.');
    expect(afterText.html).not.toContain('<b>this week');
    expect(afterText.html).not.toContain('IBAN');

    // The facts no longer describe the text: changing them would throw the operator's words away.
    const refused = await post(`/v1/review-queue/${id}/edit`, auth, { data: { paymentDetails: 'other' } });
    expect(refused.statusCode).toBe(409);
    const retitled = await post(`/v1/review-queue/${id}/edit`, auth, { subject: 'Invoice E-1\r\nBcc: all@evil.example' });
    expect(retitled.json().item.subject).toBe('Invoice E-1 Bcc: all@evil.example');
    expect((await get(`/v1/review-queue/${id}`, auth)).json().text).toBe(afterText.text);

    for (const [payload, field] of [
      [{}, 'body'],
      [{ text: ' \n ' }, 'body.text'],
      [{ subject: '\r\n' }, 'body.subject'],
      [{ text: 'x', data: { a: 1 } }, 'body.data'],
      [{ html: '<script>' }, 'body'],
    ] as const) {
      const response = await post(`/v1/review-queue/${id}/edit`, auth, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().invalidParams[0].name, JSON.stringify(payload)).toBe(field);
    }
    expect((await auditActions(id)).filter((a) => a === 'email.edited')).toHaveLength(3);
  });
  it('edits an email the operator wrote (no template) as their own text', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-edit-custom');
    const email = await draft(w, { kind: 'custom', templateData: null, text: 'Hello Anna,\n\nsee you Monday.\n', html: '<p>Hello</p>' });
    const retitled = await post(`/v1/review-queue/${email.id}/edit`, w.auth, { subject: 'Monday' });
    expect(retitled.statusCode).toBe(200);
    expect(retitled.json().item).toMatchObject({ subject: 'Monday', cause: { type: 'operator', summary: 'Written by the operator' } });
    const detail = (await get(`/v1/review-queue/${email.id}`, w.auth)).json();
    expect(detail.text).toBe('Hello Anna,\n\nsee you Monday.\n');
    expect(detail.html).toContain('see you Monday.');
    const facts = await post(`/v1/review-queue/${email.id}/edit`, w.auth, { data: { amount: 1 } });
    expect(facts.statusCode).toBe(409);
    expect(facts.json()).toMatchObject({ state: 'pending_review', item: { id: email.id } });
  });
});

describe('the live event stream', () => {
  /** Reads the stream until `until` matches what arrived, returning everything read. */
  async function readUntil(body: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      while (!until(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } finally {
      reader.releaseLock();
    }
    return text;
  }

  it('delivers the workspace’s new audit events, and only them', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-events');
    const theirs = await workspace('review-events-theirs');
    const email = await draft(w);
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${url}/v1/events`, { headers: w.auth, signal: abort.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      if (!response.body) throw new Error('no body');
      const opening = await readUntil(response.body, (text) => text.includes('\n\n'));
      expect(opening).toMatch(/^retry: \d+\n/);

      // Another workspace's event first: it must not reach this stream.
      await appendAuditEvent(t.db, {
        workspaceId: theirs.workspaceId,
        actor: 'system:test',
        action: 'email.drafted',
        subjectType: 'outgoing_email',
        subjectId: theirs.clientId,
        occurredAt: WEDNESDAY_10,
      });
      expect((await live.inject({ method: 'POST', url: `/v1/review-queue/${email.id}/approve`, headers: w.auth })).statusCode).toBe(200);
      const events = await readUntil(response.body, (text) => text.includes(email.id));
      expect(events).toContain('event: audit\n');
      const frame = events.split('\n\n').find((f) => f.includes(email.id)) ?? '';
      const data = JSON.parse(
        frame
          .split('\n')
          .find((line) => line.startsWith('data: '))
          ?.slice(6) ?? '{}',
      );
      expect(data).toEqual({
        id: expect.any(String),
        action: 'email.approved',
        subjectType: 'outgoing_email',
        subjectId: email.id,
        occurredAt: WEDNESDAY_10.toISOString(),
      });
      expect(frame).toMatch(/^id: \d+$/m);
      expect(events).not.toContain(theirs.clientId);
    } finally {
      abort.abort();
      await live.close();
    }
  });

  it('resumes after the Last-Event-ID a reconnecting browser sends', async () => {
    const w = await workspace('review-events-resume');
    const event = (subjectId: string) =>
      appendAuditEvent(t.db, {
        workspaceId: w.workspaceId,
        actor: 'system:test',
        action: 'test.happened',
        subjectType: 'test',
        subjectId,
        occurredAt: WEDNESDAY_10,
      });
    const seen = await event('seen-before');
    await event('missed-while-away');
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${url}/v1/events`, { headers: { ...w.auth, 'last-event-id': String(seen.seq) }, signal: abort.signal });
      if (!response.body) throw new Error('no body');
      const text = await readUntil(response.body, (t) => t.includes('missed-while-away'));
      expect(text).toContain('missed-while-away');
      expect(text).not.toContain('seen-before');
    } finally {
      abort.abort();
      await live.close();
    }
  });

  it('ends open streams when the server closes, so shutdown does not wait on them', async () => {
    const w = await workspace('review-events-close');
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${url}/v1/events`, { headers: w.auth });
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    await reader.read();
    await live.close();
    // The server ended the response: the reader reaches its end instead of waiting forever.
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it('needs a key or a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/events' });
    expect(response.statusCode).toBe(401);
  });
});
