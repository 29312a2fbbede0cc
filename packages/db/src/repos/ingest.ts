import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { clientContacts } from '../schema/client-contacts';
import { clientDomains } from '../schema/client-domains';
import { type AttachmentMeta, messages, type Participant } from '../schema/messages';
import { threads } from '../schema/threads';

/** One message ready to store, already normalised by @firmly/mail. */
export interface IngestMessage {
  providerMessageId: string;
  providerThreadId: string;
  internetMessageId?: string | null;
  inReplyTo?: string | null;
  references: string[];
  direction: 'inbound' | 'outbound';
  from?: Participant | null;
  to: Participant[];
  cc: Participant[];
  subject?: string | null;
  sentAt: Date;
  visibleText: string;
  isAutoReply: boolean;
  autoReplyReason?: string | null;
  attachments: AttachmentMeta[];
  sizeBytes?: number | null;
  parseStatus: 'ok' | 'malformed';
  parseError?: string | null;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
  /** Threads that got a new message: what analysis must look at again. */
  touchedThreadIds: string[];
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The client a set of addresses belongs to: an exact contact address first, then
 * a client domain. Null when none matches (the thread stays out of analysis).
 */
export async function matchClient(db: Executor, workspaceId: string, addresses: readonly string[]): Promise<string | null> {
  const lowered = [...new Set(addresses.map((a) => a.toLowerCase()).filter((a) => a.includes('@')))];
  if (lowered.length === 0) return null;
  const [contact] = await db
    .select({ clientId: clientContacts.clientId })
    .from(clientContacts)
    .where(and(eq(clientContacts.workspaceId, workspaceId), inArray(sql`lower(${clientContacts.address})`, lowered)))
    .limit(1);
  if (contact) return contact.clientId;
  const domains = [...new Set(lowered.map(domainOf))];
  const [domain] = await db
    .select({ clientId: clientDomains.clientId })
    .from(clientDomains)
    .where(and(eq(clientDomains.workspaceId, workspaceId), inArray(sql`lower(${clientDomains.domain})`, domains)))
    .limit(1);
  return domain?.clientId ?? null;
}

/**
 * The client of each unassigned thread, from the counterpart addresses seen in it:
 * an exact contact address first, then a client domain. Two queries for a whole page.
 */
async function matchClients(db: Executor, workspaceId: string, addressesByThread: Map<string, string[]>): Promise<Map<string, string>> {
  const all = [...new Set([...addressesByThread.values()].flat())];
  if (all.length === 0) return new Map();
  const domains = [...new Set(all.map(domainOf))];
  const contacts = await db
    .select({ address: sql<string>`lower(${clientContacts.address})`, clientId: clientContacts.clientId })
    .from(clientContacts)
    .where(and(eq(clientContacts.workspaceId, workspaceId), inArray(sql`lower(${clientContacts.address})`, all)));
  const byDomain = await db
    .select({ domain: sql<string>`lower(${clientDomains.domain})`, clientId: clientDomains.clientId })
    .from(clientDomains)
    .where(and(eq(clientDomains.workspaceId, workspaceId), inArray(sql`lower(${clientDomains.domain})`, domains)));
  const contactClient = new Map(contacts.map((c) => [c.address, c.clientId]));
  const domainClient = new Map(byDomain.map((d) => [d.domain, d.clientId]));
  const result = new Map<string, string>();
  for (const [threadId, addresses] of addressesByThread) {
    const clientId = addresses.map((a) => contactClient.get(a)).find(Boolean) ?? addresses.map((a) => domainClient.get(domainOf(a))).find(Boolean);
    if (clientId) result.set(threadId, clientId);
  }
  return result;
}

/**
 * Stores a page of messages idempotently, with a fixed number of statements per
 * page (not per message): threads are upserted by provider thread id, unassigned
 * threads matched to clients, messages inserted with ON CONFLICT DO NOTHING on
 * (mailbox, provider id). A page stored twice — a retried job, two racing workers —
 * changes nothing the second time. Run it in the same transaction as the cursor advance.
 */
export async function ingestMessages(
  tx: Executor,
  mailbox: { id: string; workspaceId: string; address: string },
  batch: readonly IngestMessage[],
): Promise<IngestResult> {
  if (batch.length === 0) return { inserted: 0, duplicates: 0, touchedThreadIds: [] };
  const byThread = new Map<string, IngestMessage[]>();
  for (const message of batch) {
    const list = byThread.get(message.providerThreadId) ?? [];
    list.push(message);
    byThread.set(message.providerThreadId, list);
  }
  const threadRows = await tx
    .insert(threads)
    .values(
      [...byThread].map(([providerThreadId, list]) => ({
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        providerThreadId,
        subject: list[0]?.subject ?? null,
        lastMessageAt: list.reduce((a, b) => (a.sentAt > b.sentAt ? a : b)).sentAt,
      })),
    )
    .onConflictDoUpdate({
      target: [threads.workspaceId, threads.mailboxId, threads.providerThreadId],
      set: { lastMessageAt: sql`greatest(${threads.lastMessageAt}, excluded.last_message_at)` },
    })
    .returning({ id: threads.id, providerThreadId: threads.providerThreadId, clientId: threads.clientId });
  const threadIdOf = new Map(threadRows.map((t) => [t.providerThreadId, t.id]));

  const own = mailbox.address.toLowerCase();
  const unassigned = new Map<string, string[]>();
  for (const thread of threadRows) {
    if (thread.clientId !== null) continue;
    const counterparts = (byThread.get(thread.providerThreadId) ?? [])
      .flatMap((m) => [m.from?.address ?? '', ...m.to.map((p) => p.address), ...m.cc.map((p) => p.address)])
      .map((a) => a.toLowerCase())
      .filter((a) => a.includes('@') && a !== own);
    unassigned.set(thread.id, [...new Set(counterparts)]);
  }
  const matched = await matchClients(tx, mailbox.workspaceId, unassigned);
  if (matched.size > 0) {
    const pairs = sql.join(
      [...matched].map(([threadId, clientId]) => sql`(${threadId}::uuid, ${clientId}::uuid)`),
      sql`, `,
    );
    await tx.execute(
      sql`UPDATE threads SET client_id = v.client_id FROM (VALUES ${pairs}) AS v(id, client_id) WHERE threads.id = v.id AND threads.client_id IS NULL`,
    );
  }

  const rows = await tx
    .insert(messages)
    .values(
      batch.map((m) => ({
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        threadId: threadIdOf.get(m.providerThreadId) ?? '',
        providerMessageId: m.providerMessageId,
        internetMessageId: m.internetMessageId ?? null,
        inReplyTo: m.inReplyTo ?? null,
        references: m.references,
        direction: m.direction,
        fromAddress: m.from?.address ?? null,
        fromName: m.from?.name ?? null,
        to: m.to,
        cc: m.cc,
        subject: m.subject ?? null,
        sentAt: m.sentAt,
        visibleText: m.visibleText,
        isAutoReply: m.isAutoReply,
        autoReplyReason: m.autoReplyReason ?? null,
        attachments: m.attachments,
        sizeBytes: m.sizeBytes ?? null,
        parseStatus: m.parseStatus,
        parseError: m.parseError ?? null,
      })),
    )
    .onConflictDoNothing({ target: [messages.workspaceId, messages.mailboxId, messages.providerMessageId] })
    .returning({ id: messages.id, threadId: messages.threadId });
  return { inserted: rows.length, duplicates: batch.length - rows.length, touchedThreadIds: [...new Set(rows.map((r) => r.threadId))] };
}
