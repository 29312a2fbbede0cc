import { issueApiKey } from '@firmly/config';
import { handoverGuidance, handoverPlatforms } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import type { QueueBackend } from '@firmly/queue';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW, startApi, workspaceWithClient } from './records-harness';

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

type Auth = Record<string, string>;

async function auditOf(workspaceId: string, action?: string) {
  const rows = await t.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.workspaceId, workspaceId), action ? eq(schema.auditEvents.action, action) : undefined))
    .orderBy(asc(schema.auditEvents.seq));
  return rows;
}

async function anotherClient(workspaceId: string, name: string, locale = 'en') {
  const [client] = await t.db.insert(schema.clients).values({ workspaceId, name, timezone: 'Europe/Budapest', locale }).returning();
  if (!client) throw new Error('no client');
  return client.id;
}

const workLogUrl = (clientId: string, entryId?: string) => `/v1/clients/${clientId}/work-log${entryId ? `/${entryId}` : ''}`;
const accountsUrl = (clientId: string, accountId?: string) => `/v1/clients/${clientId}/managed-accounts${accountId ? `/${accountId}` : ''}`;

async function record(auth: Auth, clientId: string, payload: Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url: workLogUrl(clientId), headers: auth, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; title: string; doneOn: string };
}

async function addAccount(auth: Auth, clientId: string, payload: Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url: accountsUrl(clientId), headers: auth, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; handover: string; owner: string; handoverChangedAt: string | null };
}

