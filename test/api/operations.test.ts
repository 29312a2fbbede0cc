import { Writable } from 'node:stream';
import { createLogger, hashPassword, issueApiKey } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { postgresGrantStore, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, enqueue, type QueueBackend, queueNames } from '@firmly/queue';
import { backendModes } from '@firmly/queue/testing/modes';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiServer } from '../support/api-server';
import { operatorKey } from '../support/operators';

const t = useTestDatabase();
const clock = fixedClock(new Date());
const PASSWORD = 'correct horse battery staple';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function server(queues: QueueBackend, extra: { metricsToken?: string; logLines?: string[] } = {}): FastifyInstance {
  const publicUrl = 'https://firmly.test';
  const destination = extra.logLines
    ? new Writable({
        write(chunk, _encoding, done) {
          extra.logLines?.push(String(chunk));
          done();
        },
      })
    : undefined;
  return testApiServer({
    db: t.db,
    queues,
    clock,
    publicUrl,
    logger: createLogger('test', destination ? 'info' : 'silent', destination),
    ...(extra.metricsToken ? { metricsToken: extra.metricsToken } : {}),
  });
}

/** A workspace with an owner (admin key and password), a member who can sign in, a client and a mailbox. */
async function workspace(slug: string) {
  const { workspaceId, operatorId, auth } = await operatorKey(t.db, slug);
  const passwordHash = await hashPassword(PASSWORD);
  await t.db.update(schema.operators).set({ passwordHash }).where(eq(schema.operators.id, operatorId));
  const [member] = await t.db
    .insert(schema.operators)
    .values({ workspaceId, email: `member@${slug}.example`, name: 'Member', role: 'member', passwordHash })
    .returning();
  const [client] = await t.db.insert(schema.clients).values({ workspaceId, name: 'Northwind', timezone: 'Europe/London' }).returning();
  const [mailbox] = await t.db
    .insert(schema.mailboxes)
    .values({ workspaceId, provider: 'gmail', address: `studio@${slug}.example`, lastSyncedAt: new Date(clock.now().getTime() - 90_000) })
    .returning();
  if (!member || !client || !mailbox) throw new Error('no member, client or mailbox');
  const readKey = issueApiKey();
  await t.db
    .insert(schema.apiKeys)
    .values({ workspaceId, operatorId, name: 'read only', prefix: readKey.prefix, keyHash: readKey.hash, scopes: ['read', 'review'] });
  return {
    slug,
    workspaceId,
    clientId: client.id,
    mailboxId: mailbox.id,
    admin: auth,
    readOnly: { authorization: `Bearer ${readKey.token}` },
    ownerEmail: `owner@${slug}.example`,
    memberEmail: member.email,
  };
}
type Workspace = Awaited<ReturnType<typeof workspace>>;

let draftCount = 0;
async function draft(w: Workspace, state: 'pending_review' | 'cancelled' = 'pending_review', stateReason: string | null = null) {
  draftCount += 1;
  await t.db.insert(schema.outgoingEmails).values({
    workspaceId: w.workspaceId,
    clientId: w.clientId,
    mailboxId: w.mailboxId,
    kind: 'nudge',
    locale: 'en',
    state,
    stateReason,
    idempotencyKey: `ops-test:${draftCount}`,
    messageId: `<ops-${draftCount}@firmly.test>`,
    to: [{ address: 'client@northwind.example' }],
    subject: 'Following up',
    html: '<p>Hello</p>',
    text: 'Hello',
  });
}

/** A sign-in's cookies as a request header. */
async function sessionCookie(app: FastifyInstance, slug: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: 'POST', url: '/v1/session', payload: { workspace: slug, email, password: PASSWORD } });
  expect(response.statusCode).toBe(200);
  const pairs = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0] ?? '');
  return { cookie: pairs.join('; '), csrf: response.json().csrfToken };
}

interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (\S+)$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/g;

