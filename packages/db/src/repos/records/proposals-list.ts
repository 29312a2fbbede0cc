import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { clients } from '../../schema/clients';
import { mailProposals } from '../../schema/mail-proposals';
import { messages } from '../../schema/messages';
import { CURSOR_INSTANT, decodeCursor, encodeCursor, invalid, type RecordProblem, UUID } from './common';

export type ProposalRow = typeof mailProposals.$inferSelect;
export type ProposalStatus = ProposalRow['status'];

export interface ProposalItem {
  proposal: ProposalRow;
  clientName: string;
  threadId: string;
  /** When the message that carries the claim was sent. */
  messageSentAt: Date;
}

export type ProposalPage = { ok: true; items: ProposalItem[]; nextCursor: string | null } | RecordProblem;

const createdAtText = sql<string>`to_char(${mailProposals.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function selectItems(db: Executor) {
  return db
    .select({
      proposal: mailProposals,
      clientName: clients.name,
      threadId: messages.threadId,
      messageSentAt: messages.sentAt,
      createdAtText,
    })
    .from(mailProposals)
    .innerJoin(clients, and(eq(clients.workspaceId, mailProposals.workspaceId), eq(clients.id, mailProposals.clientId)))
    .innerJoin(messages, and(eq(messages.workspaceId, mailProposals.workspaceId), eq(messages.id, mailProposals.messageId)));
}

/** What the mailbox proposed for the record, oldest first (the operator works through them in order). */
export async function listProposals(
  db: Executor,
  workspaceId: string,
  options: { status?: ProposalStatus | undefined; clientId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<ProposalPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['string', 'string']) : undefined;
  if (options.cursor && (!cursor || !CURSOR_INSTANT.test(String(cursor[0])) || !UUID.test(String(cursor[1])))) {
    return invalid('the cursor is not one this list handed out', 'cursor');
  }
  const conditions: Array<SQL | undefined> = [eq(mailProposals.workspaceId, workspaceId)];
  if (options.status) conditions.push(eq(mailProposals.status, options.status));
  if (options.clientId) conditions.push(eq(mailProposals.clientId, options.clientId));
  if (cursor) {
    conditions.push(
      sql`(${mailProposals.createdAt}, ${mailProposals.id}) > (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`,
    );
  }
  const rows = await selectItems(db)
    .where(and(...conditions))
    .orderBy(asc(mailProposals.createdAt), asc(mailProposals.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    ok: true,
    items: page.map(({ createdAtText: _, ...item }) => item),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.createdAtText, last.proposal.id]) : null,
  };
}

export async function loadProposal(db: Executor, workspaceId: string, proposalId: string): Promise<ProposalItem | undefined> {
  const [row] = await selectItems(db)
    .where(and(eq(mailProposals.workspaceId, workspaceId), eq(mailProposals.id, proposalId)))
    .orderBy(desc(mailProposals.createdAt));
  if (!row) return undefined;
  const { createdAtText: _, ...item } = row;
  return item;
}
