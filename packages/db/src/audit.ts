import { createHash } from 'node:crypto';
import { canonicalJson } from '@firmly/core';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from './client';
import { auditEvents } from './schema/audit-events';

export interface AuditEventInput {
  workspaceId: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
  occurredAt: Date;
}

const GENESIS = '0'.repeat(64);
/** Advisory-lock class for "append to this workspace's audit chain". */
const AUDIT_LOCK_CLASS = 0x417564;

function chainHash(prevHash: string, seq: number, event: AuditEventInput): string {
  const body = canonicalJson({ ...event, data: event.data ?? {}, seq });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one event to the workspace's chain. Must run inside the transaction that
 * makes the change it records, so the record and the change commit together.
 * The per-workspace advisory lock serialises appends, keeping `seq` gap-free.
 */
export async function appendAuditEvent(tx: Executor, event: AuditEventInput) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, hashtext(${event.workspaceId}))`);
  const [head] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, event.workspaceId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...event, data: event.data ?? {}, seq, prevHash, hash: chainHash(prevHash, seq, event) })
    .returning();
  if (!row) throw new Error('audit insert returned no row');
  return row;
}

/**
 * The result of recomputing a workspace's chain. `length` is how many events were read; a break
 * names the first bad position and, when a row sits at it, that row's id (a deleted event has none).
 */
export type AuditChainCheck =
  | { ok: true; length: number }
  | { ok: false; length: number; brokenAtSeq: number; eventId: string | null; reason: string };

/** Recomputes the chain; a missing, reordered or edited event shows up as the first bad seq. */
export async function verifyAuditChain(db: Database, workspaceId: string): Promise<AuditChainCheck> {
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.seq));
  const broken = (brokenAtSeq: number, eventId: string | null, reason: string): AuditChainCheck => ({
    ok: false,
    length: rows.length,
    brokenAtSeq,
    eventId,
    reason,
  });
  let prevHash = GENESIS;
  for (const [index, row] of rows.entries()) {
    // Rows come ordered by seq, so a gap means the row for `index + 1` is gone.
    if (row.seq !== index + 1) return broken(index + 1, null, 'missing event');
    if (row.prevHash !== prevHash) return broken(row.seq, row.id, 'previous hash does not match');
    const expected = chainHash(prevHash, row.seq, {
      workspaceId: row.workspaceId,
      actor: row.actor,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      data: row.data,
      occurredAt: row.occurredAt,
    });
    if (row.hash !== expected) return broken(row.seq, row.id, 'event content does not match its hash');
    prevHash = row.hash;
  }
  return { ok: true, length: rows.length };
}
