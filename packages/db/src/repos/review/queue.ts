/** The review queue: pending drafts, oldest first, keyset-paginated; snoozed ones hidden until their time. */
import type { BusinessCalendar, OutgoingEmailState } from '@firmly/core';
import { businessCalendar } from '@firmly/core';
import { and, asc, eq, getTableColumns, gt, isNull, lte, min, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { clients } from '../../schema/clients';
import { escalations } from '../../schema/escalations';
import { outgoingEmails } from '../../schema/outgoing-emails';
import { threads } from '../../schema/threads';
import { effectiveCalendar } from '../analysis';
import { sendableInstant } from './approve';
import { invalid, MAX_QUEUE_PAGE, type OutgoingEmailKind, type OutgoingEmailRow, type ReviewProblem, UUID } from './common';
import { earliestSendAtOf, type ReviewItemContext } from './item-context';

export interface ReviewQueueOptions {
  now: Date;
  /** Defaults to `pending_review`; the snooze filter applies to that state only. */
  state?: OutgoingEmailState;
  clientId?: string;
  kind?: OutgoingEmailKind;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null;
}

/** The page's emails come without their bodies (`html` and `text` are empty); see LIST_COLUMNS. */
export type ReviewQueuePage =
  | {
      ok: true;
      items: OutgoingEmailRow[];
      nextCursor: string | null;
      /** What the console shows beside each email (client, thread, cause, send plan), by email id. */
      contexts: Map<string, ReviewItemContext>;
      /** The working calendar of each client on the page, by client id (a cached page works its send plans out again later). */
      calendars: Map<string, BusinessCalendar>;
    }
  | ReviewProblem;

export interface QueueCursor {
  createdAt: string;
  id: string;
}

// Postgres keeps microseconds and a JS Date only milliseconds: a cursor holding a Date would
// land inside a run of rows with the same millisecond and repeat or skip them. So the cursor
// carries the database's own text form of the instant, and the id breaks exact ties.
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const createdAtText = sql<string>`to_char(${outgoingEmails.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): QueueCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !CURSOR_INSTANT.test(createdAt) || !UUID.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}

/**
 * A page lists emails without their bodies: a rendered email is about 8 KB of HTML and text, and
 * reading and parsing fifty of them was most of what listing a page cost. The detail and preview
 * read the bodies of one email.
 */
const LIST_COLUMNS = { ...getTableColumns(outgoingEmails), html: sql<string>`''`, text: sql<string>`''` };

/** Drafts waiting for the operator, oldest first; a snoozed draft shows again once its snooze has passed. */
export async function reviewQueue(db: Executor, workspaceId: string, options: ReviewQueueOptions): Promise<ReviewQueuePage> {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_QUEUE_PAGE) {
    return invalid(`limit must be a whole number from 1 to ${MAX_QUEUE_PAGE}`, 'limit');
  }
  if (options.clientId !== undefined && !UUID.test(options.clientId)) return invalid('clientId is not an id', 'clientId');
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  if (options.cursor && !cursor) return invalid('the cursor is not one this queue handed out', 'cursor');

  const state = options.state ?? 'pending_review';
  const conditions: Array<SQL | undefined> = [eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.state, state)];
  if (state === 'pending_review') {
    conditions.push(or(isNull(outgoingEmails.snoozedUntil), lte(outgoingEmails.snoozedUntil, options.now)));
  }
  if (options.clientId !== undefined) conditions.push(eq(outgoingEmails.clientId, options.clientId));
  if (options.kind !== undefined) conditions.push(eq(outgoingEmails.kind, options.kind));
  if (cursor) {
    conditions.push(sql`(${outgoingEmails.createdAt}, ${outgoingEmails.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  }
  // The page and what the console shows beside each email, in one round trip (each extra query
  // was a millisecond of a request that does little else).
  const rows = await db
    .select({
      email: LIST_COLUMNS,
      createdAtText,
      clientName: clients.name,
      workingCalendar: clients.workingCalendar,
      timezone: clients.timezone,
      threadSubject: threads.subject,
      escalationCause: escalations.cause,
    })
    .from(outgoingEmails)
    .innerJoin(clients, and(eq(clients.workspaceId, outgoingEmails.workspaceId), eq(clients.id, outgoingEmails.clientId)))
    .leftJoin(threads, and(eq(threads.workspaceId, outgoingEmails.workspaceId), eq(threads.id, outgoingEmails.threadId)))
    .leftJoin(escalations, and(eq(escalations.workspaceId, outgoingEmails.workspaceId), eq(escalations.id, outgoingEmails.escalationId)))
    .where(and(...conditions))
    .orderBy(asc(outgoingEmails.createdAt), asc(outgoingEmails.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ createdAt: last.createdAtText, id: last.email.id }) : null;
  // One calendar and one "next working instant" per client on the page.
  const calendars = new Map<string, BusinessCalendar>();
  const sendsAt = new Map<string, Date>();
  for (const row of page) {
    if (!calendars.has(row.email.clientId)) calendars.set(row.email.clientId, businessCalendar(effectiveCalendar(row).calendar));
  }
  const draftSendsAt = (row: (typeof page)[number]) => () => {
    let at = sendsAt.get(row.email.clientId);
    if (!at) {
      at = sendableInstant(calendars.get(row.email.clientId), options.now);
      sendsAt.set(row.email.clientId, at);
    }
    return at;
  };
  const contexts = new Map<string, ReviewItemContext>(
    page.map((row) => [
      row.email.id,
      {
        clientName: row.clientName,
        threadSubject: row.threadSubject,
        escalationCause: row.escalationCause,
        earliestSendAt: earliestSendAtOf(row.email, options.now, draftSendsAt(row)),
      },
    ]),
  );
  return { ok: true, items: page.map((r) => r.email), nextCursor, contexts, calendars };
}

/**
 * When the next snoozed draft of the workspace comes back into the queue (the first snooze end
 * after `now`), or null: until then the queue's pages stay what they are, as far as time goes.
 */
export async function nextSnoozeEnd(db: Executor, workspaceId: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(outgoingEmails.snoozedUntil) })
    .from(outgoingEmails)
    .where(
      and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.state, 'pending_review'), gt(outgoingEmails.snoozedUntil, now)),
    );
  return row?.at ?? null;
}

/* ----------------------------------------------------------------------------- approve */

/** Calendars already built in this transaction, by client id: a bulk approval of one client's drafts loads it once. */
