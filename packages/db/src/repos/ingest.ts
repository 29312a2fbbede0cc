import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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
 * Stores a page of messages idempotently: threads are upserted by provider thread
 * id, messages inserted with ON CONFLICT DO NOTHING on (mailbox, provider id), so a
 * page stored twice — a retried job, two racing workers — changes nothing the
 * second time. Run it in the same transaction as the cursor advance.
 */
export async function ingestMessages(
  tx: Executor,
  mailbox: { id: string; workspaceId: string; address: string },
  batch: readonly IngestMessage[],
): Promise<IngestResult> {
  const touched = new Set<string>();
  let inserted = 0;
  const byThread = new Map<string, IngestMessage[]>();
  for (const message of batch) {
    const list = byThread.get(message.providerThreadId) ?? [];
    list.push(message);
    byThread.set(message.providerThreadId, list);
  }
  for (const [providerThreadId, threadMessages] of byThread) {
    const first = threadMessages[0];
    if (!first) continue;
    const newest = threadMessages.reduce((a, b) => (a.sentAt > b.sentAt ? a : b));
    const [thread] = await tx
      .insert(threads)
      .values({
        workspaceId: mailbox.workspaceId,
        mailboxId: mailbox.id,
        providerThreadId,
        subject: first.subject ?? null,
        lastMessageAt: newest.sentAt,
      })
      .onConflictDoUpdate({
        target: [threads.workspaceId, threads.mailboxId, threads.providerThreadId],
        set: { lastMessageAt: sql`greatest(${threads.lastMessageAt}, excluded.last_message_at)` },
      })
      .returning({ id: threads.id, clientId: threads.clientId });
    if (!thread) throw new Error(`thread ${providerThreadId} was not stored`);
    if (thread.clientId === null) {
      const counterparts = threadMessages.flatMap((m) => [
        m.from?.address ?? '',
        ...m.to.map((p) => p.address),
        ...m.cc.map((p) => p.address),
      ]);
      const own = mailbox.address.toLowerCase();
      const clientId = await matchClient(
        tx,
        mailbox.workspaceId,
        counterparts.filter((a) => a && a.toLowerCase() !== own),
      );
      if (clientId)
        await tx
          .update(threads)
          .set({ clientId })
          .where(and(eq(threads.id, thread.id), isNull(threads.clientId)));
    }
    const rows = await tx
      .insert(messages)
      .values(
        threadMessages.map((m) => ({
          workspaceId: mailbox.workspaceId,
          mailboxId: mailbox.id,
          threadId: thread.id,
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
      .returning({ id: messages.id });
    inserted += rows.length;
    if (rows.length > 0) touched.add(thread.id);
  }
  return { inserted, duplicates: batch.length - inserted, touchedThreadIds: [...touched] };
}
