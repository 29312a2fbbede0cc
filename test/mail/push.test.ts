import { buildServer } from '@firmly/api';
import { createLogger } from '@firmly/config';
import { systemClock } from '@firmly/core';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { pubSubVerifier } from '@firmly/mail';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { createGmailSandbox, createGraphSandbox, type GmailSandbox, type GraphSandbox, readSandboxCertificate } from '@firmly/sandbox';
import { defaultProcessors, type ProcessorDeps, startWorkers, type WorkerRuntime } from '@firmly/worker';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmail, connectedMailbox, OAUTH_CLIENT, runJob, sandboxSettings, workerDeps } from '../support/mail-harness';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
const tlsDir = process.env.FIRMLY_SANDBOX_TLS_DIR;
const AUDIENCE = 'https://firmly.example/webhooks/gmail';
const SERVICE_ACCOUNT = 'gmail-push@firmly-project.iam.gserviceaccount.com';
const TOPIC = 'projects/firmly-project/topics/gmail';
const GRAPH_SCOPE = 'offline_access User.Read Mail.ReadWrite Mail.Send';

let queues: QueueBackend;
let api: FastifyInstance;
let apiUrl: string;
let verify: ((authorization: string | undefined) => Promise<void>) | undefined;

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const storedCount = async (mailboxId: string) =>
  (await t.db.select().from(schema.messages).where(eq(schema.messages.mailboxId, mailboxId))).length;
const lastPush = async (mailboxId: string) =>
  (await t.db.select().from(schema.mailboxes).where(eq(schema.mailboxes.id, mailboxId)))[0]?.lastPushAt ?? null;

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  api = buildServer({
    logger: log,
    readiness: [],
    webhooks: {
      db: t.db,
      queues,
      clock: systemClock,
      verifyPubSub: (authorization) => (verify ? verify(authorization) : Promise.reject(new Error('not ready'))),
    },
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const address = api.server.address();
  apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await api?.close();
  await queues?.close();
});

describe('Gmail push', () => {
  let sandbox: GmailSandbox;
  let deps: ProcessorDeps;
  let workers: WorkerRuntime;
  beforeAll(async () => {
    sandbox = await createGmailSandbox({
      quotaUnitsPerSecond: Number.POSITIVE_INFINITY,
      oauthClients: [OAUTH_CLIENT],
      push: { endpoint: `${apiUrl}/webhooks/gmail`, audience: AUDIENCE, serviceAccountEmail: SERVICE_ACCOUNT },
    });
    verify = pubSubVerifier({ jwksUrl: `${sandbox.url}/oauth2/v3/certs`, audience: AUDIENCE, serviceAccount: SERVICE_ACCOUNT });
    deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ gmail: sandbox.url, publicUrl: apiUrl }), gmailTopic: TOPIC });
    workers = startWorkers({ backend: queues, processors: defaultProcessors(deps), concurrency: 2, log });
  });
  afterAll(async () => {
    await workers?.drain(10_000);
    await sandbox?.close();
  });

  it('stores a newly arrived message within seconds of the push', async () => {
    const address = 'pushed@agency.example';
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-push',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'backfill' });
    const watch = (await runJob(deps, 'maintenance', 'watch.renew', { workspaceId: workspace.id, mailboxId: mailbox.id })) as {
      status: string;
    };
    expect(watch.status).toBe('created');
    sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw, { labelIds: ['INBOX'] });
    await eventually(async () => (await storedCount(mailbox.id)) === 1);
    expect(await lastPush(mailbox.id)).toBeInstanceOf(Date);
  });

  it('rejects a forged push before reading it, and changes nothing', async () => {
    const address = 'forged@agency.example';
    sandbox.admin.createUser(address);
    const { mailbox } = await connectedMailbox(t.db, {
      slug: 'gmail-forged',
      provider: 'gmail',
      address,
      refreshToken: sandbox.admin.grant(address),
      scope: '',
    });
    const body = { message: { data: Buffer.from(JSON.stringify({ emailAddress: address, historyId: '99' })).toString('base64') } };
    const attempts = [
      undefined,
      `Bearer ${await sandbox.admin.signPushToken({ aud: 'https://attacker.example' })}`,
      `Bearer ${await sandbox.admin.signPushToken({ email: 'someone@else.iam.gserviceaccount.com' })}`,
      `Bearer ${await sandbox.admin.signPushToken({}, { unknownKey: true })}`,
      `Bearer ${await sandbox.admin.signPushToken({ iss: 'https://evil.example' })}`,
    ];
    for (const authorization of attempts) {
      const response = await fetch(`${apiUrl}/webhooks/gmail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status, authorization ?? 'no token').toBe(401);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect(await lastPush(mailbox.id)).toBeNull();
    // The same body with a genuine token is accepted.
    const genuine = await fetch(`${apiUrl}/webhooks/gmail`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await sandbox.admin.signPushToken({})}` },
      body: JSON.stringify(body),
    });
    expect(genuine.status).toBe(202);
  });
});

