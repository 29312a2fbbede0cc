import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../client';
import { auditEvents } from '../../schema/audit-events';
import { decodeCursor, encodeCursor, invalid, type RecordProblem } from './common';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export type AuditPage = { ok: true; items: AuditEventRow[]; nextCursor: string | null } | RecordProblem;

/**
 * The workspace's audit log, newest first. `seq` counts the workspace's events from 1 without
 * gaps (audit.ts), so it is the whole keyset: the cursor is the last seq a page showed.
 */
export async function auditLogPage(
  db: Executor,
  workspaceId: string,
  options: { limit: number; cursor?: string | undefined; subjectType?: string | undefined; subjectId?: string | undefined },
): Promise<AuditPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['number']) : undefined;
  if (options.cursor && !cursor) return invalid('the cursor is not one this log handed out', 'cursor');
  const conditions: Array<SQL | undefined> = [eq(auditEvents.workspaceId, workspaceId)];
  if (cursor) conditions.push(lt(auditEvents.seq, Number(cursor[0])));
  if (options.subjectType) conditions.push(eq(auditEvents.subjectType, options.subjectType));
  if (options.subjectId) conditions.push(eq(auditEvents.subjectId, options.subjectId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { ok: true, items, nextCursor: rows.length > options.limit && last ? encodeCursor([last.seq]) : null };
}