/** Parses the exposition strictly: every line is a HELP/TYPE comment or `name{labels} value`. */
function parseExposition(text: string): ParsedSample[] {
  expect(text.endsWith('\n')).toBe(true);
  const samples: ParsedSample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = SAMPLE_LINE.exec(line);
    expect(match, `not a sample line: ${line}`).not.toBeNull();
    const [, name = '', labelText = '', valueText = ''] = match ?? [];
    const labels: Record<string, string> = {};
    for (const [, label = '', raw = ''] of labelText.matchAll(LABEL_PAIR)) {
      labels[label] = raw.replace(/\\(["\\n])/g, (_all, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    const value = Number(valueText);
    expect(Number.isFinite(value), line).toBe(true);
    samples.push({ name, labels, value });
  }
  return samples;
}

function sampleValue(samples: ParsedSample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

async function scrape(app: FastifyInstance, headers: Record<string, string>): Promise<ParsedSample[]> {
  const response = await app.inject({ method: 'GET', url: '/metrics', headers });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(response.body);
}

describe('GET /metrics', () => {
  let queues: QueueBackend;
  let app: FastifyInstance;
  let tokenApp: FastifyInstance;
  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    app = server(queues);
    tokenApp = server(queues, { metricsToken: 'scrape-me-0123456789' });
    await Promise.all([app.ready(), tokenApp.ready()]);
  });
  afterAll(async () => {
    await Promise.all([app?.close(), tokenApp?.close()]);
    await queues?.close();
  });

  it('answers the text format, and the pending-review gauge follows a new draft', async () => {
    const w = await workspace('metrics-text');
    const before = await scrape(app, w.admin);
    expect(sampleValue(before, 'firmly_drafts_pending_review', { workspace_id: w.workspaceId })).toBe(0);
    await draft(w);
    const after = await scrape(app, w.admin);
    expect(sampleValue(after, 'firmly_drafts_pending_review', { workspace_id: w.workspaceId })).toBe(1);
    expect(sampleValue(after, 'firmly_emails_total', { state: 'pending_review' })).toBe(1);
    expect(sampleValue(after, 'firmly_emails_total', { state: 'sent' })).toBe(0);
    expect(sampleValue(after, 'firmly_mailbox_sync_lag_seconds', { mailbox_id: w.mailboxId, provider: 'gmail' })).toBe(90);
    for (const queue of queueNames) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(sampleValue(after, 'firmly_queue_jobs', { queue, state }), `${queue} ${state}`).toBeTypeOf('number');
      }
    }
  });

  it('counts cancel reasons with dates folded and escapes label values', async () => {
    const w = await workspace('metrics-reasons');
    await draft(w, 'cancelled', 'the client promised to pay by 2026-05-09');
    await draft(w, 'cancelled', 'the client promised to pay by 2026-06-01');
    await draft(w, 'cancelled', 'said "stop" \\ then\nleft');
    const samples = await scrape(app, w.admin);
    expect(sampleValue(samples, 'firmly_emails_cancelled_total', { reason: 'the client promised to pay by <date>' })).toBe(2);
    expect(sampleValue(samples, 'firmly_emails_cancelled_total', { reason: 'said "stop" \\ then\nleft' })).toBe(1);
    const raw = (await app.inject({ method: 'GET', url: '/metrics', headers: w.admin })).body;
    expect(raw).toContain('firmly_emails_cancelled_total{reason="said \\"stop\\" \\\\ then\\nleft"} 1');
  });

  it('counts provider errors the mailbox records (needs_reauth), per provider', async () => {
    const w = await workspace('metrics-errors');
    expect(sampleValue(await scrape(app, w.admin), 'firmly_provider_errors_total', { provider: 'gmail', kind: 'needs_reauth' })).toBe(0);
    await postgresGrantStore(t.db, clock).markNeedsReauth(w.mailboxId, 'invalid_grant');
    const samples = await scrape(app, w.admin);
    expect(sampleValue(samples, 'firmly_provider_errors_total', { provider: 'gmail', kind: 'needs_reauth' })).toBe(1);
    expect(sampleValue(samples, 'firmly_provider_errors_total', { provider: 'graph', kind: 'needs_reauth' })).toBe(0);
  });

  it('is for admin API keys only: 401 without one or with a session, 403 for a key without admin', async () => {
    const w = await workspace('metrics-auth');
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    const owner = await sessionCookie(app, w.slug, w.ownerEmail);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { cookie: owner.cookie } })).statusCode).toBe(401);
    const readOnly = await app.inject({ method: 'GET', url: '/metrics', headers: w.readOnly });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json()).toMatchObject({ requiredScope: 'admin' });
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer fk_nonsense' } })).statusCode).toBe(401);
  });

  it("never shows a workspace another workspace's mailboxes or drafts", async () => {
    const a = await workspace('metrics-tenant-a');
    const b = await workspace('metrics-tenant-b');
    await draft(a);
    const seenByB = await scrape(app, b.admin);
    expect(seenByB.some((s) => s.labels.workspace_id === a.workspaceId || s.labels.mailbox_id === a.mailboxId)).toBe(false);
    expect(sampleValue(seenByB, 'firmly_drafts_pending_review', { workspace_id: b.workspaceId })).toBe(0);
    expect(sampleValue(seenByB, 'firmly_emails_total', { state: 'pending_review' })).toBe(0);
  });

  it('with METRICS_TOKEN set, answers only that bearer token, for every workspace', async () => {
    const a = await workspace('metrics-token-a');
    const b = await workspace('metrics-token-b');
    await draft(b);
    const samples = await scrape(tokenApp, { authorization: 'Bearer scrape-me-0123456789' });
    expect(sampleValue(samples, 'firmly_drafts_pending_review', { workspace_id: a.workspaceId })).toBe(0);
    expect(sampleValue(samples, 'firmly_drafts_pending_review', { workspace_id: b.workspaceId })).toBe(1);
    for (const headers of [{}, { authorization: 'Bearer scrape-me' }, a.admin]) {
      const refused = await tokenApp.inject({ method: 'GET', url: '/metrics', headers });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('is in the OpenAPI document as text', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain; version=0.0.4; charset=utf-8']);
  });
});

