import { issueApiKey } from '@firmly/config';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { apiKeys } from '../schema/api-keys';
import { operators } from '../schema/operators';
import { workspaces } from '../schema/workspaces';

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

/**
 * Creates (or finds) the workspace and its operator, then issues a new API key.
 * The token is returned once and never stored: only its SHA-256 hash is.
 */
export async function issueOperatorApiKey(
  db: Database,
  input: { workspaceSlug: string; operatorEmail: string; keyName: string; now: Date },
): Promise<{ token: string; workspaceId: string; operatorId: string; prefix: string }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(workspaces)
      .values({ slug: input.workspaceSlug, name: input.workspaceSlug })
      .onConflictDoNothing({ target: workspaces.slug });
    const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.slug, input.workspaceSlug));
    if (!workspace) throw new Error(`workspace ${input.workspaceSlug} could not be created`);
    const email = input.operatorEmail.toLowerCase();
    const [existing] = await tx
      .select()
      .from(operators)
      .where(and(eq(operators.workspaceId, workspace.id), eq(sql`lower(${operators.email})`, email)));
    const operator =
      existing ??
      (
        await tx
          .insert(operators)
          .values({ workspaceId: workspace.id, email, name: email.split('@')[0] ?? email, role: 'owner' })
          .returning()
      )[0];
    if (!operator) throw new Error('operator could not be created');
    const key = issueApiKey();
    await tx
      .insert(apiKeys)
      .values({ workspaceId: workspace.id, operatorId: operator.id, name: input.keyName, prefix: key.prefix, keyHash: key.hash });
    await appendAuditEvent(tx, {
      workspaceId: workspace.id,
      actor: `operator:${operator.id}`,
      action: 'api_key.issued',
      subjectType: 'api_key',
      subjectId: key.prefix,
      data: { name: input.keyName },
      occurredAt: input.now,
    });
    return { token: key.token, workspaceId: workspace.id, operatorId: operator.id, prefix: key.prefix };
  });
}