describe('the work log', () => {
  it('records deliveries and lists them newest first by day, then by when they were recorded, page by page', async () => {
    const w = await workspaceWithClient(t.db, 'log-order');
    const older = await record(w.auth, w.clientId, { doneOn: '2026-11-18', title: 'Spring campaign plan' });
    const latest = await record(w.auth, w.clientId, { doneOn: '2026-11-19', title: '12 posts for the spring campaign' });
    const sameDayLater = await record(w.auth, w.clientId, { doneOn: '2026-11-18', title: 'Monthly report' });
    const oldest = await record(w.auth, w.clientId, { doneOn: '2026-11-02', title: 'Logo refresh' });
    const otherClient = await anotherClient(w.workspaceId, 'Other client');
    await record(w.auth, otherClient, { doneOn: '2026-11-19', title: 'Not this client' });

    const first = await app.inject({ method: 'GET', url: `${workLogUrl(w.clientId)}?limit=2`, headers: w.auth });
    expect(first.statusCode).toBe(200);
    const firstPage = first.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(firstPage.items.map((e) => e.id)).toEqual([latest.id, sameDayLater.id]);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const second = await app.inject({
      method: 'GET',
      url: `${workLogUrl(w.clientId)}?limit=2&cursor=${firstPage.nextCursor}`,
      headers: w.auth,
    });
    const secondPage = second.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(secondPage.items.map((e) => e.id)).toEqual([older.id, oldest.id]);
    expect(secondPage.nextCursor).toBeNull();

    const forged = await app.inject({ method: 'GET', url: `${workLogUrl(w.clientId)}?cursor=bm9wZQ`, headers: w.auth });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().invalidParams).toEqual([expect.objectContaining({ name: 'querystring.cursor' })]);
  });

  it('answers the entry as stored, with who recorded it, and audits it in the same breath', async () => {
    const w = await workspaceWithClient(t.db, 'log-record');
    const response = await app.inject({
      method: 'POST',
      url: workLogUrl(w.clientId),
      headers: w.auth,
      payload: { doneOn: '2026-11-20', title: '  Landing page  ', link: 'https://example.com/landing', outcome: 'Sign-ups up 40 %' },
    });
    expect(response.statusCode).toBe(201);
    const entry = response.json();
    expect(entry).toMatchObject({
      clientId: w.clientId,
      doneOn: '2026-11-20',
      title: 'Landing page',
      link: 'https://example.com/landing',
      outcome: 'Sign-ups up 40 %',
      recordedBy: w.operatorId,
    });
    const [event] = await auditOf(w.workspaceId, 'work_log.recorded');
    expect(event).toMatchObject({
      subjectType: 'work_log_entry',
      subjectId: entry.id,
      actor: `operator:${w.operatorId}`,
      data: { clientId: w.clientId, doneOn: '2026-11-20', title: 'Landing page', link: 'https://example.com/landing' },
    });
  });

  it('refuses invalid input naming the field', async () => {
    const w = await workspaceWithClient(t.db, 'log-invalid');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ doneOn: '2026-02-30', title: 'x' }, 'body.doneOn'],
      [{ doneOn: '20.11.2026', title: 'x' }, 'body.doneOn'],
      // Today is 20 November in London; the 22nd is still to come everywhere on Earth.
      [{ doneOn: '2026-11-22', title: 'x' }, 'body.doneOn'],
      [{ doneOn: '2026-11-20', title: '   ' }, 'body.title'],
      [{ doneOn: '2026-11-20', title: 'x'.repeat(301) }, 'body.title'],
      [{ doneOn: '2026-11-20', title: 'x', link: 'ftp://files.example.com/report.pdf' }, 'body.link'],
      [{ doneOn: '2026-11-20', title: 'x', link: 'not a link' }, 'body.link'],
      [{ doneOn: '2026-11-20', title: 'x', link: `https://example.com/${'a'.repeat(2000)}` }, 'body.link'],
      [{ doneOn: '2026-11-20', title: 'x', outcome: 'y'.repeat(2001) }, 'body.outcome'],
      [{ doneOn: '2026-11-20', title: 'x', unknown: 1 }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: workLogUrl(w.clientId), headers: w.auth, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        (response.json().invalidParams as Array<{ name: string }>).map((p) => p.name),
        JSON.stringify(payload),
      ).toContain(field);
    }
    // The latest "today" anywhere is accepted: the operator's zone is not known.
    await record(w.auth, w.clientId, { doneOn: '2026-11-21', title: 'Delivered in Auckland' });
    expect(await auditOf(w.workspaceId, 'work_log.recorded')).toHaveLength(1);
  });

  it('changes the fields given, audits before and after, and changes nothing for an empty patch', async () => {
    const w = await workspaceWithClient(t.db, 'log-update');
    const entry = await record(w.auth, w.clientId, {
      doneOn: '2026-11-10',
      title: 'Newsletter',
      link: 'https://example.com/n',
      outcome: 'Open rate 31 %',
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: workLogUrl(w.clientId, entry.id),
      headers: w.auth,
      payload: { title: 'November newsletter', outcome: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'November newsletter',
      outcome: null,
      link: 'https://example.com/n',
      doneOn: '2026-11-10',
    });
    const [event] = await auditOf(w.workspaceId, 'work_log.updated');
    expect(event?.data).toEqual({
      clientId: w.clientId,
      changes: { title: { from: 'Newsletter', to: 'November newsletter' }, outcome: { from: 'Open rate 31 %', to: null } },
    });

    const empty = await app.inject({ method: 'PATCH', url: workLogUrl(w.clientId, entry.id), headers: w.auth, payload: {} });
    expect(empty.statusCode).toBe(200);
    const future = await app.inject({
      method: 'PATCH',
      url: workLogUrl(w.clientId, entry.id),
      headers: w.auth,
      payload: { doneOn: '2026-12-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.doneOn' })]);
    expect(await auditOf(w.workspaceId, 'work_log.updated')).toHaveLength(1);
  });

  it('deletes an entry and keeps what it said in the audit log', async () => {
    const w = await workspaceWithClient(t.db, 'log-delete');
    const entry = await record(w.auth, w.clientId, { doneOn: '2026-11-10', title: 'Brand guide' });
    const deleted = await app.inject({ method: 'DELETE', url: workLogUrl(w.clientId, entry.id), headers: w.auth });
    expect(deleted.statusCode).toBe(204);
    const list = await app.inject({ method: 'GET', url: workLogUrl(w.clientId), headers: w.auth });
    expect(list.json().items).toEqual([]);
    const [event] = await auditOf(w.workspaceId, 'work_log.deleted');
    expect(event).toMatchObject({ subjectId: entry.id, data: { clientId: w.clientId, title: 'Brand guide', doneOn: '2026-11-10' } });
    const again = await app.inject({ method: 'DELETE', url: workLogUrl(w.clientId, entry.id), headers: w.auth });
    expect(again.statusCode).toBe(404);
  });
});

