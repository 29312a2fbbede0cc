import { fixedClock } from '@firmly/core';
import { type Database, schema } from '@firmly/db';
import { createQueueBackend, type QueueBackend } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import { testApiServer } from '../support/api-server';
import { operatorKey } from '../support/operators';

/** Friday 20 November 2026, 10:00 in London: an invoice due on the 2nd and unpaid is overdue. */
export const NOW = new Date('2026-11-20T10:00:00Z');

export async function startApi(db: Database, databaseUrl: string): Promise<{ app: FastifyInstance; queues: QueueBackend }> {
  const queues = await createQueueBackend({ kind: 'postgres', databaseUrl }, () => undefined);
  const app = testApiServer({ db, queues, clock: fixedClock(NOW) });
  await app.ready();
  return { app, queues };
}

/** A workspace with an API key (all scopes) and one client in London on the default calendar. */
export async function workspaceWithClient(db: Database, slug: string, clientName = 'Northwind') {
  const { workspaceId, operatorId, auth } = await operatorKey(db, slug);
  const [client] = await db.insert(schema.clients).values({ workspaceId, name: clientName, timezone: 'Europe/London' }).returning();
  if (!client) throw new Error('no client');
  return { workspaceId, operatorId, auth, clientId: client.id };
}

export async function insertInvoice(
  db: Database,
  at: { workspaceId: string; clientId: string },
  invoice: { number: string; amountMinor: bigint; currency?: string; issuedOn?: string; dueOn?: string },
) {
  const [row] = await db
    .insert(schema.invoices)
    .values({
      workspaceId: at.workspaceId,
      clientId: at.clientId,
      number: invoice.number,
      amountMinor: invoice.amountMinor,
      currency: invoice.currency ?? 'EUR',
      issuedOn: invoice.issuedOn ?? '2026-10-19',
      dueOn: invoice.dueOn ?? '2026-11-02',
      source: 'api',
    })
    .returning();
  if (!row) throw new Error('no invoice');
  return row;
}

/** A thread with one outbound and one inbound message: what asks and proposals point at. */
export async function threadWithMessages(db: Database, at: { workspaceId: string; clientId: string }, key: string) {
  const [mailbox] = await db
    .insert(schema.mailboxes)
    .values({ workspaceId: at.workspaceId, provider: 'gmail', address: `studio-${key}@agency.example` })
    .returning();
  if (!mailbox) throw new Error('no mailbox');
  const [thread] = await db
    .insert(schema.threads)
    .values({ workspaceId: at.workspaceId, mailboxId: mailbox.id, providerThreadId: `th-${key}`, clientId: at.clientId })
    .returning();
  if (!thread) throw new Error('no thread');
  const base = { workspaceId: at.workspaceId, mailboxId: mailbox.id, threadId: thread.id };
  const [outbound] = await db
    .insert(schema.messages)
    .values({ ...base, providerMessageId: `${key}-out`, direction: 'outbound', sentAt: new Date('2026-11-02T09:00:00Z') })
    .returning();
  const [inbound] = await db
    .insert(schema.messages)
    .values({ ...base, providerMessageId: `${key}-in`, direction: 'inbound', sentAt: new Date('2026-11-03T09:00:00Z') })
    .returning();
  if (!outbound || !inbound) throw new Error('no messages');
  return { mailboxId: mailbox.id, threadId: thread.id, outbound, inbound };
}

/** The escalation requests waiting for one client (the API asks; the worker would evaluate). */
export async function escalationRequests(queues: QueueBackend, clientId: string) {
  const jobs = await queues.queue('escalate').getJobs(['waiting', 'delayed', 'prioritized', 'active']);
  return jobs.filter((job) => job.name === 'client.escalate' && (job.data as { clientId: string }).clientId === clientId);
}
