import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { clientContacts } from '../schema/client-contacts';
import { clientDomains } from '../schema/client-domains';
import type { AttachmentMeta, Participant } from '../schema/messages';
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
  /** Why the visible text is partial, when it is. */
  visibleTextNote?: string | null;
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
    const clientId =
      addresses.map((a) => contactClient.get(a)).find(Boolean) ?? addresses.map((a) => domainClient.get(domainOf(a))).find(Boolean);
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

  // One INSERT … SELECT FROM unnest(…) with a parameter per column, not per value:
  // a page of a hundred messages is one short statement instead of thousands of
  // parameters that drizzle would bind one by one (the bulk of a back-fill's CPU).
  const column = <T>(pick: (m: IngestMessage) => T) => batch.map(pick);
  const inserted = await tx.execute<{ id: string; thread_id: string }>(sql`
    INSERT INTO messages (workspace_id, mailbox_id, thread_id, provider_message_id, internet_message_id, in_reply_to, "references",
      direction, from_address, from_name, "to", cc, subject, sent_at, visible_text, visible_text_note, is_auto_reply, auto_reply_reason,
      attachments, size_bytes, parse_status, parse_error)
    SELECT ${mailbox.workspaceId}::uuid, ${mailbox.id}::uuid, u.thread_id, u.provider_message_id, u.internet_message_id, u.in_reply_to,
      coalesce((SELECT array_agg(r) FROM jsonb_array_elements_text(u.refs) AS r), '{}'::text[]),
      u.direction::message_direction, u.from_address, u.from_name, u.to_list, u.cc_list, u.subject, u.sent_at, u.visible_text,
      u.visible_text_note, u.is_auto_reply, u.auto_reply_reason, u.attachments, u.size_bytes, u.parse_status::parse_status, u.parse_error
    FROM unnest(
      ${sql.param(column((m) => threadIdOf.get(m.providerThreadId) ?? null))}::uuid[],
      ${sql.param(column((m) => m.providerMessageId))}::text[],
      ${sql.param(column((m) => m.internetMessageId ?? null))}::text[],
      ${sql.param(column((m) => m.inReplyTo ?? null))}::text[],
      ${sql.param(column((m) => JSON.stringify(m.references)))}::jsonb[],
      ${sql.param(column((m) => m.direction))}::text[],
      ${sql.param(column((m) => m.from?.address ?? null))}::text[],
      ${sql.param(column((m) => m.from?.name ?? null))}::text[],
      ${sql.param(column((m) => JSON.stringify(m.to)))}::jsonb[],
      ${sql.param(column((m) => JSON.stringify(m.cc)))}::jsonb[],
      ${sql.param(column((m) => m.subject ?? null))}::text[],
      ${sql.param(column((m) => m.sentAt.toISOString()))}::timestamptz[],
      ${sql.param(column((m) => m.visibleText))}::text[],
      ${sql.param(column((m) => m.visibleTextNote ?? null))}::text[],
      ${sql.param(column((m) => m.isAutoReply))}::boolean[],
      ${sql.param(column((m) => m.autoReplyReason ?? null))}::text[],
      ${sql.param(column((m) => JSON.stringify(m.attachments)))}::jsonb[],
      ${sql.param(column((m) => m.sizeBytes ?? null))}::bigint[],
      ${sql.param(column((m) => m.parseStatus))}::text[],
      ${sql.param(column((m) => m.parseError ?? null))}::text[]
    ) AS u(thread_id, provider_message_id, internet_message_id, in_reply_to, refs, direction, from_address, from_name, to_list, cc_list,
      subject, sent_at, visible_text, visible_text_note, is_auto_reply, auto_reply_reason, attachments, size_bytes, parse_status, parse_error)
    ON CONFLICT (workspace_id, mailbox_id, provider_message_id) DO NOTHING
    RETURNING id, thread_id`);
  const rows = inserted.rows.map((r) => ({ id: r.id, threadId: r.thread_id }));
  return { inserted: rows.length, duplicates: batch.length - rows.length, touchedThreadIds: [...new Set(rows.map((r) => r.threadId))] };
}