describe('managed accounts', () => {
  it('adds accounts and lists them by platform, then handle, page by page', async () => {
    const w = await workspaceWithClient(t.db, 'acc-order');
    const ads = await addAccount(w.auth, w.clientId, { platform: 'google_ads', handle: '123-456-7890', accessLevel: 'Admin' });
    const zPage = await addAccount(w.auth, w.clientId, {
      platform: 'meta_business_suite',
      handle: 'Zebra Bakery',
      accessLevel: 'Full control',
    });
    const aPage = await addAccount(w.auth, w.clientId, {
      platform: 'meta_business_suite',
      handle: 'Anna Bakery',
      accessLevel: 'Full control',
    });
    const x = await addAccount(w.auth, w.clientId, { platform: 'x', handle: '@bakery', accessLevel: 'Login', owner: 'operator' });
    expect(zPage).toMatchObject({ owner: 'unknown', handover: 'not_started', handoverChangedAt: null });

    const first = await app.inject({ method: 'GET', url: `${accountsUrl(w.clientId)}?limit=3`, headers: w.auth });
    expect(first.statusCode).toBe(200);
    const firstPage = first.json() as { items: Array<{ id: string }>; nextCursor: string };
    expect(firstPage.items.map((a) => a.id)).toEqual([aPage.id, zPage.id, ads.id]);
    const second = await app.inject({
      method: 'GET',
      url: `${accountsUrl(w.clientId)}?limit=3&cursor=${firstPage.nextCursor}`,
      headers: w.auth,
    });
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: x.id })], nextCursor: null });

    const [event] = await auditOf(w.workspaceId, 'managed_account.added');
    expect(event).toMatchObject({
      subjectType: 'managed_account',
      subjectId: ads.id,
      data: { clientId: w.clientId, platform: 'google_ads', handle: '123-456-7890', accessLevel: 'Admin' },
    });
  });

  it('changes an account, stamps and audits a handover step on its own, and removes it', async () => {
    const w = await workspaceWithClient(t.db, 'acc-update');
    const account = await addAccount(w.auth, w.clientId, {
      platform: 'google_analytics',
      handle: 'GA4 bakery.example',
      accessLevel: 'Editor',
      owner: 'operator',
      notes: 'Property 123',
    });
    const details = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, account.id),
      headers: w.auth,
      payload: { accessLevel: 'Administrator', notes: null },
    });
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({ accessLevel: 'Administrator', notes: null, handover: 'not_started', handoverChangedAt: null });
    expect((await auditOf(w.workspaceId, 'managed_account.updated'))[0]?.data).toEqual({
      clientId: w.clientId,
      changes: { accessLevel: { from: 'Editor', to: 'Administrator' }, notes: { from: 'Property 123', to: null } },
    });

    const transferred = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, account.id),
      headers: w.auth,
      payload: { handover: 'ownership_transferred' },
    });
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json()).toMatchObject({ handover: 'ownership_transferred', handoverChangedAt: NOW.toISOString() });
    const removed = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, account.id),
      headers: w.auth,
      payload: { handover: 'operator_access_removed' },
    });
    expect(removed.statusCode).toBe(200);
    expect((await auditOf(w.workspaceId, 'managed_account.handover_changed')).map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'not_started', to: 'ownership_transferred' }),
      expect.objectContaining({ from: 'ownership_transferred', to: 'operator_access_removed' }),
    ]);
    // A handover step alone is not also recorded as a general update.
    expect(await auditOf(w.workspaceId, 'managed_account.updated')).toHaveLength(1);

    const deleted = await app.inject({ method: 'DELETE', url: accountsUrl(w.clientId, account.id), headers: w.auth });
    expect(deleted.statusCode).toBe(204);
    expect((await auditOf(w.workspaceId, 'managed_account.removed'))[0]).toMatchObject({
      subjectId: account.id,
      data: { platform: 'google_analytics', handover: 'operator_access_removed' },
    });
    const list = await app.inject({ method: 'GET', url: accountsUrl(w.clientId), headers: w.auth });
    expect(list.json().items).toEqual([]);
  });

  it('refuses invalid input naming the field', async () => {
    const w = await workspaceWithClient(t.db, 'acc-invalid');
    const valid = { platform: 'tiktok', handle: '@bakery', accessLevel: 'Admin' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, platform: 'myspace' }, 'body.platform'],
      [{ ...valid, handle: ' ' }, 'body.handle'],
      [{ ...valid, handle: 'h'.repeat(301) }, 'body.handle'],
      [{ ...valid, accessLevel: '' }, 'body.accessLevel'],
      [{ ...valid, accessLevel: 'a'.repeat(101) }, 'body.accessLevel'],
      [{ ...valid, owner: 'agency' }, 'body.owner'],
      [{ ...valid, handover: 'done' }, 'body.handover'],
      [{ ...valid, notes: 'n'.repeat(2001) }, 'body.notes'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: accountsUrl(w.clientId), headers: w.auth, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect((response.json().invalidParams as Array<{ name: string }>).map((p) => p.name)).toContain(field);
    }
    expect(await auditOf(w.workspaceId)).toEqual([]);
  });
});

