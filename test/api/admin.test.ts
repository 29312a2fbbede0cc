import { randomUUID } from 'node:crypto';
import { systemClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiServer } from '../support/api-server';
import { operatorKey } from '../support/operators';

const t = useTestDatabase();
let queues: QueueBackend;
let app: FastifyInstance;

const PASSWORD = 'correct horse battery staple';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

/** The cookie header a browser would send back, and the CSRF token it can read. */
function sessionOf(response: Injected): { cookie: string; csrf: string } {
  const pairs = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0] ?? '');
  const csrf = pairs.find((pair) => pair.startsWith('firmly_csrf='))?.slice('firmly_csrf='.length) ?? '';
  return { cookie: pairs.join('; '), csrf };
}

async function signIn(workspace: string, email: string, password = PASSWORD) {
  return app.inject({ method: 'POST', url: '/v1/session', payload: { workspace, email, password } });
}

async function issueKey(auth: Record<string, string>, scopes: string[], name = 'test key') {
  const response = await app.inject({ method: 'POST', url: '/v1/api-keys', headers: auth, payload: { name, scopes } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; token: string; prefix: string; scopes: string[] };
}

const auditActions = async (workspaceId: string) =>
  (await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.workspaceId, workspaceId))).map((event) => event.action);

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  app = testApiServer({ db: t.db, queues, webhooks: { db: t.db, queues, clock: systemClock } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

// First in the file on purpose: bootstrap is only allowed while no workspace but the demo one
// exists, and every later test creates workspaces.
describe('bootstrapping a fresh installation', () => {
  const body = {
    workspace: { slug: 'studio', name: 'Studio' },
    owner: { email: 'founder@studio.example', name: 'Founder', password: PASSWORD },
  };

  it('refuses the demo slug and a short password, naming the field', async () => {
    const demoSlug = await app.inject({
      method: 'POST',
      url: '/v1/bootstrap',
      payload: { ...body, workspace: { slug: 'demo', name: 'x' } },
    });
    expect(demoSlug.statusCode).toBe(400);
    expect(demoSlug.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.workspace.slug' })]);
    const shortPassword = await app.inject({
      method: 'POST',
      url: '/v1/bootstrap',
      payload: { ...body, owner: { ...body.owner, password: 'short' } },
    });
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.owner.password' })]);
  });

  it('creates the first workspace and its owner beside the demo one, signed in, and only once', async () => {
    await t.db.insert(schema.workspaces).values({ slug: 'demo', name: 'Demo — Studio', settings: { demo: true } });
    const first = await app.inject({ method: 'POST', url: '/v1/bootstrap', payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      operator: { email: 'founder@studio.example', role: 'owner' },
      workspace: { slug: 'studio', name: 'Studio', demo: false },
      scopes: ['read', 'review', 'admin'],
      via: 'session',
    });
    const session = sessionOf(first);
    expect(session.csrf).toBe(first.json().csrfToken);
    const workspace = await app.inject({ method: 'GET', url: '/v1/workspace', headers: { cookie: session.cookie } });
    expect(workspace.statusCode).toBe(200);
    expect(workspace.json()).toMatchObject({ slug: 'studio', name: 'Studio' });
    expect(await auditActions(first.json().workspace.id)).toEqual(
      expect.arrayContaining(['workspace.created', 'operator.created', 'operator.signed_in']),
    );

    const again = await app.inject({
      method: 'POST',
      url: '/v1/bootstrap',
      payload: { ...body, workspace: { slug: 'another', name: 'Another' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(await t.db.select().from(schema.workspaces).where(eq(schema.workspaces.slug, 'another'))).toEqual([]);
  });
});

describe('API keys', () => {
  it('are listed without secrets; a read key reads but cannot create keys; a revoked key stops working', async () => {
    const owner = await operatorKey(t.db, 'keys');
    const readKey = await issueKey(owner.auth, ['read'], 'dashboard');
    expect(readKey.token.startsWith(`fk_${readKey.prefix}_`)).toBe(true);
    expect(readKey.scopes).toEqual(['read']);

    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: bearer(readKey.token) })).statusCode).toBe(200);
    const denied = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(readKey.token),
      payload: { name: 'escalate', scopes: ['admin'] },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().requiredScope).toBe('admin');

    const listed = await app.inject({ method: 'GET', url: '/v1/api-keys', headers: owner.auth });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(readKey.token);
    expect(listed.body).not.toContain(readKey.token.slice(-43));
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({
        id: readKey.id,
        name: 'dashboard',
        prefix: readKey.prefix,
        scopes: ['read'],
        active: true,
        revokedAt: null,
      }),
    );

    const revoked = await app.inject({ method: 'DELETE', url: `/v1/api-keys/${readKey.id}`, headers: owner.auth });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: bearer(readKey.token) })).statusCode).toBe(401);
    expect(await auditActions(owner.workspaceId)).toEqual(expect.arrayContaining(['api_key.issued', 'api_key.revoked']));
  });

  it('never gets a scope its issuer lacks, nor an expiry in the past', async () => {
    const owner = await operatorKey(t.db, 'keys-scopes');
    const adminOnly = await issueKey(owner.auth, ['admin']);
    const wider = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminOnly.token),
      payload: { name: 'wider', scopes: ['read', 'admin'] },
    });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.scopes' })]);
    const past = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: owner.auth,
      payload: { name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.expiresAt' })]);
    const unknownScope = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: owner.auth,
      payload: { name: 'odd', scopes: ['superuser'] },
    });
    expect(unknownScope.statusCode).toBe(400);
    expect(unknownScope.json().invalidParams[0].name).toMatch(/^body\.scopes/);
  });
});

