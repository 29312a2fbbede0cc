/**
 * The tail of a workspace's audit log, for the console's live feed. `seq` is gap-free and
 * assigned under the workspace's append lock, which is held until commit: an event with a
 * higher seq never becomes visible before a lower one, so "after the last seq seen" misses none.
 */
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../client';
import { auditEvents } from '../../schema/audit-events';

export interface AuditTailEvent {
  seq: number;
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  occurredAt: Date;
}

/** The newest seq of the workspace's log; 0 when it is empty. */
export async function lastAuditSeq(db: Executor, workspaceId: string): Promise<number> {
  const [head] = await db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, workspaceId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head?.seq ?? 0;
}

/** Up to `limit` events after `afterSeq`, oldest first. */
export async function auditEventsAfter(db: Executor, workspaceId: string, afterSeq: number, limit: number): Promise<AuditTailEvent[]> {
  return db
    .select({
      seq: auditEvents.seq,
      id: auditEvents.id,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      occurredAt: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}