describe('the handover order', () => {
  it("refuses to record the operator's access removed before ownership is transferred, with a 409 saying where it stands", async () => {
    const w = await workspaceWithClient(t.db, 'order-refused');
    const account = await addAccount(w.auth, w.clientId, {
      platform: 'linkedin_page',
      handle: 'Bakery',
      accessLevel: 'Super admin',
      owner: 'operator',
    });
    const refused = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, account.id),
      headers: w.auth,
      payload: { handover: 'operator_access_removed', accessLevel: 'none' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = refused.json();
    expect(problem.detail).toMatch(/transfer ownership first/);
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: 'body.handover' })]);
    expect(problem.current).toEqual({ owner: 'operator', handover: 'not_started' });
    // Nothing of the refused patch is kept.
    const [row] = await t.db.select().from(schema.managedAccounts).where(eq(schema.managedAccounts.id, account.id));
    expect(row).toMatchObject({ handover: 'not_started', accessLevel: 'Super admin', handoverChangedAt: null });
    expect(await auditOf(w.workspaceId, 'managed_account.handover_changed')).toEqual([]);
    expect(await auditOf(w.workspaceId, 'managed_account.updated')).toEqual([]);

    const created = await app.inject({
      method: 'POST',
      url: accountsUrl(w.clientId),
      headers: w.auth,
      payload: { platform: 'x', handle: '@bakery', accessLevel: 'Login', handover: 'operator_access_removed' },
    });
    expect(created.statusCode).toBe(409);
  });

  it('allows not_needed at any time, and removal once the client owns the account', async () => {
    const w = await workspaceWithClient(t.db, 'order-allowed');
    const skipped = await addAccount(w.auth, w.clientId, {
      platform: 'other',
      handle: 'Mailchimp',
      accessLevel: 'Admin',
      owner: 'operator',
    });
    const notNeeded = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, skipped.id),
      headers: w.auth,
      payload: { handover: 'not_needed' },
    });
    expect(notNeeded.statusCode).toBe(200);
    expect(notNeeded.json()).toMatchObject({ handover: 'not_needed', handoverChangedAt: NOW.toISOString() });

    const owned = await addAccount(w.auth, w.clientId, {
      platform: 'google_ads',
      handle: '111-222-3333',
      accessLevel: 'Admin',
      owner: 'client',
    });
    const removedAtOnce = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, owned.id),
      headers: w.auth,
      payload: { handover: 'operator_access_removed' },
    });
    expect(removedAtOnce.statusCode).toBe(200);

    // Stating in the same change that the client owns it is the ownership the order asks for.
    const statedNow = await addAccount(w.auth, w.clientId, {
      platform: 'tiktok',
      handle: '@bakery',
      accessLevel: 'Admin',
      owner: 'unknown',
    });
    const both = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, statedNow.id),
      headers: w.auth,
      payload: { owner: 'client', handover: 'operator_access_removed' },
    });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ owner: 'client', handover: 'operator_access_removed' });
  });
});