describe.skipIf(!tlsDir)(`Graph change notifications${tlsDir ? '' : ' (skipped: FIRMLY_SANDBOX_TLS_DIR not set)'}`, () => {
  let sandbox: GraphSandbox;
  let deps: ProcessorDeps;
  let workers: WorkerRuntime;
  beforeAll(async () => {
    sandbox = await createGraphSandbox({ tls: await readSandboxCertificate(tlsDir ?? '') });
    deps = workerDeps({ db: t.db, queues, log, settings: sandboxSettings({ graph: sandbox.url, publicUrl: apiUrl }) });
    workers = startWorkers({ backend: queues, processors: defaultProcessors(deps), concurrency: 2, log });
  });
  afterAll(async () => {
    await workers?.drain(10_000);
    await sandbox?.close();
  });

  it('subscribes through the validation handshake, and a notification leads to the message being stored', async () => {
    const address = 'notified@agency.example';
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-push',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, GRAPH_SCOPE),
      scope: GRAPH_SCOPE,
    });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'backfill' });
    const created = (await runJob(deps, 'maintenance', 'watch.renew', { workspaceId: workspace.id, mailboxId: mailbox.id })) as {
      status: string;
    };
    expect(created.status).toBe('created');
    expect(sandbox.admin.subscriptions(address)).toHaveLength(1);
    sandbox.admin.deliver(address, (await clientEmail({ from: 'anna@northwind.example', to: address })).raw);
    await eventually(async () => (await storedCount(mailbox.id)) === 1);
    // Renewal keeps the subscription (and its clientState) rather than making another.
    const renewed = (await runJob(deps, 'maintenance', 'watch.renew', { workspaceId: workspace.id, mailboxId: mailbox.id })) as {
      status: string;
    };
    expect(renewed.status).toBe('renewed');
    expect(sandbox.admin.subscriptions(address)).toHaveLength(1);
  });

  it('renews the subscription on reauthorizationRequired, and syncs on missed', async () => {
    const address = 'lifecycle@agency.example';
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-lifecycle',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, GRAPH_SCOPE),
      scope: GRAPH_SCOPE,
    });
    await runJob(deps, 'sync', 'mailbox.sync', { workspaceId: workspace.id, mailboxId: mailbox.id, reason: 'backfill' });
    await runJob(deps, 'maintenance', 'watch.renew', { workspaceId: workspace.id, mailboxId: mailbox.id });
    const subscription = sandbox.admin.subscriptions(address)[0];
    if (!subscription) throw new Error('no subscription');
    const expiryBefore = (await t.db.select().from(schema.mailboxWatches).where(eq(schema.mailboxWatches.mailboxId, mailbox.id)))[0]
      ?.updatedAt;
    expect((await sandbox.admin.sendLifecycle(subscription.id ?? '', 'reauthorizationRequired')).status).toBe(202);
    await eventually(async () => {
      const [watch] = await t.db.select().from(schema.mailboxWatches).where(eq(schema.mailboxWatches.mailboxId, mailbox.id));
      return Boolean(watch && expiryBefore && watch.updatedAt > expiryBefore);
    });
    // A missed notification means: sync now, something may have been lost.
    const pushedBefore = (await lastPush(mailbox.id))?.getTime() ?? 0;
    await new Promise((r) => setTimeout(r, 5));
    expect((await sandbox.admin.sendLifecycle(subscription.id ?? '', 'missed')).status).toBe(202);
    await eventually(async () => ((await lastPush(mailbox.id))?.getTime() ?? 0) > pushedBefore);
  });

  it('rejects a notification with a wrong clientState', async () => {
    const address = 'spoofed@agency.example';
    sandbox.admin.createUser(address);
    const { workspace, mailbox } = await connectedMailbox(t.db, {
      slug: 'graph-spoofed',
      provider: 'graph',
      address,
      refreshToken: sandbox.admin.grant(address, GRAPH_SCOPE),
      scope: GRAPH_SCOPE,
    });
    await runJob(deps, 'maintenance', 'watch.renew', { workspaceId: workspace.id, mailboxId: mailbox.id });
    const subscriptionId = sandbox.admin.subscriptions(address)[0]?.id ?? '';
    const response = await fetch(`${apiUrl}/webhooks/graph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [{ subscriptionId, clientState: 'guessed', changeType: 'created', resource: 'me/messages/x' }] }),
    });
    expect(response.status).toBe(401);
    expect(await lastPush(mailbox.id)).toBeNull();
    const handshake = await fetch(`${apiUrl}/webhooks/graph?validationToken=${encodeURIComponent('abc <x> & y')}`, { method: 'POST' });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await handshake.text()).toBe('abc <x> & y');
  });
});