describe('operators', () => {
  it('adds an operator who signs in with the password; a session changes things only with its CSRF header', async () => {
    const owner = await operatorKey(t.db, 'ops');
    const tooShort = await app.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: owner.auth,
      payload: { email: 'second@ops.example', name: 'Second', role: 'owner', password: 'eleven char' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.password' })]);

    const created = await app.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: owner.auth,
      payload: { email: 'Second@ops.example', name: 'Second', role: 'owner', password: PASSWORD },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: 'second@ops.example', role: 'owner', canSignIn: true, disabledAt: null });
    expect(created.body).not.toContain('scrypt');
    const duplicate = await app.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: owner.auth,
      payload: { email: 'SECOND@ops.example', name: 'Again', password: PASSWORD },
    });
    expect(duplicate.statusCode).toBe(409);

    const signedIn = await signIn('ops', 'second@ops.example');
    expect(signedIn.statusCode).toBe(200);
    const session = sessionOf(signedIn);
    const withoutHeader = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { cookie: session.cookie },
      payload: { name: 'from the page', scopes: ['read'] },
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().detail).toMatch(/x-csrf-token/);
    const withHeader = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { name: 'from the page', scopes: ['read'] },
    });
    expect(withHeader.statusCode, withHeader.body).toBe(201);
    expect(await auditActions(owner.workspaceId)).toContain('operator.created');
  });

  it('gives a member session 403 on every admin route', async () => {
    const owner = await operatorKey(t.db, 'members');
    const added = await app.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: owner.auth,
      payload: { email: 'member@members.example', name: 'Member', password: PASSWORD },
    });
    expect(added.json().role).toBe('member');
    const session = sessionOf(await signIn('members', 'member@members.example'));
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const attempts = [
      { method: 'GET', url: '/v1/workspace' },
      { method: 'PATCH', url: '/v1/workspace', payload: { name: 'Mine now' } },
      { method: 'GET', url: '/v1/operators' },
      { method: 'POST', url: '/v1/operators', payload: { email: 'x@members.example', name: 'X', password: PASSWORD } },
      { method: 'POST', url: `/v1/operators/${owner.operatorId}/disable` },
      { method: 'GET', url: '/v1/api-keys' },
      { method: 'POST', url: '/v1/api-keys', payload: { name: 'k', scopes: ['read'] } },
      { method: 'DELETE', url: `/v1/api-keys/${randomUUID()}` },
      { method: 'POST', url: '/v1/mailboxes/connect', payload: { provider: 'gmail' } },
      { method: 'POST', url: `/v1/mailboxes/${randomUUID()}/resync` },
      { method: 'DELETE', url: `/v1/mailboxes/${randomUUID()}` },
    ] as const;
    for (const attempt of attempts) {
      const response = await app.inject({ ...attempt, headers });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
    }
    // What a member may do still works.
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers })).statusCode).toBe(200);
  });

  it('disables an operator: sessions and keys stop at once; the last owner stays', async () => {
    const owner = await operatorKey(t.db, 'disable');
    const added = await app.inject({
      method: 'POST',
      url: '/v1/operators',
      headers: owner.auth,
      payload: { email: 'leaving@disable.example', name: 'Leaving', role: 'owner', password: PASSWORD },
    });
    const leaving = added.json() as { id: string };
    const session = sessionOf(await signIn('disable', 'leaving@disable.example'));
    const theirKey = await issueKey({ cookie: session.cookie, 'x-csrf-token': session.csrf }, ['read']);

    const disabled = await app.inject({ method: 'POST', url: `/v1/operators/${leaving.id}/disable`, headers: owner.auth });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: leaving.id, canSignIn: false, disabledAt: expect.any(String) });
    expect((await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: bearer(theirKey.token) })).statusCode).toBe(401);
    expect((await signIn('disable', 'leaving@disable.example')).statusCode).toBe(401);
    expect(await auditActions(owner.workspaceId)).toContain('operator.disabled');

    // The key's owner is now the only enabled owner.
    const last = await app.inject({ method: 'POST', url: `/v1/operators/${owner.operatorId}/disable`, headers: owner.auth });
    expect(last.statusCode).toBe(409);
  });
});

