/** Every outgoing email of the workspace, in any state, newest first: the console's history. */
import type { OutgoingEmailState } from '@firmly/core';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { outgoingEmails } from '../../schema/outgoing-emails';
import type { OutgoingEmailRow, ReviewProblem } from './common';
import { invalid, MAX_QUEUE_PAGE, UUID } from './common';
import { createdAtText, decodeCursor, encodeCursor } from './queue';

export type EmailHistoryPage = { ok: true; items: OutgoingEmailRow[]; nextCursor: string | null } | ReviewProblem;

export interface EmailHistoryOptions {
  clientId?: string;
  state?: OutgoingEmailState;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

/** The queue's keyset pagination (same cursor form, microsecond-exact), walked the other way. */
export async function emailHistory(db: Executor, workspaceId: string, options: EmailHistoryOptions): Promise<EmailHistoryPage> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_QUEUE_PAGE) {
    return invalid(`limit must be a whole number from 1 to ${MAX_QUEUE_PAGE}`, 'limit');
  }
  if (options.clientId !== undefined && !UUID.test(options.clientId)) return invalid('clientId is not an id', 'clientId');
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  if (options.cursor && !cursor) return invalid('the cursor is not one this list handed out', 'cursor');

  const conditions: Array<SQL | undefined> = [eq(outgoingEmails.workspaceId, workspaceId)];
  if (options.state !== undefined) conditions.push(eq(outgoingEmails.state, options.state));
  if (options.clientId !== undefined) conditions.push(eq(outgoingEmails.clientId, options.clientId));
  if (cursor) {
    conditions.push(sql`(${outgoingEmails.createdAt}, ${outgoingEmails.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ email: outgoingEmails, createdAtText })
    .from(outgoingEmails)
    .where(and(...conditions))
    .orderBy(desc(outgoingEmails.createdAt), desc(outgoingEmails.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ createdAt: last.createdAtText, id: last.email.id }) : null;
  return { ok: true, items: page.map((r) => r.email), nextCursor };
}
