/**
 * What the console shows beside an outgoing email: its client's name, its thread's subject,
 * the ladder that drafted it, and when it would go out. Looked up per page, one query per
 * table (never per row), all scoped to the workspace.
 */

import { businessCalendar } from '@firmly/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../client';
import { clients } from '../../schema/clients';
import { escalations } from '../../schema/escalations';
import { threads } from '../../schema/threads';
import { effectiveCalendar } from '../analysis';
import { type CalendarCache, firstSendableInstant } from './approve';
import type { OutgoingEmailRow } from './common';

type EscalationCause = (typeof escalations.$inferSelect)['cause'];

export interface ReviewItemContext {
  clientName: string;
  threadSubject: string | null;
  /** The ladder that drafted it; null for an email the operator wrote. */
  escalationCause: EscalationCause | null;
  /**
   * When it goes out (or went out): for a draft, the instant an approval now would schedule
   * (the very function `approveEmail` uses); for an approved one, its `send_after`; for a sent
   * one, when the provider took it; null when nothing will be sent.
   */
  earliestSendAt: Date | null;
}

function distinct(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}

/** When an email goes out, given the instant an approval now would schedule for a draft. */
export function earliestSendAtOf(email: OutgoingEmailRow, now: Date, draftSendsAt: () => Date): Date | null {
  switch (email.state) {
    case 'pending_review':
      return draftSendsAt();
    case 'approved':
    case 'sending':
      return email.sendAfter ?? now;
    case 'sent':
      return email.providerAcceptedAt ?? email.sendAfter;
    default:
      return null;
  }
}

async function earliestSendAt(db: Executor, email: OutgoingEmailRow, now: Date, calendars: CalendarCache): Promise<Date | null> {
  const draftSendsAt =
    email.state === 'pending_review' ? await firstSendableInstant(db, email.workspaceId, email.clientId, now, calendars) : now;
  return earliestSendAtOf(email, now, () => draftSendsAt);
}

export async function reviewItemContexts(
  db: Executor,
  workspaceId: string,
  emails: readonly OutgoingEmailRow[],
  now: Date,
): Promise<Map<string, ReviewItemContext>> {
  const contexts = new Map<string, ReviewItemContext>();
  if (emails.length === 0) return contexts;
  const clientIds = distinct(emails.map((e) => e.clientId));
  const threadIds = distinct(emails.map((e) => e.threadId));
  const escalationIds = distinct(emails.map((e) => e.escalationId));
  // One after another: inside a transaction there is one connection. The clients' names and
  // calendars come in one query (the calendars for the send plan).
  const clientRows = await db
    .select({ id: clients.id, name: clients.name, workingCalendar: clients.workingCalendar, timezone: clients.timezone })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), inArray(clients.id, clientIds)));
  const threadRows =
    threadIds.length === 0
      ? []
      : await db
          .select({ id: threads.id, subject: threads.subject })
          .from(threads)
          .where(and(eq(threads.workspaceId, workspaceId), inArray(threads.id, threadIds)));
  const escalationRows =
    escalationIds.length === 0
      ? []
      : await db
          .select({ id: escalations.id, cause: escalations.cause })
          .from(escalations)
          .where(and(eq(escalations.workspaceId, workspaceId), inArray(escalations.id, escalationIds)));
  const clientName = new Map(clientRows.map((c) => [c.id, c.name]));
  const threadSubject = new Map(threadRows.map((t) => [t.id, t.subject]));
  const cause = new Map(escalationRows.map((e) => [e.id, e.cause]));
  const calendars: CalendarCache = new Map(clientRows.map((row) => [row.id, businessCalendar(effectiveCalendar(row).calendar)]));
  for (const email of emails) {
    contexts.set(email.id, {
      clientName: clientName.get(email.clientId) ?? '',
      threadSubject: email.threadId ? (threadSubject.get(email.threadId) ?? null) : null,
      escalationCause: email.escalationId ? (cause.get(email.escalationId) ?? null) : null,
      earliestSendAt: await earliestSendAt(db, email, now, calendars),
    });
  }
  return contexts;
}
