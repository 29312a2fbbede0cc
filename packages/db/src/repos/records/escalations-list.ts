import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { escalations } from '../../schema/escalations';
import { CURSOR_INSTANT, decodeCursor, encodeCursor, invalid, type RecordProblem, UUID } from './common';

export type EscalationRow = typeof escalations.$inferSelect;

export type EscalationPage = { ok: true; items: EscalationRow[]; nextCursor: string | null } | RecordProblem;

const createdAtText = sql<string>`to_char(${escalations.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The ladder runs (PRODUCT §4), newest first, optionally of one client or status. */
export async function listEscalations(
  db: Executor,
  workspaceId: string,
  options: { clientId?: string | undefined; status?: EscalationRow['status'] | undefined; limit: number; cursor?: string | undefined },
): Promise<EscalationPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor, ['string', 'string']) : undefined;
  if (options.cursor && (!cursor || !CURSOR_INSTANT.test(String(cursor[0])) || !UUID.test(String(cursor[1])))) {
    return invalid('the cursor is not one this list handed out', 'cursor');
  }
  const conditions: Array<SQL | undefined> = [eq(escalations.workspaceId, workspaceId)];
  if (options.clientId) conditions.push(eq(escalations.clientId, options.clientId));
  if (options.status) conditions.push(eq(escalations.status, options.status));
  if (cursor) {
    conditions.push(sql`(${escalations.createdAt}, ${escalations.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
  }
  const rows = await db
    .select({ escalation: escalations, createdAtText })
    .from(escalations)
    .where(and(...conditions))
    .orderBy(desc(escalations.createdAt), desc(escalations.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    ok: true,
    items: page.map((r) => r.escalation),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.createdAtText, last.escalation.id]) : null,
  };
}
