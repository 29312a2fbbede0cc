import type { ClientStatus } from '@firmly/core';
import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Executor } from '../client';
import { clients } from '../schema/clients';

/**
 * Moves a client to another status, with when and why, and records it in the audit log in the
 * same transaction. Whether the move is allowed (`canChangeClientStatus`) is the caller's check:
 * the ladders and the offboarding each decide it under their own lock.
 */
export async function changeClientStatus(
  tx: Executor,
  change: { workspaceId: string; clientId: string; status: ClientStatus; reason: string; actor: string; now: Date },
): Promise<void> {
  await tx
    .update(clients)
    .set({ status: change.status, statusReason: change.reason, statusChangedAt: change.now })
    .where(and(eq(clients.workspaceId, change.workspaceId), eq(clients.id, change.clientId)));
  await appendAuditEvent(tx, {
    workspaceId: change.workspaceId,
    actor: change.actor,
    action: 'client.status_changed',
    subjectType: 'client',
    subjectId: change.clientId,
    data: { status: change.status, reason: change.reason },
    occurredAt: change.now,
  });
}
