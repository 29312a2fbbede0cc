import { randomUUID } from 'node:crypto';
import { buildServer, mailboxDeps } from '@firmly/api';
import { createLogger, issueApiKey } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { openGrant } from '@firmly/mail';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, createGraphSandbox, type GmailSandbox, type GraphSandbox, readSandboxCertificate } from '@firmly/sandbox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_CLIENT, sandboxSettings, testKeys } from '../support/mail-harness';
import { operatorKey } from '../support/operators';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const tlsDir = process.env.FIRMLY_SANDBOX_TLS_DIR;
const PUBLIC_URL = 'http://127.0.0.1:3000';

let gmail: GmailSandbox;
let graph: GraphSandbox | undefined;
let queues: QueueBackend;
let app: FastifyInstance;

/** Follows the provider's consent redirect the way a browser would, back to our callback path. */
async function consent(authorizationUrl: string): Promise<string> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(location.origin).toBe(PUBLIC_URL);
  return `${location.pathname}${location.search}`;
}

beforeAll(async () => {
  gmail = await createGmailSandbox({ quotaUnitsPerSecond: Number.POSITIVE_INFINITY, oauthClients: [OAUTH_CLIENT] });
  if (tlsDir) graph = await createGraphSandbox({ tls: await readSandboxCertificate(tlsDir) });
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  const settings = sandboxSettings({ gmail: gmail.url, ...(graph ? { graph: graph.url } : {}), publicUrl: PUBLIC_URL });
  app = buildServer({
    logger: log,
    readiness: [],
    mailboxes: mailboxDeps({ db: t.db, queues, config: { ...settings, FIRMLY_ENCRYPTION_KEY: testKeys }, publicUrl: PUBLIC_URL }),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
  await gmail?.close();
  await graph?.close();
});

describe('connecting a Gmail mailbox through OAuth', () => {
  it('runs authorization (PKCE, sealed state) → consent → callback, stores the sealed grant and queues the back-fill', async () => {
    const { workspaceId, auth } = await operatorKey(t.db, 'connect-gmail');
    gmail.admin.createUser('owner@studio.example');
    const started = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes/connect',
      headers: auth,
      payload: { provider: 'gmail', loginHint: 'owner@studio.example' },
    });
    expect(started.statusCode).toBe(200);
    const url = new URL(started.json().authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('access_type')).toBe('offline');
    const callback = await consent(url.toString());
    const done = await app.inject({ method: 'GET', url: callback });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().connected).toMatchObject({ provider: 'gmail', address: 'owner@studio.example', status: 'active' });
    const [row] = await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.workspaceId, workspaceId));
    if (!row?.encryptedGrant) throw new Error('no grant stored');
    expect(row.encryptedGrant.startsWith('v1:')).toBe(true);
    // The refresh token itself never appears in the stored text (a bare "rt-" could, by chance, in base64url).
    const refreshToken = openGrant(testKeys, row.encryptedGrant, row.id).refreshToken;
    expect(refreshToken).toMatch(/^rt-/);
    expect(row.encryptedGrant).not.toContain(refreshToken);
    expect((await queues.queue('sync').getJobCounts()).waiting).toBeGreaterThanOrEqual(1);
    // The same callback URL a second time is refused.
    const replay = await app.inject({ method: 'GET', url: callback });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().invalidParams).toEqual([{ name: 'query.state', reason: 'replayed' }]);
  });

  it('refuses a tampered or foreign state', async () => {
    const tampered = await app.inject({ method: 'GET', url: '/v1/oauth/callback/gmail?code=abc&state=v1.AAAA' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('the mailbox API', () => {
  it('requires an API key, and rejects unknown or malformed ones', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    const forged = issueApiKey();
    expect(
      (await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: { authorization: `Bearer ${forged.token}` } })).statusCode,
    ).toBe(401);
  });

  it('names the invalid field, and changes nothing', async () => {
    const { auth, workspaceId } = await operatorKey(t.db, 'validation');
    const response = await app.inject({ method: 'POST', url: '/v1/mailboxes/connect', headers: auth, payload: { provider: 'yahoo' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe('body.provider');
    expect(await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.workspaceId, workspaceId))).toHaveLength(0);
  });

  it('imports an existing grant headlessly, after proving it works for that address', async () => {
    const { auth, workspaceId } = await operatorKey(t.db, 'headless');
    gmail.admin.createUser('ops@studio.example');
    const refreshToken = gmail.admin.grant('ops@studio.example');
    const wrongAddress = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes',
      headers: auth,
      payload: { provider: 'gmail', address: 'other@studio.example', refreshToken },
    });
    expect(wrongAddress.statusCode).toBe(422);
    expect(wrongAddress.json().invalidParams[0].name).toBe('body.address');
    const badToken = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes',
      headers: auth,
      payload: { provider: 'gmail', address: 'ops@studio.example', refreshToken: 'rt-not-a-real-token' },
    });
    expect(badToken.statusCode).toBe(422);
    expect(badToken.json().invalidParams[0].name).toBe('body.refreshToken');
    expect(await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.workspaceId, workspaceId))).toHaveLength(0);
    const created = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes',
      headers: auth,
      payload: { provider: 'gmail', address: 'ops@studio.example', refreshToken },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('encryptedGrant');
    const listed = await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: auth });
    expect(listed.json().mailboxes.map((m: { address: string }) => m.address)).toEqual(['ops@studio.example']);
  });

  it('never shows or touches another workspace’s mailboxes', async () => {
    const owner = await operatorKey(t.db, 'tenant-a');
    const stranger = await operatorKey(t.db, 'tenant-b');
    gmail.admin.createUser('a@tenant.example');
    const created = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes',
      headers: owner.auth,
      payload: { provider: 'gmail', address: 'a@tenant.example', refreshToken: gmail.admin.grant('a@tenant.example') },
    });
    const id = created.json().id as string;
    expect((await app.inject({ method: 'GET', url: '/v1/mailboxes', headers: stranger.auth })).json().mailboxes).toEqual([]);
    expect((await app.inject({ method: 'POST', url: `/v1/mailboxes/${id}/sync`, headers: stranger.auth })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/v1/mailboxes/${id}/sync`, headers: owner.auth })).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: `/v1/mailboxes/${randomUUID()}/sync`, headers: owner.auth })).statusCode).toBe(404);
  });
});

describe.skipIf(!tlsDir)(`connecting a Microsoft 365 mailbox${tlsDir ? '' : ' (skipped: FIRMLY_SANDBOX_TLS_DIR not set)'}`, () => {
  it('connects through the v2.0 endpoint and learns the address from /me', async () => {
    const { auth } = await operatorKey(t.db, 'connect-graph');
    graph?.admin.createUser('owner@contoso.example');
    const started = await app.inject({
      method: 'POST',
      url: '/v1/mailboxes/connect',
      headers: auth,
      payload: { provider: 'graph', loginHint: 'owner@contoso.example' },
    });
    const url = new URL(started.json().authorizationUrl);
    expect(url.searchParams.get('scope')).toContain('offline_access');
    const done = await app.inject({ method: 'GET', url: await consent(url.toString()) });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().connected).toMatchObject({ provider: 'graph', address: 'owner@contoso.example' });
  });
});
