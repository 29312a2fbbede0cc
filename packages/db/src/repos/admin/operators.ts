import { and, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { apiKeys } from '../../schema/api-keys';
import { operatorSessions } from '../../schema/operator-sessions';
import { operators } from '../../schema/operators';

export type OperatorRow = typeof operators.$inferSelect;
type Role = OperatorRow['role'];

export async function listOperators(db: Executor, workspaceId: string): Promise<OperatorRow[]> {
  return db.select().from(operators).where(eq(operators.workspaceId, workspaceId)).orderBy(operators.createdAt, operators.id);
}

export type CreateOperatorResult = { ok: true; operator: OperatorRow } | { ok: false; problem: 'email_taken' };

/** Adds an operator who can sign in (the password is hashed by the caller). An email is unique per workspace, case-insensitively. */
export async function createOperator(
  db: Database,
  input: { workspaceId: string; email: string; name: string; role: Role; passwordHash: string; actor: string; now: Date },
): Promise<CreateOperatorResult> {
  return db.transaction(async (tx) => {
    const [operator] = await tx
      .insert(operators)
      .values({
        workspaceId: input.workspaceId,
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        passwordHash: input.passwordHash,
      })
      // The unique index is on lower(email): a conflict means the address is taken.
      .onConflictDoNothing()
      .returning();
    if (!operator) return { ok: false, problem: 'email_taken' };
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'operator.created',
      subjectType: 'operator',
      subjectId: operator.id,
      data: { email: operator.email, name: operator.name, role: operator.role },
      occurredAt: input.now,
    });
    return { ok: true, operator };
  });
}

export type DisableOperatorResult =
  | { ok: true; operator: OperatorRow; changed: boolean }
  | { ok: false; problem: 'not_found' | 'last_owner' };

/**
 * Disables an operator: they can no longer sign in, their sessions end and their API keys are
 * revoked (a key outliving its operator would keep their access). The last enabled owner cannot
 * be disabled, or nobody could administer the workspace. Disabling twice changes nothing.
 */
export async function disableOperator(
  db: Database,
  input: { workspaceId: string; operatorId: string; actor: string; now: Date },
): Promise<DisableOperatorResult> {
  return db.transaction(async (tx) => {
    // Locking every enabled owner serialises two owners disabling each other at once.
    const owners = await tx
      .select({ id: operators.id })
      .from(operators)
      .where(and(eq(operators.workspaceId, input.workspaceId), eq(operators.role, 'owner'), isNull(operators.disabledAt)))
      .for('update');
    const [operator] = await tx
      .select()
      .from(operators)
      .where(and(eq(operators.workspaceId, input.workspaceId), eq(operators.id, input.operatorId)))
      .for('update');
    if (!operator) return { ok: false, problem: 'not_found' };
    if (operator.disabledAt) return { ok: true, operator, changed: false };
    if (operator.role === 'owner' && owners.every((owner) => owner.id === operator.id)) return { ok: false, problem: 'last_owner' };
    const [disabled] = await tx
      .update(operators)
      .set({ disabledAt: input.now })
      .where(and(eq(operators.workspaceId, input.workspaceId), eq(operators.id, operator.id)))
      .returning();
    const sessions = await tx
      .update(operatorSessions)
      .set({ revokedAt: input.now })
      .where(
        and(
          eq(operatorSessions.workspaceId, input.workspaceId),
          eq(operatorSessions.operatorId, operator.id),
          isNull(operatorSessions.revokedAt),
        ),
      )
      .returning({ id: operatorSessions.id });
    const keys = await tx
      .update(apiKeys)
      .set({ revokedAt: input.now })
      .where(and(eq(apiKeys.workspaceId, input.workspaceId), eq(apiKeys.operatorId, operator.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'operator.disabled',
      subjectType: 'operator',
      subjectId: operator.id,
      data: { email: operator.email, endedSessions: sessions.length, revokedApiKeys: keys.map((key) => key.id) },
      occurredAt: input.now,
    });
    return { ok: true, operator: disabled ?? operator, changed: true };
  });
}
