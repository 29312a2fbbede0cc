import { buildServer, mailboxDeps } from '@firmly/api';
import { createLogger } from '@firmly/config';
import { schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxSettings, testKeys } from '../support/mail-harness';
import { operatorKey } from '../support/operators';

const t = useTestDatabase();
const log = createLogger('test', 'silent');
let queues: QueueBackend;
let app: FastifyInstance;

async function workspaceWithThread(slug: string) {
  const { workspaceId, auth } = await operatorKey(t.db, slug);
  const ws = { id: workspaceId };
  const [client] = await t.db
    .insert(schema.clients)
    .values({ workspaceId: ws.id, name: 'Northwind', timezone: 'Europe/London' })
    .returning();
  const [mailbox] = await t.db
    .insert(schema.mailboxes)
    .values({ workspaceId: ws.id, provider: 'gmail', address: `studio@${slug}.example` })
    .returning();
  if (!client || !mailbox) throw new Error('no client or mailbox');
  const [thread] = await t.db
    .insert(schema.threads)
    .values({ workspaceId: ws.id, mailboxId: mailbox.id, providerThreadId: 'th-1', clientId: client.id })
    .returning();
  if (!thread) throw new Error('no thread');
  const base = { workspaceId: ws.id, mailboxId: mailbox.id, threadId: thread.id, sentAt: new Date('2026-11-02T09:00:00Z') };
  const [outbound] = await t.db
    .insert(schema.messages)
    .values({ ...base, providerMessageId: 'p-1', direction: 'outbound', visibleText: 'Here is the calendar.' })
    .returning();
  const [inbound] = await t.db
    .insert(schema.messages)
    .values({ ...base, providerMessageId: 'p-2', direction: 'inbound', visibleText: 'Thanks!' })
    .returning();
  if (!outbound || !inbound) throw new Error('no messages');
  return {
    workspaceId: ws.id,
    clientId: client.id,
    threadId: thread.id,
    outbound,
    inbound,
    auth,
  };
}

beforeAll(async () => {
  queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
  const publicUrl = 'http://127.0.0.1:3000';
  app = buildServer({
    logger: log,
    readiness: [],
    mailboxes: mailboxDeps({ db: t.db, queues, config: { ...sandboxSettings({ publicUrl }), FIRMLY_ENCRYPTION_KEY: testKeys }, publicUrl }),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
});

describe('the analysis API', () => {
  it('marks a message as an ask: stored, audited, and its thread re-analysed', async () => {
    const w = await workspaceWithThread('mark-api');
    const response = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${w.outbound.id}/ask`,
      headers: w.auth,
      payload: { isAsk: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ messageId: w.outbound.id, threadId: w.threadId, isAsk: true });
    const [ask] = await t.db.select().from(schema.asks).where(eq(schema.asks.messageId, w.outbound.id));
    expect(ask).toMatchObject({ operatorOverride: true, source: 'operator', status: 'open', clientId: w.clientId });
    const audit = await t.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.workspaceId, w.workspaceId), eq(schema.auditEvents.action, 'ask.marked')));
    expect(audit).toHaveLength(1);
    const jobs = await queues.queue('analyze').getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.some((j) => j.name === 'thread.analyze' && (j.data as { threadId: string }).threadId === w.threadId)).toBe(true);

    const cleared = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${w.outbound.id}/ask`,
      headers: w.auth,
      payload: { isAsk: null },
    });
    expect(cleared.statusCode).toBe(200);
    const [after] = await t.db.select().from(schema.asks).where(eq(schema.asks.messageId, w.outbound.id));
    expect(after?.operatorOverride).toBeNull();
  });

  it('refuses bad input with problem+json naming the field, and changes nothing', async () => {
    const w = await workspaceWithThread('mark-bad');
    const wrongType = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${w.outbound.id}/ask`,
      headers: w.auth,
      payload: { isAsk: 'yes' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(wrongType.json())).toMatch(/isAsk/);
    const inbound = await app.inject({ method: 'PUT', url: `/v1/messages/${w.inbound.id}/ask`, headers: w.auth, payload: { isAsk: true } });
    expect(inbound.statusCode).toBe(422);
    expect(inbound.json()).toMatchObject({ invalidParams: [{ name: 'params.messageId' }] });
    expect(await t.db.select().from(schema.asks).where(eq(schema.asks.workspaceId, w.workspaceId))).toEqual([]);
  });

  it('never crosses workspaces', async () => {
    const mine = await workspaceWithThread('tenant-a');
    const theirs = await workspaceWithThread('tenant-b');
    const mark = await app.inject({
      method: 'PUT',
      url: `/v1/messages/${theirs.outbound.id}/ask`,
      headers: mine.auth,
      payload: { isAsk: true },
    });
    expect(mark.statusCode).toBe(404);
    await t.db.insert(schema.incidents).values({
      workspaceId: theirs.workspaceId,
      clientId: theirs.clientId,
      kind: 'abusive_message',
      occurredAt: new Date(),
      summary: 'x',
      dedupeKey: 'abusive_message:x',
    });
    const incidents = await app.inject({ method: 'GET', url: `/v1/clients/${theirs.clientId}/incidents`, headers: mine.auth });
    expect(incidents.statusCode).toBe(404);
    expect(incidents.body).not.toContain(theirs.clientId);
    const own = await app.inject({ method: 'GET', url: `/v1/clients/${theirs.clientId}/incidents`, headers: theirs.auth });
    expect(own.json().incidents).toHaveLength(1);
    const health = await app.inject({ method: 'GET', url: `/v1/clients/${mine.clientId}/health`, headers: mine.auth });
    expect(health.statusCode).toBe(404);
  });
});
