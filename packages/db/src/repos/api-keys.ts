import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Executor } from '../client';
import { apiKeys } from '../schema/api-keys';

/** The live key with this public prefix (not revoked, not expired), if any. */
export async function findLiveApiKey(db: Executor, prefix: string, now: Date) {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))));
  return row;
}

export async function touchApiKey(db: Executor, id: string, at: Date) {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}
