/**
 * What the review API tests share: the API on a fixed clock (Wednesday morning in London), a
 * workspace with two clients, a mailbox and a thread, drafts in its outbox, and ways to look at
 * what an action left behind (the row, the queued send jobs, the audit trail).
 */
import { createLogger, issueApiKey } from '@firmly/config';
import { fixedClock } from '@firmly/core';
import { type Database, type OutgoingEmailRow, schema } from '@firmly/db';
import { useTestDatabase } from '@firmly/db/testing';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { testApiServer } from '../support/api-server';
import { operatorKey } from '../support/operators';

export const DAY = 86_400_000;
/** Wednesday 4 November 2026, 10:00 in London (UTC in November): inside working hours. */
export const WEDNESDAY_10 = new Date('2026-11-04T10:00:00Z');
/** Saturday 7 November, 22:00 in London: the next working instant is Monday 09:00. */
export const SATURDAY_NIGHT = new Date('2026-11-07T22:00:00Z');
export const MONDAY_9 = '2026-11-09T09:00:00.000Z';
export const PREVIEW_CSP = "sandbox; default-src 'none'; img-src data: https:; style-src 'unsafe-inline'";

/** Call once at the top of a test file: its own database, queues and API, set up and torn down around the file. */
export function reviewHarness() {
  const t = useTestDatabase();
  const log = createLogger('test', 'silent');
  const clock = fixedClock(WEDNESDAY_10);
  let queues: QueueBackend | undefined;
  let app: FastifyInstance | undefined;
  const started = () => {
    if (!queues || !app) throw new Error('the review harness is used before its beforeAll ran');
    return { queues, app };
  };
  const server = () => testApiServer({ db: t.db, queues: started().queues, clock, logger: log });

  beforeAll(async () => {
    queues = await createQueueBackend({ kind: 'postgres', databaseUrl: t.url }, () => undefined);
    app = testApiServer({ db: t.db, queues, clock, logger: log });
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
    const jobs = await started().queues.queue('send').getJobs(['waiting', 'delayed', 'prioritized', 'active']);
    return jobs.filter((job) => (job.data as { outgoingEmailId?: string }).outgoingEmailId === emailId);
  }

  async function auditActions(emailId: string) {
    const events = await t.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.subjectType, 'outgoing_email'), eq(schema.auditEvents.subjectId, emailId)));
    return events.map((e) => e.action);
  }

  const get = (url: string, headers: Record<string, string>) => started().app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    started().app.inject({ method: 'POST', url, headers, payload });

  return {
    t,
    log,
    clock,
    server,
    app: () => started().app,
    queues: () => started().queues,
    keyWith,
    workspace: (slug: string) => reviewWorkspace(t.db, slug),
    draft,
    row,
    sendJobsFor,
    auditActions,
    get,
    post,
  };
}

/** A workspace with its owner's key, a client in London with a contact, a mailbox and a thread. */
export async function reviewWorkspace(db: Database, slug: string) {
  const { workspaceId, operatorId, auth } = await operatorKey(db, slug);
  const [client] = await db.insert(schema.clients).values({ workspaceId, name: 'Northwind', timezone: 'Europe/London' }).returning();
  const [other] = await db.insert(schema.clients).values({ workspaceId, name: 'Contoso', timezone: 'Europe/London' }).returning();
  const [mailbox] = await db
    .insert(schema.mailboxes)
    .values({ workspaceId, provider: 'gmail', address: `studio@${slug}.example` })
    .returning();
  if (!client || !other || !mailbox) throw new Error('setup failed');
  const [thread] = await db
    .insert(schema.threads)
    .values({ workspaceId, mailboxId: mailbox.id, providerThreadId: `th-${slug}`, clientId: client.id, subject: 'Spring campaign' })
    .returning();
  if (!thread) throw new Error('no thread');
  return { workspaceId, operatorId, auth, clientId: client.id, otherClientId: other.id, mailboxId: mailbox.id, threadId: thread.id };
}

export type Workspace = Awaited<ReturnType<typeof reviewWorkspace>>;