describe('handover guidance', () => {
  it("gives each account the steps for its platform in the client's language, English where there is none", async () => {
    expect([...handoverPlatforms].sort()).toEqual([...schema.managedAccountPlatforms].sort());
    const w = await workspaceWithClient(t.db, 'guidance');
    const hungarian = await anotherClient(w.workspaceId, 'Kovács Pékség', 'hu');
    const german = await anotherClient(w.workspaceId, 'Bäckerei', 'de');

    const hu = await app.inject({
      method: 'POST',
      url: accountsUrl(hungarian),
      headers: w.auth,
      payload: { platform: 'google_business_profile', handle: 'Kovács Pékség', accessLevel: 'Tulajdonos' },
    });
    expect(hu.json().guidance).toEqual({
      locale: 'hu',
      steps: handoverGuidance.google_business_profile.map((step) => ({ kind: step.kind, text: step.hu })),
    });
    const listed = await app.inject({ method: 'GET', url: accountsUrl(hungarian), headers: w.auth });
    expect(listed.json().items[0].guidance.steps[0].text).toBe(handoverGuidance.google_business_profile[0]?.hu);

    const en = await addAccount(w.auth, w.clientId, { platform: 'x', handle: '@northwind', accessLevel: 'Login' });
    const patched = await app.inject({
      method: 'PATCH',
      url: accountsUrl(w.clientId, en.id),
      headers: w.auth,
      payload: { notes: 'shared vault' },
    });
    expect(patched.json().guidance).toMatchObject({
      locale: 'en',
      steps: expect.arrayContaining([expect.objectContaining({ kind: 'remove_own_access' })]),
    });
    expect(patched.json().guidance.steps[0].text).toBe(handoverGuidance.x[0]?.en);

    const de = await app.inject({
      method: 'POST',
      url: accountsUrl(german),
      headers: w.auth,
      payload: { platform: 'meta_business_suite', handle: 'Bäckerei', accessLevel: 'Full control' },
    });
    expect(de.json().guidance.locale).toBe('en');
  });
});

