import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { workLogEntries } from '../../schema/work-log';
import { clientExists } from './clients';
import {
  actorOf,
  CURSOR_INSTANT,
  decodeCursor,
  encodeCursor,
  invalid,
  isCalendarDay,
  localDay,
  notFound,
  type RecordContext,
  type RecordProblem,
  UUID,
} from './common';

export type WorkLogEntryRow = typeof workLogEntries.$inferSelect;

/** What the operator writes about a delivery; on an update a field left out stays, null clears it. */
export interface WorkLogFields {
  doneOn?: string | undefined;
  title?: string | undefined;
  link?: string | null | undefined;
  outcome?: string | null | undefined;
}

export type NewWorkLogEntry = WorkLogFields & { doneOn: string; title: string };

export type WorkLogWrite = { ok: true; entry: WorkLogEntryRow; changed: string[] } | RecordProblem;
export type WorkLogPage = { ok: true; items: WorkLogEntryRow[]; nextCursor: string | null } | RecordProblem;

/**
 * The latest calendar day anywhere on Earth (UTC+14) at `now`. The operator's own zone is not
 * recorded, so "not in the future" must not refuse what is already today for someone; a day
 * after that is tomorrow everywhere.
 */
const LATEST_ZONE = 'Pacific/Kiritimati';

function doneOnProblem(doneOn: string, now: Date): RecordProblem | undefined {
  if (!isCalendarDay(doneOn)) return invalid('expected a calendar day YYYY-MM-DD', 'doneOn');
  const today = localDay(now, LATEST_ZONE);
  if (doneOn > today) return invalid(`a delivery cannot be recorded for a day still to come (today is ${today} at the latest)`, 'doneOn');
  return undefined;
}

const createdAtText = sql<string>`to_char(${workLogEntries.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const ofClient = (workspaceId: string, clientId: string) =>
  and(eq(workLogEntries.workspaceId, workspaceId), eq(workLogEntries.clientId, clientId));

/** The client's work log, newest delivery first (then the latest recorded), keyset-paginated. */
export async function listWorkLog(
  db: Executor,
  workspaceId: string,
  clientId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<WorkLogPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['string', 'string', 'string']) : undefined;
  if (
    options.cursor &&
    (!cursor || !isCalendarDay(String(cursor[0])) || !CURSOR_INSTANT.test(String(cursor[1])) || !UUID.test(String(cursor[2])))
  ) {
    return invalid('the cursor is not one this list handed out', 'cursor');
  }
  if (!(await clientExists(db, workspaceId, clientId))) return notFound('no such client in this workspace');
  const conditions: Array<SQL | undefined> = [ofClient(workspaceId, clientId)];
  if (cursor) {
    const [doneOn, createdAt, id] = cursor.map(String) as [string, string, string];
    conditions.push(
      sql`(${workLogEntries.doneOn}, ${workLogEntries.createdAt}, ${workLogEntries.id}) < (${doneOn}::date, ${createdAt}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select({ entry: workLogEntries, createdAtText })
    .from(workLogEntries)
    .where(and(...conditions))
    .orderBy(desc(workLogEntries.doneOn), desc(workLogEntries.createdAt), desc(workLogEntries.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    ok: true,
    items: page.map((row) => row.entry),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.entry.doneOn, last.createdAtText, last.entry.id]) : null,
  };
}

/** A delivery recorded for a client by the operator, audited. */
export async function recordWorkLogEntry(
  db: Database,
  workspaceId: string,
  clientId: string,
  input: NewWorkLogEntry,
  context: RecordContext,
): Promise<WorkLogWrite> {
  return db.transaction(async (tx): Promise<WorkLogWrite> => {
    // The client first: another workspace's client answers 404 whatever the body says.
    if (!(await clientExists(tx, workspaceId, clientId))) return notFound('no such client in this workspace');
    const problem = doneOnProblem(input.doneOn, context.now);
    if (problem) return problem;
    const [entry] = await tx
      .insert(workLogEntries)
      .values({
        workspaceId,
        clientId,
        doneOn: input.doneOn,
        title: input.title,
        link: input.link ?? null,
        outcome: input.outcome ?? null,
        recordedBy: context.operatorId,
      })
      .returning();
    if (!entry) throw new Error('work log insert returned no row');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'work_log.recorded',
      subjectType: 'work_log_entry',
      subjectId: entry.id,
      data: { clientId, doneOn: entry.doneOn, title: entry.title, link: entry.link, outcome: entry.outcome },
      occurredAt: context.now,
    });
    return { ok: true, entry, changed: ['doneOn', 'title', 'link', 'outcome'] };
  });
}

/** Changes the fields given; the audit event holds each changed field's value before and after. */
export async function updateWorkLogEntry(
  db: Database,
  workspaceId: string,
  clientId: string,
  entryId: string,
  fields: WorkLogFields,
  context: RecordContext,
): Promise<WorkLogWrite> {
  return db.transaction(async (tx): Promise<WorkLogWrite> => {
    const [current] = await tx
      .select()
      .from(workLogEntries)
      .where(and(ofClient(workspaceId, clientId), eq(workLogEntries.id, entryId)))
      .for('update');
    if (!current) return notFound('no such work log entry for this client');
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of ['doneOn', 'title', 'link', 'outcome'] as const) {
      const next = fields[field];
      if (next !== undefined && next !== current[field]) changes[field] = { from: current[field], to: next };
    }
    if (changes.doneOn) {
      const problem = doneOnProblem(changes.doneOn.to ?? '', context.now);
      if (problem) return problem;
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return { ok: true, entry: current, changed };
    const set: Partial<typeof workLogEntries.$inferInsert> = {};
    if (changes.doneOn?.to) set.doneOn = changes.doneOn.to;
    if (changes.title?.to) set.title = changes.title.to;
    if (changes.link) set.link = changes.link.to;
    if (changes.outcome) set.outcome = changes.outcome.to;
    const [entry] = await tx.update(workLogEntries).set(set).where(eq(workLogEntries.id, entryId)).returning();
    if (!entry) throw new Error('work log update returned no row');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'work_log.updated',
      subjectType: 'work_log_entry',
      subjectId: entryId,
      data: { clientId, changes },
      occurredAt: context.now,
    });
    return { ok: true, entry, changed };
  });
}

export type WorkLogDelete = { ok: true } | RecordProblem;

/** Deletes an entry; the audit event keeps what it said, so the record still shows what was removed. */
export async function deleteWorkLogEntry(
  db: Database,
  workspaceId: string,
  clientId: string,
  entryId: string,
  context: RecordContext,
): Promise<WorkLogDelete> {
  return db.transaction(async (tx): Promise<WorkLogDelete> => {
    const [entry] = await tx
      .delete(workLogEntries)
      .where(and(ofClient(workspaceId, clientId), eq(workLogEntries.id, entryId)))
      .returning();
    if (!entry) return notFound('no such work log entry for this client');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'work_log.deleted',
      subjectType: 'work_log_entry',
      subjectId: entryId,
      data: { clientId, doneOn: entry.doneOn, title: entry.title, link: entry.link, outcome: entry.outcome },
      occurredAt: context.now,
    });
    return { ok: true };
  });
}
