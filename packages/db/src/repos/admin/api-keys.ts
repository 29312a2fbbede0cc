import { issueApiKey } from '@firmly/config';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { apiKeys } from '../../schema/api-keys';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** The workspace's keys, newest first, revoked ones included (their history matters); the hash never leaves here. */
export async function listApiKeys(db: Executor, workspaceId: string): Promise<Omit<ApiKeyRow, 'keyHash'>[]> {
  return db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      operatorId: apiKeys.operatorId,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export interface CreatedApiKey {
  id: string;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
  prefix: string;
  scopes: string[];
}

/** Issues a key for the calling operator with the given scopes. */
export async function createApiKey(
  db: Database,
  input: { workspaceId: string; operatorId: string; name: string; scopes: string[]; expiresAt: Date | null; actor: string; now: Date },
): Promise<CreatedApiKey> {
  const key = issueApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: input.workspaceId,
        operatorId: input.operatorId,
        name: input.name,
        prefix: key.prefix,
        keyHash: key.hash,
        scopes: input.scopes,
        expiresAt: input.expiresAt,
      })
      .returning({ id: apiKeys.id, scopes: apiKeys.scopes });
    if (!row) throw new Error('api key row was not created');
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'api_key.issued',
      subjectType: 'api_key',
      subjectId: row.id,
      data: { name: input.name, prefix: key.prefix, scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null },
      occurredAt: input.now,
    });
    return { id: row.id, token: key.token, prefix: key.prefix, scopes: row.scopes };
  });
}

export type RevokeApiKeyResult = { ok: true; changed: boolean } | { ok: false; problem: 'not_found' };

/** Revokes a key of the workspace at once (the next request with it is a 401). Revoking twice changes nothing. */
export async function revokeApiKey(
  db: Database,
  input: { workspaceId: string; apiKeyId: string; actor: string; now: Date },
): Promise<RevokeApiKeyResult> {
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id, prefix: apiKeys.prefix, name: apiKeys.name, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, input.workspaceId), eq(apiKeys.id, input.apiKeyId)))
      .for('update');
    if (!key) return { ok: false, problem: 'not_found' };
    if (key.revokedAt) return { ok: true, changed: false };
    await tx
      .update(apiKeys)
      .set({ revokedAt: input.now })
      .where(and(eq(apiKeys.workspaceId, input.workspaceId), eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)));
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: key.id,
      data: { name: key.name, prefix: key.prefix },
      occurredAt: input.now,
    });
    return { ok: true, changed: true };
  });
}