describe('tenancy and scopes', () => {
  it("answers 404 for another workspace's client, entry or account, and for one client's rows under another client", async () => {
    const a = await workspaceWithClient(t.db, 'tenant-records-a');
    const b = await workspaceWithClient(t.db, 'tenant-records-b');
    const entry = await record(a.auth, a.clientId, { doneOn: '2026-11-10', title: 'A only' });
    const account = await addAccount(a.auth, a.clientId, { platform: 'x', handle: '@a', accessLevel: 'Login' });
    const calls: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }> = [
      { method: 'GET', url: workLogUrl(a.clientId) },
      { method: 'POST', url: workLogUrl(a.clientId), payload: { doneOn: '2026-11-10', title: 'B writes' } },
      { method: 'PATCH', url: workLogUrl(a.clientId, entry.id), payload: { title: 'B writes' } },
      { method: 'DELETE', url: workLogUrl(a.clientId, entry.id) },
      // B's own client with A's entry and account ids.
      { method: 'PATCH', url: workLogUrl(b.clientId, entry.id), payload: { title: 'B writes' } },
      { method: 'DELETE', url: workLogUrl(b.clientId, entry.id) },
      { method: 'GET', url: accountsUrl(a.clientId) },
      { method: 'POST', url: accountsUrl(a.clientId), payload: { platform: 'x', handle: '@b', accessLevel: 'Login' } },
      { method: 'PATCH', url: accountsUrl(a.clientId, account.id), payload: { handover: 'not_needed' } },
      { method: 'DELETE', url: accountsUrl(a.clientId, account.id) },
      { method: 'PATCH', url: accountsUrl(b.clientId, account.id), payload: { handover: 'not_needed' } },
      { method: 'DELETE', url: accountsUrl(b.clientId, account.id) },
    ];
    for (const call of calls) {
      const response = await app.inject({ ...call, headers: b.auth });
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    // Within one workspace too: an entry is addressed under its own client only.
    const sibling = await anotherClient(a.workspaceId, 'Sibling');
    const misaddressed = await app.inject({
      method: 'PATCH',
      url: workLogUrl(sibling, entry.id),
      headers: a.auth,
      payload: { title: 'moved?' },
    });
    expect(misaddressed.statusCode).toBe(404);
    expect((await auditOf(a.workspaceId)).map((e) => e.action)).toEqual(['work_log.recorded', 'managed_account.added']);
    expect(await auditOf(b.workspaceId)).toEqual([]);
  });

  it('lets a read-only key read but not write', async () => {
    const w = await workspaceWithClient(t.db, 'read-only');
    const entry = await record(w.auth, w.clientId, { doneOn: '2026-11-10', title: 'Readable' });
    const account = await addAccount(w.auth, w.clientId, { platform: 'x', handle: '@r', accessLevel: 'Login' });
    const key = issueApiKey();
    await t.db.insert(schema.apiKeys).values({
      workspaceId: w.workspaceId,
      operatorId: w.operatorId,
      name: 'reader',
      prefix: key.prefix,
      keyHash: key.hash,
      scopes: ['read'],
    });
    const reader = { authorization: `Bearer ${key.token}` };

    expect((await app.inject({ method: 'GET', url: workLogUrl(w.clientId), headers: reader })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: accountsUrl(w.clientId), headers: reader })).statusCode).toBe(200);
    const writes: Array<{ method: 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }> = [
      { method: 'POST', url: workLogUrl(w.clientId), payload: { doneOn: '2026-11-10', title: 'No' } },
      { method: 'PATCH', url: workLogUrl(w.clientId, entry.id), payload: { title: 'No' } },
      { method: 'DELETE', url: workLogUrl(w.clientId, entry.id) },
      { method: 'POST', url: accountsUrl(w.clientId), payload: { platform: 'x', handle: '@no', accessLevel: 'Login' } },
      { method: 'PATCH', url: accountsUrl(w.clientId, account.id), payload: { handover: 'not_needed' } },
      { method: 'DELETE', url: accountsUrl(w.clientId, account.id) },
    ];
    for (const write of writes) {
      const response = await app.inject({ ...write, headers: reader });
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(403);
      expect(response.json().requiredScope).toBe('review');
    }
    expect(await auditOf(w.workspaceId)).toHaveLength(2);
  });
});

describe('the OpenAPI document', () => {
  it('describes the work log and managed account routes with their named schemas', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/v1/clients/{clientId}/work-log'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/clients/{clientId}/work-log/{entryId}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(Object.keys(doc.paths['/v1/clients/{clientId}/managed-accounts'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/clients/{clientId}/managed-accounts/{accountId}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(doc.components.schemas).toHaveProperty('WorkLogEntry');
    expect(doc.components.schemas).toHaveProperty('ManagedAccount');
    expect(doc.components.schemas).toHaveProperty('HandoverGuidance');
  });
});
