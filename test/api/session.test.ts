import { hashPassword, issueApiKey } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiServer } from '../support/api-server';

const t = useTestDatabase();
let queues: QueueBackend;
let app: FastifyInstance;

/** A workspace with an owner and a member who can sign in, and a message they can mark. */
async function workspace(slug: string) {
  const [ws] = await t.db.insert(schema.workspaces).values({ slug, name: slug }).returning();
  if (!ws) throw new Error('no workspace');
  const passwordHash = await hashPassword('correct horse battery staple');
  const [owner, member] = await t.db
    .insert(schema.operators)
    .values([
      { workspaceId: ws.id, email: `owner@${slug}.example`, name: 'Owner', role: 'owner', passwordHash },
      { workspaceId: ws.id, email: `member@${slug}.example`, name: 'Member', role: 'member', passwordHash },
    ])
    .returning();
  if (!owner || !member) throw new Error('no operators');
  return { workspaceId: ws.id, slug, owner, member };
}

async function signIn(slug: string, email: string, password = 'correct horse battery staple') {
  return app.inject({ method: 'POST', url: '/v1/session', payload: { workspace: slug, email, password } });
}

function cookiesOf(response: Awaited<ReturnType<typeof signIn>>): { header: string; csrf: string; raw: string[] } {
  const raw = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pairs = raw.map((cookie) => cookie.split(';')[0] ?? '');
  const csrf = pairs.find((pair) => pair.startsWith('firmly_csrf='))?.slice('firmly_csrf='.length) ?? '';
  return { header: pairs.join('; '), csrf, raw };
}

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  app = testApiServer({ db: t.db, queues, publicUrl: 'https://firmly.test' });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

describe('operator sessions', () => {
  it('signs in into an HttpOnly, SameSite=Strict, Secure cookie and answers who is signed in', async () => {
    const w = await workspace('session-ok');
    const response = await signIn(w.slug, w.owner.email.toUpperCase());
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ operator: { id: w.owner.id, role: 'owner' }, workspace: { slug: w.slug }, via: 'session' });
    expect(body.scopes).toEqual(['read', 'review', 'admin']);
    const cookies = cookiesOf(response);
    const session = cookies.raw.find((cookie) => cookie.startsWith('firmly_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Secure/);
    expect(cookies.csrf).toBe(body.csrfToken);

    const me = await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: cookies.header } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ operator: { email: w.owner.email }, via: 'session' });

    // Only hashes are stored.
    const [row] = await t.db.select().from(schema.operatorSessions).where(eq(schema.operatorSessions.operatorId, w.owner.id));
    expect(row?.tokenHash).not.toContain(cookies.header);
    expect(JSON.stringify(row)).not.toContain(body.csrfToken);
  });

  it('answers the same 401 for an unknown workspace, an unknown email and a wrong password', async () => {
    const w = await workspace('session-bad');
    const answers = await Promise.all([
      signIn('no-such-workspace', w.owner.email),
      signIn(w.slug, 'nobody@session-bad.example'),
      signIn(w.slug, w.owner.email, 'wrong password entirely'),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(answer.json().detail).toBe('the workspace, email or password is not right');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  it('names the invalid field of a malformed sign-in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: { workspace: 'x', email: 'not-an-email', password: 'p' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.email' })]);
  });

  it('refuses a change made with the cookie alone (CSRF) and accepts it with the token header', async () => {
    const w = await workspace('session-csrf');
    const cookies = cookiesOf(await signIn(w.slug, w.owner.email));
    const missingMessage = '00000000-0000-4000-8000-000000000000';
    const withoutToken = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${missingMessage}/ask`,
      headers: { cookie: cookies.header },
      payload: { isAsk: true },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().detail).toMatch(/x-csrf-token/);
    const wrongToken = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${missingMessage}/ask`,
      headers: { cookie: cookies.header, 'x-csrf-token': 'forged' },
      payload: { isAsk: true },
    });
    expect(wrongToken.statusCode).toBe(403);
    const withToken = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${missingMessage}/ask`,
      headers: { cookie: cookies.header, 'x-csrf-token': cookies.csrf },
      payload: { isAsk: true },
    });
    // Past authentication: the message simply does not exist in this workspace.
    expect(withToken.statusCode).toBe(404);
  });

  it('ends the session on sign-out: the cookie stops working', async () => {
    const w = await workspace('session-out');
    const cookies = cookiesOf(await signIn(w.slug, w.member.email));
    const out = await app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: { cookie: cookies.header, 'x-csrf-token': cookies.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: cookies.header } });
    expect(after.statusCode).toBe(401);
    const audit = await t.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.workspaceId, w.workspaceId));
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['operator.signed_in', 'operator.signed_out']));
  });

  it('a disabled operator cannot sign in, and their open session stops working', async () => {
    const w = await workspace('session-disabled');
    const cookies = cookiesOf(await signIn(w.slug, w.member.email));
    await t.db.update(schema.operators).set({ disabledAt: new Date() }).where(eq(schema.operators.id, w.member.id));
    expect((await app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: cookies.header } })).statusCode).toBe(401);
    expect((await signIn(w.slug, w.member.email)).statusCode).toBe(401);
  });
});

describe('API key scopes', () => {
  it('a read-only key reads but cannot change anything', async () => {
    const w = await workspace('scopes-read');
    const key = issueApiKey();
    await t.db
      .insert(schema.apiKeys)
      .values({ workspaceId: w.workspaceId, operatorId: w.owner.id, name: 'ro', prefix: key.prefix, keyHash: key.hash, scopes: ['read'] });
    const auth = { authorization: `Bearer ${key.token}` };
    expect((await app.inject({ method: 'GET', url: '/v1/session', headers: auth })).statusCode).toBe(200);
    const change = await app.inject({
      method: 'PUT',
      url: '/v1/messages/00000000-0000-4000-8000-000000000000/ask',
      headers: auth,
      payload: { isAsk: true },
    });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({ requiredScope: 'review' });
  });

  it('no credentials, a malformed key and a revoked key are all 401', async () => {
    const w = await workspace('scopes-401');
    const key = issueApiKey();
    await t.db.insert(schema.apiKeys).values({
      workspaceId: w.workspaceId,
      operatorId: w.owner.id,
      name: 'k',
      prefix: key.prefix,
      keyHash: key.hash,
      revokedAt: new Date(),
    });
    for (const headers of [{}, { authorization: 'Bearer nonsense' }, { authorization: `Bearer ${key.token}` }]) {
      expect((await app.inject({ method: 'GET', url: '/v1/session', headers })).statusCode).toBe(401);
    }
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a response schema on every /v1 operation', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const v1 = operations.filter((entry) => entry.path.startsWith('/v1/'));
    expect(v1.length).toBeGreaterThan(5);
    const withoutResponses = v1.filter(
      (entry) => Object.keys(entry.operation.responses ?? {}).filter((code) => code.startsWith('2')).length === 0,
    );
    expect(withoutResponses.map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
  });

  it('is browsable at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('security headers', () => {
  it('sends a content security policy without inline scripts, and no CORS unless configured', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