describe('the workspace', () => {
  it('shows the playbook and the settings the ladders run on, and renames', async () => {
    const owner = await operatorKey(t.db, 'ws-read');
    const shown = await app.inject({ method: 'GET', url: '/v1/workspace', headers: owner.auth });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      id: owner.workspaceId,
      slug: 'ws-read',
      demo: false,
      settings: { playbook: {} },
      effectiveSettings: { slaBusinessDays: 2, autoSend: { nudge: false } },
      autoSendKinds: expect.arrayContaining(['nudge', 'payment_reminder']),
    });
    const renamed = await app.inject({ method: 'PATCH', url: '/v1/workspace', headers: owner.auth, payload: { name: 'Renamed' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Renamed');
  });

  it('rejects a bad playbook naming the field, and stores a good one with its audit event', async () => {
    const owner = await operatorKey(t.db, 'ws-playbook');
    const bad = await app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: owner.auth,
      payload: { settings: { playbook: { slaBusinessDays: 0, autoSend: { fax: true } } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().invalidParams.map((param: { name: string }) => param.name)).toEqual([
      'body.settings.playbook.slaBusinessDays',
      'body.settings.playbook.autoSend.fax',
    ]);
    expect(bad.json().invalidParams[0].reason).toMatch(/greater than 0/);

    const good = await app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: owner.auth,
      payload: { settings: { playbook: { slaBusinessDays: 3, autoSend: { payment_reminder: true } } } },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().effectiveSettings).toMatchObject({ slaBusinessDays: 3, autoSend: { payment_reminder: true, nudge: false } });
    const [row] = await t.db.select().from(schema.workspaces).where(eq(schema.workspaces.id, owner.workspaceId));
    expect(row?.settings.playbook).toEqual({ slaBusinessDays: 3, autoSend: { payment_reminder: true } });
    expect(await auditActions(owner.workspaceId)).toContain('workspace.updated');
  });

  it("refuses a playbook that would invalidate a client's own overrides", async () => {
    const owner = await operatorKey(t.db, 'ws-clients');
    await t.db.insert(schema.clients).values({
      workspaceId: owner.workspaceId,
      name: 'Northwind',
      timezone: 'Europe/London',
      settings: { playbook: { endingAfterSlas: 3 } },
    });
    const response = await app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: owner.auth,
      payload: { settings: { playbook: { firmNoticeAfterSlas: 3 } } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([
      { name: 'body.settings.playbook.endingAfterSlas', reason: expect.stringContaining('Northwind') },
    ]);
  });
});

describe('mailbox administration', () => {
  async function mailboxWithMail(slug: string, provider: 'gmail' | 'graph', cursor: typeof schema.mailboxes.$inferInsert.syncCursor) {
    const owner = await operatorKey(t.db, slug);
    const [mailbox] = await t.db
      .insert(schema.mailboxes)
      .values({
        workspaceId: owner.workspaceId,
        provider,
        address: `studio@${slug}.example`,
        encryptedGrant: 'v1:sealed',
        syncCursor: cursor,
        lastSyncedAt: new Date('2026-11-01T10:00:00Z'),
      })
      .returning();
    if (!mailbox) throw new Error('no mailbox');
    const [thread] = await t.db
      .insert(schema.threads)
      .values({ workspaceId: owner.workspaceId, mailboxId: mailbox.id, providerThreadId: 'th-1' })
      .returning();
    if (!thread) throw new Error('no thread');
    await t.db.insert(schema.messages).values(
      ['m-1', 'm-2'].map((id) => ({
        workspaceId: owner.workspaceId,
        mailboxId: mailbox.id,
        threadId: thread.id,
        providerMessageId: id,
        direction: 'inbound' as const,
        sentAt: new Date('2026-11-01T09:00:00Z'),
      })),
    );
    return { ...owner, mailbox };
  }

  it('shows each mailbox with its sync progress', async () => {
    const gmail = await mailboxWithMail('progress-gmail', 'gmail', { provider: 'gmail', historyId: '42' });
    const listed = await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: gmail.auth });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().mailboxes).toEqual([
      {
        id: gmail.mailbox.id,
        provider: 'gmail',
        address: 'studio@progress-gmail.example',
        status: 'active',
        statusReason: null,
        lastSyncedAt: '2026-11-01T10:00:00.000Z',
        lastPushAt: null,
        sync: { messages: 2, threads: 1, backfillDone: true },
      },
    ]);
    // A Graph back-fill is done when every followed folder has its delta link.
    const graph = await mailboxWithMail('progress-graph', 'graph', { provider: 'graph', deltaLinks: { inbox: 'https://graph/delta' } });
    const partial = await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: graph.auth });
    expect(partial.json().mailboxes[0].sync).toEqual({ messages: 2, threads: 1, backfillDone: false });
  });

  it('re-syncs in full: the cursor is forgotten and a back-fill queued; not while a sync runs', async () => {
    const w = await mailboxWithMail('resync', 'gmail', { provider: 'gmail', historyId: '42' });
    const lease = await queues.coordination.leases.acquire(`mailbox-sync:${w.mailbox.id}`, 30_000);
    const busy = await app.inject({ method: 'POST', url: `/v1/mailboxes/${w.mailbox.id}/resync`, headers: w.auth });
    expect(busy.statusCode).toBe(409);
    await lease?.release();

    const response = await app.inject({ method: 'POST', url: `/v1/mailboxes/${w.mailbox.id}/resync`, headers: w.auth });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({ queued: true, mailbox: { id: w.mailbox.id, sync: { messages: 2, backfillDone: false } } });
    const [row] = await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, w.mailbox.id));
    expect(row?.syncCursor).toBeNull();
    const jobs = await queues.queue('sync').getJobs(['waiting', 'prioritized', 'delayed']);
    expect(jobs.map((job) => job.data)).toContainEqual({ workspaceId: w.workspaceId, mailboxId: w.mailbox.id, reason: 'backfill' });
    expect(await auditActions(w.workspaceId)).toContain('mailbox.resync_requested');
  });

  it('disconnects: grant and push registration gone, what was stored kept, audited', async () => {
    const w = await mailboxWithMail('disconnect', 'graph', { provider: 'graph', deltaLinks: { inbox: 'a', sentitems: 'b' } });
    await t.db.insert(schema.mailboxWatches).values({
      workspaceId: w.workspaceId,
      mailboxId: w.mailbox.id,
      provider: 'graph',
      externalId: 'sub-1',
      clientStateHash: 'hash',
      expiresAt: new Date('2026-12-01T00:00:00Z'),
    });
    const response = await app.inject({ method: 'DELETE', url: `/v1/mailboxes/${w.mailbox.id}`, headers: w.auth });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: w.mailbox.id, status: 'disconnected', sync: { messages: 2, threads: 1 } });
    const [row] = await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, w.mailbox.id));
    expect(row).toMatchObject({ status: 'disconnected', encryptedGrant: null });
    expect(await t.db.select().from(schema.mailboxWatches).where(eq(schema.mailboxWatches.mailboxId, w.mailbox.id))).toEqual([]);
    expect(await t.db.select().from(schema.messages).where(eq(schema.messages.mailboxId, w.mailbox.id))).toHaveLength(2);
    expect(await auditActions(w.workspaceId)).toContain('mailbox.disconnected');
    // Nothing to re-sync any more.
    expect((await app.inject({ method: 'POST', url: `/v1/mailboxes/${w.mailbox.id}/resync`, headers: w.auth })).statusCode).toBe(409);
  });
});