for (const mode of backendModes('operations')) {
  describe.skipIf(!mode.available)(`queues on ${mode.label}`, () => {
    let queues: QueueBackend;
    let app: FastifyInstance;
    beforeAll(async () => {
      queues = await createQueueBackend(mode.config(t.url), () => undefined);
      app = server(queues);
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await queues?.close();
      await mode.cleanup();
    });

    it('the queue gauges count jobs by state', async () => {
      const w = await workspace(`metrics-queues-${mode.label.split(' ')[0]}`);
      await enqueue(queues, 'maintenance', 'audit.verify-chain', { workspaceId: w.workspaceId }, { delayMs: 3_600_000 });
      const samples = await scrape(app, w.admin);
      expect(sampleValue(samples, 'firmly_queue_jobs', { queue: 'maintenance', state: 'delayed' })).toBe(1);
      expect(sampleValue(samples, 'firmly_queue_jobs', { queue: 'send', state: 'waiting' })).toBe(0);
    });

    it('the board lists every queue to an admin key', async () => {
      const w = await workspace(`board-queues-${mode.label.split(' ')[0]}`);
      const page = await app.inject({ method: 'GET', url: '/admin/queues', headers: w.admin });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const listed = await app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: w.admin });
      expect(listed.statusCode, listed.body).toBe(200);
      const names = (listed.json() as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
      expect(names.sort()).toEqual([...queueNames].sort());
    });
  });
}

describe('the queue board at /admin/queues', () => {
  let queues: QueueBackend;
  let app: FastifyInstance;
  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    app = server(queues);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await queues?.close();
  });

  it('answers 401 to nobody, 403 to a member or a key without admin, 200 to an owner or an admin key', async () => {
    const w = await workspace('board-auth');
    for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/images/logo.svg']) {
      const anonymous = await app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const member = await sessionCookie(app, w.slug, w.memberEmail);
    const asMember = await app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { cookie: member.cookie } });
    expect(asMember.statusCode).toBe(403);
    expect(asMember.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/admin/queues', headers: w.readOnly })).statusCode).toBe(403);
    const owner = await sessionCookie(app, w.slug, w.ownerEmail);
    const asOwner = await app.inject({ method: 'GET', url: '/admin/queues', headers: { cookie: owner.cookie } });
    expect(asOwner.statusCode).toBe(200);
    expect(asOwner.body).toContain('<base href="/admin/queues/"');
    expect((await app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: w.admin })).statusCode).toBe(200);
  });

  it("lets an owner's board page change a queue, but not a forged cross-site request", async () => {
    const w = await workspace('board-csrf');
    const owner = await sessionCookie(app, w.slug, w.ownerEmail);
    const pause = (headers: Record<string, string>) =>
      app.inject({ method: 'PUT', url: '/admin/queues/api/queues/maintenance/pause', headers });
    expect((await pause({ cookie: owner.cookie })).statusCode).toBe(403);
    expect((await pause({ cookie: owner.cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await pause({ cookie: owner.cookie, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect(await queues.queue('maintenance').isPaused()).toBe(true);
    const resume = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/maintenance/resume',
      headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrf },
    });
    expect(resume.statusCode).toBe(200);
    expect(await queues.queue('maintenance').isPaused()).toBe(false);
  });
});

describe('request ids', () => {
  let queues: QueueBackend;
  let app: FastifyInstance;
  const logLines: string[] = [];
  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    app = server(queues, { logLines });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await queues?.close();
  });

  it("echoes the caller's x-request-id and logs the request under it", async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-4711' } });
    expect(response.headers['x-request-id']).toBe('trace-4711');
    const logged = logLines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string });
    expect(logged.filter((entry) => entry.reqId === 'trace-4711').map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
  });

  it('generates a fresh uuid when the caller sends none, on errors too', async () => {
    const ok = await app.inject({ method: 'GET', url: '/healthz' });
    const missing = await app.inject({ method: 'GET', url: '/no/such/route' });
    const refused = await app.inject({ method: 'GET', url: '/metrics' });
    expect(missing.statusCode).toBe(404);
    expect(refused.statusCode).toBe(401);
    const ids = [ok, missing, refused].map((response) => response.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('redacts credentials from logged request headers', async () => {
    const lines: string[] = [];
    const log = createLogger(
      'test',
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    log.info({ req: { headers: { authorization: 'Bearer fk_secret', cookie: 'firmly_session=secret', 'x-csrf-token': 'secret' } } }, 'r');
    expect(lines.join('')).not.toContain('secret');
    expect(JSON.parse(lines[0] ?? '{}').req.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-csrf-token': '[redacted]',
    });
  });
});
