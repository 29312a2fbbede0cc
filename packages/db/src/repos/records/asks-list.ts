import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../client';
import { asks } from '../../schema/asks';

export type AskRow = typeof asks.$inferSelect;
export type AskStatus = AskRow['status'];

/** The most asks one answer lists: a client's asks of the last year or two, which is what the page shows. */
export const ASKS_LIMIT = 500;

/** The client's asks, newest first, optionally of one status. */
export async function listClientAsks(db: Executor, workspaceId: string, clientId: string, status?: AskStatus): Promise<AskRow[]> {
  return db
    .select()
    .from(asks)
    .where(and(eq(asks.workspaceId, workspaceId), eq(asks.clientId, clientId), status ? eq(asks.status, status) : undefined))
    .orderBy(desc(asks.askedAt), desc(asks.id))
    .limit(ASKS_LIMIT);
}