describe('tenancy', () => {
  it("answers 404 for another workspace's ids and changes nothing", async () => {
    const owner = await operatorKey(t.db, 'tenant-owner');
    const stranger = await operatorKey(t.db, 'tenant-stranger');
    const key = await issueKey(owner.auth, ['read']);
    const [mailbox] = await t.db
      .insert(schema.mailboxes)
      .values({ workspaceId: owner.workspaceId, provider: 'gmail', address: 'a@tenant-owner.example', encryptedGrant: 'v1:sealed' })
      .returning();
    if (!mailbox) throw new Error('no mailbox');
    const attempts = [
      { method: 'POST', url: `/v1/operators/${owner.operatorId}/disable` },
      { method: 'DELETE', url: `/v1/api-keys/${key.id}` },
      { method: 'POST', url: `/v1/mailboxes/${mailbox.id}/resync` },
      { method: 'DELETE', url: `/v1/mailboxes/${mailbox.id}` },
      { method: 'POST', url: `/v1/mailboxes/${mailbox.id}/sync` },
    ] as const;
    for (const attempt of attempts) {
      const response = await app.inject({ ...attempt, headers: stranger.auth });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    }
    const lists = await Promise.all(
      ['/v1/operators', '/v1/api-keys'].map((url) => app.inject({ method: 'GET', url, headers: stranger.auth })),
    );
    for (const list of lists) {
      expect(list.body).not.toContain(owner.operatorId);
      expect(list.body).not.toContain(key.id);
    }
    expect((await app.inject({ method: 'GET', url: '/v1/workspace', headers: stranger.auth })).json().id).toBe(stranger.workspaceId);
    // Still there, still working.
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: bearer(key.token) })).statusCode).toBe(200);
    const [row] = await t.db
      .select()
      .from(schema.mailboxes)
      .where(and(eq(schema.mailboxes.workspaceId, owner.workspaceId), eq(schema.mailboxes.id, mailbox.id)));
    expect(row).toMatchObject({ status: 'active', encryptedGrant: 'v1:sealed' });
  });
});

describe('the OpenAPI document', () => {
  it('describes the admin, mailbox and webhook routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/workspace',
        '/v1/operators',
        '/v1/operators/{id}/disable',
        '/v1/api-keys',
        '/v1/api-keys/{id}',
        '/v1/bootstrap',
        '/v1/mailboxes',
        '/v1/mailboxes/{id}/resync',
        '/v1/mailboxes/{id}',
        '/webhooks/gmail',
        '/webhooks/graph',
        '/webhooks/graph/lifecycle',
      ]),
    );
  });
});
