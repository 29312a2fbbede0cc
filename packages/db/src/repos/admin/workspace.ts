import { eq } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { clients } from '../../schema/clients';
import { workspaces } from '../../schema/workspaces';

export type WorkspaceRow = typeof workspaces.$inferSelect;

export async function findWorkspace(db: Executor, workspaceId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row;
}

/** Every client's own settings, so a new workspace playbook can be checked against their overrides. */
export async function clientSettingsOf(db: Executor, workspaceId: string) {
  return db
    .select({ id: clients.id, name: clients.name, settings: clients.settings })
    .from(clients)
    .where(eq(clients.workspaceId, workspaceId));
}

export interface WorkspaceChange {
  name?: string;
  /** Replaces `settings.playbook` as a whole; the other settings keys (demo, …) are kept. */
  playbook?: Record<string, unknown>;
}

/**
 * Renames the workspace and/or replaces its playbook overrides, with the audit event in the
 * same transaction. The caller has validated the playbook (it is the ladders' input).
 */
export async function updateWorkspace(
  db: Database,
  input: { workspaceId: string; change: WorkspaceChange; actor: string; now: Date },
): Promise<WorkspaceRow | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(workspaces).where(eq(workspaces.id, input.workspaceId)).for('update');
    if (!current) return undefined;
    const { name, playbook } = input.change;
    const [updated] = await tx
      .update(workspaces)
      .set({
        ...(name !== undefined ? { name } : {}),
        ...(playbook !== undefined ? { settings: { ...current.settings, playbook } } : {}),
      })
      .where(eq(workspaces.id, input.workspaceId))
      .returning();
    await appendAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: 'workspace.updated',
      subjectType: 'workspace',
      subjectId: input.workspaceId,
      data: {
        ...(name !== undefined ? { name: { from: current.name, to: name } } : {}),
        ...(playbook !== undefined ? { playbook: { from: current.settings.playbook ?? null, to: playbook } } : {}),
      },
      occurredAt: input.now,
    });
    return updated;
  });
}
